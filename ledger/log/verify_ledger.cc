// VerifyLedger; see verify_ledger.h. Leaf hashes are recomputed from the entry bytes and
// kept in memory, so no proof below trusts a stored hash.
#include "ledger/log/verify_ledger.h"

#include <string>
#include <utility>

#include "ledger/merkle.h"

namespace docket::ledger {
namespace {

std::string Where(std::string_view what, uint64_t n) {
  return std::string(what) + " " + std::to_string(n) + ": ";
}

// Re-hashes entries [0, size) and checks them against the stored leaf hashes.
StatusOr<VectorLeafHashSource> RehashEntries(const LedgerStore& store, uint64_t size) {
  VectorLeafHashSource leaves;
  for (uint64_t index = 0; index < size; ++index) {
    StatusOr<std::string> entry = store.EntryAt(index);
    if (!entry.ok()) return DataLossError(Where("entry", index) + entry.status().message());
    StatusOr<Hash> stored = store.LeafHashAt(index);
    if (!stored.ok()) {
      return DataLossError(Where("entry", index) + "leaf hash: " + stored.status().message());
    }
    const Hash computed = LeafHash(*entry);
    if (computed != *stored) {
      return DataLossError(Where("entry", index) + "bytes hash to " + computed.Hex() +
                           " but the stored leaf hash is " + stored->Hex());
    }
    leaves.Append(computed);
  }
  return leaves;
}

// Checks the stored peaks describe the rebuilt tree (they seed the writer's recovery).
Status CheckPeaks(const LedgerStore& store, const VectorLeafHashSource& leaves) {
  MerkleAccumulator tree;
  for (uint64_t i = 0; i < leaves.size(); ++i) tree.Append(*leaves.LeafHashAt(i));
  DOCKET_ASSIGN_OR_RETURN(std::vector<Hash> peaks, store.Peaks());
  if (peaks != tree.Peaks()) {
    return DataLossError("stored peaks differ from the peaks of the " +
                         std::to_string(leaves.size()) + " stored entries");
  }
  return Status::Ok();
}

Status CheckCheckpoint(const StoredCheckpoint& stored, const Checkpoint& previous,
                       const VectorLeafHashSource& leaves, const std::vector<Verifier>& trusted,
                       std::string_view origin, Checkpoint& opened_out) {
  const std::string where = Where("checkpoint", stored.size);
  StatusOr<Checkpoint> opened = OpenCheckpoint(stored.signed_note, trusted, origin);
  if (!opened.ok()) return DataLossError(where + opened.status().message());
  if (opened->size != stored.size) {
    return DataLossError(where + "names size " + std::to_string(opened->size));
  }
  if (opened->size > leaves.size()) {
    return DataLossError(where + "covers more than the " + std::to_string(leaves.size()) +
                         " stored entries");
  }
  DOCKET_ASSIGN_OR_RETURN(Hash root, RootHash(leaves, opened->size));
  if (root != opened->root) {
    return DataLossError(where + "names root " + opened->root.Hex() + " but the entries give " +
                         root.Hex());
  }
  DOCKET_ASSIGN_OR_RETURN(std::vector<Hash> proof,
                          ConsistencyProof(leaves, previous.size, opened->size));
  Status consistent =
      VerifyConsistency(previous.size, opened->size, previous.root, opened->root, proof);
  if (!consistent.ok()) {
    return DataLossError(where + "not consistent with checkpoint " + std::to_string(previous.size) +
                         ": " + consistent.message());
  }
  opened_out = std::move(*opened);
  return Status::Ok();
}

}  // namespace

StatusOr<Checkpoint> VerifyLedger(const LedgerStore& store, const std::vector<Verifier>& trusted,
                                  std::string_view origin) {
  DOCKET_ASSIGN_OR_RETURN(uint64_t size, store.Size());
  DOCKET_ASSIGN_OR_RETURN(VectorLeafHashSource leaves, RehashEntries(store, size));
  DOCKET_ASSIGN_OR_RETURN(std::vector<StoredCheckpoint> checkpoints, store.Checkpoints());
  Checkpoint previous{
      .origin = std::string(origin), .size = 0, .root = EmptyTreeRoot(), .extensions = {}};
  for (const StoredCheckpoint& stored : checkpoints) {
    Checkpoint opened;
    DOCKET_RETURN_IF_ERROR(CheckCheckpoint(stored, previous, leaves, trusted, origin, opened));
    previous = std::move(opened);
  }
  if (size > 0 && checkpoints.empty()) {
    return FailedPreconditionError("ledger holds " + std::to_string(size) +
                                   " entries but no checkpoint");
  }
  if (previous.size != size) {
    return DataLossError("latest checkpoint covers " + std::to_string(previous.size) + " of " +
                         std::to_string(size) + " stored entries");
  }
  // Last: the peaks are only the writer's recovery cache, the checkpoints are signed.
  DOCKET_RETURN_IF_ERROR(CheckPeaks(store, leaves));
  return previous;
}

}  // namespace docket::ledger
