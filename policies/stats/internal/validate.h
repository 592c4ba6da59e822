// Input checks shared by the statistics in policies/stats. Each returns
// kInvalidArgument with a message that names the offending field (`field`, e.g.
// "units[3].current_exposure") and the value it got. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "engine/base/status.h"

namespace docket::policies::stats::internal {

// Counts must stay exactly representable in a double, like R's.
inline constexpr int64_t kMaxCount = int64_t{1} << 53;

// Shortest round-trip decimal form of `value` ("0.1", "inf", "nan").
std::string FormatNumber(double value);

Status CheckCount(std::string_view field, int64_t count);             // 0 <= count <= 2^53
Status CheckPositiveFinite(std::string_view field, double value);     // finite, > 0
Status CheckNonNegativeFinite(std::string_view field, double value);  // finite, >= 0
Status CheckOpenUnit(std::string_view field, double value);           // 0 < value < 1
Status CheckClosedUnit(std::string_view field, double value);         // 0 <= value <= 1

}  // namespace docket::policies::stats::internal
