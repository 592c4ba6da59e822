// BundleReader: the strict streaming parser of evidence bundles (docs/ledger-format.md,
// "Evidence bundles"). Checks the magic, each record's framing (a minimal varint length
// of at most kMaxBundleRecordBytes, read in bounded chunks so a hostile length allocates
// nothing it has not received), each record's form (bundle::DecodeRecord) and its place:
// the header first and once, then checkpoints, consistency proofs, erasures, entries
// (each followed by its inclusion proof in a selection bundle), blobs, and the end
// record, each section in strictly increasing order, nothing after the end. It checks
// no hash and no signature: that is VerifyBundle's job.
//
// Ownership: borrows the stream. Not thread-safe. After an error every call returns it.
#pragma once

#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <vector>

#include "engine/base/status.h"
#include "ledger/bundle/bundle_records.h"

namespace docket::ledger {

class BundleReader {
 public:
  explicit BundleReader(std::istream& in) : in_(in) {}

  // The next record, or nullopt once the end record has been read and nothing follows.
  // The first record returned is always the header.
  // Errors: kInvalidArgument if the stream does not start with kBundleMagic or the
  // format version is not supported; kDataLoss "record N (kind): ..." for anything else
  // (truncation, a malformed record, a record out of place); records are numbered from
  // 1, the header being record 1.
  [[nodiscard]] StatusOr<std::optional<bundle::Record>> Next();

  // Valid after the first successful Next().
  const bundle::Header& header() const { return header_; }
  // Number of the record Next() returned last.
  uint64_t record_number() const { return records_; }

 private:
  [[nodiscard]] StatusOr<std::optional<uint64_t>> ReadLength();
  [[nodiscard]] StatusOr<std::string> ReadBody(uint64_t length);
  [[nodiscard]] Status CheckPlace(const bundle::Record& record);
  // One per kind, after CheckPlace's common checks. Header and End have none here.
  [[nodiscard]] Status Place(const bundle::Header&) { return Status::Ok(); }
  [[nodiscard]] Status Place(const bundle::CheckpointNote& c);
  [[nodiscard]] Status Place(const bundle::ConsistencyProof& p);
  [[nodiscard]] Status Place(const bundle::Erasure& x);
  [[nodiscard]] Status Place(const bundle::Entry& e);
  [[nodiscard]] Status Place(const bundle::InclusionProof& q);
  [[nodiscard]] Status Place(const bundle::Blob& b);
  [[nodiscard]] Status Place(const bundle::End&) { return Status::Ok(); }
  [[nodiscard]] Status CheckComplete(const bundle::End& end) const;
  [[nodiscard]] Status Fail(Status status);

  std::istream& in_;
  Status failed_;
  bool started_ = false;
  bool ended_ = false;
  uint64_t records_ = 0;
  int section_ = -1;  // index in bundle::Record of the last record's kind
  bundle::Header header_;
  std::vector<uint64_t> checkpoint_sizes_;
  std::optional<std::pair<uint64_t, uint64_t>> last_consistency_;
  std::optional<std::string> last_subject_;
  std::optional<uint64_t> last_entry_;
  uint64_t entries_ = 0;
  bool awaiting_proof_ = false;
  std::optional<std::string> last_digest_;
};

// Reads the magic and the header only, e.g. to learn a bundle's own verifier keys.
// Errors: as BundleReader::Next.
[[nodiscard]] StatusOr<bundle::Header> ReadBundleHeader(std::istream& in);

}  // namespace docket::ledger
