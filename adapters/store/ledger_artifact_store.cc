#include "adapters/store/ledger_artifact_store.h"

#include "ledger/log/ledger_index.h"
#include "ledger/proto/entry.pb.h"

namespace docket::adapters {

std::string DigestText(const Sha256Digest& digest) { return "sha256:" + digest.Hex(); }

Status LedgerArtifactStore::LoadRecordedRun(const ledger::LedgerStore& store,
                                            std::string_view run_id) {
  DOCKET_ASSIGN_OR_RETURN(
      std::vector<uint64_t> indices,
      ledger::LookupIndex(store, {ledger::IndexKind::kRun, std::string(run_id)}));
  if (indices.empty())
    return NotFoundError("the ledger holds no entry of run " + std::string(run_id));
  std::map<Sha256Digest, ledger::BlobRef> learned;
  for (uint64_t index : indices) {
    DOCKET_ASSIGN_OR_RETURN(std::string bytes, store.EntryAt(index));
    ledger::LedgerEntry entry;
    if (!entry.ParseFromString(bytes)) {
      return DataLossError("entry " + std::to_string(index) + " is not a LedgerEntry");
    }
    if (entry.type() != ledger::LedgerEntry::STEP_RESULT) continue;
    for (const ledger::BlobDigest& blob : entry.blobs()) {
      if (blob.role().rfind("output:", 0) != 0) continue;
      const std::string port = blob.role().substr(7);
      auto it = entry.attributes().find("output." + port + ".digest");
      Sha256Digest digest;
      if (it == entry.attributes().end() || it->second.rfind("sha256:", 0) != 0 ||
          !ParseSha256Hex(it->second.substr(7), digest)) {
        return DataLossError("entry " + std::to_string(index) + ": output `" + port +
                             "` has no engine digest");
      }
      learned[digest] = {
          .digest = blob.digest(), .size = blob.size(), .data_subject = blob.data_subject()};
    }
  }
  std::lock_guard<std::mutex> guard(mu_);
  refs_.merge(learned);
  return Status::Ok();
}

Status LedgerArtifactStore::Put(const Sha256Digest& digest, const std::string& bytes) {
  {
    std::lock_guard<std::mutex> guard(mu_);
    if (refs_.count(digest) != 0) return Status::Ok();  // content-addressed: idempotent
  }
  StatusOr<ledger::BlobRef> ref = vault_->Put(bytes);
  std::lock_guard<std::mutex> guard(mu_);
  if (!ref.ok()) {
    if (failed_.ok()) failed_ = ref.status().WithContext("ledger blob vault");
    return ref.status().WithContext("ledger blob vault");
  }
  refs_.emplace(digest, *std::move(ref));
  return Status::Ok();
}

StatusOr<std::string> LedgerArtifactStore::Get(const Sha256Digest& digest) {
  DOCKET_ASSIGN_OR_RETURN(ledger::BlobRef ref, RefFor(digest));
  const std::string& blob_digest = ref.digest;
  DOCKET_ASSIGN_OR_RETURN(std::string bytes, vault_->Get(blob_digest));
  if (Sha256(bytes) != digest) {
    return DataLossError("artifact " + DigestText(digest) + ": blob " + blob_digest +
                         " holds bytes that hash differently");
  }
  return bytes;
}

Status LedgerArtifactStore::failure() const {
  std::lock_guard<std::mutex> guard(mu_);
  return failed_;
}

StatusOr<ledger::BlobRef> LedgerArtifactStore::RefFor(const Sha256Digest& digest) const {
  std::lock_guard<std::mutex> guard(mu_);
  auto it = refs_.find(digest);
  if (it == refs_.end()) {
    return NotFoundError("artifact " + DigestText(digest) +
                         " is not among the blobs this store knows (stored or loaded)");
  }
  return it->second;
}

}  // namespace docket::adapters
