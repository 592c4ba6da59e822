// CheckEntriesIncluded: before a replay uses any ledger entry it proves that entry is
// in the signed log. It opens the latest stored checkpoint with the trusted keys, and
// for each index re-hashes the stored entry bytes (RFC 6962 leaf hash, never the
// stored leaf hash) and checks an inclusion proof from the store against the signed
// root. Entries newer than the checkpoint are not yet covered and are refused.
//
// Pure reads of the store; thread-compatible.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "ledger/checkpoint.h"
#include "ledger/log/ledger_store.h"
#include "ledger/note_key.h"

namespace docket::replay {

// The latest stored checkpoint, opened with `trusted`. Errors: kFailedPrecondition if the
// ledger has none; kDataLoss if its signatures do not hold.
[[nodiscard]] StatusOr<ledger::Checkpoint> OpenLatestCheckpoint(
    const ledger::LedgerStore& store, const std::vector<ledger::Verifier>& trusted,
    std::string_view origin);

// Proves each entry of `indices` against an opened `checkpoint`. Errors: as below.
[[nodiscard]] Status CheckIncluded(const ledger::LedgerStore& store,
                                   const std::vector<uint64_t>& indices,
                                   const ledger::Checkpoint& checkpoint);

// OpenLatestCheckpoint then CheckIncluded; returns the checkpoint.
// Errors: kFailedPrecondition if the ledger has no checkpoint or an entry is beyond the
// latest one; kDataLoss if the checkpoint's signatures do not hold for `trusted` or an
// entry's proof does not lead to the signed root ("entry 17 is not in the signed
// tree"); store errors.
[[nodiscard]] StatusOr<ledger::Checkpoint> CheckEntriesIncluded(
    const ledger::LedgerStore& store, const std::vector<uint64_t>& indices,
    const std::vector<ledger::Verifier>& trusted, std::string_view origin);

}  // namespace docket::replay
