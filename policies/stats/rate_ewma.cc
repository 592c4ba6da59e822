#include "policies/stats/rate_ewma.h"

#include <algorithm>
#include <cmath>

#include "policies/stats/internal/period_checks.h"
#include "policies/stats/internal/validate.h"

namespace docket::policies::stats {
namespace {

Status CheckOptions(const RateEwmaOptions& options) {
  DOCKET_RETURN_IF_ERROR(internal::CheckPositiveFinite("in_control_rate", options.in_control_rate));
  if (!(options.smoothing > 0 && options.smoothing <= 1)) {
    return InvalidArgumentError("smoothing must be in (0, 1], got " +
                                internal::FormatNumber(options.smoothing));
  }
  return internal::CheckPositiveFinite("limit_width", options.limit_width);
}

bool Alarms(Alternative alternative, double z, double lower, double upper) {
  const bool above = z > upper;
  const bool below = z < lower;
  switch (alternative) {
    case Alternative::kGreater:
      return above;
    case Alternative::kLess:
      return below;
    case Alternative::kTwoSided:
      return above || below;
  }
  return false;
}

}  // namespace

StatusOr<EwmaPath> RateEwma(std::span<const PeriodCount> periods, const RateEwmaOptions& options) {
  DOCKET_RETURN_IF_ERROR(CheckOptions(options));
  DOCKET_RETURN_IF_ERROR(internal::CheckPeriods(periods));
  const double w = options.smoothing;
  const double lambda0 = options.in_control_rate;
  EwmaPath path;
  path.statistic.reserve(periods.size());
  path.upper_limit.reserve(periods.size());
  path.lower_limit.reserve(periods.size());
  double z = lambda0;
  double v = 0;
  for (size_t t = 0; t < periods.size(); ++t) {
    const PeriodCount& period = periods[t];
    if (period.exposure > 0) {
      z = w * (static_cast<double>(period.count) / period.exposure) + (1 - w) * z;
      v = w * w * lambda0 / period.exposure + (1 - w) * (1 - w) * v;
    }
    const double half_width = options.limit_width * std::sqrt(v);
    const double upper = lambda0 + half_width;
    const double lower = std::max(0.0, lambda0 - half_width);
    path.statistic.push_back(z);
    path.upper_limit.push_back(upper);
    path.lower_limit.push_back(lower);
    if (!path.first_alarm && Alarms(options.alternative, z, lower, upper)) path.first_alarm = t;
  }
  return path;
}

}  // namespace docket::policies::stats
