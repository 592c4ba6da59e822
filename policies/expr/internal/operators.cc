#include "policies/expr/internal/operators.h"

#include <cmath>
#include <string>

namespace docket::policies::expr::internal {
namespace {

Status TypeError(Op op, std::string_view wants, ValueKind got) {
  return InvalidArgumentError("'" + std::string(OpSpelling(op)) + "' needs " + std::string(wants) +
                              ", got " + Article(got));
}

bool IsPresent(const Value& v) { return !v.is_missing(); }

StatusOr<Value> Arithmetic(Op op, const Value& left, const Value& right) {
  for (const Value* side : {&left, &right}) {
    if (IsPresent(*side) && side->kind() != ValueKind::kNumber) {
      return TypeError(op, "numbers", side->kind());
    }
  }
  if (left.is_missing() || right.is_missing()) return Value::Missing();
  const double a = left.number();
  const double b = right.number();
  double result = 0;
  switch (op) {
    case Op::kAdd:
      result = a + b;
      break;
    case Op::kSubtract:
      result = a - b;
      break;
    case Op::kMultiply:
      result = a * b;
      break;
    default:
      if (b == 0) return OutOfRangeError("division by zero");
      result = a / b;
  }
  // An infinite operand (an infinite rate ratio from the evidence) may give an infinite
  // result; overflow from finite operands, and NaN (inf - inf), are errors.
  const bool infinite_operand = std::isinf(a) || std::isinf(b);
  if (std::isnan(result) || (!std::isfinite(result) && !infinite_operand)) {
    return OutOfRangeError("result of '" + std::string(OpSpelling(op)) +
                           "' is not a finite number");
  }
  return Value::Number(result);
}

StatusOr<Value> Compare(Op op, const Value& left, const Value& right) {
  const bool ordering = op != Op::kEqual && op != Op::kNotEqual;
  for (const Value* side : {&left, &right}) {
    const ValueKind kind = side->kind();
    if (kind == ValueKind::kList || (ordering && kind == ValueKind::kBool)) {
      return InvalidArgumentError("'" + std::string(OpSpelling(op)) + "' cannot compare " +
                                  Article(kind));
    }
  }
  if (left.is_missing() || right.is_missing()) return Value::Missing();
  if (left.kind() != right.kind()) {
    return InvalidArgumentError("'" + std::string(OpSpelling(op)) + "' cannot compare " +
                                Article(left.kind()) + " with " + Article(right.kind()));
  }
  int order = 0;  // <0, 0, >0 like strcmp; only == and != read it for bools
  if (left.kind() == ValueKind::kNumber) {
    order = left.number() < right.number() ? -1 : (left.number() > right.number() ? 1 : 0);
  } else if (left.kind() == ValueKind::kString) {
    order = left.string().compare(right.string());
  } else {
    order = left.bool_value() == right.bool_value() ? 0 : 1;
  }
  switch (op) {
    case Op::kEqual:
      return Value::Bool(order == 0);
    case Op::kNotEqual:
      return Value::Bool(order != 0);
    case Op::kLess:
      return Value::Bool(order < 0);
    case Op::kLessEqual:
      return Value::Bool(order <= 0);
    case Op::kGreater:
      return Value::Bool(order > 0);
    default:
      return Value::Bool(order >= 0);
  }
}

StatusOr<Value> Membership(Op op, const Value& needle, const Value& list) {
  const std::string spelling(OpSpelling(op));
  if (needle.kind() == ValueKind::kList) {
    return InvalidArgumentError("'" + spelling + "' cannot look for a list");
  }
  if (IsPresent(list) && list.kind() != ValueKind::kList) {
    return InvalidArgumentError("'" + spelling + "' needs a list on its right, got " +
                                Article(list.kind()));
  }
  if (needle.is_missing() || list.is_missing()) return Value::Missing();
  bool found = false;
  for (const Value& item : list.list()) {
    if (item.is_missing()) continue;
    if (item.kind() != needle.kind()) {
      return InvalidArgumentError("'" + spelling + "' looks for " + Article(needle.kind()) +
                                  " in a list holding " + Article(item.kind()));
    }
    found = found || item == needle;
  }
  return Value::Bool(op == Op::kIn ? found : !found);
}

}  // namespace

std::string Article(ValueKind kind) {
  switch (kind) {
    case ValueKind::kMissing:
      return "missing";
    case ValueKind::kBool:
      return "a bool";
    case ValueKind::kNumber:
      return "a number";
    case ValueKind::kString:
      return "a string";
    case ValueKind::kList:
      return "a list";
  }
  return "a value";
}

StatusOr<Value> ApplyUnary(Op op, const Value& operand) {
  if (operand.is_missing()) return Value::Missing();
  if (op == Op::kNegate) {
    if (operand.kind() != ValueKind::kNumber) return TypeError(op, "a number", operand.kind());
    return Value::Number(-operand.number());
  }
  if (operand.kind() != ValueKind::kBool) return TypeError(op, "a bool", operand.kind());
  return Value::Bool(!operand.bool_value());
}

StatusOr<Value> ApplyBinary(Op op, const Value& left, const Value& right) {
  switch (op) {
    case Op::kAdd:
    case Op::kSubtract:
    case Op::kMultiply:
    case Op::kDivide:
      return Arithmetic(op, left, right);
    case Op::kIn:
    case Op::kNotIn:
      return Membership(op, left, right);
    default:
      return Compare(op, left, right);
  }
}

}  // namespace docket::policies::expr::internal
