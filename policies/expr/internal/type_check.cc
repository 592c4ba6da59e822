#include "policies/expr/internal/type_check.h"

#include <string>
#include <string_view>
#include <utility>

#include "policies/expr/internal/function_table.h"

namespace docket::policies::expr::internal {
namespace {

// What a node is known to produce; kAny when it depends on the environment or is null.
struct StaticType {
  NameType type = NameType::kAny;
  NameType item = NameType::kAny;  // for list literals: the type of their items
};

std::string_view Article(NameType type) {
  switch (type) {
    case NameType::kBool:
      return "a bool";
    case NameType::kNumber:
      return "a number";
    case NameType::kString:
      return "a string";
    case NameType::kList:
      return "a list";
    case NameType::kAny:
      break;
  }
  return "a value";
}

NameType TypeOfValue(const Value& value) {
  switch (value.kind()) {
    case ValueKind::kBool:
      return NameType::kBool;
    case ValueKind::kNumber:
      return NameType::kNumber;
    case ValueKind::kString:
      return NameType::kString;
    case ValueKind::kList:
      return NameType::kList;
    case ValueKind::kMissing:
      break;
  }
  return NameType::kAny;
}

bool Is(NameType type, NameType wanted) { return type == NameType::kAny || type == wanted; }

class TypeChecker {
 public:
  TypeChecker(const std::vector<Node>& nodes, const NameTable* names)
      : nodes_(nodes), names_(names), types_(nodes.size()) {}

  std::vector<TypeProblem> Run() {
    for (size_t i = 0; i < nodes_.size(); ++i) types_[i] = Infer(nodes_[i]);
    return std::move(problems_);
  }

 private:
  NameType Child(const Node& node, size_t index) const { return types_[node.children[index]].type; }

  StaticType Problem(const Node& node, std::string message) {
    problems_.push_back({node.offset, std::move(message)});
    return {};
  }

  StaticType Infer(const Node& node) {
    switch (node.kind) {
      case NodeKind::kLiteral: {
        StaticType type{TypeOfValue(node.literal)};
        if (type.type == NameType::kList && !node.literal.list().empty()) {
          type.item = TypeOfValue(node.literal.list().front());
        }
        return type;
      }
      case NodeKind::kName: {
        if (names_ == nullptr) return {};
        const auto it = names_->find(node.name);
        return it == names_->end() ? StaticType{} : StaticType{it->second};
      }
      case NodeKind::kUnary:
        return InferUnary(node);
      case NodeKind::kBinary:
        return InferBinary(node);
      case NodeKind::kCall:
        return InferCall(node);
    }
    return {};
  }

  StaticType InferUnary(const Node& node) {
    const NameType operand = Child(node, 0);
    if (node.op == Op::kNegate) {
      if (!Is(operand, NameType::kNumber)) {
        return Problem(node, "'-' needs a number, got " + std::string(Article(operand)));
      }
      return {NameType::kNumber};
    }
    if (!Is(operand, NameType::kBool)) {
      return Problem(node, "'not' needs a bool, got " + std::string(Article(operand)));
    }
    return {NameType::kBool};
  }

  StaticType InferBinary(const Node& node) {
    const NameType left = Child(node, 0);
    const NameType right = Child(node, 1);
    const std::string op(OpSpelling(node.op));
    switch (node.op) {
      case Op::kAnd:
      case Op::kOr:
        if (!Is(left, NameType::kBool) || !Is(right, NameType::kBool)) {
          return Problem(node, "'" + op + "' needs bools, got " +
                                   std::string(Article(Is(left, NameType::kBool) ? right : left)));
        }
        return {NameType::kBool};
      case Op::kAdd:
      case Op::kSubtract:
      case Op::kMultiply:
      case Op::kDivide:
        if (!Is(left, NameType::kNumber) || !Is(right, NameType::kNumber)) {
          return Problem(node,
                         "'" + op + "' needs numbers, got " +
                             std::string(Article(Is(left, NameType::kNumber) ? right : left)));
        }
        return {NameType::kNumber};
      case Op::kIn:
      case Op::kNotIn:
        return InferMembership(node, left, types_[node.children[1]]);
      default:
        return InferComparison(node, left, right);
    }
  }

  StaticType InferComparison(const Node& node, NameType left, NameType right) {
    const std::string op(OpSpelling(node.op));
    const bool ordering = node.op != Op::kEqual && node.op != Op::kNotEqual;
    for (const NameType side : {left, right}) {
      if (side == NameType::kList || (ordering && side == NameType::kBool)) {
        return Problem(node, "'" + op + "' cannot compare " + std::string(Article(side)));
      }
    }
    if (left != NameType::kAny && right != NameType::kAny && left != right) {
      return Problem(node, "'" + op + "' cannot compare " + std::string(Article(left)) + " with " +
                               std::string(Article(right)));
    }
    return {NameType::kBool};
  }

  StaticType InferMembership(const Node& node, NameType left, StaticType right) {
    const std::string op(OpSpelling(node.op));
    if (!Is(right.type, NameType::kList)) {
      return Problem(
          node, "'" + op + "' needs a list on its right, got " + std::string(Article(right.type)));
    }
    if (left == NameType::kList) return Problem(node, "'" + op + "' cannot look for a list");
    if (left != NameType::kAny && right.item != NameType::kAny && left != right.item) {
      return Problem(node, "'" + op + "' looks for " + std::string(Article(left)) +
                               " in a list of " + std::string(Article(right.item)).substr(2) + "s");
    }
    return {NameType::kBool};
  }

  StaticType InferCall(const Node& node) {
    if (node.function == Function::kExists) return {NameType::kBool};
    if (node.function == Function::kCoalesce) {
      NameType common = Child(node, 0);
      for (size_t i = 1; i < node.children.size(); ++i) {
        if (Child(node, i) != common) common = NameType::kAny;
      }
      return {common};
    }
    for (size_t i = 0; i < node.children.size(); ++i) {
      if (!Is(Child(node, i), NameType::kNumber)) {
        return Problem(node, std::string(InfoOf(node.function).name) + "() needs numbers, got " +
                                 std::string(Article(Child(node, i))));
      }
    }
    return {NameType::kNumber};
  }

  const std::vector<Node>& nodes_;
  const NameTable* names_;
  std::vector<StaticType> types_;
  std::vector<TypeProblem> problems_;
};

}  // namespace

std::vector<TypeProblem> CheckTypes(const std::vector<Node>& nodes, const NameTable* names) {
  return TypeChecker(nodes, names).Run();
}

}  // namespace docket::policies::expr::internal
