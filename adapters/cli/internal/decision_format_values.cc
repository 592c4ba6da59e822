// std::to_chars, not printf: the bytes must not depend on the C locale.
#include "adapters/cli/internal/decision_format_values.h"

#include <boost/json/serialize.hpp>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace docket::adapters::internal {
namespace {

namespace json = boost::json;

double AsDouble(const json::value& v) {
  if (v.is_int64()) return static_cast<double>(v.get_int64());
  if (v.is_uint64()) return static_cast<double>(v.get_uint64());
  return v.get_double();
}

std::string NonFinite(double value) {
  if (std::isnan(value)) return "nan";
  return value < 0 ? "-inf" : "inf";
}

void AppendPretty(const json::value& v, std::string& out, size_t indent) {
  const std::string pad(indent * 2, ' ');
  const std::string inner((indent + 1) * 2, ' ');
  if (v.is_object() && !v.get_object().empty()) {
    out += "{\n";
    bool first = true;
    for (const auto& kv : v.get_object()) {
      out += (first ? "" : ",\n") + inner + json::serialize(json::value(kv.key())) + ": ";
      first = false;
      AppendPretty(kv.value(), out, indent + 1);
    }
    out += "\n" + pad + "}";
  } else if (v.is_array() && !v.get_array().empty()) {
    out += "[\n";
    bool first = true;
    for (const json::value& item : v.get_array()) {
      out += (first ? "" : ",\n") + inner;
      first = false;
      AppendPretty(item, out, indent + 1);
    }
    out += "\n" + pad + "]";
  } else {
    out += json::serialize(v);
  }
}

}  // namespace

std::string PrettyJson(const json::value& value) {
  std::string out;
  AppendPretty(value, out, 0);
  return out + "\n";
}

std::string HumanNumber(double value) {
  if (!std::isfinite(value)) return NonFinite(value);
  char buf[64];
  std::to_chars_result r;
  if (value == std::floor(value) && std::fabs(value) < 9.007199254740992e15) {
    r = std::to_chars(buf, buf + sizeof buf, static_cast<int64_t>(value));
  } else {
    r = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::general, 4);
  }
  return std::string(buf, r.ptr);
}

std::string FixedNumber(double value, int decimals) {
  if (!std::isfinite(value)) return NonFinite(value);
  char buf[400];  // the largest double in fixed notation has 309 digits
  const std::to_chars_result r =
      std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, decimals);
  if (r.ec != std::errc()) return HumanNumber(value);
  std::string s(buf, r.ptr);
  if (s.front() == '-' && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);
  return s;
}

std::string HumanValue(const json::value& value) {
  switch (value.kind()) {
    case json::kind::null:
      return "missing";
    case json::kind::bool_:
      return value.get_bool() ? "true" : "false";
    case json::kind::int64:
    case json::kind::uint64:
    case json::kind::double_:
      return HumanNumber(AsDouble(value));
    case json::kind::string:
      return std::string(value.get_string());
    case json::kind::array: {
      std::string out = "[";
      for (const json::value& item : value.get_array()) {
        out += (out.size() > 1 ? ", " : "") + HumanValue(item);
      }
      return out + "]";
    }
    case json::kind::object:
      return "{...}";
  }
  return "";
}

std::string FixedValue(const json::value* value, int decimals) {
  if (value == nullptr || value->is_null()) return "-";
  if (value->is_string()) return std::string(value->get_string());
  if (!value->is_number()) return "-";
  return FixedNumber(AsDouble(*value), decimals);
}

std::string ProbabilityValue(const json::value* value) {
  if (value == nullptr || !value->is_number()) return FixedValue(value, 4);
  const double p = AsDouble(*value);
  if (p < 1e-4) return "<0.0001";
  return FixedNumber(p, 4);
}

std::string RateRatioWithInterval(const RuleInstanceView& rule) {
  const json::value* low = rule.Evidence("ci_low");
  const json::value* high = rule.Evidence("ci_high");
  std::string out = FixedValue(rule.Evidence("rate_ratio"), 2);
  if (low == nullptr && high == nullptr) return out;
  return out + " (" + FixedValue(low, 2) + " to " + FixedValue(high, 2) + ")";
}

std::string OutcomeAndReason(const RuleInstanceView& rule) {
  const std::string outcome(policies::OutcomeName(rule.outcome));
  if (rule.reason.rfind(outcome + ":", 0) == 0) return rule.reason;
  return outcome + ": " + rule.reason;
}

std::string EvidenceLine(const RuleInstanceView& rule) {
  std::string out;
  for (const EvidenceItem& item : rule.evidence) {
    out += (out.empty() ? "" : ", ") + item.name + " = " + HumanValue(item.value);
  }
  return out;
}

std::string PrintableText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
    char buf[8];
    if (c < 0x20 || c == 0x7f) {
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else if (c == 0xc2 && next >= 0x80 && next <= 0x9f) {  // U+0080..U+009F
      std::snprintf(buf, sizeof buf, "\\u%04x", next);
      out += buf;
      ++i;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace docket::adapters::internal
