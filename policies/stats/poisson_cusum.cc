#include "policies/stats/poisson_cusum.h"

#include <algorithm>
#include <cmath>

#include "policies/stats/internal/period_checks.h"
#include "policies/stats/internal/validate.h"

namespace docket::policies::stats {
namespace {

Status CheckOptions(const PoissonCusumOptions& options) {
  DOCKET_RETURN_IF_ERROR(internal::CheckPositiveFinite("in_control_rate", options.in_control_rate));
  if (!std::isfinite(options.detect_ratio) || options.detect_ratio <= 1) {
    return InvalidArgumentError("detect_ratio must be finite and > 1, got " +
                                internal::FormatNumber(options.detect_ratio));
  }
  return internal::CheckPositiveFinite("threshold", options.threshold);
}

}  // namespace

StatusOr<CusumPath> PoissonCusum(std::span<const PeriodCount> periods,
                                 const PoissonCusumOptions& options) {
  DOCKET_RETURN_IF_ERROR(CheckOptions(options));
  DOCKET_RETURN_IF_ERROR(internal::CheckPeriods(periods));
  const double log_ratio = std::log(options.detect_ratio);
  const double drift_per_exposure = (options.detect_ratio - 1) * options.in_control_rate;
  CusumPath path;
  path.statistic.reserve(periods.size());
  double s = 0;
  for (size_t t = 0; t < periods.size(); ++t) {
    const double increment = static_cast<double>(periods[t].count) * log_ratio -
                             drift_per_exposure * periods[t].exposure;
    s = std::max(0.0, s + increment);
    path.statistic.push_back(s);
    if (!path.first_alarm && s > options.threshold) path.first_alarm = t;
  }
  return path;
}

}  // namespace docket::policies::stats
