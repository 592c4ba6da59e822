// QuasiRateRatioTest: the rate-ratio test of RateRatioTest for counts whose variance
// is `dispersion` (phi >= 1) times their Poisson variance. It is the exact conditional
// test applied to the effective counts x1/phi and n/phi: with phi == 1 it *is*
// RateRatioTest (same code path, bit-identical results, R's poisson.test); with
// phi > 1 the binomial tails and Clopper-Pearson bounds are evaluated at non-integer
// counts through the regularized incomplete beta function, which continues them
// smoothly (P(X >= x) = I_p0(x, n - x + 1)):
//   greater: p = I_p0(x1', n' - x1' + 1) (1 when x1 == 0),
//   less:    p = I_(1-p0)(n' - x1', x1' + 1) (1 when x1 == n),
//   two-sided: min(1, 2 * min(greater, less)) -- not R's likelihood rule, which has
//   no meaning between integers; it coincides with it for symmetric cases only.
// observed, baseline, expected, expected_conditional, null_proportion and rate_ratio
// do not depend on phi (the point estimate is the same); p_value and the interval do.
// Pure function; thread-safe.
#pragma once

#include "engine/base/status.h"
#include "policies/stats/rate_ratio_test.h"

namespace docket::policies::stats {

// Errors: those of RateRatioTest, and kInvalidArgument "dispersion must be finite and
// >= 1, got ..." (underdispersion is not modelled; estimators floor at 1).
[[nodiscard]] StatusOr<RateRatioResult> QuasiRateRatioTest(const RateRatioCounts& counts,
                                                           double dispersion,
                                                           const RateRatioOptions& options = {});

}  // namespace docket::policies::stats
