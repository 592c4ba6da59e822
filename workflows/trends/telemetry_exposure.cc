// Sums run over the set's series in their sorted order and each series' points in time
// order, so the exposures (and their rounding) are the same on every run.
#include "workflows/trends/telemetry_exposure.h"

#include <algorithm>

namespace docket::workflows::trends {

StatusOr<SessionExposure> ExposureFromTelemetry(const signals::TelemetrySeriesSet& telemetry,
                                                std::string_view metric,
                                                std::string_view candidate_version,
                                                const std::vector<std::string>& excluded_versions,
                                                const TrendWindows& windows,
                                                const WindowConfig& config) {
  SessionExposure e;
  e.baseline_days.assign(BaselineDayCount(windows), 0.0);
  bool found = false;
  for (const signals::TelemetrySeries& series : telemetry.series) {
    if (series.metric != metric) continue;
    found = true;
    const bool ours = series.release.empty() || series.release == candidate_version;
    const bool excluded = std::find(excluded_versions.begin(), excluded_versions.end(),
                                    series.release) != excluded_versions.end();
    const bool others = series.release.empty() || (series.release != candidate_version && !excluded);
    for (const signals::TelemetryPoint& p : series.points) {
      if (TrendWindows::Excluded(config, p.time)) continue;
      if (ours && windows.current.Contains(p.time)) e.current += p.value;
      if (others && windows.baseline.Contains(p.time)) {
        e.baseline += p.value;
        e.baseline_days[BaselineDayOf(windows, p.time)] += p.value;
      }
    }
  }
  const std::string name(metric);
  if (!found) {
    return InvalidArgumentError("trends: exposure_metric `" + name +
                                "` is not in the telemetry file");
  }
  if (e.current <= 0 || e.baseline <= 0) {
    return InvalidArgumentError("trends: exposure_metric `" + name + "` sums to 0 in the " +
                                (e.current <= 0 ? "current" : "baseline") +
                                " window: nothing to normalise by");
  }
  return e;
}

}  // namespace docket::workflows::trends
