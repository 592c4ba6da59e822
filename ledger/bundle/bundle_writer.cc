// ExportBundle and BundleRecordWriter; see bundle_writer.h. Everything written is the
// store's exact bytes: entries, checkpoint notes and stored blobs are copied, never
// re-serialized, so the verifier hashes what the ledger hashed.
#include "ledger/bundle/bundle_writer.h"

#include <map>
#include <optional>
#include <set>
#include <utility>

#include "engine/base/encoding.h"
#include "ledger/bundle/internal/entry_blobs.h"
#include "ledger/checkpoint.h"
#include "ledger/merkle.h"
#include "ledger/vault/blob_vault.h"
#include "ledger/vault/subject_keyring.h"

namespace docket::ledger {
namespace {

constexpr std::string_view kErasedPrefix = "erased/";  // docs/ledger-format.md, subject_keys
constexpr std::string_view kDigestPrefix = "sha256:";

// Erased subject -> index of its erasure receipt, from the `subject_keys` family.
using Erasures = std::map<std::string, uint64_t, std::less<>>;

StatusOr<uint64_t> DecodeReceiptIndex(std::string_view subject, std::string_view value) {
  if (value.size() != 8) {
    return DataLossError("subject_keys row erased/" + std::string(subject) +
                         ": value is not an 8-byte entry index");
  }
  uint64_t index = 0;
  for (const char c : value) index = (index << 8) | static_cast<uint8_t>(c);
  return index;
}

StatusOr<Erasures> ScanErasures(const LedgerStore& store) {
  Erasures erased;
  Status bad;
  DOCKET_RETURN_IF_ERROR(store.ScanSide(
      SideFamily::kSubjectKeys, kErasedPrefix, [&](std::string_view key, std::string_view value) {
        const std::string_view subject = key.substr(kErasedPrefix.size());
        StatusOr<uint64_t> index = DecodeReceiptIndex(subject, value);
        if (!index.ok()) bad = index.status();
        if (bad.ok()) erased.emplace(subject, *index);
        return bad.ok();
      }));
  DOCKET_RETURN_IF_ERROR(bad);
  return erased;
}

StatusOr<std::optional<uint64_t>> ErasedBy(const LedgerStore& store, std::string_view subject) {
  DOCKET_ASSIGN_OR_RETURN(
      std::optional<std::string> row,
      store.GetSide(SideFamily::kSubjectKeys, std::string(kErasedPrefix) + std::string(subject)));
  if (!row.has_value()) return std::optional<uint64_t>();
  DOCKET_ASSIGN_OR_RETURN(uint64_t index, DecodeReceiptIndex(subject, *row));
  return std::optional<uint64_t>(index);
}

// The subject an encrypted stored blob belongs to; empty for a plain or unparsable one.
std::string SubjectOf(std::string_view stored) {
  StatusOr<BlobEnvelope> envelope = ParseBlobEnvelope(stored);
  return envelope.ok() ? envelope->subject : std::string();
}

StatusOr<std::optional<std::string>> StoredBlob(const LedgerStore& store, std::string_view digest) {
  std::string raw;
  if (!HexDecode(digest.substr(kDigestPrefix.size()), raw)) {
    return InternalError("blob digest " + std::string(digest) + " is not hex");
  }
  return store.GetSide(SideFamily::kBlobs, raw);
}

class Exporter {
 public:
  Exporter(const LedgerStore& store, std::ostream& out, uint64_t tree_size)
      : store_(store), writer_(out), tree_size_(tree_size) {}

  Status WriteHeader(bundle::Header header) {
    header.tree_size = tree_size_;
    return writer_.Write(std::move(header));
  }

  Status WriteCheckpoint(std::string signed_note) {
    ++summary_.checkpoints;
    return writer_.Write(bundle::CheckpointNote{.signed_note = std::move(signed_note)});
  }

  Status WriteErasures(const Erasures& erased) {
    for (const auto& [subject, receipt] : erased) {
      if (Status valid = ValidateSubject(subject); !valid.ok()) {
        return DataLossError("subject_keys row erased/...: " + valid.message());
      }
      if (receipt >= tree_size_) {
        return FailedPreconditionError(
            "subject " + subject + " was erased by the receipt at entry " +
            std::to_string(receipt) + ", which the latest checkpoint (size " +
            std::to_string(tree_size_) + ") does not cover");
      }
      DOCKET_RETURN_IF_ERROR(
          writer_.Write(bundle::Erasure{.subject = subject, .receipt_index = receipt}));
      ++summary_.erased_subjects;
    }
    return Status::Ok();
  }

  Status WriteEntry(uint64_t index, std::string_view bytes) {
    ++summary_.entries;
    return writer_.Write(bundle::Entry{.index = index, .bytes = std::string(bytes)});
  }

  Status WriteProof(uint64_t index, const LeafHashSource& tree) {
    DOCKET_ASSIGN_OR_RETURN(std::vector<Hash> hashes, InclusionProof(tree, index, tree_size_));
    return writer_.Write(bundle::InclusionProof{
        .index = index, .tree_size = tree_size_, .hashes = std::move(hashes)});
  }

  Status WriteBlob(std::string digest, std::string_view stored) {
    ++summary_.blobs;
    return writer_.Write(bundle::Blob{.digest = std::move(digest), .stored = std::string(stored)});
  }

  StatusOr<BundleExportSummary> Finish() {
    DOCKET_RETURN_IF_ERROR(writer_.Finish());
    summary_.tree_size = tree_size_;
    return summary_;
  }

  const LedgerStore& store() const { return store_; }
  uint64_t tree_size() const { return tree_size_; }

 private:
  const LedgerStore& store_;
  BundleRecordWriter writer_;
  const uint64_t tree_size_;
  BundleExportSummary summary_;
};

Status ExportWholeLog(Exporter& ex) {
  const LedgerStore& store = ex.store();
  DOCKET_ASSIGN_OR_RETURN(std::vector<StoredCheckpoint> checkpoints, store.Checkpoints());
  for (StoredCheckpoint& c : checkpoints) {
    if (c.size <= ex.tree_size())
      DOCKET_RETURN_IF_ERROR(ex.WriteCheckpoint(std::move(c.signed_note)));
  }
  DOCKET_ASSIGN_OR_RETURN(const Erasures erased, ScanErasures(store));
  DOCKET_RETURN_IF_ERROR(ex.WriteErasures(erased));

  uint64_t next = 0;
  Status failed;
  DOCKET_RETURN_IF_ERROR(store.ScanEntries(0, [&](uint64_t index, std::string_view bytes) {
    if (index >= ex.tree_size()) return false;
    if (index != next) {
      failed = DataLossError("entry " + std::to_string(next) + ": missing from the store");
    } else {
      failed = ex.WriteEntry(index, bytes);
      ++next;
    }
    return failed.ok();
  }));
  DOCKET_RETURN_IF_ERROR(failed);
  if (next < ex.tree_size()) {
    return DataLossError("entry " + std::to_string(next) + ": missing from the store");
  }

  DOCKET_RETURN_IF_ERROR(
      store.ScanSide(SideFamily::kBlobs, "", [&](std::string_view key, std::string_view stored) {
        if (key.size() != 32) {
          failed = DataLossError("blob key " + HexEncode(key) + " is not 32 bytes");
        } else if (const std::string subject = SubjectOf(stored);
                   subject.empty() || !erased.contains(subject)) {
          failed = ex.WriteBlob(std::string(kDigestPrefix) + HexEncode(key), stored);
        }
        return failed.ok();
      }));
  return failed;
}

struct NamedBy {
  std::string data_subject;  // as the first naming entry says
  uint64_t entry = 0;        // the first entry naming the blob
};

// Decides which named blobs go in and which subjects are erased; reads each blob once.
Status ResolveBlobs(const LedgerStore& store, const std::map<std::string, NamedBy>& named,
                    std::vector<std::string>& kept, Erasures& erased) {
  for (const auto& [digest, by] : named) {
    DOCKET_ASSIGN_OR_RETURN(std::optional<std::string> stored, StoredBlob(store, digest));
    const std::string subject = stored.has_value() ? SubjectOf(*stored) : by.data_subject;
    std::optional<uint64_t> receipt;
    if (!subject.empty()) {
      DOCKET_ASSIGN_OR_RETURN(receipt, ErasedBy(store, subject));
    }
    if (receipt.has_value()) {
      erased.emplace(subject, *receipt);
    } else if (stored.has_value()) {
      kept.push_back(digest);
    } else {
      return DataLossError("entry " + std::to_string(by.entry) + " names blob " + digest +
                           ", which the vault does not hold");
    }
  }
  return Status::Ok();
}

Status ExportSelection(Exporter& ex, const std::set<uint64_t>& indices, std::string latest_note) {
  const LedgerStore& store = ex.store();
  std::map<std::string, NamedBy> named;
  for (const uint64_t index : indices) {
    DOCKET_ASSIGN_OR_RETURN(const std::string bytes, store.EntryAt(index));
    for (internal::NamedBlob& blob : internal::BlobsNamedBy(bytes).blobs) {
      named.emplace(std::move(blob.digest), NamedBy{std::move(blob.data_subject), index});
    }
  }
  std::vector<std::string> kept;
  Erasures erased;
  DOCKET_RETURN_IF_ERROR(ResolveBlobs(store, named, kept, erased));

  DOCKET_RETURN_IF_ERROR(ex.WriteCheckpoint(std::move(latest_note)));
  DOCKET_RETURN_IF_ERROR(ex.WriteErasures(erased));
  CachedTileSource tree(store);
  for (const uint64_t index : indices) {
    DOCKET_ASSIGN_OR_RETURN(const std::string bytes, store.EntryAt(index));
    DOCKET_RETURN_IF_ERROR(ex.WriteEntry(index, bytes));
    DOCKET_RETURN_IF_ERROR(ex.WriteProof(index, tree));
  }
  for (std::string& digest : kept) {
    DOCKET_ASSIGN_OR_RETURN(std::optional<std::string> stored, StoredBlob(store, digest));
    if (!stored.has_value()) return DataLossError("blob " + digest + " vanished during the export");
    DOCKET_RETURN_IF_ERROR(ex.WriteBlob(std::move(digest), *stored));
  }
  return Status::Ok();
}

StatusOr<std::set<uint64_t>> SelectedIndices(const LedgerStore& store,
                                             const std::vector<IndexTerm>& terms) {
  std::set<uint64_t> indices;
  for (const IndexTerm& term : terms) {
    DOCKET_ASSIGN_OR_RETURN(std::vector<uint64_t> found, LookupIndex(store, term));
    indices.insert(found.begin(), found.end());
  }
  return indices;
}

}  // namespace

Status BundleRecordWriter::WriteBytes(std::string_view bytes) {
  out_.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out_)
    return UnavailableError("writing the bundle failed after " + std::to_string(records_) +
                            " records");
  return Status::Ok();
}

Status BundleRecordWriter::Write(const bundle::Record& record) {
  if (!started_) {
    DOCKET_RETURN_IF_ERROR(WriteBytes(kBundleMagic));
    started_ = true;
  }
  DOCKET_ASSIGN_OR_RETURN(const std::string framed, bundle::EncodeRecord(record));
  DOCKET_RETURN_IF_ERROR(WriteBytes(framed));
  ++records_;
  return Status::Ok();
}

Status BundleRecordWriter::Finish() {
  DOCKET_RETURN_IF_ERROR(Write(bundle::End{.record_count = records_}));
  out_.flush();
  if (!out_) return UnavailableError("flushing the bundle failed");
  return Status::Ok();
}

std::string FormatIndexTerm(const IndexTerm& term) {
  switch (term.kind) {
    case IndexKind::kRun:
      return "run=" + term.id;
    case IndexKind::kDecision:
      return "decision=" + term.id;
    case IndexKind::kRelease:
      return "release=" + term.id;
    case IndexKind::kType:
      return "type=" + term.id;
  }
  return std::string(1, static_cast<char>(term.kind)) + "=" + term.id;
}

StatusOr<BundleExportSummary> ExportBundle(const LedgerStore& store,
                                           const BundleSelection& selection,
                                           const std::vector<Verifier>& verifiers,
                                           std::string_view origin, std::ostream& out) {
  if (verifiers.empty()) return InvalidArgumentError("a bundle needs at least one verifier key");
  bundle::Header header{.origin = std::string(origin)};
  for (const Verifier& v : verifiers) header.verifier_keys.push_back(v.Format());
  for (const IndexTerm& term : selection.terms) {
    DOCKET_RETURN_IF_ERROR(ValidateIndexTerm(term));
    header.selection.push_back(FormatIndexTerm(term));
  }
  const bool whole = selection.terms.empty();
  header.scope = whole ? bundle::Scope::kWholeLog : bundle::Scope::kSelection;

  DOCKET_ASSIGN_OR_RETURN(std::optional<StoredCheckpoint> latest, store.LatestCheckpoint());
  uint64_t tree_size = 0;
  if (latest.has_value()) {
    StatusOr<Checkpoint> opened = OpenCheckpoint(latest->signed_note, verifiers, origin);
    if (!opened.ok()) {
      return InvalidArgumentError("the latest checkpoint (size " + std::to_string(latest->size) +
                                  ") does not open with the given keys for origin \"" +
                                  std::string(origin) + "\": " + opened.status().message());
    }
    tree_size = opened->size;
  } else {
    DOCKET_ASSIGN_OR_RETURN(const uint64_t size, store.Size());
    if (size > 0) {
      return FailedPreconditionError("ledger holds " + std::to_string(size) +
                                     " entries but no checkpoint");
    }
  }

  Exporter ex(store, out, tree_size);
  if (whole) {
    DOCKET_RETURN_IF_ERROR(ex.WriteHeader(std::move(header)));
    DOCKET_RETURN_IF_ERROR(ExportWholeLog(ex));
    return ex.Finish();
  }
  DOCKET_ASSIGN_OR_RETURN(const std::set<uint64_t> indices,
                          SelectedIndices(store, selection.terms));
  std::string terms;
  for (const std::string& term : header.selection) terms += (terms.empty() ? "" : ", ") + term;
  if (indices.empty()) return NotFoundError("no entry is filed under " + terms);
  if (*indices.rbegin() >= tree_size) {
    return UnavailableError("entry " + std::to_string(*indices.rbegin()) +
                            " is not covered by a checkpoint yet (the latest has size " +
                            std::to_string(tree_size) + "); retry after the next checkpoint");
  }
  DOCKET_RETURN_IF_ERROR(ex.WriteHeader(std::move(header)));
  DOCKET_RETURN_IF_ERROR(ExportSelection(ex, indices, std::move(latest->signed_note)));
  return ex.Finish();
}

}  // namespace docket::ledger
