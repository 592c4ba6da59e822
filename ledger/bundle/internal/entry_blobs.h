// The blobs a ledger entry names, as both the bundle writer and the bundle verifier
// read them, so the two can never disagree. The ledger stores opaque bytes: an entry
// that does not parse as a docket.ledger.LedgerEntry names no blobs (it is "opaque"),
// and a BlobDigest whose digest is not "sha256:<64 lowercase hex>" is ignored.
// Pure function; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace docket::ledger::internal {

struct NamedBlob {
  std::string digest;        // "sha256:<64 lowercase hex>"
  std::string data_subject;  // empty for a plain blob
};

struct EntryBlobs {
  bool typed = false;  // the bytes parse as a LedgerEntry
  std::vector<NamedBlob> blobs;
};

EntryBlobs BlobsNamedBy(std::string_view entry_bytes);

}  // namespace docket::ledger::internal
