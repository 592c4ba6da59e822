// BlobVault: the ledger's payloads, stored beside the Merkle tree in the `blobs` side
// family and addressed by the SHA-256 of their stored bytes. Plain blobs are
// content-addressed and deduplicated. Blobs about a data subject are encrypted with
// that subject's key (AES-256-GCM, see SubjectKeyring); erasing the subject destroys
// the key, so its blobs can no longer be read while every stored byte, entry digest and
// proof stays valid. A subject's blobs can be listed (ReadSubjectBlobs) through rows
// that PutForSubject writes beside its key. Byte formats: docs/ledger-format.md,
// "Blobs and erasure".
//
// Ownership: borrows the LedgerStore (which must outlive the vault); owns the keyring
// and through it the master key.
// Thread-safety: every method may be called concurrently from any thread.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "engine/base/status.h"
#include "ledger/log/ledger_store.h"
#include "ledger/vault/subject_keyring.h"

namespace docket::ledger {

// What a ledger entry records about a payload.
struct BlobRef {
  std::string digest;        // "sha256:<64 lowercase hex>" of the STORED bytes
  uint64_t size = 0;         // plaintext size in bytes
  std::string data_subject;  // empty for plain blobs
};

inline constexpr uint64_t kMaxBlobBytes = uint64_t{1} << 30;

// 32 bytes from OpenSSL's CSPRNG, for a new vault's master key.
// Errors: kInternal if the random generator fails.
[[nodiscard]] StatusOr<std::string> GenerateMasterKey();

class BlobVault {
 public:
  // Errors: kInvalidArgument if `store` is null or `master_key` is not 32 bytes;
  // store errors as for LedgerStore.
  [[nodiscard]] static StatusOr<std::unique_ptr<BlobVault>> Open(LedgerStore* store,
                                                                 std::string master_key);
  ~BlobVault();
  BlobVault(const BlobVault&) = delete;
  BlobVault& operator=(const BlobVault&) = delete;

  // Stores `bytes` as a plain blob. Idempotent: the same bytes give the same digest
  // and are stored once. Not synced: the blob becomes durable with the next synced
  // ledger commit, which precedes the acknowledgement of any entry naming it.
  // Errors: kInvalidArgument if `bytes` is larger than kMaxBlobBytes.
  [[nodiscard]] StatusOr<BlobRef> Put(std::string_view bytes);

  // Stores `bytes` encrypted with `subject`'s key (created on first use) under a fresh
  // random nonce, so equal plaintexts give different digests. Not synced, as Put.
  // Errors: kInvalidArgument for a bad subject id (ValidateSubject) or oversized bytes;
  // kFailedPrecondition if the subject was erased. A call racing EraseSubject for the
  // same subject may store a blob under the key being destroyed; that blob is then
  // unreadable like every other blob of the subject. Also writes the blob's row
  // `blob/<subject> 0x00 <digest>` in `subject_keys` (not synced either), which is how
  // ReadSubjectBlobs finds it.
  [[nodiscard]] StatusOr<BlobRef> PutForSubject(std::string_view subject, std::string_view bytes);

  // The plaintext of the blob `digest` ("sha256:<64 lowercase hex>").
  // Errors: kInvalidArgument for a malformed digest; kNotFound if no such blob;
  // kDataLoss "blob sha256:…: …" if the stored bytes do not hash to the digest, do not
  // parse or do not decrypt; kFailedPrecondition "blob sha256:… is erased: subject <id>
  // was erased by the receipt at entry <N>" if the subject's key was destroyed.
  [[nodiscard]] StatusOr<std::string> Get(std::string_view digest) const;

  // Decrypts every blob stored for `subject` with PutForSubject and calls `visit` with
  // its digest ("sha256:…") and plaintext, in digest order, until `visit` returns false.
  // The blobs are found through the subject's rows, so the cost is that of the
  // subject's own blobs, not of the vault. Each plaintext is wiped once `visit` returns:
  // copy what you keep. Blobs stored before these rows existed are not listed.
  // Errors: kInvalidArgument for a bad subject id; kFailedPrecondition "subject <id> was
  // erased by the receipt at entry <N>" (nothing is visited); kNotFound if nothing was
  // ever encrypted for the subject; kDataLoss "blob sha256:…: …" if a listed blob is
  // missing, is not encrypted for `subject` or does not decrypt, or a row is malformed.
  [[nodiscard]] Status ReadSubjectBlobs(
      std::string_view subject,
      const std::function<bool(std::string_view digest, std::string_view plaintext)>& visit) const;

  // Destroys `subject`'s key for good and records the erasure receipt at ledger index
  // `receipt_index` (append the receipt first, then call this). Repeating it with the
  // same index is a no-op that finishes an interrupted erasure. Errors: kNotFound if the
  // subject never had a key; kFailedPrecondition if another receipt already erased it.
  [[nodiscard]] Status EraseSubject(std::string_view subject, uint64_t receipt_index);

  // The index of the receipt that erased `subject`, or nullopt if it was not erased.
  [[nodiscard]] StatusOr<std::optional<uint64_t>> ErasedBy(std::string_view subject) const;

  // True if `subject` has a stored key, i.e. something was encrypted for it and its key
  // is not destroyed yet; what EraseSubject needs. Errors: kInvalidArgument for a bad id.
  [[nodiscard]] StatusOr<bool> HasSubjectKey(std::string_view subject) const;

 private:
  BlobVault(LedgerStore* store, std::unique_ptr<SubjectKeyring> keyring);
  [[nodiscard]] StatusOr<BlobRef> WriteStored(std::string stored, uint64_t size,
                                              std::string_view subject);

  LedgerStore* const store_;
  const std::unique_ptr<SubjectKeyring> keyring_;
};

// Offline check that needs no key: every stored blob hashes to its key and parses
// (plain, or an encrypted envelope). Erased subjects' blobs are checked too: their
// ciphertext stays. Returns the number of blobs checked.
// Errors: kDataLoss "blob sha256:…: …" for the first bad blob; store errors.
[[nodiscard]] StatusOr<uint64_t> VerifyBlobs(const LedgerStore& store);

// The stored form of an encrypted blob:
//   "DKB1" 0x01 || u16be subject length || subject || 12-byte nonce || ciphertext || tag
// The AES-256-GCM additional data is everything before the nonce.
struct BlobEnvelope {
  std::string subject;
  std::string nonce;               // 12 bytes
  std::string ciphertext_and_tag;  // plaintext size + 16 bytes
};

// Parses `stored` strictly. Errors: kInvalidArgument if it is not an encrypted blob at
// all (it lacks the "DKB1" 0x01 prefix, e.g. a plain blob); kDataLoss if it has the
// prefix but the rest is malformed (bad subject id, truncated, too large).
[[nodiscard]] StatusOr<BlobEnvelope> ParseBlobEnvelope(std::string_view stored);

// The exact stored bytes of `envelope`; ParseBlobEnvelope(FormatBlobEnvelope(e)) == e
// for any e that ParseBlobEnvelope can return.
std::string FormatBlobEnvelope(const BlobEnvelope& envelope);

}  // namespace docket::ledger
