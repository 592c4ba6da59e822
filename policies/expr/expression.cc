#include "policies/expr/expression.h"

#include <algorithm>
#include <utility>

#include "policies/expr/internal/lexer.h"
#include "policies/expr/internal/parser.h"
#include "policies/expr/internal/source_position.h"
#include "policies/expr/internal/type_check.h"
#include "policies/expr/limits.h"

namespace docket::policies::expr {

Expression::Expression(std::string source, std::vector<internal::Node> nodes)
    : source_(std::move(source)), nodes_(std::move(nodes)) {
  for (const internal::Node& node : nodes_) {
    if (node.kind == internal::NodeKind::kName) names_.push_back(node.name);
  }
  std::sort(names_.begin(), names_.end());
  names_.erase(std::unique(names_.begin(), names_.end()), names_.end());
}

StatusOr<Expression> Compile(std::string_view source) {
  if (source.size() > kMaxSourceBytes) {
    return InvalidArgumentError("expression is " + std::to_string(source.size()) +
                                " bytes; the limit is " + std::to_string(kMaxSourceBytes));
  }
  DOCKET_ASSIGN_OR_RETURN(std::vector<internal::Token> tokens, internal::Lex(source));
  DOCKET_ASSIGN_OR_RETURN(std::vector<internal::Node> nodes, internal::Parse(source, tokens));
  const std::vector<internal::TypeProblem> problems = internal::CheckTypes(nodes, nullptr);
  if (!problems.empty()) {
    return internal::ErrorAt(StatusCode::kInvalidArgument, source, problems.front().offset,
                             problems.front().message);
  }
  return Expression(std::string(source), std::move(nodes));
}

}  // namespace docket::policies::expr
