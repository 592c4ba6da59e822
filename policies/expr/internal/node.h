// Node: one vertex of a compiled expression's syntax tree. Nodes live in a flat vector
// owned by Expression and refer to their children by index; children always precede
// their parent, and the last node is the root. Value type; thread-compatible.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "policies/expr/value.h"

namespace docket::policies::expr::internal {

enum class NodeKind : uint8_t {
  kLiteral,  // `literal`: null, bool, number, string, or a list (only right of `in`)
  kName,     // `name`: a dotted identifier resolved through the Environment
  kUnary,    // `op` is kNegate or kNot; one child
  kBinary,   // two children: left, right
  kCall,     // `function`; one child per argument
};

enum class Op : uint8_t {
  kNegate,
  kNot,
  kOr,
  kAnd,
  kEqual,
  kNotEqual,
  kLess,
  kLessEqual,
  kGreater,
  kGreaterEqual,
  kIn,
  kNotIn,
  kAdd,
  kSubtract,
  kMultiply,
  kDivide,
};

enum class Function : uint8_t { kMin, kMax, kAbs, kSqrt, kLog, kExists, kCoalesce, kRound };

struct Node {
  NodeKind kind = NodeKind::kLiteral;
  Op op = Op::kNot;
  Function function = Function::kMin;
  uint32_t offset = 0;  // byte offset of the operator, function name, name or literal
  Value literal;
  std::string name;
  std::vector<uint32_t> children;
};

// Binding strength, higher binds tighter: or 1, and 2, not 3, comparisons and in 4,
// + - 5, * / 6, unary minus 7. Leaves and calls are 8.
int Precedence(const Node& node);
inline constexpr int kComparisonPrecedence = 4;

// Source spelling of a unary or binary operator: "-", "not", "and", "not in", "<=".
std::string_view OpSpelling(Op op);

}  // namespace docket::policies::expr::internal
