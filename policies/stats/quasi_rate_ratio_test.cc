#include "policies/stats/quasi_rate_ratio_test.h"

#include <boost/math/special_functions/beta.hpp>
#include <cmath>
#include <limits>

#include "policies/stats/internal/boost_policy.h"
#include "policies/stats/internal/rate_ratio_parts.h"
#include "policies/stats/internal/validate.h"

namespace docket::policies::stats {
namespace {

using internal::NoThrowPolicy;

// Continuous upper tail P(X >= x) of Binomial(n, p) at real 0 < x <= n.
double UpperTail(double x, double n, double p) {
  if (x == 0) return 1;
  return boost::math::ibeta(x, n - x + 1, p, NoThrowPolicy());
}

double LowerTail(double x, double n, double p) {
  if (x == n) return 1;
  return boost::math::ibeta(n - x, x + 1, 1 - p, NoThrowPolicy());
}

// Clopper-Pearson bounds at real x, as in binomial_test.cc.
double LowerBound(double x, double n, double alpha) {
  if (x == 0) return 0;
  return boost::math::ibeta_inv(x, n - x + 1, alpha, NoThrowPolicy());
}

double UpperBound(double x, double n, double alpha) {
  if (x == n) return 1;
  return boost::math::ibeta_inv(x + 1, n - x, 1 - alpha, NoThrowPolicy());
}

double ProportionToRatio(double pp, double t1, double t2) {
  if (pp >= 1) return std::numeric_limits<double>::infinity();
  return pp / (1 - pp) * t2 / t1;
}

}  // namespace

StatusOr<RateRatioResult> QuasiRateRatioTest(const RateRatioCounts& counts, double dispersion,
                                             const RateRatioOptions& options) {
  if (!std::isfinite(dispersion) || dispersion < 1) {
    return InvalidArgumentError("dispersion must be finite and >= 1, got " +
                                internal::FormatNumber(dispersion));
  }
  if (dispersion == 1) return RateRatioTest(counts, options);
  // Validates the inputs and fills every field that does not depend on phi.
  DOCKET_ASSIGN_OR_RETURN(RateRatioResult result, internal::RateRatioPointFields(counts, options));
  const int64_t total = counts.current_count + counts.baseline_count;
  if (total == 0) {  // no evidence, as in RateRatioTest
    result.ci_high = std::numeric_limits<double>::infinity();
    return result;
  }
  const double x = static_cast<double>(counts.current_count) / dispersion;
  const double n = static_cast<double>(total) / dispersion;
  const double p0 = result.null_proportion;
  const double conf = options.confidence;
  double low = 0;
  double high = 1;
  switch (options.alternative) {
    case Alternative::kGreater:
      result.p_value = UpperTail(x, n, p0);
      low = LowerBound(x, n, 1 - conf);
      break;
    case Alternative::kLess:
      result.p_value = LowerTail(x, n, p0);
      high = UpperBound(x, n, 1 - conf);
      break;
    case Alternative::kTwoSided:
      result.p_value = 2 * std::min(UpperTail(x, n, p0), LowerTail(x, n, p0));
      low = LowerBound(x, n, (1 - conf) / 2);
      high = UpperBound(x, n, (1 - conf) / 2);
      break;
  }
  if (!std::isfinite(result.p_value) || !std::isfinite(low) || !std::isfinite(high)) {
    return InternalError("quasi rate-ratio test produced a non-finite value for current_count=" +
                         std::to_string(counts.current_count) +
                         " baseline_count=" + std::to_string(counts.baseline_count) +
                         " dispersion=" + internal::FormatNumber(dispersion));
  }
  result.p_value = std::min(1.0, std::max(0.0, result.p_value));
  result.ci_low = ProportionToRatio(low, counts.current_exposure, counts.baseline_exposure);
  result.ci_high = ProportionToRatio(high, counts.current_exposure, counts.baseline_exposure);
  return result;
}

}  // namespace docket::policies::stats
