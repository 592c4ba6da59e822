#include "workflows/ingest/jsonl_reader.h"

#include <array>
#include <boost/json/error.hpp>
#include <boost/json/monotonic_resource.hpp>
#include <boost/json/parser.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <charconv>
#include <cstring>
#include <optional>

namespace docket::workflows {
namespace json = boost::json;

namespace {

bool IsBlank(std::string_view s) { return s.find_first_not_of(" \t\r") == std::string_view::npos; }

std::string_view KindName(const json::value& v) {
  switch (v.kind()) {
    case json::kind::array:
      return "array";
    case json::kind::string:
      return "string";
    case json::kind::null:
      return "null";
    case json::kind::bool_:
      return "boolean";
    default:
      return "number";
  }
}

const json::value* Find(const json::object& object, std::string_view path) {
  if (auto it = object.find(path); it != object.end()) return &it->value();
  for (size_t dot = path.find('.'); dot != std::string_view::npos; dot = path.find('.', dot + 1)) {
    auto it = object.find(path.substr(0, dot));
    if (it == object.end() || !it->value().is_object()) continue;
    if (const json::value* v = Find(it->value().get_object(), path.substr(dot + 1))) return v;
  }
  return nullptr;
}

template <typename Number>
void AppendNumber(Number n, std::string& out) {
  std::array<char, 32> buf;
  const auto result = std::to_chars(buf.data(), buf.data() + buf.size(), n);
  out.append(buf.data(), result.ptr);
}

}  // namespace

struct JsonlReader::Parser {
  explicit Parser(const JsonlLimits& limits)
      : arena(arena_buffer.data(), arena_buffer.size()),
        parser(json::storage_ptr(), Options(limits), parser_buffer.data(), parser_buffer.size()) {}

  static json::parse_options Options(const JsonlLimits& limits) {
    json::parse_options options;
    options.max_depth = limits.max_depth;
    // Invalid UTF-8 inside strings is reported per field by the caller, which can
    // name the field; keys and structure are still checked here.
    options.allow_invalid_utf8 = true;
    return options;
  }

  // Lines up to a few KiB parse without touching the heap.
  std::array<unsigned char, 16384> arena_buffer;
  std::array<unsigned char, 4096> parser_buffer;
  json::monotonic_resource arena;
  json::parser parser;
  std::optional<json::value> value;  // the current line, allocated in `arena`
};

JsonlReader::JsonlReader(std::string_view input, JsonlLimits limits)
    : in_(input), limits_(limits), parser_(std::make_unique<Parser>(limits)) {}

JsonlReader::~JsonlReader() = default;

bool JsonlReader::Next(JsonlLine& line) {
  while (status_.ok() && pos_ < in_.size()) {
    const void* newline = std::memchr(in_.data() + pos_, '\n', in_.size() - pos_);
    const size_t end =
        newline != nullptr ? static_cast<const char*>(newline) - in_.data() : in_.size();
    std::string_view raw = in_.substr(pos_, end - pos_);
    if (pos_ == 0 && raw.starts_with("\xEF\xBB\xBF")) raw.remove_prefix(3);
    if (raw.ends_with('\r')) raw.remove_suffix(1);
    pos_ = newline != nullptr ? end + 1 : end;
    const uint64_t number = line_++;
    if (IsBlank(raw)) continue;
    line.line = number;
    line.raw = raw;
    line.problem.clear();
    return ParseLine(line, newline != nullptr);
  }
  return false;
}

bool JsonlReader::ParseLine(JsonlLine& line, bool ends_with_newline) {
  Parser& p = *parser_;
  p.value.reset();
  p.arena.release();
  const std::string where = "line " + std::to_string(line.line);
  if (line.raw.size() > limits_.max_line_bytes) {
    line.problem = where + ": line is " + std::to_string(line.raw.size()) +
                   " bytes, over the limit of " + std::to_string(limits_.max_line_bytes);
    return true;
  }
  p.parser.reset(json::storage_ptr(&p.arena));
  json::error_code ec;
  const size_t consumed = p.parser.write(line.raw.data(), line.raw.size(), ec);
  if (ec) {
    if (!ends_with_newline) {
      status_ = InvalidArgumentError(
          where + ": the last line is not complete JSON (" + ec.message() +
          ") and the file does not end with a newline; the file looks truncated");
      return false;
    }
    const std::string why =
        ec == json::error::too_deep
            ? "nested deeper than " + std::to_string(limits_.max_depth) + " levels"
            : ec.message();
    line.problem =
        where + ", column " + std::to_string(consumed + 1) + ": not valid JSON (" + why + ")";
    return true;
  }
  p.value.emplace(p.parser.release());
  if (!p.value->is_object()) {
    line.problem = where + ": a JSON " + std::string(KindName(*p.value)) +
                   " where a JSON object was expected; each line must be one {...} object";
    p.value.reset();
  }
  return true;
}

bool JsonlReader::AppendValue(std::string_view dotted_path, std::string& out) const {
  const std::optional<json::value>& current = parser_->value;
  if (!current.has_value()) return false;
  const json::value* v = Find(current->get_object(), dotted_path);
  if (v == nullptr) return false;
  switch (v->kind()) {
    case json::kind::null:
      return false;
    case json::kind::string:
      out.append(v->get_string().data(), v->get_string().size());
      return true;
    case json::kind::int64:
      AppendNumber(v->get_int64(), out);
      return true;
    case json::kind::uint64:
      AppendNumber(v->get_uint64(), out);
      return true;
    case json::kind::double_:
      AppendNumber(v->get_double(), out);
      return true;
    case json::kind::bool_:
      out.append(v->get_bool() ? "true" : "false");
      return true;
    default:
      out.append(json::serialize(*v));
      return true;
  }
}

}  // namespace docket::workflows
