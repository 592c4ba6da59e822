// The part of RateRatioTest that does not depend on the test statistic's distribution:
// input validation and the point fields. Shared by RateRatioTest and
// QuasiRateRatioTest so both validate alike and report identical point fields.
// Pure function; thread-safe.
#pragma once

#include "engine/base/status.h"
#include "policies/stats/rate_ratio_test.h"

namespace docket::policies::stats::internal {

// Validates like RateRatioTest (same errors) and fills observed, baseline, expected,
// expected_conditional, null_proportion and rate_ratio; p_value and the interval keep
// their defaults.
[[nodiscard]] StatusOr<RateRatioResult> RateRatioPointFields(const RateRatioCounts& counts,
                                                             const RateRatioOptions& options);

}  // namespace docket::policies::stats::internal
