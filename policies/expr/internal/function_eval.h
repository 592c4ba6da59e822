// The numeric functions of the table (min, max, abs, sqrt, log, round) applied to
// evaluated arguments; exists and coalesce are evaluated lazily by the evaluator. Errors
// carry no position: kInvalidArgument for a type error or bad round() digits,
// kOutOfRange for sqrt or log outside their domain. Pure function; thread-safe.
#pragma once

#include <vector>

#include "engine/base/status.h"
#include "policies/expr/internal/node.h"
#include "policies/expr/value.h"

namespace docket::policies::expr::internal {

// A missing argument makes the result missing (after every argument's type is checked).
[[nodiscard]] StatusOr<Value> ApplyNumericFunction(Function function,
                                                   const std::vector<Value>& arguments);

// Rounds `x` to `digits` decimals (0..15) as Python's round() does: the exact binary value
// is rounded, exact ties go to even. Deterministic (std::to_chars / std::from_chars).
double RoundToDigits(double x, int digits);

}  // namespace docket::policies::expr::internal
