// Ledger indexes: rows in the `indexes` side family that find every entry of a run or
// decision, every decision of a release candidate, or every entry of a type, without
// scanning the log. A row's key is `<kind> 0x00 <id> 0x00 <8-byte big-endian entry
// index>` and its value is empty, so one prefix scan lists a term's entries in log
// order. Rows are written by the ledger writer in the same WriteBatch as their entry.
// Indexes are derived data: they are not in the Merkle tree; a verifier can rebuild
// them from the entries.
//
// Pure functions over values plus a read of a LedgerStore; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/status.h"
#include "ledger/log/ledger_store.h"

namespace docket::ledger {

enum class IndexKind : char { kRun = 'r', kDecision = 'd', kRelease = 'R', kType = 't' };

// One thing an entry can be found by, e.g. {kRun, "run-0f3a…"}.
struct IndexTerm {
  IndexKind kind = IndexKind::kRun;
  std::string id;
  friend bool operator==(const IndexTerm&, const IndexTerm&) = default;
};

inline constexpr size_t kMaxIndexIdBytes = 256;

// Errors: kInvalidArgument if the id is empty, longer than kMaxIndexIdBytes or holds a
// NUL byte (the message quotes the kind, never the whole id).
[[nodiscard]] Status ValidateIndexTerm(const IndexTerm& term);

// `<kind> 0x00 <id> 0x00`: the prefix of every row of `term`.
std::string IndexPrefix(const IndexTerm& term);
// IndexPrefix(term) followed by the 8-byte big-endian `entry_index`.
std::string IndexRowKey(const IndexTerm& term, uint64_t entry_index);

// The indices of every entry indexed under `term`, ascending.
// Errors: kInvalidArgument for an invalid term; kDataLoss if a row under the prefix
// does not end in an 8-byte index; store errors.
[[nodiscard]] StatusOr<std::vector<uint64_t>> LookupIndex(const LedgerStore& store,
                                                          const IndexTerm& term);

}  // namespace docket::ledger
