// Evaluate: runs a compiled Expression against an Environment. A pure function of its
// arguments, in time linear in the expression's size (and the lists it reads); safe to
// call concurrently on one Expression if the Environment's Lookup() is.
//
// Missing data propagates: arithmetic, comparisons, `in` and functions (except exists
// and coalesce) with a missing operand are missing; `and` / `or` follow Kleene logic
// (false and missing = false, true or missing = true), evaluating the right side only
// when the left does not decide.
#pragma once

#include "engine/base/status.h"
#include "policies/expr/environment.h"
#include "policies/expr/expression.h"
#include "policies/expr/value.h"

namespace docket::policies::expr {

// The value of `expression`. Errors carry the position of the operator or call:
// kInvalidArgument for a type error ('a' < 3, not 5, round() digits out of range);
// kOutOfRange for arithmetic that has no finite answer (division by zero, sqrt or log of
// a negative, overflow to ±inf) or a name bound to NaN or ±inf.
[[nodiscard]] StatusOr<Value> Evaluate(const Expression& expression,
                                       const Environment& environment);

// The three outcomes of a warn: / fail: criterion. The caller maps kMissing to the
// rule's on_missing_data.
enum class Truth { kFalse, kTrue, kMissing };

// Evaluate() for criteria. Errors: as Evaluate(), plus kInvalidArgument if the result is
// not a bool or missing ("rate_ratio * 2" is a metric, not a criterion).
[[nodiscard]] StatusOr<Truth> EvaluateCriterion(const Expression& expression,
                                                const Environment& environment);

}  // namespace docket::policies::expr
