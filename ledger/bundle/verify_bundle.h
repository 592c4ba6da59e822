// VerifyBundle: checks an evidence bundle with nothing but its bytes and the trusted
// verifier keys (docs/ledger-format.md, "Evidence bundles"). Streams the bundle once
// through BundleReader: opens every checkpoint with the trusted keys; in a whole-log
// bundle re-hashes every entry, rebuilds the tree (MerkleAccumulator) and compares its
// root with each checkpoint at its size; in a selection bundle checks each entry's
// inclusion proof against its checkpoint; checks every consistency proof; hashes every
// blob against its digest and checks its form; and finally that every blob an entry
// names is in the bundle or belongs to an erased subject. Memory: O(log n) for the tree
// plus the checkpoint roots and the digests the entries name.
//
// Thread-safe (no shared state); borrows the stream for the call.
#pragma once

#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/status.h"
#include "ledger/bundle/bundle_records.h"
#include "ledger/checkpoint.h"
#include "ledger/note_key.h"

namespace docket::ledger {

struct BundleReport {
  bundle::Scope scope = bundle::Scope::kWholeLog;
  std::string origin;
  uint64_t tree_size = 0;                  // the size the bundle proves
  std::vector<std::string> selection;      // kSelection: the terms, as the header lists them
  std::vector<std::string> verifier_keys;  // as the header lists them (not necessarily trusted)
  uint64_t entries = 0;
  uint64_t opaque_entries = 0;  // entries that are not LedgerEntry messages (name no blobs)
  uint64_t blobs = 0;           // blobs in the bundle, each hashed to its digest
  uint64_t erased_blobs = 0;    // blobs entries name that are absent because erased
  uint64_t checkpoints = 0;
  uint64_t inclusion_proofs = 0;
  uint64_t consistency_proofs = 0;
  std::optional<Checkpoint> latest;     // nullopt only for a bundle of the empty log
  std::vector<bundle::Erasure> erased;  // erased subjects, in subject order
};

// Verifies the bundle read from `in` against `trusted` and returns what it proves. When
// `expected_origin` is non-empty the bundle must be of that log.
// To check a bundle against its own keys (weaker: proves integrity, not authorship),
// read them with ReadBundleHeader, parse them and pass them as `trusted`.
// Errors: kInvalidArgument if `trusted` is empty, the stream is not a bundle, its format
// version is unsupported, or it is of another origin than `expected_origin`; kDataLoss
// naming the first bad place: "entry 17: ...", "blob sha256:…: ...", "checkpoint 32:
// ...", "consistency proof 8 -> 32: ...", or "record N (kind): ..." for the structure.
[[nodiscard]] StatusOr<BundleReport> VerifyBundle(std::istream& in,
                                                  const std::vector<Verifier>& trusted,
                                                  std::string_view expected_origin = {});

}  // namespace docket::ledger
