// TrendWindows: the current and baseline windows of one release candidate's evaluation
// (docs/trends.md). Anchored to the candidate, never to the wall clock: the current
// window ends at the candidate's evaluation time (or the run's logical clock when the
// releases file has none) or starts at its first exposure; the baseline is the span
// just before the current window and before the candidate's exposure. Excluded
// periods (incidents) are cut out of both, and exposure in hours is what remains.
// Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/base/clock.h"
#include "engine/base/status.h"
#include "engine/step_config.h"

namespace docket::workflows::trends {

struct TimeRange {
  Timestamp start{};
  Timestamp end{};  // exclusive
  bool Contains(Timestamp t) const { return start <= t && t < end; }
};

enum class WindowAnchor {
  kEvaluateAt,     // current = [evaluate_at - window, evaluate_at)
  kExposureStart,  // current = [exposure_start, min(exposure_start + window, evaluate_at))
};

struct WindowConfig {
  engine::Duration window = std::chrono::hours(48);
  WindowAnchor anchor = WindowAnchor::kEvaluateAt;
  engine::Duration baseline = std::chrono::hours(14 * 24);
  std::vector<TimeRange> excluded_periods;  // incidents: no record or hour in them counts
};

struct TrendWindows {
  TimeRange current;
  TimeRange baseline;
  Timestamp evaluate_at{};
  double current_hours = 0;   // window length minus excluded periods
  double baseline_hours = 0;

  // True when `t` falls in an excluded period of `config`.
  static bool Excluded(const WindowConfig& config, Timestamp t);
};

// The baseline window cut into days from its start (the last one may be shorter): how
// many there are, and which one `t` (inside the baseline) falls in. The one day grid the
// dispersion models and per-day session exposures share.
size_t BaselineDayCount(const TrendWindows& windows);
size_t BaselineDayOf(const TrendWindows& windows, Timestamp t);

// Hours of `range` not covered by any of `excluded` (which may overlap).
double OpenHours(const TimeRange& range, std::vector<TimeRange> excluded);

// Errors: kInvalidArgument when the anchor needs an exposure start the candidate lacks,
// or when a window is empty once exclusions are cut out.
[[nodiscard]] StatusOr<TrendWindows> ComputeWindows(std::optional<Timestamp> exposure_start,
                                                    std::optional<Timestamp> evaluate_at,
                                                    Timestamp logical_now,
                                                    const WindowConfig& config);

}  // namespace docket::workflows::trends
