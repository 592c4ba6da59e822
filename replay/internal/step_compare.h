// Shared by verify and compat replay: building the recorded workflow's plan against
// this build's registry, and comparing one replayed step with its STEP_RESULT (config
// digest, status, outputs; seeds are the callers' business). Pure; thread-safe.
#pragma once

#include <optional>
#include <string>

#include "engine/executor.h"
#include "engine/plan.h"
#include "engine/step_registry.h"
#include "ledger/vault/blob_vault.h"
#include "replay/recorded_run.h"
#include "replay/verify_run.h"

namespace docket::replay::internal {

std::string DigestOf(const engine::Artifact& a);  // "sha256:<hex>"

// Errors: kFailedPrecondition with the workflow diagnostics, joined.
[[nodiscard]] StatusOr<engine::Plan> PlanOf(const RecordedRun& run,
                                            const engine::StepRegistry& registry);

const engine::StepRecord* ManifestStep(const engine::RunResult& result, const std::string& id);

// Re-executes `plan` with the recorded run's inputs, params, logical clock and run id on
// the engine configured by `options`. Errors: kFailedPrecondition if the executor
// refuses the recorded inputs (its message, after `what`: "replay" or "what-if").
[[nodiscard]] StatusOr<engine::RunResult> Execute(const RecordedRun& run,
                                                  const engine::Plan& plan,
                                                  const VerifyOptions& options,
                                                  std::string_view what);

// The bytes of the first recorded step output of `kind` (ledger order), "" when the run
// recorded none or `vault` is null or cannot read it.
std::string RecordedOutputOfKind(const RecordedRun& run, std::string_view kind,
                                 const ledger::BlobVault* vault);

// The first difference between `recorded` and the replay's outcome of the same step,
// seeds aside; `vault` (optional) supplies the recorded bytes for a readable difference.
std::optional<Divergence> Compare(const RecordedStep& recorded, const engine::StepOutcome& outcome,
                                  const engine::StepRecord& replayed,
                                  const ledger::BlobVault* vault);

}  // namespace docket::replay::internal
