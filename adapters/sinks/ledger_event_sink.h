// LedgerEventSink: records a workflow run in the signed ledger. As the executor emits
// events it appends typed entries (run_entries.h) through the LedgerWriter: RUN_STARTED
// and one INPUT_SNAPSHOT per input file on the run's start, a STEP_RESULT per finished,
// failed or cancelled step, and a POLICY_EVALUATION after each gate step. Finish(),
// called once Executor::Run has returned, appends the DECISION (when the run produced a
// `decision` output) and RUN_FINISHED with the manifest, and waits until every entry of
// the run is durable. Payloads go to the blob vault: the workflow file and the manifest
// as plain blobs, input files encrypted under the subject "input:sha256:<file digest>"
// (erasable; per-customer subjects arrive with the redaction issue), step outputs
// through the LedgerArtifactStore the executor writes to.
//
// Appends never drop: when the writer's queue is full the sink waits for its oldest
// outstanding append and retries. A writer or vault error fails the run (Emit returns
// it, with "ledger:" context).
//
// Ownership: borrows the writer, vault, artifact store and plan, which must outlive it.
// Thread-safety: Emit may be called from any thread (the executor serializes its calls);
// Finish and Drain must not race with Emit.
#pragma once

#include <cstdint>
#include <deque>
#include <future>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "adapters/sinks/run_entries.h"
#include "adapters/store/ledger_artifact_store.h"
#include "engine/event_sink.h"
#include "engine/executor.h"
#include "ledger/log/ledger_writer.h"
#include "ledger/vault/blob_vault.h"

namespace docket::adapters {

// What the ledger holds about a finished run once Finish returned.
struct LedgerRunRecord {
  uint64_t first_index = 0;  // RUN_STARTED
  uint64_t last_index = 0;   // RUN_FINISHED
  std::string decision_id;   // empty when the run wrote no DECISION
  std::optional<uint64_t> decision_index;
};

class LedgerEventSink final : public engine::EventSink {
 public:
  // `request` is the run's request as given to Executor::Run (copied: Run consumes it).
  LedgerEventSink(ledger::LedgerWriter* writer, ledger::BlobVault* vault,
                  LedgerArtifactStore* artifacts, const engine::Plan& plan,
                  const engine::RunRequest& request, std::string engine_build_id);

  Status Emit(const engine::RunEvent& event) override;

  // Appends DECISION and RUN_FINISHED (with `manifest_json` as its blob) and waits for
  // every entry of the run. Errors: the first writer or vault error of the run;
  // kFailedPrecondition if the run never started (no RUN_STARTED was recorded).
  [[nodiscard]] StatusOr<LedgerRunRecord> Finish(const engine::RunResult& result,
                                                 std::string_view manifest_json);

  // Waits for every append so far, for a run that ended with an error and no result.
  [[nodiscard]] Status Drain();

  const std::string& decision_id() const { return facts_.decision_id; }
  // What every entry of this run shares (for other recorders of the same run).
  const RunFacts& facts() const { return facts_; }
  // The first ledger error of the run (OK if none): tells a run that failed because
  // of the ledger from one that failed on its own.
  Status failure() const;

 private:
  struct Outstanding {
    std::future<StatusOr<uint64_t>> index;
    ledger::LedgerEntry::Type type;
  };

  Status RecordStart();
  Status RecordStep(const engine::RunEvent& event);
  // Callers hold mu_.
  Status AppendLocked(RunEntry entry);
  Status WaitOldestLocked();
  Status CollectReadyLocked();
  Status DrainLocked();
  StatusOr<ledger::BlobDigest> OutputBlob(const engine::ArtifactRef& out) const;

  ledger::LedgerWriter* const writer_;
  ledger::BlobVault* const vault_;
  LedgerArtifactStore* const artifacts_;
  const engine::Plan& plan_;
  const std::map<std::string, std::vector<engine::Artifact>> inputs_;
  std::map<std::string, std::string> params_;  // with the declared defaults applied
  Sha256Digest seed_root_;
  const std::string engine_build_id_;
  RunFacts facts_;

  mutable std::mutex mu_;
  std::deque<Outstanding> outstanding_;  // guarded by mu_; oldest first
  Status failed_;                        // guarded by mu_; the first error
  bool started_ = false;                 // guarded by mu_
  LedgerRunRecord record_;               // guarded by mu_
};

}  // namespace docket::adapters
