// PoissonCusum: the one-sided (upper) Poisson CUSUM for watching a rate after a release,
// period by period, for an increase by a chosen ratio. With in-control rate lambda0
// (events per unit exposure, usually baseline_count / baseline_exposure), ratio r > 1
// and per-period count c_t with exposure e_t:
//   S_t = max(0, S_{t-1} + c_t * ln(r) - (r - 1) * lambda0 * e_t),  S_{-1} = 0,
// the log-likelihood-ratio CUSUM of Poisson(r*lambda0*e_t) against Poisson(lambda0*e_t).
// An alarm is raised at the first t with S_t > h. Larger h: fewer false alarms, slower
// detection. Assumes Poisson counts and a known lambda0 (its estimation error is
// ignored). Summation runs in input order, so the path is deterministic.
// Pure function; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

#include "engine/base/status.h"
#include "policies/stats/period_count.h"

namespace docket::policies::stats {

struct PoissonCusumOptions {
  double in_control_rate = 0;  // lambda0, finite and > 0
  double detect_ratio = 2.0;   // r, finite and > 1
  double threshold = 0;        // h, finite and > 0
};

struct CusumPath {
  std::vector<double> statistic;      // S_t, one per period, in input order
  std::optional<size_t> first_alarm;  // first t with S_t > h; nullopt if none
};

// Errors: kInvalidArgument naming the field (in_control_rate, detect_ratio, threshold,
// periods[i].count, periods[i].exposure) for out-of-range values or a positive count
// with zero exposure.
[[nodiscard]] StatusOr<CusumPath> PoissonCusum(std::span<const PeriodCount> periods,
                                               const PoissonCusumOptions& options);

}  // namespace docket::policies::stats
