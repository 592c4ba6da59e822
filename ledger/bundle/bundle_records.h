// Evidence-bundle records as C++ values and their wire form. A bundle is the 16-byte
// magic kBundleMagic followed by records, each a minimal base-128 varint length and a
// serialized docket.ledger.BundleRecord (ledger/proto/bundle.proto); the byte format,
// the record order and what a verifier checks are in docs/ledger-format.md, "Evidence
// bundles". bundle::EncodeRecord / bundle::DecodeRecord convert one record and check its
// form only (field syntax and lengths); BundleReader checks each record's place.
//
// The value types live in docket::ledger::bundle because the generated protobuf
// messages own the docket::ledger::Bundle* names; protobuf stays out of this header.
// Pure functions over values; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "engine/base/status.h"
#include "ledger/checkpoint.h"
#include "ledger/merkle.h"

namespace docket::ledger {

inline constexpr std::string_view kBundleMagic{"docket-bundle/1\n", 16};
inline constexpr uint32_t kBundleFormatVersion = 1;
// Largest record body: a 1 GiB blob plus its envelope, digest and framing, with slack.
inline constexpr uint64_t kMaxBundleRecordBytes = (uint64_t{1} << 30) + (uint64_t{1} << 16);
// No RFC 9162 proof over a tree of at most 2^64 leaves is longer.
inline constexpr size_t kMaxBundleProofHashes = 64;
inline constexpr size_t kMaxBundleVerifierKeys = 100;
inline constexpr size_t kMaxBundleSelectionTerms = 1000;

namespace bundle {

enum class Scope { kWholeLog, kSelection };

struct Header {
  uint32_t format_version = kBundleFormatVersion;
  std::string origin;                      // checkpoint origin, non-empty, no '\n'
  std::vector<std::string> verifier_keys;  // verifier key lines; each parses
  uint64_t tree_size = 0;                  // size of the bundle's latest checkpoint
  Scope scope = Scope::kWholeLog;
  std::vector<std::string> selection;  // kSelection: "run=<id>", ... (informative)
};

struct CheckpointNote {
  std::string signed_note;  // exact stored note
  Checkpoint body;          // parsed from the note's text; signatures NOT checked
};

struct ConsistencyProof {
  uint64_t from_size = 0;
  uint64_t to_size = 0;
  std::vector<Hash> hashes;
};

struct Erasure {
  std::string subject;  // a valid subject id (ValidateSubject)
  uint64_t receipt_index = 0;
  friend bool operator==(const Erasure&, const Erasure&) = default;
};

struct Entry {
  uint64_t index = 0;
  std::string bytes;  // the exact stored entry: the Merkle leaf
};

struct InclusionProof {
  uint64_t index = 0;
  uint64_t tree_size = 0;
  std::vector<Hash> hashes;
};

struct Blob {
  std::string digest;  // "sha256:<64 lowercase hex>"
  std::string stored;  // exact stored bytes (plain blob or encrypted envelope)
};

struct End {
  uint64_t record_count = 0;  // records before this one, the header included
};

using Record = std::variant<Header, CheckpointNote, ConsistencyProof, Erasure, Entry,
                            InclusionProof, Blob, End>;

// "header", "checkpoint", "consistency proof", "erasure", "entry", "inclusion proof",
// "blob" or "end".
std::string_view RecordKind(const Record& record);

// The framed record: minimal varint length || serialized BundleRecord. CheckpointNote
// is written from `signed_note` alone. Errors: kInternal if protobuf cannot serialize.
[[nodiscard]] StatusOr<std::string> EncodeRecord(const Record& record);

// Parses one record body (without its length). Strict: exactly one record kind, no
// unknown fields, a known format version and scope, parseable verifier keys and
// checkpoint notes, 32-byte hashes, well-formed digests and subject ids.
// Errors: kInvalidArgument for an unsupported format version; kDataLoss otherwise,
// with a message saying which field is wrong (the caller adds the record number).
[[nodiscard]] StatusOr<Record> DecodeRecord(std::string_view body);

// True if `digest` is "sha256:" followed by 64 lowercase hex digits.
bool IsBlobDigest(std::string_view digest);

}  // namespace bundle
}  // namespace docket::ledger
