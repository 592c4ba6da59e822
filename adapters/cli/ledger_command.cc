#include "adapters/cli/ledger_command.h"

#include <boost/json.hpp>
#include <fstream>
#include <iterator>

#include "adapters/cli/exit_codes.h"
#include "adapters/cli/internal/ledger_exit.h"
#include "adapters/ledger/ledger_home.h"
#include "adapters/ledger/verify_indexes.h"
#include "engine/base/encoding.h"
#include "engine/base/time_format.h"
#include "ledger/checkpoint.h"
#include "ledger/log/verify_ledger.h"
#include "ledger/merkle.h"
#include "ledger/vault/blob_vault.h"

namespace docket::adapters {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
using ledger::Hash;

int Fail(std::ostream& err, const Status& status, std::string_view context = {}) {
  return internal::LedgerFailure(err, status, context);
}

int Usage(std::ostream& err, const std::string& message) {
  return internal::LedgerUsage(err, message);
}

std::string B64(const Hash& h) { return Base64Encode(h.AsBytes()); }

json::array HashList(const std::vector<Hash>& hashes) {
  json::array out;
  for (const Hash& h : hashes) out.emplace_back(B64(h));
  return out;
}

StatusOr<ledger::StoredCheckpoint> Latest(const ledger::LedgerStore& store) {
  DOCKET_ASSIGN_OR_RETURN(std::optional<ledger::StoredCheckpoint> latest, store.LatestCheckpoint());
  if (!latest) return FailedPreconditionError("the ledger has no checkpoint yet");
  return *std::move(latest);
}

StatusOr<ledger::Verifier> TrustedKey(const LedgerVerifyOptions& o, const LedgerHome& home,
                                      std::ostream& err) {
  if (o.key_file) return ReadVerifierFile(*o.key_file);
  err << "docket: note: verifying with " << home.paths().genesis_key.string()
      << ", the ledger's first key as stored in the ledger directory itself (later keys "
         "are followed through KEY_EVENT entries); pass --key with a copy kept elsewhere "
         "to detect a replaced key\n";
  return home.GenesisVerifier();
}

// The exact bytes of a saved signed note (at most 1 MiB, the note size limit).
StatusOr<std::string> ReadNoteFile(const fs::path& path) {
  constexpr uint64_t kMaxNoteBytes = 1 << 20;
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return NotFoundError("no such file: " + path.string());
  const uint64_t size = fs::file_size(path, ec);
  if (ec || size > kMaxNoteBytes) {
    return InvalidArgumentError(path.string() + " is not a checkpoint note (too large)");
  }
  std::ifstream in(path, std::ios::binary);
  std::string note((std::istreambuf_iterator<char>(in)), {});
  if (!in && !in.eof()) return UnavailableError("error reading " + path.string());
  return note;
}

// Checks that the ledger's latest checkpoint extends the note saved at `path`.
Status CheckAgainstTrusted(const LedgerHome& home, const ledger::Verifier& key,
                           const fs::path& path, const ledger::Checkpoint& latest) {
  DOCKET_ASSIGN_OR_RETURN(std::string note, ReadNoteFile(path));
  StatusOr<ledger::Checkpoint> trusted = ledger::OpenCheckpoint(note, {key}, home.origin());
  if (!trusted.ok()) {
    return DataLossError("trusted checkpoint " + path.string() + ": " + trusted.status().message());
  }
  if (trusted->size > latest.size) {
    return DataLossError("trusted checkpoint " + path.string() + " covers " +
                         std::to_string(trusted->size) + " entries, the ledger only " +
                         std::to_string(latest.size) + ": entries were removed");
  }
  DOCKET_ASSIGN_OR_RETURN(std::vector<Hash> proof,
                          ledger::ConsistencyProof(home.store(), trusted->size, latest.size));
  Status consistent =
      ledger::VerifyConsistency(trusted->size, latest.size, trusted->root, latest.root, proof);
  if (!consistent.ok()) {
    return DataLossError("checkpoint " + std::to_string(latest.size) +
                         " is not consistent with the trusted checkpoint " + path.string() +
                         " (size " + std::to_string(trusted->size) + "): " + consistent.message());
  }
  return Status::Ok();
}

}  // namespace

int LedgerVerifyCommand(const LedgerVerifyOptions& o, std::ostream& out, std::ostream& err) {
  if (o.bundle) {
    if (o.trusted_checkpoint) {
      return Usage(err,
                   "--trusted-checkpoint checks a ledger directory; it cannot be combined "
                   "with --bundle");
    }
    return LedgerVerifyBundleCommand(o, out, err);
  }
  StatusOr<std::unique_ptr<LedgerHome>> home = LedgerHome::OpenForReading(o.ledger_dir);
  if (!home.ok()) return Fail(err, home.status());
  StatusOr<ledger::Verifier> key = TrustedKey(o, **home, err);
  if (!key.ok()) return Fail(err, key.status(), "verifier key");
  StatusOr<ledger::Checkpoint> latest =
      ledger::VerifyLedger((*home)->store(), {*key}, (*home)->origin());
  if (!latest.ok()) return Fail(err, latest.status(), "ledger verification failed");
  if (o.trusted_checkpoint) {
    Status s = CheckAgainstTrusted(**home, *key, *o.trusted_checkpoint, *latest);
    if (!s.ok()) return Fail(err, s, "ledger verification failed");
  }
  // Blobs and index rows are outside the tree: checked after it, each by its own rules.
  StatusOr<uint64_t> blobs = ledger::VerifyBlobs((*home)->store());
  if (!blobs.ok()) return Fail(err, blobs.status(), "ledger verification failed");
  StatusOr<uint64_t> index_rows = VerifyIndexes((*home)->store());
  if (!index_rows.ok()) return Fail(err, index_rows.status(), "ledger verification failed");
  StatusOr<std::vector<ledger::StoredCheckpoint>> checkpoints = (*home)->store().Checkpoints();
  if (!checkpoints.ok()) return Fail(err, checkpoints.status());
  out << "ok: " << latest->size << " entries, " << checkpoints->size() << " checkpoints, " << *blobs
      << " blobs, " << *index_rows << " index rows, root " << B64(latest->root) << " ("
      << (*home)->origin() << ", key " << key->name() << ")"
      << (o.trusted_checkpoint ? ", consistent with the trusted checkpoint" : "") << "\n";
  return kExitApprove;
}

int LedgerCheckpointCommand(const fs::path& dir, std::ostream& out, std::ostream& err) {
  StatusOr<std::unique_ptr<LedgerHome>> home = LedgerHome::OpenForReading(dir);
  if (!home.ok()) return Fail(err, home.status());
  StatusOr<ledger::StoredCheckpoint> latest = Latest((*home)->store());
  if (!latest.ok()) return Fail(err, latest.status());
  out << latest->signed_note;
  return kExitApprove;
}

int LedgerKeyCommand(const fs::path& dir, std::ostream& out, std::ostream& err) {
  StatusOr<std::unique_ptr<LedgerHome>> home = LedgerHome::OpenForReading(dir);
  if (!home.ok()) return Fail(err, home.status());
  StatusOr<ledger::Verifier> key = (*home)->DirVerifier();
  if (!key.ok()) return Fail(err, key.status());
  StatusOr<ledger::Verifier> genesis = (*home)->GenesisVerifier();
  if (!genesis.ok()) return Fail(err, genesis.status());
  if (genesis->Format() != key->Format()) out << "genesis " << genesis->Format() << "\n";
  out << key->Format() << "\n";
  if (StatusOr<ledger::Verifier> next = ReadVerifierFile((*home)->paths().next_verifier_key);
      next.ok()) {
    out << "next " << next->Format() << "\n";
  }
  return kExitApprove;
}

int LedgerKeyRotateCommand(const fs::path& dir, bool promote, Clock& clock, std::ostream& out,
                           std::ostream& err) {
  const std::string now = FormatRfc3339(clock.Now());  // the events' one clock reading
  StatusOr<ledger::Verifier> successor =
      promote ? FinishKeyRotation(dir, now) : BeginKeyRotation(dir, now);
  if (!successor.ok()) {
    if (successor.status().code() == StatusCode::kFailedPrecondition) {
      return Usage(err, successor.status().message());
    }
    return Fail(err, successor.status());
  }
  if (promote) {
    out << "promoted " << successor->Format()
        << ": it signs alone from now on; the retired key's KEY_EVENT is in the ledger\n";
  } else {
    out << "rotating to " << successor->Format()
        << ": it co-signs every checkpoint until `docket ledger key promote`\n";
  }
  return kExitApprove;
}

int LedgerProofCommand(const LedgerProofOptions& o, std::ostream& out, std::ostream& err) {
  StatusOr<std::unique_ptr<LedgerHome>> home = LedgerHome::OpenForReading(o.ledger_dir);
  if (!home.ok()) return Fail(err, home.status());
  const ledger::LedgerStore& store = (*home)->store();
  uint64_t size = 0;
  if (o.size) {
    StatusOr<uint64_t> stored = store.Size();
    if (!stored.ok()) return Fail(err, stored.status());
    if (*o.size > *stored) {
      return Usage(err, "--size " + std::to_string(*o.size) + " is larger than the ledger (" +
                            std::to_string(*stored) + " entries)");
    }
    size = *o.size;
  } else {
    StatusOr<ledger::StoredCheckpoint> latest = Latest(store);
    if (!latest.ok()) return Fail(err, latest.status());
    size = latest->size;
  }
  if (o.index >= size) {
    return Usage(err, "--index " + std::to_string(o.index) + " is not below the tree size " +
                          std::to_string(size));
  }
  StatusOr<Hash> leaf = store.LeafHashAt(o.index);
  if (!leaf.ok()) return Fail(err, leaf.status());
  StatusOr<std::vector<Hash>> path = ledger::InclusionProof(store, o.index, size);
  if (!path.ok()) return Fail(err, path.status());
  json::object doc;
  doc["index"] = o.index;
  doc["tree_size"] = size;
  doc["leaf_hash"] = B64(*leaf);
  doc["hashes"] = HashList(*path);
  out << json::serialize(doc) << "\n";
  return kExitApprove;
}

int LedgerConsistencyCommand(const LedgerConsistencyOptions& o, std::ostream& out,
                             std::ostream& err) {
  if (o.from > o.to) {
    return Usage(
        err, "--from " + std::to_string(o.from) + " is larger than --to " + std::to_string(o.to));
  }
  StatusOr<std::unique_ptr<LedgerHome>> home = LedgerHome::OpenForReading(o.ledger_dir);
  if (!home.ok()) return Fail(err, home.status());
  StatusOr<uint64_t> stored = (*home)->store().Size();
  if (!stored.ok()) return Fail(err, stored.status());
  if (o.to > *stored) {
    return Usage(err, "--to " + std::to_string(o.to) + " is larger than the ledger (" +
                          std::to_string(*stored) + " entries)");
  }
  StatusOr<std::vector<Hash>> proof = ledger::ConsistencyProof((*home)->store(), o.from, o.to);
  if (!proof.ok()) return Fail(err, proof.status());
  json::object doc;
  doc["from"] = o.from;
  doc["to"] = o.to;
  doc["hashes"] = HashList(*proof);
  out << json::serialize(doc) << "\n";
  return kExitApprove;
}

}  // namespace docket::adapters
