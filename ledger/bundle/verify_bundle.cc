// VerifyBundle; see verify_bundle.h. BundleReader has already checked each record's
// form and place, so this file only checks hashes, signatures and proofs. Every hash is
// over the bytes as they stand in the bundle; nothing is re-serialized.
#include "ledger/bundle/verify_bundle.h"

#include <map>
#include <utility>

#include "engine/base/sha256.h"
#include "ledger/bundle/bundle_reader.h"
#include "ledger/bundle/internal/entry_blobs.h"
#include "ledger/key_events.h"
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

  // Whole-log bundles open each checkpoint when the rebuilt tree reaches its size, so
  // that key events before it count (ledger/key_events.h); a checkpoint the log
  // never reached is an error.
  Status CheckAllCheckpointsOpened() const {
    if (!whole()) return Status::Ok();
    if (deferred_.empty()) return Status::Ok();
    return DataLossError(Where("checkpoint", deferred_.begin()->first) +
                         "the bundle's entries never reach it");
  }

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
    if (whole() && c.body.size > 0) {
      // Opened once the entries reach its size; the body's root serves the
      // consistency proofs meanwhile, and a forged one fails then.
      roots_[c.body.size] = c.body.root;
      deferred_[c.body.size] = c.signed_note;
      return Status::Ok();
    }
    return OpenNote(c.body.size, c.signed_note);
  }

  Status OpenNote(uint64_t size, const std::string& signed_note) {
    StatusOr<Checkpoint> opened = OpenCheckpoint(signed_note, trusted_, report_.origin);
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
    StatusOr<std::optional<KeyEvent>> event = ParseKeyEvent(e.bytes);
    if (!event.ok()) return DataLossError(Where("entry", e.index) + event.status().message());
    if (event->has_value()) pending_keys_.emplace_back(e.index, std::move(**event));
    tree_.Append(leaf);
    const auto root = roots_.find(tree_.Size());
    if (root == roots_.end()) return Status::Ok();
    if (root->second == tree_.Root()) {
      const auto note = deferred_.find(tree_.Size());
      if (note == deferred_.end()) return Status::Ok();
      DOCKET_RETURN_IF_ERROR(OpenNote(note->first, note->second));
      deferred_.erase(note);
      ApplyKeyEventsBefore(tree_.Size());
      return Status::Ok();
    }
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

  // As VerifyLedger: events covered by a checkpoint that opened change the trusted set.
  void ApplyKeyEventsBefore(uint64_t size) {
    size_t applied = 0;
    for (; applied < pending_keys_.size() && pending_keys_[applied].first < size; ++applied) {
      const KeyEvent& event = pending_keys_[applied].second;
      std::erase_if(trusted_, [&](const Verifier& v) {
        return v.name() == event.key.name() && v.key_hash() == event.key.key_hash();
      });
      if (event.action == KeyEvent::Action::kAdd) trusted_.push_back(event.key);
    }
    pending_keys_.erase(pending_keys_.begin(), pending_keys_.begin() + applied);
  }

  Status On(const bundle::End&) {
    DOCKET_RETURN_IF_ERROR(CheckAllCheckpointsOpened());
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

  std::vector<Verifier> trusted_;  // follows key events in whole-log bundles
  const std::string_view expected_origin_;
  std::map<uint64_t, std::string> deferred_;  // whole log: size -> note not yet opened
  std::vector<std::pair<uint64_t, KeyEvent>> pending_keys_;
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
