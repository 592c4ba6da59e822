// LedgerArtifactStore: an engine ArtifactStore whose bytes live in the ledger's blob
// vault. A Put stores the artifact as a plain content-addressed blob and remembers the
// vault's BlobRef under the engine digest (SHA-256 of the artifact bytes; the vault
// addresses the stored form, which differs), so the ledger sink can name the blob in
// the step's STEP_RESULT entry, next to the engine digest. Get serves an artifact by
// its engine digest and re-hashes what the vault returns. In a later process (replay)
// LoadRecordedRun teaches the store a recorded run's blobs from its STEP_RESULT
// entries: the ledger itself is the map from engine digests to blobs.
//
// Ownership: borrows the vault, which must outlive the store. Thread-safety: Put, Get
// and RefFor may be called from any thread (executor workers call Put concurrently).
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <string_view>

#include "engine/artifact_store.h"
#include "ledger/log/ledger_store.h"
#include "ledger/vault/blob_vault.h"

namespace docket::adapters {

class LedgerArtifactStore final : public engine::ArtifactStore {
 public:
  explicit LedgerArtifactStore(ledger::BlobVault* vault) : vault_(vault) {}

  // Errors: the vault's (kUnavailable for I/O; the run fails or retries the step).
  Status Put(const Sha256Digest& digest, const std::string& bytes) override;
  // Errors: kNotFound if no blob holds the artifact; kDataLoss if the vault's bytes do
  // not hash to `digest`; vault errors.
  StatusOr<std::string> Get(const Sha256Digest& digest) override;

  // The blob that a Put of this process stored for `digest`.
  // Errors: kNotFound if this store never stored it.
  [[nodiscard]] StatusOr<ledger::BlobRef> RefFor(const Sha256Digest& digest) const;

  // Learns every step output that the STEP_RESULT entries of run `run_id` name
  // (attribute output.<port>.digest beside blob output:<port>), found via the run index.
  // Errors: kNotFound if the ledger holds no entry of the run; kDataLoss if an entry
  // does not parse or names a malformed digest; store errors.
  [[nodiscard]] Status LoadRecordedRun(const ledger::LedgerStore& store, std::string_view run_id);

  // The first Put error (OK if none). The executor turns a Put error into a failed
  // step; this tells the caller that the ledger, not the step, was at fault.
  Status failure() const;

 private:
  ledger::BlobVault* const vault_;
  mutable std::mutex mu_;
  std::map<Sha256Digest, ledger::BlobRef> refs_;  // guarded by mu_
  Status failed_;                                 // guarded by mu_
};

// "sha256:<64 hex>", the digest text the engine and the ledger both use.
std::string DigestText(const Sha256Digest& digest);

}  // namespace docket::adapters
