#include "replay/internal/step_compare.h"

#include "engine/workflow_parser.h"
#include "replay/artifact_diff.h"

namespace docket::replay::internal {
namespace {

std::string RecordedBytes(const RecordedOutput& out, const ledger::BlobVault* vault) {
  if (vault == nullptr || out.blob_digest.empty()) return {};
  StatusOr<std::string> bytes = vault->Get(out.blob_digest);
  return bytes.ok() ? *std::move(bytes) : std::string();
}

std::optional<Divergence> CompareOutputs(const RecordedStep& recorded,
                                         const engine::StepOutcome& outcome,
                                         const ledger::BlobVault* vault) {
  for (const auto& [port, out] : recorded.outputs) {
    auto it = outcome.outputs.find(port);
    const std::string replayed = it == outcome.outputs.end() ? "(no output)" : DigestOf(it->second);
    if (replayed == out.digest) continue;
    Divergence d{.step_id = recorded.step_id, .kind = DivergenceKind::kOutput, .port = port,
                 .recorded = out.digest, .replayed = replayed};
    const std::string before = RecordedBytes(out, vault);
    if (!before.empty() && it != outcome.outputs.end()) {
      d.difference = DescribeDifference(before, it->second.data());
    }
    return d;
  }
  for (const auto& [port, artifact] : outcome.outputs) {
    if (!recorded.outputs.contains(port)) {
      return Divergence{.step_id = recorded.step_id, .kind = DivergenceKind::kOutput,
                        .port = port, .recorded = "(no output)", .replayed = DigestOf(artifact)};
    }
  }
  return std::nullopt;
}

}  // namespace

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

const engine::StepRecord* ManifestStep(const engine::RunResult& result, const std::string& id) {
  for (const engine::StepRecord& s : result.manifest.steps()) {
    if (s.id() == id) return &s;
  }
  return nullptr;
}

// The first difference between `recorded` and the replay's outcome of the same step,
// seeds aside.
std::optional<Divergence> Compare(const RecordedStep& recorded, const engine::StepOutcome& outcome,
                                  const engine::StepRecord& replayed,
                                  const ledger::BlobVault* vault) {
  if (replayed.config_digest() != recorded.config_digest) {
    return Divergence{.step_id = recorded.step_id, .kind = DivergenceKind::kConfig,
                      .recorded = recorded.config_digest, .replayed = replayed.config_digest()};
  }
  const std::string status(engine::StepStateName(outcome.state));
  if (status != recorded.status) {
    Divergence d{.step_id = recorded.step_id, .kind = DivergenceKind::kStatus,
                 .recorded = recorded.status, .replayed = status};
    if (!outcome.error.ok()) d.difference = "replay: " + std::string(outcome.error.message());
    return d;
  }
  return CompareOutputs(recorded, outcome, vault);
}

StatusOr<engine::RunResult> Execute(const RecordedRun& run, const engine::Plan& plan,
                                    const VerifyOptions& options, std::string_view what) {
  engine::Executor executor({.threads = options.threads, .clock = options.clock,
                             .effects = options.effects,
                             .engine_build_id = options.engine_build_id});
  engine::RunRequest request{.run_id = run.run_id, .logical_time = run.logical_time,
                             .inputs = run.inputs, .params = run.params};
  StatusOr<engine::RunResult> result = executor.Run(plan, std::move(request));
  if (!result.ok()) {
    return FailedPreconditionError(std::string(what) + ": the engine refused the recorded run: " +
                                   std::string(result.status().message()));
  }
  return result;
}

std::string RecordedOutputOfKind(const RecordedRun& run, std::string_view kind,
                                 const ledger::BlobVault* vault) {
  if (vault == nullptr) return "";
  for (const RecordedStep& step : run.steps) {
    for (const auto& [port, out] : step.outputs) {
      if (out.kind != kind) continue;
      StatusOr<std::string> bytes = vault->Get(out.blob_digest);
      if (bytes.ok()) return *std::move(bytes);
    }
  }
  return "";
}

}  // namespace docket::replay::internal
