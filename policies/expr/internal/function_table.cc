#include "policies/expr/internal/function_table.h"

#include <cstdint>

#include "engine/base/check.h"

namespace docket::policies::expr::internal {
namespace {

constexpr size_t kVariadic = SIZE_MAX;

constexpr FunctionInfo kFunctions[] = {
    {Function::kMin, "min", 1, kVariadic},
    {Function::kMax, "max", 1, kVariadic},
    {Function::kAbs, "abs", 1, 1},
    {Function::kSqrt, "sqrt", 1, 1},
    {Function::kLog, "log", 1, 1},
    {Function::kExists, "exists", 1, 1},
    {Function::kCoalesce, "coalesce", 2, kVariadic},
    {Function::kRound, "round", 2, 2},
};

std::string Arguments(size_t n) {
  return std::to_string(n) + (n == 1 ? " argument" : " arguments");
}

}  // namespace

std::optional<FunctionInfo> FindFunction(std::string_view name) {
  for (const FunctionInfo& info : kFunctions) {
    if (info.name == name) return info;
  }
  return std::nullopt;
}

const FunctionInfo& InfoOf(Function function) {
  for (const FunctionInfo& info : kFunctions) {
    if (info.function == function) return info;
  }
  DOCKET_CHECK(false);
  return kFunctions[0];
}

std::vector<std::string> FunctionNames() {
  std::vector<std::string> names;
  for (const FunctionInfo& info : kFunctions) names.emplace_back(info.name);
  return names;
}

std::string DescribeArity(const FunctionInfo& info) {
  if (info.max_args == kVariadic) return "takes at least " + Arguments(info.min_args);
  return "takes " + Arguments(info.min_args);
}

}  // namespace docket::policies::expr::internal
