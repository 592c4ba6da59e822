// Writing evidence bundles (docs/ledger-format.md, "Evidence bundles"). ExportBundle
// streams a self-contained bundle out of a LedgerStore: the whole log, or the entries
// filed under some index terms with an inclusion proof each. It reads the store one
// entry and one blob at a time and never holds the ledger in memory. BundleRecordWriter
// frames records one by one; ExportBundle uses it, and tests use it to build hostile
// bundles by hand.
//
// Ownership: both borrow the store and the output stream for the call / their lifetime.
// Thread-safety: ExportBundle may run beside a ledger writer (it exports up to the latest
// checkpoint at the time it starts); a BundleRecordWriter is not thread-safe.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/status.h"
#include "ledger/bundle/bundle_records.h"
#include "ledger/log/ledger_index.h"
#include "ledger/log/ledger_store.h"
#include "ledger/note_key.h"

namespace docket::ledger {

// Writes kBundleMagic before the first record, then each record framed.
class BundleRecordWriter {
 public:
  explicit BundleRecordWriter(std::ostream& out) : out_(out) {}

  // Errors: kUnavailable if the stream fails; kInternal if a record cannot be encoded.
  [[nodiscard]] Status Write(const bundle::Record& record);
  // Writes the End record counting every record written so far.
  [[nodiscard]] Status Finish();
  uint64_t records_written() const { return records_; }

 private:
  [[nodiscard]] Status WriteBytes(std::string_view bytes);

  std::ostream& out_;
  bool started_ = false;
  uint64_t records_ = 0;
};

// Which entries a bundle holds.
struct BundleSelection {
  // Empty: the whole log. Otherwise every entry filed under any of these terms
  // (LookupIndex), each with an inclusion proof against the latest checkpoint.
  std::vector<IndexTerm> terms;
};

// "run=<id>", "decision=<id>", "release=<id>" or "type=<id>".
std::string FormatIndexTerm(const IndexTerm& term);

struct BundleExportSummary {
  uint64_t tree_size = 0;  // size of the latest checkpoint, which the bundle proves
  uint64_t entries = 0;
  uint64_t blobs = 0;
  uint64_t erased_subjects = 0;  // erasure records (their blobs are left out)
  uint64_t checkpoints = 0;
};

// Writes the bundle of `selection` to `out`, up to the store's latest checkpoint.
// Whole log: every checkpoint, every entry below its size, every blob of the vault except
// those of erased subjects, one erasure record per erased subject. Selection: the latest
// checkpoint, the selected entries each followed by its inclusion proof, the blobs they
// name (an erased subject's left out and its erasure recorded).
// `verifiers` go into the header and must open the latest checkpoint for `origin`, so a
// bundle never names a key that does not verify it.
// Errors: kInvalidArgument for an invalid term, no verifier, or a checkpoint that does
// not open with `verifiers` for `origin`; kNotFound if the terms select no entry;
// kFailedPrecondition if the ledger has entries but no checkpoint; kUnavailable if a
// selected entry is not yet covered by a checkpoint (retry after the next one) or the
// stream fails; kDataLoss if the store lacks an entry or a named blob; store errors.
[[nodiscard]] StatusOr<BundleExportSummary> ExportBundle(const LedgerStore& store,
                                                         const BundleSelection& selection,
                                                         const std::vector<Verifier>& verifiers,
                                                         std::string_view origin,
                                                         std::ostream& out);

}  // namespace docket::ledger
