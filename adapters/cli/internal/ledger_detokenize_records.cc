// The records of `docket ledger detokenize`; see ledger_detokenize_records.h.
#include "adapters/cli/internal/ledger_detokenize_records.h"

#include <boost/json.hpp>

#include "workflows/ingest/utf8.h"

namespace docket::adapters::internal {
namespace {

namespace json = boost::json;

// The record on `line`, or an error saying what is wrong with it (without location).
StatusOr<DetokenizeRecord> ParseLine(std::string_view line, uint64_t number) {
  if (line.size() > kMaxDetokenizeLineBytes) {
    return InvalidArgumentError("line of " + std::to_string(line.size()) +
                                " bytes is over the 1 MiB limit");
  }
  if (std::optional<size_t> bad = workflows::FindInvalidUtf8(line)) {
    return InvalidArgumentError("invalid UTF-8 at byte " + std::to_string(*bad + 1) +
                                " of the line; fix the encoding");
  }
  DetokenizeRecord record{.line = number};
  const size_t first = line.find_first_not_of(" \t");
  if (first == std::string_view::npos || line[first] != '{') {
    record.text = std::string(line);
    return record;
  }
  boost::system::error_code ec;
  json::value value = json::parse(line, ec);
  if (ec || !value.is_object()) {
    return InvalidArgumentError("the line starts with '{' but is not a JSON object (" +
                                (ec ? ec.message() : std::string("not an object")) + ")");
  }
  const json::value* text = value.as_object().if_contains("text");
  if (text == nullptr || !text->is_string()) {
    return InvalidArgumentError("a JSON record needs a string `text` field");
  }
  record.text = std::string(text->get_string());
  record.record = std::move(value.as_object());
  return record;
}

}  // namespace

StatusOr<std::vector<DetokenizeRecord>> ParseDetokenizeInput(std::string_view input,
                                                             std::string_view name) {
  if (input.size() > kMaxDetokenizeInputBytes) {
    return InvalidArgumentError(std::string(name) + ": input of " + std::to_string(input.size()) +
                                " bytes is over the 256 MiB limit; split it");
  }
  std::vector<DetokenizeRecord> records;
  uint64_t number = 0;
  for (size_t at = 0; at < input.size();) {
    ++number;
    const size_t newline = input.find('\n', at);
    std::string_view line =
        input.substr(at, newline == std::string_view::npos ? input.npos : newline - at);
    at = newline == std::string_view::npos ? input.size() : newline + 1;
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (line.empty()) continue;
    StatusOr<DetokenizeRecord> record = ParseLine(line, number);
    if (!record.ok()) {
      return InvalidArgumentError(std::string(name) + ":" + std::to_string(number) + ": " +
                                  record.status().message());
    }
    records.push_back(std::move(*record));
  }
  return records;
}

DetokenizedRecords DetokenizeRecords(const SubjectTokens& tokens,
                                     const std::vector<DetokenizeRecord>& records) {
  DetokenizedRecords result;
  for (const DetokenizeRecord& record : records) {
    DetokenizedText detokenized = Detokenize(tokens, record.text);
    result.resolved += detokenized.resolved.size();
    for (const TokenPlaceholder& placeholder : detokenized.resolved) {
      result.references.insert(placeholder.Text());
    }
    for (TokenPlaceholder& placeholder : detokenized.unresolved) {
      result.unresolved.emplace_back(record.line, std::move(placeholder));
    }
    if (record.record) {
      json::object object = *record.record;
      object["text"] = detokenized.text;
      result.output += json::serialize(object);
    } else {
      result.output += detokenized.text;
    }
    result.output += '\n';
  }
  return result;
}

}  // namespace docket::adapters::internal
