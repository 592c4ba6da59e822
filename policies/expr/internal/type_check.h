// Static type inference over a syntax tree, bottom-up in one pass (children precede
// parents, so no recursion). Names take their type from a NameTable, or kAny. Finds
// conflicts certain to fail at evaluation, such as 'a' < 3 or not 5; null and
// untyped names never conflict. Pure function; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "policies/expr/check_names.h"
#include "policies/expr/internal/node.h"

namespace docket::policies::expr::internal {

struct TypeProblem {
  uint32_t offset;  // byte offset of the offending operator or call
  std::string message;
};

// Problems in tree order; `names` may be null (every name kAny).
std::vector<TypeProblem> CheckTypes(const std::vector<Node>& nodes, const NameTable* names);

}  // namespace docket::policies::expr::internal
