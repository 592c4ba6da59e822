// VerifyRecordedRun: verify-mode replay (BRIEF §4). Rebuilds a recorded run from the
// ledger alone (recorded_run.h: workflow, params, logical clock, input snapshots) and
// re-executes it on the same engine with every effect served from its recording
// (recorded_effects.h), then compares each step's outputs with the digests its
// STEP_RESULT recorded, in the plan's topological order, and the published decision
// with the DECISION's digest. The first step that differs is reported with both
// digests and a readable difference of the artifact; later steps are not compared
// (they see different inputs). A run whose inputs were erased is not re-executed; the
// report names the erased inputs and verifies what remains (remaining_verification).
//
// Replay writes nothing to the ledger: artifacts stay in memory.
// Thread-safety: one call at a time per `options.effects`; otherwise thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/base/clock.h"
#include "engine/effects.h"
#include "engine/step_registry.h"
#include "ledger/vault/blob_vault.h"
#include "replay/recorded_run.h"

namespace docket::replay {

enum class ReplayStatus {
  kIdentical,  // every step's outputs and the decision match their recorded digests
  kDiverged,   // first_divergence says where
  kErased,     // inputs were erased; nothing was re-executed (see RecordedRun::erased)
};
std::string_view ReplayStatusName(ReplayStatus status);  // IDENTICAL, DIVERGED, ERASED

// What differs at the first divergent step.
enum class DivergenceKind {
  kMissing,   // a recorded step the replayed workflow lacks, or one the run never had
  kConfig,    // the step's resolved config (its thresholds) differs
  kStatus,    // it succeeded in one and failed (or was not run) in the other
  kOutput,    // an output's bytes differ
  kSeed,      // only the step's seed differs
  kWorkflow,  // every step agrees but the workflow definition differs (e.g. reordered)
};
std::string_view DivergenceKindName(DivergenceKind kind);  // "missing", "config", ...

struct Divergence {
  std::string step_id;          // "(workflow)" for kWorkflow
  DivergenceKind kind = DivergenceKind::kOutput;
  std::string port;             // the output, for kOutput
  std::string recorded;         // digest, status, seed or config digest, as recorded
  std::string replayed;
  std::string difference;       // artifact_diff.h for outputs; the error for a failure
};

// What a replay of a run with erased inputs can still check without re-executing it.
struct RemainingVerification {
  size_t artifacts_verified = 0;             // recorded step outputs that hash as recorded
  std::vector<std::string> artifacts_unreadable;  // "step/port: why"
  // The gate's decision re-derived from its recorded evidence with the recorded policy
  // file: true when verdict and every rule outcome match; nullopt when the run has no
  // policy input (or it was erased too) or no recorded gate evidence.
  std::optional<bool> gate_consistent;
  std::string gate_note;  // why gate_consistent is what it is
};

struct VerifyReport {
  ReplayStatus status = ReplayStatus::kIdentical;
  std::vector<std::string> identical_steps;  // in comparison order, up to the divergence
  std::optional<Divergence> first_divergence;
  std::string recorded_decision_digest;  // "" if the run recorded no decision
  std::string replayed_decision_digest;
  std::string recorded_build;
  std::string replay_build;  // differs from recorded_build: the replay is labelled
  size_t unserved_effects = 0;  // recordings the replay did not ask for
  RemainingVerification remaining;  // kErased only
};

struct VerifyOptions {
  int threads = 4;
  Clock* clock = nullptr;            // required: the executor's monotonic time
  engine::Effects* effects = nullptr;  // required: RecordedEffects for this run
  std::string engine_build_id;         // this build
  const ledger::BlobVault* vault = nullptr;  // optional: to show recorded artifact bytes
};

// The first divergent step is the first step, in the replayed plan's topological order
// (recorded steps the plan lacks first), whose structure, config, status or outputs
// differ; when none do, the first whose seed differs; when none does, the workflow
// definition's digest. A seed or workflow difference alone is still a divergence: the
// run's recorded content was not what the replay ran.
//
// Errors: kFailedPrecondition if the recorded workflow no longer builds against
// `registry` (the diagnostics, joined) or the executor refuses the recorded inputs.
[[nodiscard]] StatusOr<VerifyReport> VerifyRecordedRun(const RecordedRun& run,
                                                       const engine::StepRegistry& registry,
                                                       const VerifyOptions& options);

}  // namespace docket::replay
