// The `trends` step (docs/trends.md): assembles the gate's evidence for one release
// candidate. Feedback volume per feature area, severity and theme in the current window
// against the baseline (exact rate-ratio screen with Benjamini-Hochberg), release-wide
// facts and data-guard observations, plus the release signals the workflow names
// (JUnit report, feature flags, telemetry series). Output: a docket.evidence.v1 JSON
// artifact that the `policy_gate` step evaluates and replay re-reads. A pure function
// of inputs, config, params and the run's logical clock.
#pragma once

#include "engine/step_registry.h"

namespace docket::workflows {

engine::StepTypeSpec TrendsStepSpec();
engine::StepFactory TrendsStepFactory();

}  // namespace docket::workflows
