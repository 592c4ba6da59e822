#include "policies/expr/internal/call_rules.h"

#include <cmath>
#include <optional>
#include <string>

#include "engine/base/closest_name.h"
#include "policies/expr/internal/source_position.h"

namespace docket::policies::expr::internal {

StatusOr<FunctionInfo> LookUpFunction(std::string_view source, const Token& name) {
  const std::optional<FunctionInfo> info = FindFunction(name.text);
  if (info) return *info;
  std::string what = "unknown function '" + name.text + "'";
  if (const std::optional<std::string> close = ClosestName(name.text, FunctionNames())) {
    what += "; did you mean '" + *close + "'?";
  } else {
    what += "; the functions are min, max, abs, sqrt, log, exists, coalesce and round";
  }
  return ErrorAt(StatusCode::kInvalidArgument, source, name.offset, what);
}

Status CheckCall(std::string_view source, const FunctionInfo& info, const Node& call,
                 const std::vector<Node>& nodes, const std::vector<uint32_t>& argument_offsets) {
  const size_t count = call.children.size();
  if (count < info.min_args || count > info.max_args) {
    return ErrorAt(
        StatusCode::kInvalidArgument, source, call.offset,
        std::string(info.name) + "() " + DescribeArity(info) + ", got " + std::to_string(count));
  }
  if (info.function == Function::kExists && nodes[call.children[0]].kind != NodeKind::kName) {
    return ErrorAt(StatusCode::kInvalidArgument, source, argument_offsets[0],
                   "exists() takes a name, as in exists(evidence.q)");
  }
  if (info.function == Function::kRound) {
    const Node& digits = nodes[call.children[1]];
    if (digits.kind == NodeKind::kLiteral && digits.literal.kind() == ValueKind::kNumber) {
      const double n = digits.literal.number();
      if (n != std::floor(n) || n < 0 || n > kMaxRoundDigits) {
        return ErrorAt(
            StatusCode::kInvalidArgument, source, argument_offsets[1],
            "round() digits must be a whole number from 0 to " + std::to_string(kMaxRoundDigits));
      }
    }
  }
  return Status::Ok();
}

}  // namespace docket::policies::expr::internal
