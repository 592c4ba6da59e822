#include "policies/expr/printer.h"

#include "policies/expr/internal/function_table.h"
#include "policies/expr/value.h"

namespace docket::policies::expr {
namespace {

using internal::Node;
using internal::NodeKind;
using internal::Op;
using internal::Precedence;

constexpr int kNotPrecedence = 3;
constexpr int kNegatePrecedence = 7;

// Recursion depth is bounded by kMaxDepth (Compile refuses deeper trees).
class Printer {
 public:
  explicit Printer(const Expression& expression) : nodes_(expression.nodes()) {}

  void Print(const Node& node) {
    switch (node.kind) {
      case NodeKind::kLiteral:
        out_ += ToString(node.literal);
        return;
      case NodeKind::kName:
        out_ += node.name;
        return;
      case NodeKind::kCall:
        PrintCall(node);
        return;
      case NodeKind::kUnary:
        PrintUnary(node);
        return;
      case NodeKind::kBinary:
        PrintBinary(node);
        return;
    }
  }

  std::string Take() { return std::move(out_); }

 private:
  const Node& Child(const Node& node, size_t index) const { return nodes_[node.children[index]]; }

  void PrintMaybeParenthesized(const Node& node, bool parenthesize) {
    if (parenthesize) out_ += "(";
    Print(node);
    if (parenthesize) out_ += ")";
  }

  void PrintCall(const Node& node) {
    out_ += internal::InfoOf(node.function).name;
    out_ += "(";
    for (size_t i = 0; i < node.children.size(); ++i) {
      if (i > 0) out_ += ", ";
      Print(Child(node, i));
    }
    out_ += ")";
  }

  void PrintUnary(const Node& node) {
    const Node& operand = Child(node, 0);
    if (node.op == Op::kNot) {
      out_ += "not ";
      PrintMaybeParenthesized(operand, Precedence(operand) < kNotPrecedence);
    } else {
      // "- -x" rather than "--x", which reads like a decrement, or "-(-x)", which would
      // add a nesting level per minus and could push the text past kMaxDepth.
      const bool negates_negation = operand.kind == NodeKind::kUnary && operand.op == Op::kNegate;
      out_ += negates_negation ? "- " : "-";
      PrintMaybeParenthesized(operand, Precedence(operand) < kNegatePrecedence);
    }
  }

  // Operators of one level associate to the left; comparisons do not chain.
  void PrintBinary(const Node& node) {
    const int precedence = Precedence(node);
    const Node& left = Child(node, 0);
    const Node& right = Child(node, 1);
    const int left_precedence = Precedence(left);
    PrintMaybeParenthesized(
        left, left_precedence < precedence ||
                  (left_precedence == precedence && precedence == internal::kComparisonPrecedence));
    out_ += " ";
    out_ += internal::OpSpelling(node.op);
    out_ += " ";
    PrintMaybeParenthesized(right, Precedence(right) <= precedence);
  }

  const std::vector<Node>& nodes_;
  std::string out_;
};

}  // namespace

std::string ToString(const Expression& expression) {
  Printer printer(expression);
  printer.Print(expression.root());
  return printer.Take();
}

}  // namespace docket::policies::expr
