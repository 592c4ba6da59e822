#include "replay/verify_run.h"

#include <algorithm>
#include <boost/json.hpp>
#include <map>

#include "engine/base/sha256.h"
#include "engine/executor.h"
#include "engine/json_exact.h"
#include "engine/plan.h"
#include "engine/workflow_parser.h"
#include "policies/policy_parser.h"
#include "replay/gate_what_if.h"
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

constexpr char kPolicyKind[] = "file.policy";

// The recorded gate (evidence, decision) of `run` and its logical clock; empty fields
// when the run recorded none.
RecordedGate GateOf(const RecordedRun& run, const ledger::BlobVault& vault) {
  return RecordedGate{.run_id = run.run_id, .decision_id = run.decision_id,
                      .logical_time_text = run.logical_time_text,
                      .logical_time = run.logical_time,
                      .evidence_json = internal::RecordedOutputOfKind(run, "gate.evidence", &vault),
                      .decision_json = internal::RecordedOutputOfKind(run, "gate.decision", &vault)};
}

// Re-derives the gate's decision from its recorded evidence with the recorded policy.
void CheckGate(const RecordedRun& run, const ledger::BlobVault& vault,
               RemainingVerification& out) {
  auto policy_file = std::find_if(run.inputs.begin(), run.inputs.end(), [](const auto& kv) {
    return !kv.second.empty() && kv.second[0].kind == kPolicyKind;
  });
  if (policy_file == run.inputs.end()) {
    out.gate_note = "no readable policy input (none, or erased too)";
    return;
  }
  const RecordedGate gate = GateOf(run, vault);
  if (gate.evidence_json.empty() || gate.decision_json.empty()) {
    out.gate_note = "the run recorded no gate evidence and decision";
    return;
  }
  const engine::Artifact& file = policy_file->second[0];
  StatusOr<policies::Policy> policy = policies::ParsePolicy(file.name, file.data());
  StatusOr<boost::json::object> after =
      policy.ok() ? ReevaluateGate(*policy, gate) : StatusOr<boost::json::object>(policy.status());
  StatusOr<boost::json::value> before = engine::ParseJsonExact(gate.decision_json, 64);
  if (!after.ok() || !before.ok() || !before->is_object()) {
    out.gate_consistent = false;
    out.gate_note = "the recorded policy or evidence no longer evaluates: " +
                    std::string((after.ok() ? before.status() : after.status()).message());
    return;
  }
  const DecisionDiff diff = DiffDecisions(before->get_object(), *after);
  out.gate_consistent = !diff.changed() && diff.changes.empty();
  out.gate_note = *out.gate_consistent
                      ? "re-derived from the recorded evidence with the recorded policy: same "
                        "verdict and rule outcomes"
                      : "re-derived decision differs: " + DiffToText(diff);
}

RemainingVerification VerifyRemaining(const RecordedRun& run, const ledger::BlobVault* vault) {
  RemainingVerification out;
  if (vault == nullptr) return out;
  for (const RecordedStep& step : run.steps) {
    for (const auto& [port, recorded] : step.outputs) {
      StatusOr<std::string> bytes = vault->Get(recorded.blob_digest);
      if (!bytes.ok()) {
        out.artifacts_unreadable.push_back(step.step_id + "/" + port + ": " +
                                           std::string(bytes.status().message()));
      } else if ("sha256:" + Sha256(*bytes).Hex() != recorded.digest) {
        out.artifacts_unreadable.push_back(step.step_id + "/" + port +
                                           ": does not match its recorded digest");
      } else {
        ++out.artifacts_verified;
      }
    }
  }
  CheckGate(run, *vault, out);
  return out;
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
    report.remaining = VerifyRemaining(run, options.vault);
    return report;
  }
  DOCKET_ASSIGN_OR_RETURN(engine::Plan plan, PlanOf(run, registry));
  DOCKET_ASSIGN_OR_RETURN(engine::RunResult executed,
                          internal::Execute(run, plan, options, "replay"));
  const engine::RunResult* result = &executed;
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
