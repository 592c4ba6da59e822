#include "workflows/signals/internal/strict_json.h"

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/serialize.hpp>
#include <cmath>
#include <functional>
#include <utility>

#include "workflows/ingest/utf8.h"
#include "workflows/signals/internal/text_position.h"

namespace docket::workflows::signals::internal {
namespace json = boost::json;
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// "\"key\"" quoted as JSON, at most 64 bytes of the key.
std::string QuoteKey(std::string_view key) {
  return json::serialize(json::string_view(SafeUtf8Excerpt(key, 64)));
}

// A basic_parser handler that builds the document's value, refuses duplicate keys and
// non-finite numbers, and records the byte offsets of keys in the outer objects.
// Offsets come from the string views the parser hands over, which point into the input
// for tokens without escapes (checked, never assumed).
class DocumentBuilder {
 public:
  static constexpr std::size_t max_array_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_object_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_string_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_key_size = static_cast<std::size_t>(-1);

  DocumentBuilder(std::string_view bytes, uint32_t located_depth)
      : bytes_(bytes), located_depth_(located_depth) {}

  bool on_document_begin(json::error_code&) { return true; }
  bool on_document_end(json::error_code&) { return true; }
  bool on_array_begin(json::error_code&) { return Open(json::array()); }
  bool on_array_end(std::size_t, json::error_code&) { return Close(); }
  bool on_object_begin(json::error_code&) { return Open(json::object()); }
  bool on_object_end(std::size_t, json::error_code&) { return Close(); }
  bool on_string_part(json::string_view s, std::size_t, json::error_code&) {
    text_.append(s.data(), s.size());
    return true;
  }
  bool on_string(json::string_view s, std::size_t n, json::error_code&) {
    Track(s, n);
    text_.append(s.data(), s.size());
    json::string value(text_);
    text_.clear();
    return Emit(std::move(value));
  }
  bool on_key_part(json::string_view s, std::size_t, json::error_code&) {
    text_.append(s.data(), s.size());
    return true;
  }
  bool on_key(json::string_view s, std::size_t n, json::error_code& ec);
  bool on_number_part(json::string_view, json::error_code&) { return true; }
  bool on_int64(int64_t i, json::string_view s, json::error_code&) {
    Track(s, s.size());
    return Emit(i);
  }
  bool on_uint64(uint64_t u, json::string_view s, json::error_code&) {
    Track(s, s.size());
    return Emit(u);
  }
  bool on_double(double d, json::string_view s, json::error_code& ec) {
    Track(s, s.size());
    if (!std::isfinite(d)) {
      return Fail(ec, last_offset_,
                  "number " + SafeUtf8Excerpt(std::string_view(s), 64) + " is out of range");
    }
    return Emit(d);
  }
  bool on_bool(bool b, json::error_code&) { return Emit(b); }
  bool on_null(json::error_code&) { return Emit(nullptr); }
  bool on_comment_part(json::string_view, json::error_code&) { return true; }
  bool on_comment(json::string_view, json::error_code&) { return true; }

  bool has_problem() const { return !problem_.empty(); }
  const std::string& problem() const { return problem_; }
  size_t problem_offset() const { return problem_offset_; }
  json::value TakeRoot() { return std::move(root_); }
  std::map<std::vector<std::string>, size_t> TakeKeyOffsets() { return std::move(key_offsets_); }

 private:
  struct Frame {
    json::value container;
    std::string key;  // the pending key, for objects
    bool located = false;
  };

  // Remembers where the token `s` (whole when `n == s.size()`) starts in the input.
  void Track(json::string_view s, std::size_t n) {
    const std::less_equal<const char*> le;
    if (n == s.size() && le(bytes_.data(), s.data()) &&
        le(s.data() + s.size(), bytes_.data() + bytes_.size())) {
      last_offset_ = static_cast<size_t>(s.data() - bytes_.data());
    }
  }
  bool Fail(json::error_code& ec, size_t offset, std::string problem) {
    problem_ = std::move(problem);
    problem_offset_ = offset;
    ec = json::error::syntax;
    return false;
  }
  bool Open(json::value container) {
    const bool located =
        stack_.empty() || (stack_.back().located && stack_.back().container.is_object() &&
                           stack_.size() < located_depth_);
    if (located && !stack_.empty()) path_.push_back(stack_.back().key);
    stack_.push_back(Frame{std::move(container), {}, located});
    return true;
  }
  bool Close() {
    Frame frame = std::move(stack_.back());
    stack_.pop_back();
    if (frame.located && !stack_.empty()) path_.pop_back();
    return Emit(std::move(frame.container));
  }
  bool Emit(json::value value) {
    if (stack_.empty()) {
      root_ = std::move(value);
    } else if (Frame& top = stack_.back(); top.container.is_object()) {
      top.container.get_object().emplace(top.key, std::move(value));
    } else {
      top.container.get_array().emplace_back(std::move(value));
    }
    return true;
  }

  const std::string_view bytes_;
  const uint32_t located_depth_;
  std::vector<Frame> stack_;
  std::vector<std::string> path_;  // keys leading to the innermost located frame
  std::string text_;               // parts of the current string or key
  json::value root_;
  std::map<std::vector<std::string>, size_t> key_offsets_;
  size_t last_offset_ = 0;
  std::string problem_;
  size_t problem_offset_ = 0;
};

bool DocumentBuilder::on_key(json::string_view s, std::size_t n, json::error_code& ec) {
  Track(s, n);
  // The offset of the key's opening quote; a key with escapes keeps the previous token's.
  const size_t offset =
      (n == s.size() && last_offset_ > 0 && bytes_.data() + last_offset_ == s.data())
          ? last_offset_ - 1
          : last_offset_;
  text_.append(s.data(), s.size());
  std::string key = std::move(text_);
  text_.clear();
  Frame& top = stack_.back();
  if (top.container.get_object().contains(key)) {
    return Fail(ec, offset,
                "duplicate key " + QuoteKey(key) + " in one object; keep only one of them");
  }
  if (top.located) {
    path_.push_back(key);
    key_offsets_.emplace(path_, offset);
    path_.pop_back();
  }
  top.key = std::move(key);
  return true;
}

std::string DescribeParseError(const json::error_code& ec, const StrictJsonLimits& limits) {
  if (ec == json::error::incomplete) {
    return "the JSON ends before its value is complete (an object, array or string is not "
           "closed); the file looks truncated";
  }
  if (ec == json::error::too_deep) {
    return "values are nested deeper than " + std::to_string(limits.max_depth) + " levels";
  }
  if (ec == json::error::exponent_overflow) return "a number is out of range";
  return "invalid JSON here (" + ec.message() + ")";
}

}  // namespace

std::string StrictJsonDocument::Where(const std::vector<std::string>& path) const {
  std::vector<std::string> prefix = path;
  for (;;) {
    if (prefix.empty()) return WhereOffset(file_name_, bytes_, bytes_.starts_with(kBom) ? 3 : 0);
    if (auto it = key_offsets_.find(prefix); it != key_offsets_.end()) {
      return WhereOffset(file_name_, bytes_, it->second);
    }
    prefix.pop_back();
  }
}

StatusOr<StrictJsonDocument> ParseStrictJson(std::string_view file_name, std::string_view bytes,
                                             const StrictJsonLimits& limits,
                                             std::string_view kind) {
  DOCKET_RETURN_IF_ERROR(CheckSignalBytes(file_name, bytes, limits.max_bytes, kind));
  const size_t start = bytes.starts_with(kBom) ? kBom.size() : 0;
  if (bytes.find_first_not_of(" \t\r\n", start) == std::string_view::npos) {
    return InvalidArgumentError(WhereOffset(file_name, bytes, bytes.size()) + ": the " +
                                std::string(kind) + " is empty; expected a JSON object");
  }
  json::parse_options options;
  options.max_depth = limits.max_depth;
  json::basic_parser<DocumentBuilder> parser(options, bytes, limits.located_depth);
  json::error_code ec;
  const size_t consumed =
      start + parser.write_some(false, bytes.data() + start, bytes.size() - start, ec);
  DocumentBuilder& builder = parser.handler();
  if (builder.has_problem()) {
    return InvalidArgumentError(WhereOffset(file_name, bytes, builder.problem_offset()) + ": " +
                                builder.problem());
  }
  if (ec) {
    return InvalidArgumentError(WhereOffset(file_name, bytes, consumed) + ": " +
                                DescribeParseError(ec, limits));
  }
  if (consumed < bytes.size()) {
    return InvalidArgumentError(WhereOffset(file_name, bytes, consumed) +
                                ": unexpected text after the JSON value; a file holds one "
                                "JSON document");
  }
  return StrictJsonDocument(std::string(file_name), bytes, builder.TakeRoot(),
                            builder.TakeKeyOffsets());
}

}  // namespace docket::workflows::signals::internal
