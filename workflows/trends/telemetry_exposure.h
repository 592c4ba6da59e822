// ExposureFromTelemetry: exposure measured in sessions (or any count the telemetry file
// carries, e.g. `sessions` or `active_installs`) instead of hours, so a candidate that is
// still rolling out is compared per session with its baseline (docs/trends.md). Current
// exposure: the metric's points of the candidate's version (or with no release) in the
// current window; baseline: points of other, non-excluded versions (or with no release)
// in the baseline window, also per baseline day for the dispersion models. Points inside
// excluded periods do not count. Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/base/status.h"
#include "workflows/signals/telemetry_series.h"
#include "workflows/trends/trend_windows.h"

namespace docket::workflows::trends {

struct SessionExposure {
  double current = 0;
  double baseline = 0;
  std::vector<double> baseline_days;  // one per day of the baseline window (BaselineDays)
};

// Errors: kInvalidArgument naming the metric when the file has no such metric, or when
// either window's exposure is not positive (nothing to normalise by).
[[nodiscard]] StatusOr<SessionExposure> ExposureFromTelemetry(
    const signals::TelemetrySeriesSet& telemetry, std::string_view metric,
    std::string_view candidate_version, const std::vector<std::string>& excluded_versions,
    const TrendWindows& windows, const WindowConfig& config);

}  // namespace docket::workflows::trends
