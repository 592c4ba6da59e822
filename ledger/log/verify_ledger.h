// VerifyLedger: an offline audit of a LedgerStore with nothing but the trusted keys.
// Re-hashes every stored entry and compares it with the stored leaf hash, rebuilds the
// tree, and checks that every stored checkpoint is signed by a trusted key, names the
// rebuilt root at its size and is consistent with the checkpoint before it.
//
// Reads the store only; thread-safe under the store's rules (may run beside a writer,
// but then sees a snapshot per read, not one consistent view). O(size) memory.
#pragma once

#include <string_view>
#include <vector>

#include "engine/base/status.h"
#include "ledger/checkpoint.h"
#include "ledger/log/ledger_store.h"
#include "ledger/note_key.h"

namespace docket::ledger {

// Returns the latest checkpoint once everything holds.
// Errors: kDataLoss naming the first bad entry index ("entry 17: ...") or checkpoint
// size ("checkpoint 32: ...") — a missing or altered entry or leaf hash, a checkpoint
// that does not open with `trusted` for `origin`, or names the wrong root, or does not
// extend its predecessor, or stored peaks/size that disagree with the entries;
// kFailedPrecondition if the ledger has entries but no checkpoint; store errors.
[[nodiscard]] StatusOr<Checkpoint> VerifyLedger(const LedgerStore& store,
                                                const std::vector<Verifier>& trusted,
                                                std::string_view origin);

}  // namespace docket::ledger
