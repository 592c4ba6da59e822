// SubjectKeyring: one random AES-256 key per data subject, stored in the ledger's
// `subject_keys` side family wrapped (AES-256-GCM) by a 32-byte master key, and the
// record of which erasure receipt destroyed it. Erasing a subject deletes its wrapped
// key for good (LedgerStore::EraseSide), so every blob encrypted for the subject becomes
// unreadable while the blobs, entries and proofs stay byte-for-byte as they were.
// Stored layout (docs/ledger-format.md, "Blobs and erasure"):
//   "key/<subject>"    -> "DKK1" || 12-byte nonce || 32-byte wrapped key || 16-byte tag
//   "erased/<subject>" -> 8-byte big-endian ledger index of the erasure receipt
// The same family also holds the BlobVault's rows listing each subject's blobs
// ("blob/<subject>" 0x00 <digest>), which the keyring neither reads nor writes.
//
// Ownership: borrows the store (which must outlive the keyring); owns the master key
// and a cache of unwrapped subject keys, both zeroed on destruction.
// Thread-safety: every method may be called from any thread; one mutex serializes
// key creation, erasure and the cache, so a subject can never be given a new key after
// its erasure was recorded. Secrets never appear in error messages.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "engine/base/status.h"
#include "ledger/log/ledger_store.h"

namespace docket::ledger {

inline constexpr size_t kMasterKeySize = 32;
inline constexpr size_t kSubjectKeySize = 32;
inline constexpr size_t kMaxSubjectBytes = 256;

// A subject id is 1..256 bytes with no ASCII control bytes (0x00-0x1F, 0x7F), so it
// can be named in keys and error messages unambiguously. Errors: kInvalidArgument.
[[nodiscard]] Status ValidateSubject(std::string_view subject);

class SubjectKeyring {
 public:
  // Errors: kInvalidArgument if `store` is null or `master_key` is not 32 bytes.
  // Finishes any erasure that was recorded but interrupted before its key was
  // destroyed (a crash between the two writes of Erase); store errors otherwise.
  [[nodiscard]] static StatusOr<std::unique_ptr<SubjectKeyring>> Open(LedgerStore* store,
                                                                      std::string master_key);
  ~SubjectKeyring();
  SubjectKeyring(const SubjectKeyring&) = delete;
  SubjectKeyring& operator=(const SubjectKeyring&) = delete;

  // The subject's key for encrypting new blobs, created (and stored synced) on first
  // use. Errors: kInvalidArgument for a bad subject id; kFailedPrecondition if the
  // subject was erased; kDataLoss if the stored wrapped key does not unwrap.
  [[nodiscard]] StatusOr<std::string> KeyForWriting(std::string_view subject);

  // The subject's existing key. Errors: kFailedPrecondition "subject <id> was erased by
  // the receipt at entry <N>"; kNotFound if the subject never had a key; kDataLoss if
  // the wrapped key is malformed or does not unwrap (wrong master key or altered bytes).
  [[nodiscard]] StatusOr<std::string> KeyForReading(std::string_view subject);

  // Records that the receipt at ledger index `receipt_index` erased the subject
  // (synced), then destroys its wrapped key. Repeating it with the same index is a
  // no-op that also finishes an interrupted erasure. Errors: kNotFound if the subject
  // never had a key; kFailedPrecondition if it was already erased by another receipt.
  [[nodiscard]] Status Erase(std::string_view subject, uint64_t receipt_index);

  // The index of the receipt that erased `subject`, or nullopt.
  // Errors: kInvalidArgument for a bad subject id; kDataLoss if the record is malformed.
  [[nodiscard]] StatusOr<std::optional<uint64_t>> ErasedBy(std::string_view subject) const;

  // True if a (wrapped) key is stored for `subject`: it has blobs and is not erased, or
  // its erasure was interrupted. Unwraps nothing. Errors: kInvalidArgument for a bad id.
  [[nodiscard]] StatusOr<bool> HasKey(std::string_view subject) const;

 private:
  SubjectKeyring(LedgerStore* store, std::string master_key);

  // Callers hold mu_.
  [[nodiscard]] StatusOr<std::optional<std::string>> LoadKeyLocked(std::string_view subject);
  [[nodiscard]] StatusOr<std::string> CreateKeyLocked(std::string_view subject);

  LedgerStore* const store_;
  std::string master_key_;
  mutable std::mutex mu_;
  std::map<std::string, std::string, std::less<>> cache_;  // subject -> unwrapped key
};

}  // namespace docket::ledger
