// LedgerHome: a Docket ledger directory on disk and the objects that work on it.
//
//   <dir>/db/                 the RocksDB LedgerStore (entries, checkpoints, blobs, indexes)
//   <dir>/origin              the checkpoint origin, one line: docket.local/ledger/<16 hex>
//   <dir>/keys/signer.key     the checkpoint signing key, `PRIVATE+KEY+docket-ledger+...` (0600)
//   <dir>/keys/master.key     the blob vault master key, 64 lowercase hex digits (0600)
//   <dir>/keys/verifier.vkey  the public verifier key line of signer.key (safe to publish)
//   <dir>/keys/genesis.vkey   the ledger's first verifier key: the one trust anchor an
//                             auditor needs (later keys are KEY_EVENT entries)
//   <dir>/keys/signer.next.key, verifier.next.vkey
//                             during a key rotation: the successor, co-signing every
//                             checkpoint until `docket ledger key promote`
//
// DOCKET_LEDGER_SIGNER_KEY / DOCKET_LEDGER_MASTER_KEY, when set, name key files kept
// elsewhere; such files must exist (Docket never creates secrets outside the ledger dir).
//
// OpenForWriting creates whatever is missing in a new directory (random keys from
// OpenSSL's RAND_bytes, written atomically with mode 0600) and starts the writer and the
// vault. OpenForReading opens the store only: it creates nothing, reads no secret and
// fails with kFailedPrecondition "... is not a Docket ledger ..." on any other directory.
// Messages never contain key material.
//
// Ownership: a LedgerHome owns its store, signer, writer and vault; the writer and vault
// borrow the store, so they are destroyed first. Thread-safety: the accessors are
// const; the objects they return have their own rules (see their headers).
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "engine/base/status.h"
#include "ledger/log/ledger_store.h"
#include "ledger/log/ledger_writer.h"
#include "ledger/note_key.h"
#include "ledger/vault/blob_vault.h"

namespace docket::adapters {

inline constexpr char kLedgerKeyName[] = "docket-ledger";
inline constexpr char kSignerKeyEnv[] = "DOCKET_LEDGER_SIGNER_KEY";
inline constexpr char kMasterKeyEnv[] = "DOCKET_LEDGER_MASTER_KEY";
// The label of the redaction pseudonym key derived from the master key (below).
inline constexpr char kPseudonymKeyLabel[] = "docket.pseudonym.v1";

// Where the parts of a ledger directory live (the key paths after the env overrides).
struct LedgerPaths {
  std::filesystem::path dir;
  std::filesystem::path db;
  std::filesystem::path origin;
  std::filesystem::path signer_key;
  std::filesystem::path master_key;
  std::filesystem::path verifier_key;
  std::filesystem::path genesis_key;
  std::filesystem::path next_signer_key;
  std::filesystem::path next_verifier_key;
  bool external_signer_key = false;
  bool external_master_key = false;

  // Reads the env overrides (once, here: the only place they are consulted).
  static LedgerPaths For(const std::filesystem::path& dir);
};

class LedgerHome {
 public:
  // Opens `dir` for appending, creating the directory, keys, origin and database when
  // it is new. Errors: kFailedPrecondition if the database exists but a key or the
  // origin is missing, if an external key file named by an env var is missing, or if
  // keys/verifier.vkey belongs to another key; kInvalidArgument for a malformed key or
  // origin file (the message names the file, never its contents); kUnavailable for I/O
  // errors (including a ledger in use by another process); writer/vault errors.
  [[nodiscard]] static StatusOr<std::unique_ptr<LedgerHome>> OpenForWriting(
      const std::filesystem::path& dir);

  // Opens `dir` for reading and verifying: store and origin only.
  // Errors: kFailedPrecondition if `dir` is not a Docket ledger; store errors.
  [[nodiscard]] static StatusOr<std::unique_ptr<LedgerHome>> OpenForReading(
      const std::filesystem::path& dir);

  // OpenForReading plus the blob vault, to read blob plaintexts: reads the master key
  // (which must exist) but starts no writer and creates nothing. Opening the vault may
  // finish an erasure a crash interrupted (it destroys that subject's key).
  // Errors: as OpenForReading; kFailedPrecondition / kInvalidArgument for a missing or
  // malformed master key file (named, never quoted).
  [[nodiscard]] static StatusOr<std::unique_ptr<LedgerHome>> OpenForBlobReading(
      const std::filesystem::path& dir);

  ~LedgerHome();
  LedgerHome(const LedgerHome&) = delete;
  LedgerHome& operator=(const LedgerHome&) = delete;

  const LedgerPaths& paths() const { return paths_; }
  const std::string& origin() const { return origin_; }
  ledger::LedgerStore& store() const { return *store_; }
  // Null when opened for reading.
  ledger::LedgerWriter* writer() const { return writer_.get(); }
  // Null when opened for reading (but not OpenForBlobReading).
  ledger::BlobVault* vault() const { return vault_.get(); }
  // When opened for writing or blob reading: HMAC-SHA-256(master key,
  // "docket.pseudonym.v1"), 32 bytes, the redaction pseudonym key used when
  // DOCKET_REDACTION_KEY is unset, so pseudonyms are stable per ledger without extra
  // setup (and the master key never leaves here). Empty when opened for reading.
  const std::string& pseudonym_key() const { return pseudonym_key_; }

  // The verifier stored in the directory itself (keys/verifier.vkey).
  // Errors: kNotFound if the file is absent; kInvalidArgument if it does not parse.
  [[nodiscard]] StatusOr<ledger::Verifier> DirVerifier() const;
  // The ledger's first key (keys/genesis.vkey), or DirVerifier() for a ledger from
  // before genesis files (which has never rotated). Errors: as DirVerifier.
  [[nodiscard]] StatusOr<ledger::Verifier> GenesisVerifier() const;

  // Drains the writer (every queued append becomes durable) and stops it. Idempotent.
  void CloseWriter();

 private:
  LedgerHome() = default;
  void DerivePseudonymKey(std::string_view master_key);

  LedgerPaths paths_;
  std::string origin_;
  std::unique_ptr<ledger::LedgerStore> store_;
  std::optional<ledger::Signer> signer_;
  std::optional<ledger::Signer> next_signer_;  // co-signs during a key rotation
  std::unique_ptr<ledger::LedgerWriter> writer_;
  std::unique_ptr<ledger::BlobVault> vault_;
  std::string pseudonym_key_;  // wiped on destruction
};

// Key rotation (docs/ledger-format.md, "Key rotation"). BeginKeyRotation creates the
// successor key (keys/signer.next.key, 0600), appends a KEY_EVENT adding it, and
// waits for a checkpoint (signed by both keys) to cover the event. FinishKeyRotation
// appends a KEY_EVENT retiring the current key, waits for a checkpoint covering it,
// then makes the successor the signer (the old private key file is replaced).
// `logical_time` is recorded in the events. Both return the successor's verifier.
// Errors: kFailedPrecondition if `dir` is not a ledger, a rotation is (Begin) or is
// not (Finish) in progress, or the signer key is external (DOCKET_LEDGER_SIGNER_KEY:
// rotate it yourself); LedgerHome and writer errors.
[[nodiscard]] StatusOr<ledger::Verifier> BeginKeyRotation(const std::filesystem::path& dir,
                                                          std::string_view logical_time);
[[nodiscard]] StatusOr<ledger::Verifier> FinishKeyRotation(const std::filesystem::path& dir,
                                                           std::string_view logical_time);

// Reads a verifier key file (one line; a trailing newline is allowed).
// Errors: kNotFound if absent; kInvalidArgument naming the file if it does not parse.
[[nodiscard]] StatusOr<ledger::Verifier> ReadVerifierFile(const std::filesystem::path& path);

}  // namespace docket::adapters
