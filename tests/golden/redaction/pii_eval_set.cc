// Reader and writer of pii_eval.jsonl. The writer escapes by hand rather than through
// boost::json::serialize so the checked-in bytes do not depend on the Boost version.
#include "tests/golden/redaction/pii_eval_set.h"

#include <array>
#include <boost/json.hpp>
#include <fstream>

namespace docket::golden::redaction {
namespace {

constexpr std::array<std::string_view, kEntityTypeCount> kTypeNames = {
    "EMAIL",         "PHONE",      "PAYMENT_CARD", "IBAN",        "BANK_ROUTING",   "BANK_ACCOUNT",
    "US_SSN",        "IP_ADDRESS", "URL_SECRET",   "API_KEY",     "STREET_ADDRESS", "POSTCODE",
    "DATE_OF_BIRTH", "ORDER_ID",   "TICKET_ID",    "CUSTOMER_ID", "PERSON_NAME"};

void AppendJsonString(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  for (const char c : s) {
    const auto byte = static_cast<unsigned char>(c);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (byte < 0x20) {
          out += "\\u00";
          out += kHex[byte >> 4];
          out += kHex[byte & 0xF];
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

bool IsContinuationByte(const std::string& text, size_t offset) {
  return offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80;
}

StatusOr<std::string> StringField(const boost::json::object& object, std::string_view key) {
  const boost::json::value* value = object.if_contains(key);
  if (value == nullptr || !value->is_string()) {
    return InvalidArgumentError("missing string field \"" + std::string(key) + "\"");
  }
  return std::string(value->get_string());
}

StatusOr<size_t> OffsetField(const boost::json::object& span, std::string_view key) {
  const boost::json::value* value = span.if_contains(key);
  if (value == nullptr || !value->is_int64() || value->get_int64() < 0) {
    return InvalidArgumentError("span needs a non-negative integer \"" + std::string(key) + "\"");
  }
  return static_cast<size_t>(value->get_int64());
}

StatusOr<GoldSpan> ParseSpan(const boost::json::value& value, const std::string& text) {
  if (!value.is_object()) return InvalidArgumentError("a span is not an object");
  const boost::json::object& span = value.get_object();
  GoldSpan gold;
  DOCKET_ASSIGN_OR_RETURN(gold.start, OffsetField(span, "start"));
  DOCKET_ASSIGN_OR_RETURN(gold.end, OffsetField(span, "end"));
  DOCKET_ASSIGN_OR_RETURN(std::string type_name, StringField(span, "type"));
  const std::optional<EntityType> type = ParseGoldType(type_name);
  if (!type) return InvalidArgumentError("unknown span type \"" + type_name + "\"");
  gold.type = *type;
  if (gold.start >= gold.end || gold.end > text.size()) {
    return InvalidArgumentError("span [" + std::to_string(gold.start) + ", " +
                                std::to_string(gold.end) + ") is empty or past the text");
  }
  if (IsContinuationByte(text, gold.start) || IsContinuationByte(text, gold.end)) {
    return InvalidArgumentError("span [" + std::to_string(gold.start) + ", " +
                                std::to_string(gold.end) + ") splits a UTF-8 sequence");
  }
  return gold;
}

}  // namespace

std::string_view GoldTypeName(EntityType type) { return kTypeNames[static_cast<size_t>(type)]; }

std::optional<EntityType> ParseGoldType(std::string_view name) {
  for (size_t i = 0; i < kTypeNames.size(); ++i) {
    if (kTypeNames[i] == name) return static_cast<EntityType>(i);
  }
  return std::nullopt;
}

std::string SerializeEvalRecord(const EvalRecord& record) {
  std::string out = "{\"id\":";
  AppendJsonString(out, record.id);
  out += ",\"region\":";
  AppendJsonString(out, record.region);
  out += ",\"lang\":";
  AppendJsonString(out, record.lang);
  out += ",\"kind\":";
  AppendJsonString(out, record.kind);
  out += ",\"text\":";
  AppendJsonString(out, record.text);
  out += ",\"spans\":[";
  for (size_t i = 0; i < record.spans.size(); ++i) {
    const GoldSpan& span = record.spans[i];
    if (i > 0) out += ',';
    out += "{\"start\":" + std::to_string(span.start) + ",\"end\":" + std::to_string(span.end) +
           ",\"type\":";
    AppendJsonString(out, GoldTypeName(span.type));
    out += '}';
  }
  out += "]}";
  return out;
}

StatusOr<EvalRecord> ParseEvalRecord(std::string_view line) {
  boost::system::error_code ec;
  const boost::json::value root = boost::json::parse(line, ec);
  if (ec) return InvalidArgumentError("not JSON: " + ec.message());
  if (!root.is_object()) return InvalidArgumentError("not a JSON object");
  const boost::json::object& object = root.get_object();
  EvalRecord record;
  DOCKET_ASSIGN_OR_RETURN(record.id, StringField(object, "id"));
  DOCKET_ASSIGN_OR_RETURN(record.region, StringField(object, "region"));
  DOCKET_ASSIGN_OR_RETURN(record.lang, StringField(object, "lang"));
  DOCKET_ASSIGN_OR_RETURN(record.kind, StringField(object, "kind"));
  DOCKET_ASSIGN_OR_RETURN(record.text, StringField(object, "text"));
  const boost::json::value* spans = object.if_contains("spans");
  if (spans == nullptr || !spans->is_array()) {
    return InvalidArgumentError("missing array field \"spans\"");
  }
  for (const boost::json::value& value : spans->get_array()) {
    DOCKET_ASSIGN_OR_RETURN(GoldSpan span, ParseSpan(value, record.text));
    if (!record.spans.empty() && span.start < record.spans.back().end) {
      return InvalidArgumentError("span at " + std::to_string(span.start) +
                                  " overlaps or precedes the previous span");
    }
    record.spans.push_back(span);
  }
  return record;
}

StatusOr<std::vector<EvalRecord>> LoadEvalSet(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFoundError("cannot open " + path);
  std::vector<EvalRecord> records;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty()) continue;
    StatusOr<EvalRecord> record = ParseEvalRecord(line);
    if (!record.ok()) {
      return record.status().WithContext(path + ":" + std::to_string(number));
    }
    records.push_back(std::move(record).value());
  }
  return records;
}

}  // namespace docket::golden::redaction
