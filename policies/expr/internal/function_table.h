// The fixed function table: names, arities and which take a name rather than a value.
// Constant data; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "policies/expr/internal/node.h"

namespace docket::policies::expr::internal {

struct FunctionInfo {
  Function function;
  std::string_view name;
  size_t min_args;
  size_t max_args;  // SIZE_MAX for variadic
};

// The entry for `name`, if it is a function.
std::optional<FunctionInfo> FindFunction(std::string_view name);
const FunctionInfo& InfoOf(Function function);
// Every function name, in table order, for did-you-mean hints.
std::vector<std::string> FunctionNames();
// "takes 1 argument", "takes 2 arguments", "takes at least 1 argument".
std::string DescribeArity(const FunctionInfo& info);

}  // namespace docket::policies::expr::internal
