// CheckNames: the policy linter's static check of an Expression against the names a
// policy may read and their types. Reports every unknown name (with a did-you-mean hint)
// and every type conflict a declared type reveals, e.g. a string name compared with a
// number. Pure function; thread-safe.
#pragma once

#include <functional>
#include <map>
#include <string>

#include "engine/base/status.h"
#include "policies/expr/expression.h"

namespace docket::policies::expr {

// kAny: the name exists but its type is not declared (or varies).
enum class NameType { kAny, kBool, kNumber, kString, kList };

// Declared names ("signals.regression.failed") and their types.
using NameTable = std::map<std::string, NameType, std::less<>>;

// OK if every name of `expression` is in `names` and no declared type conflicts with
// how it is used. Otherwise kInvalidArgument listing each problem on its own line, as
//   unknown name 'signals.regresion.failed' at column 1; did you mean
//   'signals.regression.failed'?
[[nodiscard]] Status CheckNames(const Expression& expression, const NameTable& names);

}  // namespace docket::policies::expr
