// EffectRecorder: the Effects door of a recorded run. It passes each call to the live
// handler (the LLM client, the webhook poster) and, before the answer reaches the step,
// stores the canonical request and the full response in the blob vault and appends an
// EFFECT entry naming both (run_entries.h, EffectEntry), waiting until that entry is
// durable: a step never uses an answer the ledger does not hold, so a replay can serve
// every effect from the record (BRIEF §4). Calls the handler refuses (a Status error:
// no handler, malformed request) are not effects and are not recorded.
//
// Ownership: borrows the handler, writer and vault, which must outlive it.
// Thread-safety: Call may run concurrently from any thread (steps keep several model
// calls in flight); the writer and vault are thread-safe.
#pragma once

#include <mutex>

#include "adapters/sinks/run_entries.h"
#include "engine/effects.h"
#include "ledger/log/ledger_writer.h"
#include "ledger/vault/blob_vault.h"

namespace docket::adapters {

class EffectRecorder final : public engine::Effects {
 public:
  EffectRecorder(engine::Effects* live, ledger::LedgerWriter* writer, ledger::BlobVault* vault,
                 RunFacts run);

  // The live answer, once recorded. Errors: the handler's own errors; a vault or writer
  // error as kDataLoss/kUnavailable with "ledger:" context (the answer is then withheld:
  // an unrecorded answer must not be used), which also stays in failure().
  StatusOr<std::string> Call(const engine::EffectCall& call) override;

  // The first recording error of the run (OK if none).
  Status failure() const;

 private:
  Status Record(const engine::EffectCall& call, const std::string& response);

  engine::Effects* live_;
  ledger::LedgerWriter* writer_;
  ledger::BlobVault* vault_;
  const RunFacts run_;
  mutable std::mutex mu_;
  Status failed_;  // guarded by mu_
};

}  // namespace docket::adapters
