#include "replay/verify_run.h"

#include <map>

#include "engine/executor.h"
#include "engine/plan.h"
#include "engine/workflow_parser.h"
#include "replay/artifact_diff.h"

namespace docket::replay {
namespace {

std::string DigestOf(const engine::Artifact& a) { return "sha256:" + a.digest.Hex(); }

StatusOr<engine::Plan> PlanOf(const RecordedRun& run, const engine::StepRegistry& registry) {
  std::vector<engine::Diagnostic> diagnostics;
  const std::string name = "ledger:" + run.run_id + "/workflow";
  std::optional<engine::WorkflowDefinition> def =
      engine::ParseWorkflow(name, run.workflow_bytes, diagnostics);
  std::optional<engine::Plan> plan;
  if (def) plan = engine::BuildPlan(std::move(*def), registry, diagnostics);
  if (plan) return *std::move(plan);
  std::string joined;
  for (const engine::Diagnostic& d : diagnostics) joined += "\n  " + d.ToString();
  return FailedPreconditionError("the recorded workflow does not build with this engine:" +
                                 joined);
}

std::string RecordedBytes(const RecordedOutput& out, const ledger::BlobVault* vault) {
  if (vault == nullptr || out.blob_digest.empty()) return {};
  StatusOr<std::string> bytes = vault->Get(out.blob_digest);
  return bytes.ok() ? *std::move(bytes) : std::string();
}

// The first difference between `recorded` and the replay's outcome of the same step.
std::optional<Divergence> Compare(const RecordedStep& recorded, const engine::StepOutcome& outcome,
                                  const ledger::BlobVault* vault) {
  const std::string status(engine::StepStateName(outcome.state));
  if (status != recorded.status) {
    Divergence d{.step_id = recorded.step_id, .recorded = recorded.status, .replayed = status};
    if (!outcome.error.ok()) d.difference = "replay: " + std::string(outcome.error.message());
    return d;
  }
  for (const auto& [port, out] : recorded.outputs) {
    auto it = outcome.outputs.find(port);
    const std::string replayed = it == outcome.outputs.end() ? "(no output)" : DigestOf(it->second);
    if (replayed == out.digest) continue;
    Divergence d{.step_id = recorded.step_id, .port = port, .recorded = out.digest,
                 .replayed = replayed};
    const std::string before = RecordedBytes(out, vault);
    if (!before.empty() && it != outcome.outputs.end()) {
      d.difference = DescribeDifference(before, it->second.data());
    }
    return d;
  }
  for (const auto& [port, artifact] : outcome.outputs) {
    if (!recorded.outputs.contains(port)) {
      return Divergence{.step_id = recorded.step_id, .port = port, .recorded = "(no output)",
                        .replayed = DigestOf(artifact)};
    }
  }
  return std::nullopt;
}

}  // namespace

std::string_view ReplayStatusName(ReplayStatus status) {
  switch (status) {
    case ReplayStatus::kIdentical:
      return "IDENTICAL";
    case ReplayStatus::kDiverged:
      return "DIVERGED";
    case ReplayStatus::kErased:
      return "ERASED";
  }
  return "DIVERGED";
}

StatusOr<VerifyReport> VerifyRecordedRun(const RecordedRun& run,
                                         const engine::StepRegistry& registry,
                                         const VerifyOptions& options) {
  VerifyReport report;
  report.recorded_build = run.engine_build_id;
  report.replay_build = options.engine_build_id;
  report.recorded_decision_digest = run.decision_digest;
  if (!run.erased.empty()) {
    report.status = ReplayStatus::kErased;
    return report;
  }
  DOCKET_ASSIGN_OR_RETURN(engine::Plan plan, PlanOf(run, registry));
  engine::Executor executor({.threads = options.threads, .clock = options.clock,
                             .effects = options.effects,
                             .engine_build_id = options.engine_build_id});
  engine::RunRequest request{.run_id = run.run_id, .logical_time = run.logical_time,
                             .inputs = run.inputs, .params = run.params};
  StatusOr<engine::RunResult> result = executor.Run(plan, std::move(request));
  if (!result.ok()) {
    return FailedPreconditionError("replay: the engine refused the recorded run: " +
                                   std::string(result.status().message()));
  }
  std::map<std::string, const RecordedStep*> recorded;
  for (const RecordedStep& s : run.steps) recorded[s.step_id] = &s;
  for (const engine::PlannedStep& step : plan.steps) {
    const std::string& id = step.def.id;
    auto outcome = result->steps.find(id);
    auto was = recorded.find(id);
    const bool ran = outcome != result->steps.end() &&
                     outcome->second.state != engine::StepState::kNotRun;
    if (was == recorded.end() && !ran) continue;  // neither run reached it
    if (was == recorded.end() || !ran) {
      report.status = ReplayStatus::kDiverged;
      report.first_divergence =
          Divergence{.step_id = id, .recorded = was == recorded.end() ? "(not run)" : was->second->status,
                     .replayed = ran ? std::string(engine::StepStateName(outcome->second.state))
                                     : "(not run)"};
      return report;
    }
    if (std::optional<Divergence> d = Compare(*was->second, outcome->second, options.vault)) {
      report.status = ReplayStatus::kDiverged;
      report.first_divergence = std::move(d);
      return report;
    }
    report.identical_steps.push_back(id);
  }
  if (auto it = result->outputs.find("decision"); it != result->outputs.end()) {
    report.replayed_decision_digest = DigestOf(it->second);
  }
  if (report.replayed_decision_digest != report.recorded_decision_digest) {
    report.status = ReplayStatus::kDiverged;
    report.first_divergence = Divergence{.step_id = "(decision)", .port = "decision",
                                         .recorded = report.recorded_decision_digest,
                                         .replayed = report.replayed_decision_digest};
  }
  return report;
}

}  // namespace docket::replay
