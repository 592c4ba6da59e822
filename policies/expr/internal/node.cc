#include "policies/expr/internal/node.h"

namespace docket::policies::expr::internal {

int Precedence(const Node& node) {
  if (node.kind != NodeKind::kUnary && node.kind != NodeKind::kBinary) return 8;
  switch (node.op) {
    case Op::kOr:
      return 1;
    case Op::kAnd:
      return 2;
    case Op::kNot:
      return 3;
    case Op::kAdd:
    case Op::kSubtract:
      return 5;
    case Op::kMultiply:
    case Op::kDivide:
      return 6;
    case Op::kNegate:
      return 7;
    default:
      return kComparisonPrecedence;
  }
}

std::string_view OpSpelling(Op op) {
  switch (op) {
    case Op::kNegate:
      return "-";
    case Op::kNot:
      return "not";
    case Op::kOr:
      return "or";
    case Op::kAnd:
      return "and";
    case Op::kEqual:
      return "==";
    case Op::kNotEqual:
      return "!=";
    case Op::kLess:
      return "<";
    case Op::kLessEqual:
      return "<=";
    case Op::kGreater:
      return ">";
    case Op::kGreaterEqual:
      return ">=";
    case Op::kIn:
      return "in";
    case Op::kNotIn:
      return "not in";
    case Op::kAdd:
      return "+";
    case Op::kSubtract:
      return "-";
    case Op::kMultiply:
      return "*";
    case Op::kDivide:
      return "/";
  }
  return "?";
}

}  // namespace docket::policies::expr::internal
