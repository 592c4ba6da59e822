#include "policies/expr/check_names.h"

#include <optional>
#include <string>
#include <vector>

#include "engine/base/closest_name.h"
#include "policies/expr/internal/source_position.h"
#include "policies/expr/internal/type_check.h"

namespace docket::policies::expr {

Status CheckNames(const Expression& expression, const NameTable& names) {
  std::vector<std::string> declared;
  declared.reserve(names.size());
  for (const auto& [name, type] : names) declared.push_back(name);

  std::string report;
  const auto add = [&](uint32_t offset, const std::string& what) {
    if (!report.empty()) report += "\n";
    report += what + " at " + internal::DescribePosition(expression.source(), offset);
  };
  for (const internal::Node& node : expression.nodes()) {
    if (node.kind != internal::NodeKind::kName || names.count(node.name) > 0) continue;
    add(node.offset, "unknown name '" + node.name + "'");
    if (const std::optional<std::string> close = ClosestName(node.name, declared)) {
      report += "; did you mean '" + *close + "'?";
    }
  }
  for (const internal::TypeProblem& problem : internal::CheckTypes(expression.nodes(), &names)) {
    add(problem.offset, problem.message);
  }
  if (report.empty()) return Status::Ok();
  return InvalidArgumentError(std::move(report));
}

}  // namespace docket::policies::expr
