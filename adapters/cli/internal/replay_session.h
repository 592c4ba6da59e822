// ReplaySession: what re-executing one recorded decision needs, set up once the way
// `docket run` set up the run: the run rebuilt from the ledger (replay/recorded_run.h)
// with every entry proven against the signed checkpoint, its recorded effects, and the
// step registry wired with a token store that keeps nothing, the run's pseudonym key and
// the egress guard in front of the recordings. Used by verify and compat replay.
//
// Ownership: owns everything it sets up; borrows the LedgerHome, which must outlive it.
// Thread-compatible.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "adapters/ledger/ledger_home.h"
#include "engine/step_registry.h"
#include "ledger/checkpoint.h"
#include "replay/recorded_effects.h"
#include "replay/recorded_run.h"
#include "replay/reference_token_vault.h"
#include "workflows/redact/egress_guard.h"
#include "workflows/steps/redact_step.h"

namespace docket::adapters::internal {

class ReplaySession {
 public:
  // Errors: kInvalidArgument for a malformed id; kNotFound if the ledger holds no such
  // decision; kDataLoss if an entry or blob does not verify; store and vault errors.
  [[nodiscard]] static StatusOr<std::unique_ptr<ReplaySession>> Open(
      const LedgerHome& home, const std::string& decision_id,
      const std::optional<std::string>& redaction_key);

  const replay::RecordedRun& run() const { return run_; }
  const ledger::Checkpoint& checkpoint() const { return checkpoint_; }
  const engine::StepRegistry& registry() const { return registry_; }
  engine::Effects* effects() { return guard_.get(); }
  const replay::RecordedEffects& recordings() const { return *recordings_; }
  replay::RecordedEffects& mutable_recordings() { return *recordings_; }

 private:
  explicit ReplaySession(std::string key);

  replay::RecordedRun run_;
  ledger::Checkpoint checkpoint_;
  std::unique_ptr<replay::RecordedEffects> recordings_;
  replay::ReferenceTokenVault tokens_;
  workflows::redact::RawValueRegistry known_values_;
  workflows::RedactionDeps redaction_;
  engine::StepRegistry registry_;
  std::unique_ptr<workflows::redact::EgressGuard> guard_;
};

}  // namespace docket::adapters::internal
