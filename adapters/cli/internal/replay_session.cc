#include "adapters/cli/internal/replay_session.h"

#include "replay/entry_proofs.h"
#include "workflows/steps/register.h"

namespace docket::adapters::internal {

ReplaySession::ReplaySession(std::string key)
    : tokens_(key), redaction_{.pseudonym_key = std::move(key), .vault = &tokens_,
                               .known_values = &known_values_} {}

StatusOr<std::unique_ptr<ReplaySession>> ReplaySession::Open(
    const LedgerHome& home, const std::string& decision_id,
    const std::optional<std::string>& redaction_key) {
  DOCKET_ASSIGN_OR_RETURN(std::string run_id, replay::RunIdOfDecision(decision_id));
  std::unique_ptr<ReplaySession> s(
      new ReplaySession(redaction_key.value_or(home.pseudonym_key())));
  DOCKET_ASSIGN_OR_RETURN(s->run_, replay::LoadRecordedRun(home.store(), *home.vault(), run_id));
  if (s->run_.decision_id != decision_id) {
    return NotFoundError("run " + run_id + " recorded no decision " + decision_id);
  }
  DOCKET_ASSIGN_OR_RETURN(ledger::Verifier key, home.DirVerifier());
  DOCKET_ASSIGN_OR_RETURN(s->checkpoint_, replay::CheckEntriesIncluded(
                                              home.store(), s->run_.entry_indices, {key},
                                              home.origin()));
  DOCKET_ASSIGN_OR_RETURN(s->recordings_,
                          replay::LoadRecordedEffects(home.store(), *home.vault(), run_id));
  DOCKET_RETURN_IF_ERROR(workflows::RegisterFeedbackSteps(s->registry_, &s->redaction_));
  s->guard_ = std::make_unique<workflows::redact::EgressGuard>(
      s->recordings_.get(), workflows::redact::ScannerConfig{}, &s->known_values_);
  return s;
}

}  // namespace docket::adapters::internal
