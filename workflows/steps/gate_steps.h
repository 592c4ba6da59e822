// The first gate of the feedback pipeline (the gate issue replaces it with policies):
//   area_counts     counts a release candidate's records per feature area and severity
//                   in the window before the candidate's evaluation time
//   threshold_gate  BLOCKs when more than N high-severity records hit one area, else
//                   APPROVEs, with the counts and threshold as evidence
// Pure functions of inputs, config, params and the run's logical clock.
#pragma once

#include "engine/step_registry.h"

namespace docket::workflows {

engine::StepTypeSpec AreaCountsStepSpec();
engine::StepFactory AreaCountsStepFactory();

engine::StepTypeSpec ThresholdGateStepSpec();
engine::StepFactory ThresholdGateStepFactory();

}  // namespace docket::workflows
