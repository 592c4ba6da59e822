// List literals, the right operand of `in` / `not in`: [item, ...] where every item is a
// number (optionally negated), a string or a boolean, all of one type, at most
// kMaxListItems of them. Errors are kInvalidArgument with the position. Pure function;
// thread-safe.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "engine/base/status.h"
#include "policies/expr/internal/token.h"
#include "policies/expr/value.h"

namespace docket::policies::expr::internal {

// Parses the list whose '[' is tokens[next]; on success `next` is past the ']'.
[[nodiscard]] StatusOr<Value> ParseListLiteral(std::string_view source,
                                               const std::vector<Token>& tokens, size_t& next);

}  // namespace docket::policies::expr::internal
