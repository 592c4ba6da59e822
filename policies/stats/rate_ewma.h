// RateEwma: an exponentially weighted moving average of per-period rates c_t / e_t with
// exposure-aware control limits, for watching a rate after a release. With smoothing
// w in (0, 1], in-control rate lambda0 and width L:
//   z_t = w * c_t / e_t + (1 - w) * z_{t-1},            z_{-1} = lambda0
//   v_t = w^2 * lambda0 / e_t + (1 - w)^2 * v_{t-1},    v_{-1} = 0
//   upper_t = lambda0 + L * sqrt(v_t),  lower_t = max(0, lambda0 - L * sqrt(v_t))
// v_t is the exact variance of z_t under Poisson(lambda0 * e_t) counts, so unequal
// exposures (ramps, night hours) widen the limits where they should. A period with zero
// exposure carries z and v forward unchanged (no information). Alarm: the first t with
// z_t > upper_t, or, for kTwoSided, also z_t < lower_t. Deterministic: one pass in input
// order. Pure function; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

#include "engine/base/status.h"
#include "policies/stats/alternative.h"
#include "policies/stats/period_count.h"

namespace docket::policies::stats {

struct RateEwmaOptions {
  double in_control_rate = 0;  // lambda0, finite and > 0
  double smoothing = 0.2;      // w, in (0, 1]
  double limit_width = 3.0;    // L, finite and > 0
  // kGreater: alarm on z_t > upper_t only; kLess: z_t < lower_t only; kTwoSided: both.
  Alternative alternative = Alternative::kGreater;
};

struct EwmaPath {
  std::vector<double> statistic;      // z_t, one per period, in input order
  std::vector<double> upper_limit;    // upper_t
  std::vector<double> lower_limit;    // lower_t
  std::optional<size_t> first_alarm;  // first alarming period; nullopt if none
};

// Errors: kInvalidArgument naming the field (in_control_rate, smoothing, limit_width,
// periods[i].count, periods[i].exposure) for out-of-range values or a positive count
// with zero exposure.
[[nodiscard]] StatusOr<EwmaPath> RateEwma(std::span<const PeriodCount> periods,
                                          const RateEwmaOptions& options);

}  // namespace docket::policies::stats
