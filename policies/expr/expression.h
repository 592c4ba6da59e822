// Expression: a compiled policy expression ("rate_ratio >= 2 and q < 0.01"), the
// language of gate policy `warn:` / `fail:` criteria and computed metrics. Compile()
// parses once, checks function arity, shape and literal types, and enforces the limits
// of limits.h; the result is immutable and safe to evaluate from any number of threads.
// Errors say what is wrong and where: "expected ')' at column 17", then the source line
// and a caret. See docs/policy-expressions.md for the language.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/base/status.h"
#include "policies/expr/internal/node.h"

namespace docket::policies::expr {

class Expression {
 public:
  // The text given to Compile(); error positions refer to it.
  const std::string& source() const { return source_; }

  // Every name the expression reads, exists() arguments included; sorted, unique.
  const std::vector<std::string>& Names() const { return names_; }

  // The syntax tree for the evaluator, printer and checker of this module: children
  // precede their parent and the root is last. Not a stable interface.
  const std::vector<internal::Node>& nodes() const { return nodes_; }
  const internal::Node& root() const { return nodes_.back(); }

 private:
  friend StatusOr<Expression> Compile(std::string_view source);
  Expression(std::string source, std::vector<internal::Node> nodes);

  std::string source_;
  std::vector<internal::Node> nodes_;  // never empty
  std::vector<std::string> names_;
};

// Compiles `source`. Errors: kInvalidArgument for a syntax error, an unknown function,
// a wrong argument count, a type error between literals, or a limit exceeded (source
// over kMaxSourceBytes, nesting over kMaxDepth, over kMaxNodes nodes, a list over
// kMaxListItems items, a number that is not finite).
[[nodiscard]] StatusOr<Expression> Compile(std::string_view source);

}  // namespace docket::policies::expr
