#include "replay/compat_replay.h"

#include <boost/json.hpp>
#include <map>

#include "engine/json_exact.h"
#include "replay/internal/step_compare.h"

namespace docket::replay {
namespace {

namespace json = boost::json;

constexpr char kDecisionKind[] = "gate.decision";

// A gate step decides: it outputs a gate.decision without taking one as input.
bool IsGate(const RecordedStep& step, const engine::PlannedStep* planned) {
  bool outputs_decision = false;
  for (const auto& [port, out] : step.outputs) outputs_decision |= out.kind == kDecisionKind;
  if (!outputs_decision || planned == nullptr) return outputs_decision;
  for (const engine::PortSpec& in : planned->type->spec.inputs) {
    if (in.kind == kDecisionKind) return false;
  }
  return true;
}

// Whether the replayed step read exactly the inputs the recorded one did.
bool SameInputs(const RecordedRun& run, const engine::StepRecord& replayed) {
  auto recorded = run.step_inputs.find(replayed.id());
  if (recorded == run.step_inputs.end()) return false;  // no manifest: assume not
  std::map<std::string, std::vector<std::string>> now;
  for (const engine::StepRecord::PortInputs& port : replayed.inputs()) {
    now[port.port()] = {port.digests().begin(), port.digests().end()};
  }
  return now == recorded->second;
}

std::string Verdict(const engine::RunResult& result) {
  auto it = result.outputs.find("decision");
  if (it == result.outputs.end()) return "";
  StatusOr<json::value> doc = engine::ParseJsonExact(it->second.data(), 64);
  if (!doc.ok() || !doc->is_object()) return "";
  const json::value* v = doc->get_object().if_contains("verdict");
  return v != nullptr && v->is_string() ? std::string(v->get_string()) : "";
}

void ClassifySteps(const RecordedRun& run, const engine::Plan& plan,
                   const engine::RunResult& result, const VerifyOptions& options,
                   CompatReport& report) {
  std::map<std::string, const RecordedStep*> recorded;
  for (const RecordedStep& s : run.steps) recorded[s.step_id] = &s;
  for (const RecordedStep& s : run.steps) {
    if (plan.IndexOf(s.step_id) >= 0) continue;
    report.changes.push_back({.step_id = s.step_id, .change = ChangeClass::kStep,
                              .divergence = {.step_id = s.step_id, .kind = DivergenceKind::kMissing,
                                             .recorded = s.status,
                                             .replayed = "(not in the replayed workflow)"}});
  }
  for (const engine::PlannedStep& step : plan.steps) {
    const std::string& id = step.def.id;
    const engine::StepRecord* replayed = internal::ManifestStep(result, id);
    const bool ran = replayed != nullptr && replayed->status() != "NOT_RUN";
    auto was = recorded.find(id);
    if (was == recorded.end() && !ran) continue;
    const bool propagated = ran && !SameInputs(run, *replayed);
    if (was == recorded.end() || !ran) {
      report.changes.push_back(
          {.step_id = id, .change = ChangeClass::kStep,
           .divergence = {.step_id = id, .kind = DivergenceKind::kMissing,
                          .recorded = was == recorded.end() ? "(not run)" : was->second->status,
                          .replayed = ran ? replayed->status() : "(not run)"},
           .propagated = propagated});
      continue;
    }
    std::optional<Divergence> d =
        internal::Compare(*was->second, result.steps.at(id), *replayed, options.vault);
    if (!d && replayed->seed() != was->second->seed) {
      d = Divergence{.step_id = id, .kind = DivergenceKind::kSeed, .recorded = was->second->seed,
                     .replayed = replayed->seed()};
    }
    if (!d) continue;
    ChangeClass change = ChangeClass::kStep;
    if (d->kind == DivergenceKind::kOutput) {
      change = IsGate(*was->second, &step) ? ChangeClass::kPolicy : ChangeClass::kArtifact;
    }
    report.changes.push_back(
        {.step_id = id, .change = change, .divergence = *std::move(d), .propagated = propagated});
  }
}

}  // namespace

std::string_view ChangeClassName(ChangeClass c) {
  switch (c) {
    case ChangeClass::kStep:
      return "step change";
    case ChangeClass::kArtifact:
      return "artifact change";
    case ChangeClass::kPolicy:
      return "policy change";
  }
  return "step change";
}

StatusOr<CompatReport> CompatReplay(const RecordedRun& run, const engine::StepRegistry& registry,
                                    const VerifyOptions& options) {
  CompatReport report{.recorded_build = run.engine_build_id,
                      .replay_build = options.engine_build_id,
                      .verdict_before = run.verdict};
  if (!run.erased.empty()) {
    report.status = ReplayStatus::kErased;
    return report;
  }
  StatusOr<engine::Plan> plan = internal::PlanOf(run, registry);
  if (!plan.ok()) {
    report.status = ReplayStatus::kDiverged;
    report.changes.push_back({.step_id = "(workflow)", .change = ChangeClass::kStep,
                              .divergence = {.step_id = "(workflow)",
                                             .kind = DivergenceKind::kMissing,
                                             .recorded = run.workflow_digest,
                                             .replayed = "(does not build)",
                                             .difference = std::string(plan.status().message())}});
    return report;
  }
  DOCKET_ASSIGN_OR_RETURN(engine::RunResult executed,
                          internal::Execute(run, *plan, options, "replay"));
  const engine::RunResult* result = &executed;
  ClassifySteps(run, *plan, *result, options, report);
  report.verdict_after = Verdict(*result);
  if (!report.changes.empty() || report.verdict_after != report.verdict_before) {
    report.status = ReplayStatus::kDiverged;
  }
  return report;
}

}  // namespace docket::replay
