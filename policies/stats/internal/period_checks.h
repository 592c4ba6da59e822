// Validation of PeriodCount series shared by the watch statistics. Pure; thread-safe.
#pragma once

#include <span>

#include "engine/base/status.h"
#include "policies/stats/period_count.h"

namespace docket::policies::stats::internal {

// kInvalidArgument naming "periods[i].count" / "periods[i].exposure" for a negative or
// oversized count, a negative or non-finite exposure, or a count > 0 with exposure 0.
Status CheckPeriods(std::span<const PeriodCount> periods);

}  // namespace docket::policies::stats::internal
