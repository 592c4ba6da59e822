#include "replay/verify_run.h"

#include <map>

#include "engine/executor.h"
#include "engine/plan.h"
#include "engine/workflow_parser.h"
#include "replay/internal/step_compare.h"

namespace docket::replay {
namespace {

using internal::Compare;
using internal::DigestOf;
using internal::ManifestStep;
using internal::PlanOf;

// The first divergence of `result` from `run` (see VerifyRecordedRun).
std::optional<Divergence> FirstDivergence(const RecordedRun& run, const engine::Plan& plan,
                                          const engine::RunResult& result,
                                          const ledger::BlobVault* vault,
                                          std::vector<std::string>& identical) {
  std::map<std::string, const RecordedStep*> recorded;
  for (const RecordedStep& s : run.steps) recorded[s.step_id] = &s;
  for (const RecordedStep& s : run.steps) {
    if (plan.IndexOf(s.step_id) < 0) {
      return Divergence{.step_id = s.step_id, .kind = DivergenceKind::kMissing,
                        .recorded = s.status, .replayed = "(not in the replayed workflow)"};
    }
  }
  std::optional<Divergence> first_seed;
  for (const engine::PlannedStep& step : plan.steps) {
    const std::string& id = step.def.id;
    const engine::StepRecord* replayed = ManifestStep(result, id);
    const bool ran = replayed != nullptr && replayed->status() != "NOT_RUN";
    auto was = recorded.find(id);
    if (was == recorded.end() && !ran) continue;  // neither run reached it
    if (was == recorded.end() || !ran) {
      return Divergence{.step_id = id, .kind = DivergenceKind::kMissing,
                        .recorded = was == recorded.end() ? "(not run)" : was->second->status,
                        .replayed = ran ? replayed->status() : "(not run)"};
    }
    if (std::optional<Divergence> d =
            Compare(*was->second, result.steps.at(id), *replayed, vault)) {
      return d;
    }
    if (replayed->seed() != was->second->seed && !first_seed) {
      first_seed = Divergence{.step_id = id, .kind = DivergenceKind::kSeed,
                              .recorded = was->second->seed, .replayed = replayed->seed()};
    }
    if (!first_seed) identical.push_back(id);
  }
  if (first_seed) return first_seed;
  const std::string workflow = "sha256:" + plan.definition.digest.Hex();
  if (workflow != run.workflow_digest) {
    return Divergence{.step_id = "(workflow)", .kind = DivergenceKind::kWorkflow,
                      .recorded = run.workflow_digest, .replayed = workflow};
  }
  return std::nullopt;
}

}  // namespace

std::string_view DivergenceKindName(DivergenceKind kind) {
  switch (kind) {
    case DivergenceKind::kMissing:
      return "missing";
    case DivergenceKind::kConfig:
      return "config";
    case DivergenceKind::kStatus:
      return "status";
    case DivergenceKind::kOutput:
      return "output";
    case DivergenceKind::kSeed:
      return "seed";
    case DivergenceKind::kWorkflow:
      return "workflow";
  }
  return "output";
}

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
  if (std::optional<Divergence> d =
          FirstDivergence(run, plan, *result, options.vault, report.identical_steps)) {
    report.status = ReplayStatus::kDiverged;
    report.first_divergence = std::move(d);
    return report;
  }
  if (auto it = result->outputs.find("decision"); it != result->outputs.end()) {
    report.replayed_decision_digest = DigestOf(it->second);
  }
  if (report.replayed_decision_digest != report.recorded_decision_digest) {
    report.status = ReplayStatus::kDiverged;
    report.first_divergence = Divergence{.step_id = "(decision)",
                                         .kind = DivergenceKind::kOutput, .port = "decision",
                                         .recorded = report.recorded_decision_digest,
                                         .replayed = report.replayed_decision_digest};
  }
  return report;
}

}  // namespace docket::replay
