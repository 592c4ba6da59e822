// VerifyBundle; see verify_bundle.h. BundleReader has already checked each record's
// form and place, so this file only checks hashes, signatures and proofs. Every hash is
// over the bytes as they stand in the bundle; nothing is re-serialized.
#include "ledger/bundle/verify_bundle.h"

#include <map>
#include <utility>

#include "engine/base/sha256.h"
#include "ledger/bundle/bundle_reader.h"
#include "ledger/bundle/internal/entry_blobs.h"
#include "ledger/merkle.h"
#include "ledger/vault/blob_vault.h"

namespace docket::ledger {
namespace {

constexpr std::string_view kPlainBlobPrefix("DKB1\x00", 5);

std::string Where(std::string_view what, uint64_t n) {
  return std::string(what) + " " + std::to_string(n) + ": ";
}

class BundleAudit {
 public:
  BundleAudit(const std::vector<Verifier>& trusted, std::string_view expected_origin)
      : trusted_(trusted), expected_origin_(expected_origin) {}

  Status Visit(const bundle::Record& record) {
    return std::visit([this](const auto& r) { return On(r); }, record);
  }

  BundleReport TakeReport() { return std::move(report_); }

 private:
  struct NamedBy {
    std::string data_subject;
    uint64_t entry = 0;
    bool present = false;
  };

  bool whole() const { return report_.scope == bundle::Scope::kWholeLog; }

  Status On(const bundle::Header& h) {
    if (!expected_origin_.empty() && h.origin != expected_origin_) {
      return InvalidArgumentError("the bundle is of log \"" + h.origin + "\", not \"" +
                                  std::string(expected_origin_) + "\"");
    }
    report_.scope = h.scope;
    report_.origin = h.origin;
    report_.tree_size = h.tree_size;
    report_.selection = h.selection;
    report_.verifier_keys = h.verifier_keys;
    return Status::Ok();
  }

  Status On(const bundle::CheckpointNote& c) {
    const uint64_t size = c.body.size;
    StatusOr<Checkpoint> opened = OpenCheckpoint(c.signed_note, trusted_, report_.origin);
    if (!opened.ok()) return DataLossError(Where("checkpoint", size) + opened.status().message());
    if (whole() && size == 0 && opened->root != EmptyTreeRoot()) {
      return DataLossError(Where("checkpoint", 0) + "names a root other than the empty tree's");
    }
    roots_[size] = opened->root;
    report_.latest = std::move(*opened);
    ++report_.checkpoints;
    return Status::Ok();
  }

  Status On(const bundle::ConsistencyProof& p) {
    Status ok = VerifyConsistency(p.from_size, p.to_size, roots_.at(p.from_size),
                                  roots_.at(p.to_size), p.hashes);
    if (!ok.ok()) {
      return DataLossError("consistency proof " + std::to_string(p.from_size) + " -> " +
                           std::to_string(p.to_size) + ": " + ok.message());
    }
    ++report_.consistency_proofs;
    return Status::Ok();
  }

  Status On(const bundle::Erasure& e) {
    report_.erased.push_back(e);
    erased_.emplace(e.subject, e.receipt_index);
    return Status::Ok();
  }

  Status On(const bundle::Entry& e) {
    ++report_.entries;
    const internal::EntryBlobs names = internal::BlobsNamedBy(e.bytes);
    if (!names.typed) ++report_.opaque_entries;
    for (const internal::NamedBlob& blob : names.blobs) {
      auto [it, added] = named_.emplace(blob.digest, NamedBy{blob.data_subject, e.index});
      if (!added && it->second.data_subject.empty()) it->second.data_subject = blob.data_subject;
    }
    const Hash leaf = LeafHash(e.bytes);
    if (!whole()) {
      pending_leaf_ = leaf;
      return Status::Ok();
    }
    tree_.Append(leaf);
    const auto root = roots_.find(tree_.Size());
    if (root == roots_.end() || root->second == tree_.Root()) return Status::Ok();
    // Every earlier checkpoint held, so the bad entry is after the previous one.
    const uint64_t size = tree_.Size();
    const uint64_t first = root == roots_.begin() ? 0 : std::prev(root)->first;
    const std::string what = size - first == 1
                                 ? Where("entry", first) + "its bytes do not give"
                                 : "entries " + std::to_string(first) + " to " +
                                       std::to_string(size - 1) + ": their bytes do not give";
    return DataLossError(what + " the root of checkpoint " + std::to_string(size) + " (it names " +
                         root->second.Hex() + ", the entries give " + tree_.Root().Hex() + ")");
  }

  Status On(const bundle::InclusionProof& p) {
    Status ok =
        VerifyInclusion(pending_leaf_, p.index, p.tree_size, p.hashes, roots_.at(p.tree_size));
    if (!ok.ok()) {
      return DataLossError(Where("entry", p.index) + "inclusion proof against checkpoint " +
                           std::to_string(p.tree_size) + ": " + ok.message());
    }
    ++report_.inclusion_proofs;
    return Status::Ok();
  }

  Status On(const bundle::Blob& b) {
    const std::string where = "blob " + b.digest + ": ";
    const Sha256Digest actual = Sha256(b.stored);
    if ("sha256:" + actual.Hex() != b.digest) {
      return DataLossError(where + "stored bytes hash to sha256:" + actual.Hex());
    }
    if (!b.stored.starts_with(kPlainBlobPrefix)) {
      StatusOr<BlobEnvelope> envelope = ParseBlobEnvelope(b.stored);
      if (!envelope.ok()) {
        return DataLossError(
            where + "neither a plain blob nor an envelope: " + envelope.status().message());
      }
      if (const auto it = erased_.find(envelope->subject); it != erased_.end()) {
        return DataLossError(where + "belongs to subject " + envelope->subject +
                             ", erased by the receipt at entry " + std::to_string(it->second) +
                             "; a bundle leaves erased subjects' blobs out");
      }
    }
    if (const auto it = named_.find(b.digest); it != named_.end()) it->second.present = true;
    ++report_.blobs;
    return Status::Ok();
  }

  Status On(const bundle::End&) {
    for (const auto& [digest, by] : named_) {
      if (by.present) continue;
      if (!by.data_subject.empty() && erased_.contains(by.data_subject)) {
        ++report_.erased_blobs;
        continue;
      }
      return DataLossError("blob " + digest + ": named by entry " + std::to_string(by.entry) +
                           " but not in the bundle" +
                           (by.data_subject.empty() ? ""
                                                    : " (its subject " + by.data_subject +
                                                          " is not listed as erased)"));
    }
    return Status::Ok();
  }

  const std::vector<Verifier>& trusted_;
  const std::string_view expected_origin_;
  BundleReport report_;
  std::map<uint64_t, Hash> roots_;  // checkpoint size -> root, once opened
  std::map<std::string, uint64_t> erased_;
  std::map<std::string, NamedBy> named_;
  MerkleAccumulator tree_;  // whole log
  Hash pending_leaf_;       // selection: the entry awaiting its proof
};

}  // namespace

StatusOr<BundleReport> VerifyBundle(std::istream& in, const std::vector<Verifier>& trusted,
                                    std::string_view expected_origin) {
  if (trusted.empty()) return InvalidArgumentError("verifying a bundle needs a trusted key");
  BundleReader reader(in);
  BundleAudit audit(trusted, expected_origin);
  while (true) {
    DOCKET_ASSIGN_OR_RETURN(std::optional<bundle::Record> record, reader.Next());
    if (!record.has_value()) break;
    DOCKET_RETURN_IF_ERROR(audit.Visit(*record));
  }
  return audit.TakeReport();
}

}  // namespace docket::ledger
