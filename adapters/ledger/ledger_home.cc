#include "adapters/ledger/ledger_home.h"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <cstdlib>

#include "adapters/ledger/internal/key_file.h"
#include "engine/base/encoding.h"
#include "engine/base/hmac_sha256.h"
#include "ledger/key_events.h"
#include "ledger/log/ledger_index.h"
#include "ledger/proto/entry.pb.h"

namespace docket::adapters {
namespace {

namespace fs = std::filesystem;
using internal::ReadLineFile;

constexpr size_t kKeyBytes = 32;

bool Exists(const fs::path& p) {
  std::error_code ec;
  return fs::exists(p, ec);
}

StatusOr<std::string> RandomBytes(size_t n) {
  std::string bytes(n, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()), static_cast<int>(n)) != 1) {
    return InternalError("OpenSSL RAND_bytes failed");
  }
  return bytes;
}

// Wipes a secret held in a std::string before it is freed.
struct SecretGuard {
  std::string& secret;
  ~SecretGuard() { OPENSSL_cleanse(secret.data(), secret.size()); }
};

std::filesystem::path FromEnv(const char* name, fs::path fallback, bool& external) {
  if (const char* v = std::getenv(name); v != nullptr && v[0] != '\0') {
    external = true;
    return v;
  }
  external = false;
  return fallback;
}

Status NotALedger(const fs::path& dir, std::string_view missing) {
  return FailedPreconditionError(dir.string() + " is not a Docket ledger (no " +
                                 std::string(missing) +
                                 "); pass --ledger DIR or set DOCKET_LEDGER");
}

// A key file that must exist: created by us inside the ledger dir only while the
// ledger is new; never created when it is external or the database already exists.
Status RequireKeyFile(const fs::path& path, bool external, bool new_ledger, const char* env) {
  if (Exists(path)) return Status::Ok();
  if (external) {
    return FailedPreconditionError(std::string(env) + " names " + path.string() +
                                   ", which does not exist");
  }
  if (!new_ledger) {
    return FailedPreconditionError("the ledger database exists but its key " + path.string() +
                                   " is missing; restore it (a new key could not sign on)");
  }
  return Status::Ok();
}

StatusOr<ledger::Signer> LoadOrCreateSigner(const LedgerPaths& p, bool new_ledger) {
  DOCKET_RETURN_IF_ERROR(
      RequireKeyFile(p.signer_key, p.external_signer_key, new_ledger, kSignerKeyEnv));
  if (!Exists(p.signer_key)) {
    DOCKET_ASSIGN_OR_RETURN(std::string seed, RandomBytes(kKeyBytes));
    SecretGuard wipe_seed{seed};
    DOCKET_ASSIGN_OR_RETURN(ledger::Signer signer, ledger::Signer::FromSeed(kLedgerKeyName, seed));
    std::string text = signer.Format() + "\n";
    SecretGuard wipe_text{text};
    DOCKET_RETURN_IF_ERROR(internal::WriteFileAtomically(p.signer_key, text, 0600));
    return signer;
  }
  DOCKET_ASSIGN_OR_RETURN(std::string text, ReadLineFile(p.signer_key));
  SecretGuard wipe_text{text};
  StatusOr<ledger::Signer> signer = ledger::Signer::Parse(text);
  if (!signer.ok()) {
    return InvalidArgumentError(p.signer_key.string() + " is not a signer key (" +
                                signer.status().message() + ")");
  }
  return signer;
}

StatusOr<std::string> LoadOrCreateMasterKey(const LedgerPaths& p, bool new_ledger) {
  DOCKET_RETURN_IF_ERROR(
      RequireKeyFile(p.master_key, p.external_master_key, new_ledger, kMasterKeyEnv));
  if (!Exists(p.master_key)) {
    DOCKET_ASSIGN_OR_RETURN(std::string key, RandomBytes(kKeyBytes));
    std::string hex = HexEncode(key) + "\n";
    SecretGuard wipe_hex{hex};
    DOCKET_RETURN_IF_ERROR(internal::WriteFileAtomically(p.master_key, hex, 0600));
    return key;
  }
  DOCKET_ASSIGN_OR_RETURN(std::string hex, ReadLineFile(p.master_key));
  SecretGuard wipe_hex{hex};
  std::string key;
  const bool lower = hex.find_first_not_of("0123456789abcdef") == std::string::npos;
  if (hex.size() != 2 * kKeyBytes || !lower || !HexDecode(hex, key)) {
    return InvalidArgumentError(p.master_key.string() +
                                " is not a master key (expected 64 lowercase hex digits)");
  }
  return key;
}

StatusOr<std::string> LoadOrCreateOrigin(const LedgerPaths& p, bool new_ledger) {
  if (!Exists(p.origin)) {
    if (!new_ledger) return NotALedger(p.dir, "origin file");
    DOCKET_ASSIGN_OR_RETURN(std::string suffix, RandomBytes(8));
    const std::string origin = "docket.local/ledger/" + HexEncode(suffix);
    DOCKET_RETURN_IF_ERROR(internal::WriteFileAtomically(p.origin, origin + "\n", 0644));
    return origin;
  }
  DOCKET_ASSIGN_OR_RETURN(std::string origin, ReadLineFile(p.origin));
  if (origin.empty() || origin.find('\n') != std::string::npos) {
    return InvalidArgumentError(p.origin.string() + " must hold exactly one non-empty line");
  }
  return origin;
}

// keys/verifier.vkey is derived data: written when missing, checked when present.
// keys/genesis.vkey is written once, from the first signer.
Status EnsureVerifierFile(const LedgerPaths& p, const ledger::Signer& signer) {
  const std::string line = signer.verifier().Format();
  if (!Exists(p.genesis_key)) {
    // Only a ledger that never rotated lacks it (rotation needs it), so its signer is
    // its first key.
    DOCKET_RETURN_IF_ERROR(internal::WriteFileAtomically(p.genesis_key, line + "\n", 0644));
  }
  if (!Exists(p.verifier_key)) {
    return internal::WriteFileAtomically(p.verifier_key, line + "\n", 0644);
  }
  DOCKET_ASSIGN_OR_RETURN(std::string stored, ReadLineFile(p.verifier_key));
  if (stored != line && Exists(p.next_verifier_key)) {
    // A `key promote` interrupted between its two renames: finish it.
    DOCKET_ASSIGN_OR_RETURN(std::string next, ReadLineFile(p.next_verifier_key));
    if (next == line) {
      std::error_code ec;
      fs::rename(p.next_verifier_key, p.verifier_key, ec);
      if (ec) return UnavailableError("renaming " + p.next_verifier_key.string() + ": " + ec.message());
      return Status::Ok();
    }
  }
  if (stored != line) {
    return FailedPreconditionError(p.verifier_key.string() + " does not belong to the signer key " +
                                   p.signer_key.string());
  }
  return Status::Ok();
}

}  // namespace

LedgerPaths LedgerPaths::For(const fs::path& dir) {
  LedgerPaths p;
  p.dir = dir;
  p.db = dir / "db";
  p.origin = dir / "origin";
  p.signer_key = FromEnv(kSignerKeyEnv, dir / "keys" / "signer.key", p.external_signer_key);
  p.master_key = FromEnv(kMasterKeyEnv, dir / "keys" / "master.key", p.external_master_key);
  p.verifier_key = dir / "keys" / "verifier.vkey";
  p.genesis_key = dir / "keys" / "genesis.vkey";
  p.next_signer_key = dir / "keys" / "signer.next.key";
  p.next_verifier_key = dir / "keys" / "verifier.next.vkey";
  return p;
}

LedgerHome::~LedgerHome() {
  CloseWriter();
  OPENSSL_cleanse(pseudonym_key_.data(), pseudonym_key_.size());
}

void LedgerHome::CloseWriter() {
  if (writer_) writer_->Close();
}

StatusOr<std::unique_ptr<LedgerHome>> LedgerHome::OpenForWriting(const fs::path& dir) {
  std::unique_ptr<LedgerHome> home(new LedgerHome());
  home->paths_ = LedgerPaths::For(dir);
  const LedgerPaths& p = home->paths_;
  const bool new_ledger = !Exists(p.db);
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return UnavailableError("creating " + dir.string() + ": " + ec.message());
  DOCKET_RETURN_IF_ERROR(internal::MakeDirectory(dir / "keys", 0700));
  DOCKET_ASSIGN_OR_RETURN(home->origin_, LoadOrCreateOrigin(p, new_ledger));
  DOCKET_ASSIGN_OR_RETURN(ledger::Signer signer, LoadOrCreateSigner(p, new_ledger));
  home->signer_.emplace(std::move(signer));
  DOCKET_RETURN_IF_ERROR(EnsureVerifierFile(p, *home->signer_));
  DOCKET_ASSIGN_OR_RETURN(std::string master_key, LoadOrCreateMasterKey(p, new_ledger));
  SecretGuard wipe_master{master_key};
  home->DerivePseudonymKey(master_key);
  DOCKET_ASSIGN_OR_RETURN(home->store_, ledger::LedgerStore::Open(p.db.string()));
  DOCKET_ASSIGN_OR_RETURN(home->vault_, ledger::BlobVault::Open(home->store_.get(), master_key));
  ledger::LedgerWriterOptions writer_options{.origin = home->origin_, .signer = &*home->signer_};
  if (Exists(p.next_signer_key)) {
    DOCKET_ASSIGN_OR_RETURN(std::string text, ReadLineFile(p.next_signer_key));
    StatusOr<ledger::Signer> next = ledger::Signer::Parse(text);
    OPENSSL_cleanse(text.data(), text.size());
    if (!next.ok()) {
      return InvalidArgumentError(p.next_signer_key.string() + " is not a signer key (" +
                                  next.status().message() + ")");
    }
    home->next_signer_.emplace(std::move(*next));
    writer_options.co_signers.push_back(&*home->next_signer_);
  }
  DOCKET_ASSIGN_OR_RETURN(home->writer_,
                          ledger::LedgerWriter::Start(home->store_.get(), writer_options));
  return home;
}

StatusOr<std::unique_ptr<LedgerHome>> LedgerHome::OpenForReading(const fs::path& dir) {
  std::unique_ptr<LedgerHome> home(new LedgerHome());
  home->paths_ = LedgerPaths::For(dir);
  const LedgerPaths& p = home->paths_;
  if (!Exists(dir)) return NotALedger(dir, "such directory");
  // RocksDB would happily create a database here: check that one exists first.
  if (!Exists(p.db / "CURRENT")) return NotALedger(dir, "db/ database");
  DOCKET_ASSIGN_OR_RETURN(home->origin_, LoadOrCreateOrigin(p, /*new_ledger=*/false));
  DOCKET_ASSIGN_OR_RETURN(home->store_, ledger::LedgerStore::Open(p.db.string()));
  return home;
}

StatusOr<std::unique_ptr<LedgerHome>> LedgerHome::OpenForBlobReading(const fs::path& dir) {
  DOCKET_ASSIGN_OR_RETURN(std::unique_ptr<LedgerHome> home, OpenForReading(dir));
  DOCKET_ASSIGN_OR_RETURN(std::string master_key,
                          LoadOrCreateMasterKey(home->paths_, /*new_ledger=*/false));
  SecretGuard wipe_master{master_key};
  home->DerivePseudonymKey(master_key);  // a replay must pseudonymize as the run did
  DOCKET_ASSIGN_OR_RETURN(home->vault_, ledger::BlobVault::Open(home->store_.get(), master_key));
  return home;
}

void LedgerHome::DerivePseudonymKey(std::string_view master_key) {
  Sha256Digest derived = HmacSha256(master_key, kPseudonymKeyLabel);
  pseudonym_key_.assign(derived.AsBytes());
  OPENSSL_cleanse(derived.bytes.data(), derived.bytes.size());
}

StatusOr<ledger::Verifier> LedgerHome::DirVerifier() const {
  return ReadVerifierFile(paths_.verifier_key);
}

StatusOr<ledger::Verifier> LedgerHome::GenesisVerifier() const {
  if (!Exists(paths_.genesis_key)) return DirVerifier();
  return ReadVerifierFile(paths_.genesis_key);
}

namespace {

Status RequireRotatableLedger(const LedgerPaths& p) {
  if (!Exists(p.db / "CURRENT")) return NotALedger(p.dir, "db/ database");
  if (p.external_signer_key) {
    return FailedPreconditionError(std::string(kSignerKeyEnv) +
                                   " names the signer key: rotate that key yourself");
  }
  return Status::Ok();
}

// Appends a key event, waits for it to be durable and covered by a checkpoint.
Status RecordKeyEvent(LedgerHome& home, const ledger::KeyEvent& event,
                      std::string_view logical_time) {
  const std::string bytes = ledger::KeyEventEntryBytes(event, logical_time);
  DOCKET_RETURN_IF_ERROR(
      home.writer()
          ->Append(bytes, {{ledger::IndexKind::kType,
                            ledger::LedgerEntry::Type_Name(ledger::LedgerEntry::KEY_EVENT)}})
          .get()
          .status());
  return home.writer()->RequestCheckpoint().get().status();
}

}  // namespace

StatusOr<ledger::Verifier> BeginKeyRotation(const fs::path& dir, std::string_view logical_time) {
  const LedgerPaths p = LedgerPaths::For(dir);
  DOCKET_RETURN_IF_ERROR(RequireRotatableLedger(p));
  if (Exists(p.next_signer_key)) {
    return FailedPreconditionError("a key rotation is already in progress (" +
                                   p.next_signer_key.string() +
                                   "); finish it with `docket ledger key promote`");
  }
  DOCKET_ASSIGN_OR_RETURN(std::string seed, RandomBytes(kKeyBytes));
  SecretGuard wipe_seed{seed};
  DOCKET_ASSIGN_OR_RETURN(ledger::Signer next, ledger::Signer::FromSeed(kLedgerKeyName, seed));
  std::string text = next.Format() + "\n";
  SecretGuard wipe_text{text};
  const std::string line = next.verifier().Format() + "\n";
  // The successor's files first: from the next open on it co-signs, and its KEY_EVENT
  // below is covered by a checkpoint the current key signs too.
  DOCKET_RETURN_IF_ERROR(internal::WriteFileAtomically(p.next_signer_key, text, 0600));
  DOCKET_RETURN_IF_ERROR(internal::WriteFileAtomically(p.next_verifier_key, line, 0644));
  DOCKET_ASSIGN_OR_RETURN(std::unique_ptr<LedgerHome> home, LedgerHome::OpenForWriting(dir));
  DOCKET_RETURN_IF_ERROR(RecordKeyEvent(
      *home, {.action = ledger::KeyEvent::Action::kAdd, .key = next.verifier()}, logical_time));
  return next.verifier();
}

StatusOr<ledger::Verifier> FinishKeyRotation(const fs::path& dir, std::string_view logical_time) {
  const LedgerPaths p = LedgerPaths::For(dir);
  DOCKET_RETURN_IF_ERROR(RequireRotatableLedger(p));
  if (!Exists(p.next_signer_key)) {
    return FailedPreconditionError("no key rotation is in progress; start one with "
                                   "`docket ledger key rotate`");
  }
  DOCKET_ASSIGN_OR_RETURN(ledger::Verifier successor, ReadVerifierFile(p.next_verifier_key));
  {
    DOCKET_ASSIGN_OR_RETURN(std::unique_ptr<LedgerHome> home, LedgerHome::OpenForWriting(dir));
    DOCKET_ASSIGN_OR_RETURN(ledger::Verifier current, home->DirVerifier());
    DOCKET_RETURN_IF_ERROR(RecordKeyEvent(
        *home, {.action = ledger::KeyEvent::Action::kRetire, .key = current}, logical_time));
  }
  // The retirement is durable and co-signed: hand over. Renames are atomic; the
  // successor's verifier file replaces the old one last.
  std::error_code ec;
  fs::rename(p.next_signer_key, p.signer_key, ec);
  if (ec) return UnavailableError("renaming " + p.next_signer_key.string() + ": " + ec.message());
  fs::rename(p.next_verifier_key, p.verifier_key, ec);
  if (ec) return UnavailableError("renaming " + p.next_verifier_key.string() + ": " + ec.message());
  return successor;
}

StatusOr<ledger::Verifier> ReadVerifierFile(const fs::path& path) {
  DOCKET_ASSIGN_OR_RETURN(std::string line, ReadLineFile(path));
  StatusOr<ledger::Verifier> verifier = ledger::Verifier::Parse(line);
  if (!verifier.ok()) {
    return InvalidArgumentError(path.string() +
                                " is not a verifier key: " + verifier.status().message());
  }
  return verifier;
}

}  // namespace docket::adapters
