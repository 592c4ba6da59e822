#include "ledger/vault/subject_keyring.h"

#include <utility>
#include <vector>

#include "ledger/vault/internal/aes_gcm.h"

namespace docket::ledger {
namespace {

using internal::kAesGcmNonceSize;
using internal::kAesGcmTagSize;

// "Docket Key, format 1": the magic of a wrapped key and the version label of its AAD.
constexpr std::string_view kWrappedKeyMagic = "DKK1";
constexpr size_t kWrappedKeySize =
    kWrappedKeyMagic.size() + kAesGcmNonceSize + kSubjectKeySize + kAesGcmTagSize;
constexpr std::string_view kKeyPrefix = "key/";
constexpr std::string_view kErasedPrefix = "erased/";

std::string KeyRow(std::string_view subject) { return std::string(kKeyPrefix).append(subject); }
std::string ErasedRow(std::string_view subject) {
  return std::string(kErasedPrefix).append(subject);
}

// Binds a wrapped key to its format version and its subject: a wrapped key copied to
// another subject's row does not unwrap.
std::string WrapAad(std::string_view subject) {
  return std::string(kWrappedKeyMagic).append(subject);
}

StatusOr<std::string> Wrap(std::string_view master_key, std::string_view subject,
                           std::string_view key) {
  DOCKET_ASSIGN_OR_RETURN(std::string nonce, internal::SecureRandomBytes(kAesGcmNonceSize));
  DOCKET_ASSIGN_OR_RETURN(std::string sealed,
                          internal::AesGcmSeal(master_key, nonce, WrapAad(subject), key));
  return std::string(kWrappedKeyMagic).append(nonce).append(sealed);
}

StatusOr<std::string> Unwrap(std::string_view master_key, std::string_view subject,
                             std::string_view wrapped) {
  if (wrapped.size() != kWrappedKeySize || !wrapped.starts_with(kWrappedKeyMagic)) {
    return DataLossError("stored key of subject " + std::string(subject) +
                         " is malformed: want \"DKK1\" and 60 more bytes, got " +
                         std::to_string(wrapped.size()) + " bytes");
  }
  const std::string_view nonce = wrapped.substr(kWrappedKeyMagic.size(), kAesGcmNonceSize);
  const std::string_view sealed = wrapped.substr(kWrappedKeyMagic.size() + kAesGcmNonceSize);
  StatusOr<std::string> key = internal::AesGcmOpen(master_key, nonce, WrapAad(subject), sealed);
  if (key.status().code() == StatusCode::kDataLoss) {
    return DataLossError("key of subject " + std::string(subject) +
                         " does not unwrap: wrong master key or altered key record");
  }
  return key;
}

StatusOr<std::optional<uint64_t>> DecodeErased(std::string_view subject,
                                               const std::optional<std::string>& value) {
  if (!value.has_value()) return std::optional<uint64_t>();
  if (value->size() != 8) {
    return DataLossError("erasure record of subject " + std::string(subject) + " has " +
                         std::to_string(value->size()) + " bytes, want 8");
  }
  uint64_t index = 0;
  for (const char c : *value) index = (index << 8) | static_cast<uint8_t>(c);
  return std::optional<uint64_t>(index);
}

Status ErasedError(std::string_view subject, uint64_t receipt_index) {
  return FailedPreconditionError("subject " + std::string(subject) +
                                 " was erased by the receipt at entry " +
                                 std::to_string(receipt_index));
}

}  // namespace

Status ValidateSubject(std::string_view subject) {
  if (subject.empty()) return InvalidArgumentError("data subject id is empty");
  if (subject.size() > kMaxSubjectBytes) {
    return InvalidArgumentError("data subject id has " + std::to_string(subject.size()) +
                                " bytes, more than the limit of 256");
  }
  for (const char c : subject) {
    const auto byte = static_cast<uint8_t>(c);
    if (byte < 0x20 || byte == 0x7f) {
      return InvalidArgumentError("data subject id contains control byte " + std::to_string(byte));
    }
  }
  return Status::Ok();
}

SubjectKeyring::SubjectKeyring(LedgerStore* store, std::string master_key)
    : store_(store), master_key_(std::move(master_key)) {}

SubjectKeyring::~SubjectKeyring() {
  internal::Cleanse(master_key_);
  for (auto& [subject, key] : cache_) internal::Cleanse(key);
}

StatusOr<std::unique_ptr<SubjectKeyring>> SubjectKeyring::Open(LedgerStore* store,
                                                               std::string master_key) {
  if (store == nullptr) return InvalidArgumentError("SubjectKeyring needs a ledger store");
  if (master_key.size() != kMasterKeySize) {
    const size_t size = master_key.size();
    internal::Cleanse(master_key);
    return InvalidArgumentError("master key must be 32 bytes, got " + std::to_string(size));
  }
  std::unique_ptr<SubjectKeyring> keyring(new SubjectKeyring(store, std::move(master_key)));
  // An erasure is recorded before its key is destroyed; finish any that a crash cut short.
  std::vector<std::string> erased;
  DOCKET_RETURN_IF_ERROR(store->ScanSide(SideFamily::kSubjectKeys, kErasedPrefix,
                                         [&](std::string_view key, std::string_view) {
                                           erased.emplace_back(key.substr(kErasedPrefix.size()));
                                           return true;
                                         }));
  for (const std::string& subject : erased) {
    DOCKET_ASSIGN_OR_RETURN(std::optional<std::string> wrapped,
                            store->GetSide(SideFamily::kSubjectKeys, KeyRow(subject)));
    if (wrapped.has_value()) {
      DOCKET_RETURN_IF_ERROR(store->EraseSide(SideFamily::kSubjectKeys, KeyRow(subject)));
    }
  }
  return keyring;
}

StatusOr<std::optional<std::string>> SubjectKeyring::LoadKeyLocked(std::string_view subject) {
  if (const auto it = cache_.find(subject); it != cache_.end()) {
    return std::optional<std::string>(it->second);
  }
  DOCKET_ASSIGN_OR_RETURN(std::optional<std::string> wrapped,
                          store_->GetSide(SideFamily::kSubjectKeys, KeyRow(subject)));
  if (!wrapped.has_value()) return std::optional<std::string>();
  DOCKET_ASSIGN_OR_RETURN(std::string key, Unwrap(master_key_, subject, *wrapped));
  cache_.emplace(std::string(subject), key);
  return std::optional<std::string>(std::move(key));
}

StatusOr<std::string> SubjectKeyring::CreateKeyLocked(std::string_view subject) {
  DOCKET_ASSIGN_OR_RETURN(std::string key, internal::SecureRandomBytes(kSubjectKeySize));
  DOCKET_ASSIGN_OR_RETURN(std::string wrapped, Wrap(master_key_, subject, key));
  // Synced: a blob encrypted with this key must never outlive the key in a crash.
  DOCKET_RETURN_IF_ERROR(
      store_->PutSide(SideFamily::kSubjectKeys, KeyRow(subject), wrapped, /*sync=*/true));
  cache_.emplace(std::string(subject), key);
  return key;
}

StatusOr<std::string> SubjectKeyring::KeyForWriting(std::string_view subject) {
  DOCKET_RETURN_IF_ERROR(ValidateSubject(subject));
  std::lock_guard<std::mutex> lock(mu_);
  DOCKET_ASSIGN_OR_RETURN(std::optional<uint64_t> erased_by, ErasedBy(subject));
  if (erased_by.has_value()) return ErasedError(subject, *erased_by);
  DOCKET_ASSIGN_OR_RETURN(std::optional<std::string> key, LoadKeyLocked(subject));
  if (key.has_value()) return std::move(*key);
  return CreateKeyLocked(subject);
}

StatusOr<std::string> SubjectKeyring::KeyForReading(std::string_view subject) {
  DOCKET_RETURN_IF_ERROR(ValidateSubject(subject));
  std::lock_guard<std::mutex> lock(mu_);
  DOCKET_ASSIGN_OR_RETURN(std::optional<uint64_t> erased_by, ErasedBy(subject));
  if (erased_by.has_value()) return ErasedError(subject, *erased_by);
  DOCKET_ASSIGN_OR_RETURN(std::optional<std::string> key, LoadKeyLocked(subject));
  if (!key.has_value()) return NotFoundError("subject " + std::string(subject) + " has no key");
  return std::move(*key);
}

Status SubjectKeyring::Erase(std::string_view subject, uint64_t receipt_index) {
  DOCKET_RETURN_IF_ERROR(ValidateSubject(subject));
  std::lock_guard<std::mutex> lock(mu_);
  DOCKET_ASSIGN_OR_RETURN(std::optional<uint64_t> erased_by, ErasedBy(subject));
  if (erased_by.has_value() && *erased_by != receipt_index) {
    return FailedPreconditionError("subject " + std::string(subject) +
                                   " was already erased by the receipt at entry " +
                                   std::to_string(*erased_by));
  }
  if (!erased_by.has_value()) {
    DOCKET_ASSIGN_OR_RETURN(std::optional<std::string> wrapped,
                            store_->GetSide(SideFamily::kSubjectKeys, KeyRow(subject)));
    if (!wrapped.has_value()) {
      return NotFoundError("subject " + std::string(subject) + " has no key to erase");
    }
    // Recorded first (synced), so that from here on the subject reads as erased and
    // gets no new key even if the process dies before the key is destroyed.
    DOCKET_RETURN_IF_ERROR(store_->PutSide(SideFamily::kSubjectKeys, ErasedRow(subject),
                                           EncodeLedgerKey(receipt_index), /*sync=*/true));
  }
  if (const auto it = cache_.find(subject); it != cache_.end()) {
    internal::Cleanse(it->second);
    cache_.erase(it);
  }
  return store_->EraseSide(SideFamily::kSubjectKeys, KeyRow(subject));
}

StatusOr<bool> SubjectKeyring::HasKey(std::string_view subject) const {
  DOCKET_RETURN_IF_ERROR(ValidateSubject(subject));
  DOCKET_ASSIGN_OR_RETURN(std::optional<std::string> wrapped,
                          store_->GetSide(SideFamily::kSubjectKeys, KeyRow(subject)));
  return wrapped.has_value();
}

StatusOr<std::optional<uint64_t>> SubjectKeyring::ErasedBy(std::string_view subject) const {
  DOCKET_RETURN_IF_ERROR(ValidateSubject(subject));
  DOCKET_ASSIGN_OR_RETURN(std::optional<std::string> value,
                          store_->GetSide(SideFamily::kSubjectKeys, ErasedRow(subject)));
  return DecodeErased(subject, value);
}

}  // namespace docket::ledger
