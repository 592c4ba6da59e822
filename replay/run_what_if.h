// Run-level what-if (issue #8): the recorded run re-executed with one declared
// substitution of its workflow: a whole new workflow file (`--workflow`) or one step
// config value (`--set step.key=value`, applied to the recorded workflow). The inputs,
// params and logical clock stay the recorded ones. Model calls the run made are served
// from their recordings; calls the changed workflow makes anew get the caller's
// unrecorded answer (replay never goes live), which the report counts.
//
// The result is the new gate decision beside the recorded one (gate_what_if.h's diff)
// and the steps whose outputs changed. Writes nothing. Thread-compatible.
#pragma once

#include <boost/json/object.hpp>
#include <string>
#include <vector>

#include "replay/gate_what_if.h"
#include "replay/recorded_effects.h"
#include "replay/verify_run.h"

namespace docket::replay {

// `workflow_bytes` with steps[id == step].config[key] set to `value` (a YAML scalar).
// Errors: kInvalidArgument if `assignment` is not "step.key=value", the workflow has no
// such step, or the bytes are not a workflow mapping.
[[nodiscard]] StatusOr<std::string> SetStepConfig(std::string_view workflow_bytes,
                                                  std::string_view assignment);

struct RunWhatIf {
  DecisionDiff diff;                       // recorded gate decision -> new one
  std::vector<std::string> changed_steps;  // steps whose outputs or status differ
  size_t unrecorded_calls = 0;             // model calls answered without a recording
  std::string recorded_decision_json;
  std::string new_decision_json;
};

// Errors: kFailedPrecondition if the new workflow does not build or the engine refuses
// the recorded inputs (e.g. it declares an input the run did not have); kNotFound if
// either run produced no gate decision.
[[nodiscard]] StatusOr<RunWhatIf> ReexecuteWithWorkflow(const RecordedRun& run,
                                                        std::string workflow_bytes,
                                                        const engine::StepRegistry& registry,
                                                        RecordedEffects& effects,
                                                        const VerifyOptions& options);

}  // namespace docket::replay
