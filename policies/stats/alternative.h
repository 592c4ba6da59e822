// Alternative: which direction of departure from the null hypothesis a test looks for.
// Plain value type and pure functions; thread-safe.
#pragma once

#include <string_view>

#include "engine/base/status.h"

namespace docket::policies::stats {

enum class Alternative {
  kGreater,   // the current rate (or success probability) is higher than the null
  kLess,      // it is lower
  kTwoSided,  // it differs in either direction
};

// "greater", "less" or "two_sided": the spelling policy files and evidence use.
std::string_view AlternativeName(Alternative alternative);

// Accepts "greater", "less", "two_sided" (and R's "two.sided").
// Errors: kInvalidArgument naming the accepted spellings.
[[nodiscard]] StatusOr<Alternative> ParseAlternative(std::string_view name);

}  // namespace docket::policies::stats
