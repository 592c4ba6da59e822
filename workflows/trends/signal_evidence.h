// What the gate's evidence holds from each release signal (docs/trends.md, "Names a
// policy can read"): the regression suite's totals, each feature flag's state and the
// telemetry series summarised over the trend windows. Flag keys and metric names are
// folded to policy identifiers: every byte other than a-z A-Z 0-9 _ becomes _.
// Pure functions that add globals to an Evidence; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "engine/base/clock.h"
#include "policies/evidence.h"
#include "workflows/signals/feature_flags.h"
#include "workflows/signals/junit_report.h"
#include "workflows/signals/telemetry_series.h"

namespace docket::workflows::trends {

using signals::FeatureFlagSet;
using signals::JunitReport;
using signals::TelemetrySeriesSet;

// "new-checkout" -> "new_checkout".
std::string PolicyIdentifier(std::string_view text);

// signals.regression.{tests, passed, failed, errors, skipped, pass_rate, empty}.
void AddRegressionEvidence(const JunitReport& report, policies::Evidence& evidence);

// signals.flags.<key>.{enabled, variant, targeted}.
void AddFlagEvidence(const FeatureFlagSet& flags, policies::Evidence& evidence);

struct SignalWindow {
  Timestamp start{};
  Timestamp end{};  // exclusive
};

// signals.telemetry.<metric>.{current_mean, current_max, baseline_mean, baseline_max,
// current_points, baseline_points}: points of `release_version` (or with no release)
// in the current window, and of other releases (or none) in the baseline window; a
// mean over no points is left out, so a policy reading it sees missing data.
void AddTelemetryEvidence(const TelemetrySeriesSet& set, std::string_view release_version,
                          const SignalWindow& current, const SignalWindow& baseline,
                          policies::Evidence& evidence);

}  // namespace docket::workflows::trends
