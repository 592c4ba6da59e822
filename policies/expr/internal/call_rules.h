// Compile-time rules for function calls: the name must be in the function table (with a
// did-you-mean hint otherwise), the argument count must fit, exists() takes a bare name,
// and a literal round() precision must be a whole number from 0 to 15. Errors are
// kInvalidArgument with the position. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "engine/base/status.h"
#include "policies/expr/internal/function_table.h"
#include "policies/expr/internal/node.h"
#include "policies/expr/internal/token.h"

namespace docket::policies::expr::internal {

inline constexpr int kMaxRoundDigits = 15;

[[nodiscard]] StatusOr<FunctionInfo> LookUpFunction(std::string_view source, const Token& name);

// `call` is the complete call node; its children index into `nodes`;
// `argument_offsets` holds where each argument's text starts.
[[nodiscard]] Status CheckCall(std::string_view source, const FunctionInfo& info, const Node& call,
                               const std::vector<Node>& nodes,
                               const std::vector<uint32_t>& argument_offsets);

}  // namespace docket::policies::expr::internal
