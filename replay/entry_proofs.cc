#include "replay/entry_proofs.h"

#include "ledger/merkle.h"

namespace docket::replay {

StatusOr<ledger::Checkpoint> OpenLatestCheckpoint(const ledger::LedgerStore& store,
                                                  const std::vector<ledger::Verifier>& trusted,
                                                  std::string_view origin) {
  DOCKET_ASSIGN_OR_RETURN(std::optional<ledger::StoredCheckpoint> latest,
                          store.LatestCheckpoint());
  if (!latest) return FailedPreconditionError("the ledger has no signed checkpoint yet");
  StatusOr<ledger::Checkpoint> checkpoint =
      ledger::OpenCheckpoint(latest->signed_note, trusted, origin);
  if (!checkpoint.ok()) {
    return DataLossError("the latest checkpoint (size " + std::to_string(latest->size) +
                         ") does not verify: " + std::string(checkpoint.status().message()));
  }
  return checkpoint;
}

Status CheckIncluded(const ledger::LedgerStore& store, const std::vector<uint64_t>& indices,
                     const ledger::Checkpoint& checkpoint) {
  for (uint64_t index : indices) {
    if (index >= checkpoint.size) {
      return FailedPreconditionError("entry " + std::to_string(index) +
                                     " is not covered by a signed checkpoint yet (size " +
                                     std::to_string(checkpoint.size) + ")");
    }
    DOCKET_ASSIGN_OR_RETURN(std::string bytes, store.EntryAt(index));
    DOCKET_ASSIGN_OR_RETURN(std::vector<ledger::Hash> proof,
                            ledger::InclusionProof(store, index, checkpoint.size));
    Status included = ledger::VerifyInclusion(ledger::LeafHash(bytes), index, checkpoint.size,
                                              proof, checkpoint.root);
    if (!included.ok()) {
      return DataLossError("entry " + std::to_string(index) +
                           " is not in the signed tree of size " +
                           std::to_string(checkpoint.size) + ": " +
                           std::string(included.message()));
    }
  }
  return Status::Ok();
}

StatusOr<ledger::Checkpoint> CheckEntriesIncluded(const ledger::LedgerStore& store,
                                                  const std::vector<uint64_t>& indices,
                                                  const std::vector<ledger::Verifier>& trusted,
                                                  std::string_view origin) {
  DOCKET_ASSIGN_OR_RETURN(ledger::Checkpoint checkpoint,
                          OpenLatestCheckpoint(store, trusted, origin));
  DOCKET_RETURN_IF_ERROR(CheckIncluded(store, indices, checkpoint));
  return checkpoint;
}

}  // namespace docket::replay
