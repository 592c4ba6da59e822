// Number and string literal scanners used by the lexer. Each reads one literal starting
// at source[at] and returns the offset just past it. Errors are kInvalidArgument with
// the position. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "engine/base/status.h"

namespace docket::policies::expr::internal {

// Decimal with optional fraction and exponent, then an optional unit written without a
// space: % (divides by 100) or a duration in seconds: s, m (60), h (3600), d (86400),
// w (604800). The value must be finite. Requires source[at] to be a digit.
[[nodiscard]] StatusOr<size_t> LexNumber(std::string_view source, size_t at, double& value);

// 'single' or "double" quoted; escapes \\ \' \" \n \t \uXXXX (UTF-16 surrogate pairs
// combine); raw control characters and invalid UTF-8 are refused. Requires source[at]
// to be a quote.
[[nodiscard]] StatusOr<size_t> LexString(std::string_view source, size_t at, std::string& text);

}  // namespace docket::policies::expr::internal
