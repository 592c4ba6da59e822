#include "policies/expr/internal/function_eval.h"

#include <charconv>
#include <cmath>
#include <string>

#include "policies/expr/internal/call_rules.h"
#include "policies/expr/internal/function_table.h"
#include "policies/expr/internal/operators.h"

namespace docket::policies::expr::internal {
namespace {

std::string NameOf(Function function) { return std::string(InfoOf(function).name) + "()"; }

StatusOr<Value> Round(double x, double digits) {
  if (digits != std::floor(digits) || digits < 0 || digits > kMaxRoundDigits) {
    return InvalidArgumentError("round() digits must be a whole number from 0 to " +
                                std::to_string(kMaxRoundDigits));
  }
  return Value::Number(RoundToDigits(x, static_cast<int>(digits)));
}

}  // namespace

double RoundToDigits(double x, int digits) {
  // Room for the integer part of the largest double (309 digits), a sign, a point and
  // kMaxRoundDigits decimals.
  char buffer[400];
  const std::to_chars_result printed =
      std::to_chars(buffer, buffer + sizeof(buffer), x, std::chars_format::fixed, digits);
  double rounded = x;
  if (printed.ec == std::errc()) std::from_chars(buffer, printed.ptr, rounded);
  return rounded;
}

StatusOr<Value> ApplyNumericFunction(Function function, const std::vector<Value>& arguments) {
  bool missing = false;
  for (const Value& argument : arguments) {
    if (argument.is_missing()) {
      missing = true;
    } else if (argument.kind() != ValueKind::kNumber) {
      return InvalidArgumentError(NameOf(function) + " needs numbers, got " +
                                  Article(argument.kind()));
    }
  }
  if (missing) return Value::Missing();
  const double x = arguments[0].number();
  switch (function) {
    case Function::kMin:
    case Function::kMax: {
      double result = x;
      for (const Value& argument : arguments) {
        const double y = argument.number();
        result = function == Function::kMin ? std::fmin(result, y) : std::fmax(result, y);
      }
      return Value::Number(result);
    }
    case Function::kAbs:
      return Value::Number(std::fabs(x));
    case Function::kSqrt:
      if (x < 0) return OutOfRangeError("sqrt() of a negative number");
      return Value::Number(std::sqrt(x));
    case Function::kLog:
      if (x <= 0) return OutOfRangeError("log() of zero or a negative number");
      return Value::Number(std::log(x));
    case Function::kRound:
      return Round(x, arguments[1].number());
    default:
      return InternalError(NameOf(function) + " is not a numeric function");
  }
}

}  // namespace docket::policies::expr::internal
