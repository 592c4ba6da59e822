// Lexer: splits policy expression source into tokens. Numbers must be finite; strings
// must be valid UTF-8 with known escapes. Errors are kInvalidArgument with the position
// (see source_position.h). Pure function; thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "engine/base/status.h"
#include "policies/expr/internal/token.h"

namespace docket::policies::expr::internal {

// Tokens of `source`, ending with one kEnd token. Does not check kMaxSourceBytes.
[[nodiscard]] StatusOr<std::vector<Token>> Lex(std::string_view source);

}  // namespace docket::policies::expr::internal
