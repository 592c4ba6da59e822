#include "policies/expr/evaluate.h"

#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "policies/expr/internal/function_eval.h"
#include "policies/expr/internal/operators.h"
#include "policies/expr/internal/source_position.h"

namespace docket::policies::expr {
namespace {

using internal::Function;
using internal::Node;
using internal::NodeKind;
using internal::Op;

bool AllFinite(const Value& value) {
  if (value.kind() == ValueKind::kNumber) return std::isfinite(value.number());
  if (value.kind() != ValueKind::kList) return true;
  for (const Value& item : value.list()) {
    if (!AllFinite(item)) return false;
  }
  return true;
}

// Walks the tree from the root. Recursion depth is bounded by kMaxDepth (Compile
// refuses deeper trees); each node is visited at most once.
class Evaluator {
 public:
  Evaluator(const Expression& expression, const Environment& environment)
      : expression_(expression), environment_(environment) {}

  StatusOr<Value> Eval(const Node& node) {
    switch (node.kind) {
      case NodeKind::kLiteral:
        return node.literal;
      case NodeKind::kName:
        return LookUp(node);
      case NodeKind::kUnary: {
        DOCKET_ASSIGN_OR_RETURN(Value operand, Eval(Child(node, 0)));
        return At(node, internal::ApplyUnary(node.op, operand));
      }
      case NodeKind::kBinary: {
        if (node.op == Op::kAnd || node.op == Op::kOr) return EvalLogic(node);
        DOCKET_ASSIGN_OR_RETURN(Value left, Eval(Child(node, 0)));
        DOCKET_ASSIGN_OR_RETURN(Value right, Eval(Child(node, 1)));
        return At(node, internal::ApplyBinary(node.op, left, right));
      }
      case NodeKind::kCall:
        return EvalCall(node);
    }
    return InternalError("unknown node kind");
  }

 private:
  const Node& Child(const Node& node, size_t index) const {
    return expression_.nodes()[node.children[index]];
  }

  // Adds the node's position to an error from the operator semantics.
  StatusOr<Value> At(const Node& node, StatusOr<Value> result) const {
    if (result.ok()) return result;
    return internal::ErrorAt(result.status().code(), expression_.source(), node.offset,
                             result.status().message());
  }

  // Evidence may hold an infinite rate ratio (a count against a zero baseline): it
  // compares like any number. NaN means "no estimate" and reads as missing.
  StatusOr<Value> LookUp(const Node& node) const {
    Value value = environment_.Lookup(node.name);
    if (value.kind() == ValueKind::kNumber) {
      return std::isnan(value.number()) ? Value::Missing() : value;
    }
    if (!AllFinite(value)) {
      return internal::ErrorAt(StatusCode::kOutOfRange, expression_.source(), node.offset,
                               "name '" + node.name + "' is not a finite number");
    }
    return value;
  }

  // Kleene logic; the right side is evaluated only if the left does not decide.
  StatusOr<Value> EvalLogic(const Node& node) {
    const bool is_and = node.op == Op::kAnd;
    DOCKET_ASSIGN_OR_RETURN(Value left, Eval(Child(node, 0)));
    DOCKET_RETURN_IF_ERROR(CheckLogicOperand(node, left));
    if (!left.is_missing() && left.bool_value() != is_and) return left;
    DOCKET_ASSIGN_OR_RETURN(Value right, Eval(Child(node, 1)));
    DOCKET_RETURN_IF_ERROR(CheckLogicOperand(node, right));
    if (!right.is_missing() && right.bool_value() != is_and) return right;
    if (left.is_missing() || right.is_missing()) return Value::Missing();
    return Value::Bool(is_and);
  }

  Status CheckLogicOperand(const Node& node, const Value& operand) const {
    if (operand.is_missing() || operand.kind() == ValueKind::kBool) return Status::Ok();
    return internal::ErrorAt(StatusCode::kInvalidArgument, expression_.source(), node.offset,
                             "'" + std::string(internal::OpSpelling(node.op)) +
                                 "' needs bools, got " + internal::Article(operand.kind()));
  }

  StatusOr<Value> EvalCall(const Node& node) {
    if (node.function == Function::kExists) {
      // Present and not missing; a NaN ("no estimate") reads as missing here too.
      const Value value = environment_.Lookup(Child(node, 0).name);
      const bool nan = value.kind() == ValueKind::kNumber && std::isnan(value.number());
      return Value::Bool(!value.is_missing() && !nan);
    }
    if (node.function == Function::kCoalesce) {
      for (size_t i = 0; i < node.children.size(); ++i) {
        DOCKET_ASSIGN_OR_RETURN(Value argument, Eval(Child(node, i)));
        if (!argument.is_missing()) return argument;
      }
      return Value::Missing();
    }
    std::vector<Value> arguments;
    arguments.reserve(node.children.size());
    for (size_t i = 0; i < node.children.size(); ++i) {
      DOCKET_ASSIGN_OR_RETURN(Value argument, Eval(Child(node, i)));
      arguments.push_back(std::move(argument));
    }
    return At(node, internal::ApplyNumericFunction(node.function, arguments));
  }

  const Expression& expression_;
  const Environment& environment_;
};

}  // namespace

StatusOr<Value> Evaluate(const Expression& expression, const Environment& environment) {
  return Evaluator(expression, environment).Eval(expression.root());
}

StatusOr<Truth> EvaluateCriterion(const Expression& expression, const Environment& environment) {
  DOCKET_ASSIGN_OR_RETURN(Value value, Evaluate(expression, environment));
  if (value.is_missing()) return Truth::kMissing;
  if (value.kind() != ValueKind::kBool) {
    return InvalidArgumentError("a criterion must be true or false, got " +
                                internal::Article(value.kind()));
  }
  return value.bool_value() ? Truth::kTrue : Truth::kFalse;
}

}  // namespace docket::policies::expr
