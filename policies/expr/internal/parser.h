// Parser: recursive descent over the lexer's tokens into a flat syntax tree (children
// before parents, root last). Enforces kMaxDepth before every recursion, kMaxNodes,
// kMaxListItems, function arity and the shape rules (comparisons do not chain; a list
// only follows `in`; exists() takes a name). Errors are kInvalidArgument with the
// position. Pure function; thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "engine/base/status.h"
#include "policies/expr/internal/node.h"
#include "policies/expr/internal/token.h"

namespace docket::policies::expr::internal {

// `tokens` come from Lex(source) and end with kEnd; `source` is used for messages only.
[[nodiscard]] StatusOr<std::vector<Node>> Parse(std::string_view source,
                                                const std::vector<Token>& tokens);

}  // namespace docket::policies::expr::internal
