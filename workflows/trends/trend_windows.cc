// Hours are computed from microsecond timestamps; exclusions may overlap each other, so
// the covered part of a window is measured on the union of the exclusions.
#include "workflows/trends/trend_windows.h"

#include <algorithm>

#include "engine/base/time_format.h"

namespace docket::workflows::trends {
namespace {

using Micros = std::chrono::microseconds;

}  // namespace

double OpenHours(const TimeRange& range, std::vector<TimeRange> excluded) {
  std::sort(excluded.begin(), excluded.end(),
            [](const TimeRange& a, const TimeRange& b) { return a.start < b.start; });
  Micros open = range.end - range.start;
  Timestamp covered_to = range.start;
  for (const TimeRange& e : excluded) {
    const Timestamp from = std::max(e.start, covered_to);
    const Timestamp to = std::min(e.end, range.end);
    if (from < to) {
      open -= to - from;
      covered_to = to;
    }
  }
  return std::chrono::duration<double, std::ratio<3600>>(open).count();
}

size_t BaselineDayCount(const TrendWindows& windows) {
  const auto span = windows.baseline.end - windows.baseline.start;
  return static_cast<size_t>((span + std::chrono::hours(24) - Micros(1)) / std::chrono::hours(24));
}

size_t BaselineDayOf(const TrendWindows& windows, Timestamp t) {
  return static_cast<size_t>((t - windows.baseline.start) / std::chrono::hours(24));
}

bool TrendWindows::Excluded(const WindowConfig& config, Timestamp t) {
  return std::any_of(config.excluded_periods.begin(), config.excluded_periods.end(),
                     [t](const TimeRange& r) { return r.Contains(t); });
}

StatusOr<TrendWindows> ComputeWindows(std::optional<Timestamp> exposure_start,
                                      std::optional<Timestamp> evaluate_at,
                                      Timestamp logical_now, const WindowConfig& config) {
  TrendWindows w;
  w.evaluate_at = evaluate_at.value_or(logical_now);
  if (config.anchor == WindowAnchor::kEvaluateAt) {
    w.current = {w.evaluate_at - config.window, w.evaluate_at};
  } else {
    if (!exposure_start) {
      return InvalidArgumentError(
          "trends: anchor exposure_start needs the release candidate's exposure_start in the "
          "releases file");
    }
    w.current = {*exposure_start, std::min(*exposure_start + config.window, w.evaluate_at)};
  }
  if (w.current.end <= w.current.start) {
    return InvalidArgumentError("trends: the current window is empty (exposure starts at " +
                                FormatRfc3339(w.current.start) + ", evaluation at " +
                                FormatRfc3339(w.evaluate_at) + ")");
  }
  Timestamp baseline_end = w.current.start;
  if (exposure_start) baseline_end = std::min(baseline_end, *exposure_start);
  w.baseline = {baseline_end - config.baseline, baseline_end};
  w.current_hours = OpenHours(w.current, config.excluded_periods);
  w.baseline_hours = OpenHours(w.baseline, config.excluded_periods);
  if (w.current_hours <= 0 || w.baseline_hours <= 0) {
    return InvalidArgumentError(
        std::string("trends: excluded periods cover the whole ") +
        (w.current_hours <= 0 ? "current" : "baseline") + " window");
  }
  return w;
}

}  // namespace docket::workflows::trends
