// BuildTrendEvidence: the feedback side of a gate's evidence (docs/trends.md). Counts
// one release candidate's feedback volume (a record plus the duplicates folded into it)
// per feature area, severity, area × severity ("checkout/high") and theme in the current window, against the volume of
// earlier, non-excluded releases in the baseline window, both normalised by exposure,
// and runs the exact rate-ratio screen with Benjamini-Hochberg across the instances of
// each dimension (policies/stats/trend_screen.h). Adds release-wide facts (volumes,
// exposures, mean ratings) and the data-guard observations. Pure; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "engine/base/status.h"
#include "policies/evidence.h"
#include "policies/stats/trend_screen.h"
#include "workflows/proto/feedback.pb.h"
#include "workflows/trends/trend_windows.h"

namespace docket::workflows::trends {

struct TrendCandidate {
  std::string id;       // "rc-4.3.0"
  std::string version;  // records match on release_version
};

struct TrendConfig {
  // Versions of blocked or invalidated candidates: never part of a baseline.
  std::vector<std::string> excluded_versions;
  policies::stats::TrendScreenOptions screen;
  // Alarm threshold h of the hourly Poisson CUSUM (detecting a doubling) in the current
  // window; evidence `cusum` (largest statistic) and `cusum_alarm`.
  double cusum_threshold = 5.0;
  // Exposure per window: hours by default; a caller with session counts sets these
  // (telemetry_exposure.h), and the baseline's per-day exposures so the dispersion
  // models can still estimate day-to-day variation (else the screen stays Poisson).
  std::optional<double> current_exposure;
  std::optional<double> baseline_exposure;
  std::optional<std::vector<double>> baseline_day_exposure;
};

// Errors: kInvalidArgument for an exposure that is not finite and positive.
[[nodiscard]] StatusOr<policies::Evidence> BuildTrendEvidence(
    const google::protobuf::RepeatedPtrField<FeedbackRecord>& records,
    const TrendCandidate& candidate, const TrendWindows& windows, const WindowConfig& window_config,
    const TrendConfig& config);

}  // namespace docket::workflows::trends
