#include "policies/expr/value.h"

#include <charconv>
#include <cstdio>
#include <utility>

#include "engine/base/check.h"

namespace docket::policies::expr {

std::string_view KindName(ValueKind kind) {
  switch (kind) {
    case ValueKind::kMissing:
      return "missing";
    case ValueKind::kBool:
      return "bool";
    case ValueKind::kNumber:
      return "number";
    case ValueKind::kString:
      return "string";
    case ValueKind::kList:
      return "list";
  }
  return "unknown";
}

Value Value::Bool(bool b) {
  Value v;
  v.kind_ = ValueKind::kBool;
  v.bool_ = b;
  return v;
}

Value Value::Number(double n) {
  Value v;
  v.kind_ = ValueKind::kNumber;
  v.number_ = n;
  return v;
}

Value Value::String(std::string s) {
  Value v;
  v.kind_ = ValueKind::kString;
  v.string_ = std::move(s);
  return v;
}

Value Value::List(std::vector<Value> items) {
  Value v;
  v.kind_ = ValueKind::kList;
  v.list_ = std::move(items);
  return v;
}

bool Value::bool_value() const {
  DOCKET_CHECK(kind_ == ValueKind::kBool);
  return bool_;
}

double Value::number() const {
  DOCKET_CHECK(kind_ == ValueKind::kNumber);
  return number_;
}

const std::string& Value::string() const {
  DOCKET_CHECK(kind_ == ValueKind::kString);
  return string_;
}

const std::vector<Value>& Value::list() const {
  DOCKET_CHECK(kind_ == ValueKind::kList);
  return list_;
}

bool operator==(const Value& a, const Value& b) {
  if (a.kind_ != b.kind_) return false;
  switch (a.kind_) {
    case ValueKind::kMissing:
      return true;
    case ValueKind::kBool:
      return a.bool_ == b.bool_;
    case ValueKind::kNumber:
      return a.number_ == b.number_;
    case ValueKind::kString:
      return a.string_ == b.string_;
    case ValueKind::kList:
      return a.list_ == b.list_;
  }
  return false;
}

std::string FormatNumber(double n) {
  char buffer[64];
  const std::to_chars_result result = std::to_chars(buffer, buffer + sizeof(buffer), n);
  DOCKET_CHECK(result.ec == std::errc());
  return std::string(buffer, result.ptr);
}

namespace {

void AppendQuoted(std::string_view s, std::string& out) {
  out.push_back('\'');
  for (const char c : s) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\'':
        out += "\\'";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          char escape[8];
          std::snprintf(escape, sizeof(escape), "\\u%04X", static_cast<unsigned char>(c));
          out += escape;
        } else {
          out.push_back(c);  // UTF-8 bytes pass through unchanged
        }
    }
  }
  out.push_back('\'');
}

}  // namespace

std::string ToString(const Value& value) {
  switch (value.kind()) {
    case ValueKind::kMissing:
      return "null";
    case ValueKind::kBool:
      return value.bool_value() ? "true" : "false";
    case ValueKind::kNumber:
      return FormatNumber(value.number());
    case ValueKind::kString: {
      std::string out;
      AppendQuoted(value.string(), out);
      return out;
    }
    case ValueKind::kList: {
      std::string out = "[";
      for (size_t i = 0; i < value.list().size(); ++i) {
        if (i > 0) out += ", ";
        out += ToString(value.list()[i]);
      }
      out += "]";
      return out;
    }
  }
  return "";
}

}  // namespace docket::policies::expr
