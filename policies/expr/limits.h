// Limits that keep compiling and evaluating a policy expression cheap on hostile input.
// Each violation is a kInvalidArgument error from Compile(), never a crash. Constants;
// thread-safe.
#pragma once

#include <cstddef>

namespace docket::policies::expr {

// Bytes of source text accepted by Compile().
inline constexpr size_t kMaxSourceBytes = 4096;
// Nesting of the syntax tree: every operator, call, parenthesis or prefix adds a level.
inline constexpr int kMaxDepth = 64;
// Nodes of the syntax tree (literals, names, operators, calls; a list literal is one).
inline constexpr size_t kMaxNodes = 1024;
// Items of one list literal.
inline constexpr size_t kMaxListItems = 256;

}  // namespace docket::policies::expr
