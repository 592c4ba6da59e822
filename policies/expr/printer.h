// Canonical text of a compiled Expression: minimal parentheses, one space around binary
// operators, single-quoted strings, numbers in FormatNumber's shortest round-trip form
// (10% prints as 0.1, 2h as 7200). Byte-stable: Compile(ToString(e)) prints the same text
// again, so the ledger can record "thresholds as evaluated". The text can be longer than
// the source (units expand, spaces are added), so it may exceed kMaxSourceBytes. Pure
// function; thread-safe.
#pragma once

#include <string>

#include "policies/expr/expression.h"

namespace docket::policies::expr {

std::string ToString(const Expression& expression);

}  // namespace docket::policies::expr
