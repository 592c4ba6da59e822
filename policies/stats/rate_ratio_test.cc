// Arithmetic order mirrors R's poisson.test so results agree with R to rounding
// (tests/policies/stats/golden holds the reference values).
#include "policies/stats/rate_ratio_test.h"

#include <cmath>
#include <limits>

#include "policies/stats/binomial_test.h"
#include "policies/stats/internal/rate_ratio_parts.h"
#include "policies/stats/internal/validate.h"

namespace docket::policies::stats {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

Status CheckInputs(const RateRatioCounts& counts, const RateRatioOptions& options) {
  DOCKET_RETURN_IF_ERROR(internal::CheckCount("current_count", counts.current_count));
  DOCKET_RETURN_IF_ERROR(
      internal::CheckPositiveFinite("current_exposure", counts.current_exposure));
  DOCKET_RETURN_IF_ERROR(internal::CheckCount("baseline_count", counts.baseline_count));
  DOCKET_RETURN_IF_ERROR(
      internal::CheckPositiveFinite("baseline_exposure", counts.baseline_exposure));
  DOCKET_RETURN_IF_ERROR(internal::CheckPositiveFinite("null_ratio", options.null_ratio));
  return internal::CheckOpenUnit("confidence", options.confidence);
}

// R: pp / (1 - pp) * T2 / T1, with pp == 1 mapped to +inf instead of dividing by zero.
double ProportionToRatio(double pp, double t1, double t2) {
  if (pp >= 1) return kInf;
  return pp / (1 - pp) * t2 / t1;
}

double RateRatioEstimate(double x1, double t1, double x2, double t2) {
  if (x2 == 0) return x1 > 0 ? kInf : kNaN;
  return (x1 / t1) / (x2 / t2);
}

}  // namespace

namespace internal {

StatusOr<RateRatioResult> RateRatioPointFields(const RateRatioCounts& counts,
                                               const RateRatioOptions& options) {
  DOCKET_RETURN_IF_ERROR(CheckInputs(counts, options));
  const double x1 = static_cast<double>(counts.current_count);
  const double x2 = static_cast<double>(counts.baseline_count);
  const double t1 = counts.current_exposure;
  const double t2 = counts.baseline_exposure;
  const double r = options.null_ratio;
  const int64_t n = counts.current_count + counts.baseline_count;  // <= 2^54: no overflow
  if (n > kMaxCount) {
    return InvalidArgumentError("current_count + baseline_count must be <= 2^53, got " +
                                std::to_string(n));
  }
  RateRatioResult result;
  result.observed = counts.current_count;
  result.baseline = counts.baseline_count;
  result.expected = x2 * t1 / t2;
  result.null_proportion = r * t1 / (r * t1 + t2);
  result.expected_conditional = static_cast<double>(n) * result.null_proportion;
  result.rate_ratio = RateRatioEstimate(x1, t1, x2, t2);
  return result;
}

}  // namespace internal

StatusOr<RateRatioResult> RateRatioTest(const RateRatioCounts& counts,
                                        const RateRatioOptions& options) {
  DOCKET_ASSIGN_OR_RETURN(RateRatioResult result, internal::RateRatioPointFields(counts, options));
  const double t1 = counts.current_exposure;
  const double t2 = counts.baseline_exposure;
  DOCKET_ASSIGN_OR_RETURN(
      const BinomialTestResult binomial,
      BinomialTest(counts.current_count, counts.current_count + counts.baseline_count,
                   {.null_probability = result.null_proportion,
                    .alternative = options.alternative,
                    .confidence = options.confidence}));
  result.p_value = binomial.p_value;
  result.ci_low = ProportionToRatio(binomial.ci_low, t1, t2);
  result.ci_high = ProportionToRatio(binomial.ci_high, t1, t2);
  if (std::isnan(result.ci_low) || std::isnan(result.ci_high)) {
    return InternalError(
        "rate ratio interval is NaN for current_exposure=" + internal::FormatNumber(t1) +
        " baseline_exposure=" + internal::FormatNumber(t2));
  }
  return result;
}

}  // namespace docket::policies::stats
