// Value: what a policy expression evaluates to and what an Environment binds a name to:
// missing, bool, number (IEEE double), string (UTF-8) or a list of such scalars.
// FormatNumber prints the shortest text that reads back to the same double, so
// thresholds recorded in the ledger are byte-stable. Value types; thread-compatible.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace docket::policies::expr {

enum class ValueKind { kMissing, kBool, kNumber, kString, kList };

// "missing", "bool", "number", "string", "list": for error messages.
std::string_view KindName(ValueKind kind);

class Value {
 public:
  // A default Value is missing.
  Value() = default;

  static Value Missing() { return Value(); }
  static Value Bool(bool b);
  static Value Number(double n);
  static Value String(std::string s);
  // Items should be scalars (not lists); `in` refuses a list item with a type error.
  static Value List(std::vector<Value> items);

  ValueKind kind() const { return kind_; }
  bool is_missing() const { return kind_ == ValueKind::kMissing; }
  // Accessors require the matching kind (checked).
  bool bool_value() const;
  double number() const;
  const std::string& string() const;
  const std::vector<Value>& list() const;

  // Same kind and equal contents; numbers compare as doubles (0 == -0).
  friend bool operator==(const Value& a, const Value& b);

 private:
  ValueKind kind_ = ValueKind::kMissing;
  bool bool_ = false;
  double number_ = 0;
  std::string string_;
  std::vector<Value> list_;
};

// Shortest decimal text that parses back to `n` (std::to_chars), e.g. "0.1", "1e+21",
// "-0", "inf", "nan". Deterministic across runs and platforms with IEEE doubles.
std::string FormatNumber(double n);

// Canonical literal text: null, true, 0.25, 'it\'s', [1, 2]. Strings use single quotes
// and escape \\ \' \n \t and other control characters as \uXXXX.
std::string ToString(const Value& value);

}  // namespace docket::policies::expr
