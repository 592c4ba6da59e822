// The value semantics of the unary and binary operators other than `and` / `or`: type
// rules, missing propagation and domain errors. Errors carry no position (the evaluator
// adds it): kInvalidArgument for a type error, kOutOfRange for a result that is not a
// finite number. Pure functions; thread-safe.
#pragma once

#include "engine/base/status.h"
#include "policies/expr/internal/node.h"
#include "policies/expr/value.h"

namespace docket::policies::expr::internal {

// kNegate or kNot.
[[nodiscard]] StatusOr<Value> ApplyUnary(Op op, const Value& operand);

// Arithmetic, comparisons, in / not in.
[[nodiscard]] StatusOr<Value> ApplyBinary(Op op, const Value& left, const Value& right);

// "a number", "a string": for messages.
std::string Article(ValueKind kind);

}  // namespace docket::policies::expr::internal
