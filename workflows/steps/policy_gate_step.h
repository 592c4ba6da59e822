// The `policy_gate` step (docs/policies.md): evaluates a gate policy file against the
// evidence of the `trends` step and writes the decision (schema docket.decision.v2):
// verdict, score, confidence, every rule instance with its outcome, thresholds and
// evidence, the guards, the policy's digest and the decision's digest (of its own
// bytes), to which approvals bind. A pure function of its inputs and the run's logical
// clock; the decision never depends on a model or the network.
#pragma once

#include "engine/step_registry.h"

namespace docket::workflows {

engine::StepTypeSpec PolicyGateStepSpec();
engine::StepFactory PolicyGateStepFactory();

}  // namespace docket::workflows
