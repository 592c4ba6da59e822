// RecordedEffects: the Effects door of a replay. It serves every call from the EFFECT
// entries a recorded run wrote (adapters/sinks/effect_recorder.h): the answer recorded
// for the same kind and the same canonical request bytes, in the order the run received
// them when one request was sent more than once. It never makes a live call: a request
// with no recording is an error that names the effect (BRIEF §4), so a replay cannot
// quietly diverge from what the run saw.
//
// LoadRecordedEffects reads a run's recordings from the ledger and checks each blob
// against the digests its entry names (the ledger is verified, never trusted).
//
// Ownership: owns the recordings. Thread-safety: Call may run concurrently.
#pragma once

#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <utility>

#include "engine/effects.h"
#include "ledger/log/ledger_store.h"
#include "ledger/vault/blob_vault.h"

namespace docket::replay {

class RecordedEffects final : public engine::Effects {
 public:
  // Adds the answer a call of `kind` with `request_digest` ("sha256:<hex>") received.
  void Add(std::string kind, std::string request_digest, std::string response);

  // Errors: kFailedPrecondition when no (further) recording matches: "replay: no
  // recording for effect `llm.chat` of step `synthesize` (request sha256:…)".
  StatusOr<std::string> Call(const engine::EffectCall& call) override;

  // Recordings not served yet (a replay that used fewer effects than the run did).
  size_t unserved() const;

  // What-if replays only: the answer for a call with no recording (a changed workflow
  // asks new questions), instead of the error. Must not make a live call either; set
  // before the replay starts. Calls it answered are counted in unrecorded_calls().
  using UnrecordedAnswer = std::function<StatusOr<std::string>(const engine::EffectCall&)>;
  void AnswerUnrecordedWith(UnrecordedAnswer answer) { unrecorded_ = std::move(answer); }
  size_t unrecorded_calls() const;

 private:
  mutable std::mutex mu_;
  std::map<std::pair<std::string, std::string>, std::deque<std::string>> answers_;  // mu_
  UnrecordedAnswer unrecorded_;
  size_t unrecorded_calls_ = 0;  // mu_
};

// The recordings of run `run_id`, in ledger order. Errors: kDataLoss when an EFFECT
// entry does not parse, lacks its attributes or blobs, or a blob's bytes do not match
// the request digest; the vault's errors for a missing blob.
[[nodiscard]] StatusOr<std::unique_ptr<RecordedEffects>> LoadRecordedEffects(
    const ledger::LedgerStore& store, const ledger::BlobVault& vault, const std::string& run_id);

}  // namespace docket::replay
