// BlobsNamedBy; see entry_blobs.h.
#include "ledger/bundle/internal/entry_blobs.h"

#include "ledger/bundle/bundle_records.h"
#include "ledger/proto/entry.pb.h"

namespace docket::ledger::internal {

EntryBlobs BlobsNamedBy(std::string_view entry_bytes) {
  EntryBlobs out;
  LedgerEntry entry;
  if (entry_bytes.size() > static_cast<size_t>(INT32_MAX) ||
      !entry.ParseFromArray(entry_bytes.data(), static_cast<int>(entry_bytes.size()))) {
    return out;
  }
  out.typed = true;
  for (const BlobDigest& blob : entry.blobs()) {
    if (!bundle::IsBlobDigest(blob.digest())) continue;
    out.blobs.push_back(NamedBlob{.digest = blob.digest(), .data_subject = blob.data_subject()});
  }
  return out;
}

}  // namespace docket::ledger::internal
