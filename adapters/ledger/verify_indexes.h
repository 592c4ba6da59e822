// VerifyIndexes: the audit of a ledger's `indexes` side family that `docket ledger
// verify` runs after VerifyLedger. Index rows are derived data outside the Merkle tree,
// so nothing signed vouches for them; this checks that every row leads to an entry that
// really carries the row's term (IndexTermsOf of the parsed LedgerEntry), so `show`,
// `export` and selection bundles never present an entry under a run, decision, release
// or type it does not belong to, and that no row is missing: the rows must number
// exactly what the entries' terms call for. One pass over the family with a point read
// per row, then one pass over the entries.
//
// Reads the store only; thread-safe as the store's const methods are.
#pragma once

#include <cstdint>

#include "engine/base/status.h"
#include "ledger/log/ledger_store.h"

namespace docket::adapters {

// Returns the number of index rows checked.
// Errors: kDataLoss naming the first bad row: "index run=<id>: entry N does not belong
// to it" (also for an entry that is missing or not a LedgerEntry), "index row ...:
// ..." for a malformed key, or "index run=<id>: entry N carries the term but has no
// row"; store errors.
[[nodiscard]] StatusOr<uint64_t> VerifyIndexes(const ledger::LedgerStore& store);

}  // namespace docket::adapters
