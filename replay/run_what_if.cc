#include "replay/run_what_if.h"

#include <yaml-cpp/yaml.h>

#include "engine/json_exact.h"
#include "replay/internal/step_compare.h"

namespace docket::replay {
namespace {

namespace json = boost::json;

constexpr char kDecisionKind[] = "gate.decision";

// The gate decision of a run: the output of kind gate.decision of the first step (plan
// order) that has one; the emit step only passes it on.
std::string GateDecision(const engine::Plan& plan, const engine::RunResult& result) {
  for (const engine::PlannedStep& step : plan.steps) {
    auto it = result.steps.find(step.def.id);
    if (it == result.steps.end()) continue;
    for (const auto& [port, artifact] : it->second.outputs) {
      if (artifact.kind == kDecisionKind) return artifact.data();
    }
  }
  return "";
}

StatusOr<json::object> ObjectOf(const std::string& bytes, std::string_view what) {
  StatusOr<json::value> v = engine::ParseJsonExact(bytes, 64);
  if (!v.ok() || !v->is_object()) return NotFoundError(std::string(what) + " is not readable");
  return std::move(v->get_object());
}

}  // namespace

StatusOr<std::string> SetStepConfig(std::string_view workflow_bytes, std::string_view assignment) {
  const size_t dot = assignment.find('.');
  const size_t eq = assignment.find('=');
  if (dot == std::string_view::npos || eq == std::string_view::npos || dot == 0 || eq < dot + 2) {
    return InvalidArgumentError("--set wants STEP.KEY=VALUE, got `" + std::string(assignment) +
                                "`");
  }
  const std::string step(assignment.substr(0, dot));
  const std::string key(assignment.substr(dot + 1, eq - dot - 1));
  const std::string value(assignment.substr(eq + 1));
  YAML::Node root;
  try {
    root = YAML::Load(std::string(workflow_bytes));
  } catch (const YAML::Exception& e) {
    return InvalidArgumentError(std::string("the recorded workflow does not parse: ") + e.what());
  }
  if (!root.IsMap() || !root["steps"] || !root["steps"].IsSequence()) {
    return InvalidArgumentError("the recorded workflow has no steps list");
  }
  for (YAML::Node s : root["steps"]) {
    if (!s.IsMap() || !s["id"] || s["id"].as<std::string>("") != step) continue;
    s["config"][key] = value;
    YAML::Emitter out;
    out << root;
    return std::string(out.c_str()) + "\n";
  }
  return InvalidArgumentError("--set: the recorded workflow has no step `" + step + "`");
}

StatusOr<RunWhatIf> ReexecuteWithWorkflow(const RecordedRun& run, std::string workflow_bytes,
                                          const engine::StepRegistry& registry,
                                          RecordedEffects& effects,
                                          const VerifyOptions& options) {
  RecordedRun changed = run;
  changed.workflow_bytes = std::move(workflow_bytes);
  DOCKET_ASSIGN_OR_RETURN(engine::Plan plan, internal::PlanOf(changed, registry));
  DOCKET_ASSIGN_OR_RETURN(engine::RunResult executed,
                          internal::Execute(changed, plan, options, "what-if"));
  const engine::RunResult* result = &executed;
  RunWhatIf what_if;
  what_if.unrecorded_calls = effects.unrecorded_calls();
  what_if.recorded_decision_json = internal::RecordedOutputOfKind(run, kDecisionKind, options.vault);
  what_if.new_decision_json = GateDecision(plan, *result);
  DOCKET_ASSIGN_OR_RETURN(json::object before,
                          ObjectOf(what_if.recorded_decision_json, "the recorded gate decision"));
  DOCKET_ASSIGN_OR_RETURN(json::object after,
                          ObjectOf(what_if.new_decision_json, "the what-if run's gate decision"));
  what_if.diff = DiffDecisions(before, after);
  for (const RecordedStep& recorded : run.steps) {
    const engine::StepRecord* replayed = internal::ManifestStep(*result, recorded.step_id);
    if (replayed == nullptr || result->steps.find(recorded.step_id) == result->steps.end() ||
        internal::Compare(recorded, result->steps.at(recorded.step_id), *replayed, nullptr)) {
      what_if.changed_steps.push_back(recorded.step_id);
    }
  }
  return what_if;
}

}  // namespace docket::replay
