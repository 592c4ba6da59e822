// Reads a gate policy file (YAML, docs/policies.md) into a Policy. Every problem is
// reported at once as "file:line:col: error: what (hint)": unknown keys with a
// did-you-mean, wrong kinds, missing `on_missing_data`, duplicate rule ids, criteria
// that do not compile, hostile sizes. Pure; thread-safe.
#pragma once

#include <cstddef>
#include <string_view>

#include "engine/base/status.h"
#include "policies/policy.h"

namespace docket::policies {

inline constexpr size_t kMaxPolicyFileBytes = 1 << 20;
inline constexpr size_t kMaxRules = 1000;

// Errors: kInvalidArgument listing every diagnostic, one per line.
[[nodiscard]] StatusOr<Policy> ParsePolicy(std::string_view path, std::string_view bytes);

}  // namespace docket::policies
