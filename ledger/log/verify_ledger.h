// VerifyLedger: an offline audit of a LedgerStore with nothing but the trusted keys.
// Streams every stored entry once, re-hashes it and rebuilds the tree from those
// hashes alone (tiles.h's TileBuilder); checks every stored tile against the rebuilt
// one, every checkpoint's signature and origin, and that each checkpoint names the
// rebuilt root at its size. All checkpoints are thereby heads of one sequence of
// entries, which is what their pairwise consistency means (RFC 9162 §2.1.4).
// Key rotation: `trusted` are the keys trusted at the start of the log; a KEY_EVENT
// entry adds or retires a key once a checkpoint trusted so far covers it
// (ledger/key_events.h), so an auditor needs only the ledger's first key.
//
// Reads the store only; may run beside a writer but then sees a snapshot per read,
// not one consistent view. O(log size) memory plus the checkpoint list.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "engine/base/status.h"
#include "ledger/checkpoint.h"
#include "ledger/log/ledger_store.h"
#include "ledger/note_key.h"

namespace docket::ledger {

// Returns the latest checkpoint once everything holds.
// Errors: kDataLoss naming the first bad place: "entry 17: ..." (missing, extra, or
// bytes that do not hash to the stored tree), "tile 1/3: ..." (stored interior nodes
// that differ from the rebuilt ones), "checkpoint 32: ..." (does not open with
// the keys trusted at its size for `origin`, names the wrong root, or covers entries
// that do not exist), "entry N: key event ..." (a KEY_EVENT that does not parse);
// kFailedPrecondition if the ledger has entries but no checkpoint; store errors.
[[nodiscard]] StatusOr<Checkpoint> VerifyLedger(const LedgerStore& store,
                                                const std::vector<Verifier>& trusted,
                                                std::string_view origin);

}  // namespace docket::ledger
