#include "adapters/ledger/ledger_home.h"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <cstdlib>

#include "adapters/ledger/internal/key_file.h"
#include "engine/base/encoding.h"

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
Status EnsureVerifierFile(const LedgerPaths& p, const ledger::Signer& signer) {
  const std::string line = signer.verifier().Format();
  if (!Exists(p.verifier_key)) {
    return internal::WriteFileAtomically(p.verifier_key, line + "\n", 0644);
  }
  DOCKET_ASSIGN_OR_RETURN(std::string stored, ReadLineFile(p.verifier_key));
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
  return p;
}

LedgerHome::~LedgerHome() { CloseWriter(); }

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
  DOCKET_ASSIGN_OR_RETURN(home->store_, ledger::LedgerStore::Open(p.db.string()));
  DOCKET_ASSIGN_OR_RETURN(home->vault_, ledger::BlobVault::Open(home->store_.get(), master_key));
  DOCKET_ASSIGN_OR_RETURN(
      home->writer_, ledger::LedgerWriter::Start(
                         home->store_.get(), {.origin = home->origin_, .signer = &*home->signer_}));
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
  DOCKET_ASSIGN_OR_RETURN(home->vault_, ledger::BlobVault::Open(home->store_.get(), master_key));
  return home;
}

StatusOr<ledger::Verifier> LedgerHome::DirVerifier() const {
  return ReadVerifierFile(paths_.verifier_key);
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
