#include "ledger/vault/blob_vault.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "engine/base/encoding.h"
#include "engine/base/sha256.h"
#include "ledger/vault/internal/aes_gcm.h"

namespace docket::ledger {
namespace {

using internal::kAesGcmNonceSize;
using internal::kAesGcmTagSize;

// "Docket Blob, format 1", then a kind byte. Both kinds are hashed and stored whole.
constexpr std::string_view kBlobMagic = "DKB1";
constexpr char kPlainKind = 0x00;
constexpr char kEncryptedKind = 0x01;
constexpr size_t kKindSize = 1;
constexpr size_t kSubjectLengthSize = 2;
constexpr std::string_view kDigestPrefix = "sha256:";
// Rows in `subject_keys` that list a subject's blobs: "blob/" subject 0x00 raw digest.
// A subject id holds no 0x00, so one subject's prefix never covers another's.
constexpr std::string_view kSubjectBlobRowPrefix = "blob/";

std::string SubjectBlobPrefix(std::string_view subject) {
  return std::string(kSubjectBlobRowPrefix).append(subject).append(1, '\0');
}

std::string DigestString(const Sha256Digest& digest) {
  return std::string(kDigestPrefix) + digest.Hex();
}

bool IsLowerHex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }

StatusOr<Sha256Digest> ParseDigest(std::string_view text) {
  const std::string_view hex =
      text.starts_with(kDigestPrefix) ? text.substr(kDigestPrefix.size()) : std::string_view();
  bool lower_hex = hex.size() == 64;
  for (const char c : hex) lower_hex = lower_hex && IsLowerHex(c);
  Sha256Digest digest;
  if (!lower_hex || !ParseSha256Hex(hex, digest)) {
    constexpr size_t kShown = 80;
    std::string shown(text.substr(0, kShown));
    if (text.size() > kShown) shown += "...";
    return InvalidArgumentError("malformed blob digest \"" + shown +
                                "\": want sha256:<64 lowercase hex digits>");
  }
  return digest;
}

// "DKB1" 0x01 || u16be subject length || subject: the envelope's prefix and its AAD.
std::string EnvelopeHeader(std::string_view subject) {
  std::string header(kBlobMagic);
  header += kEncryptedKind;
  header += static_cast<char>((subject.size() >> 8) & 0xff);
  header += static_cast<char>(subject.size() & 0xff);
  header.append(subject);
  return header;
}

// A stored blob, classified: either plaintext or an encrypted envelope.
struct StoredBlob {
  std::optional<std::string_view> plaintext;  // set for plain blobs; points into the input
  BlobEnvelope envelope;                      // set for encrypted blobs
};

StatusOr<StoredBlob> ParseStoredBlob(std::string_view stored) {
  StoredBlob blob;
  if (stored.size() >= kBlobMagic.size() + kKindSize && stored.starts_with(kBlobMagic) &&
      stored[kBlobMagic.size()] == kPlainKind) {
    blob.plaintext = stored.substr(kBlobMagic.size() + kKindSize);
    if (blob.plaintext->size() > kMaxBlobBytes) {
      return DataLossError("plain blob of " + std::to_string(blob.plaintext->size()) +
                           " bytes is over the 1 GiB limit");
    }
    return blob;
  }
  StatusOr<BlobEnvelope> envelope = ParseBlobEnvelope(stored);
  // Stored bytes that are neither kind are corruption, whatever the parser calls them.
  if (!envelope.ok()) return DataLossError(envelope.status().message());
  blob.envelope = std::move(*envelope);
  return blob;
}

// Reads and checks the blob stored under `digest` without decrypting it.
StatusOr<std::string> ReadHashedBlob(const LedgerStore& store, const Sha256Digest& digest) {
  DOCKET_ASSIGN_OR_RETURN(std::optional<std::string> stored,
                          store.GetSide(SideFamily::kBlobs, digest.AsBytes()));
  if (!stored.has_value()) return NotFoundError("blob " + DigestString(digest) + " not found");
  const Sha256Digest actual = Sha256(*stored);
  if (actual != digest) {
    return DataLossError("blob " + DigestString(digest) + ": stored bytes hash to " +
                         DigestString(actual));
  }
  return std::move(*stored);
}

}  // namespace

StatusOr<BlobEnvelope> ParseBlobEnvelope(std::string_view stored) {
  const size_t fixed = kBlobMagic.size() + kKindSize;
  if (stored.size() < fixed || !stored.starts_with(kBlobMagic) ||
      stored[kBlobMagic.size()] != kEncryptedKind) {
    return InvalidArgumentError("not an encrypted blob: want the prefix \"DKB1\" 0x01");
  }
  std::string_view rest = stored.substr(fixed);
  if (rest.size() < kSubjectLengthSize) {
    return DataLossError("blob envelope: truncated subject length");
  }
  const size_t subject_size =
      (size_t{static_cast<uint8_t>(rest[0])} << 8) | static_cast<uint8_t>(rest[1]);
  rest.remove_prefix(kSubjectLengthSize);
  if (rest.size() < subject_size) return DataLossError("blob envelope: truncated subject id");
  BlobEnvelope envelope;
  envelope.subject = std::string(rest.substr(0, subject_size));
  if (Status valid = ValidateSubject(envelope.subject); !valid.ok()) {
    return DataLossError("blob envelope: " + valid.message());
  }
  rest.remove_prefix(subject_size);
  if (rest.size() < kAesGcmNonceSize + kAesGcmTagSize) {
    return DataLossError("blob envelope: " + std::to_string(rest.size()) +
                         " bytes after the subject id, fewer than a 12-byte nonce and 16-byte tag");
  }
  if (rest.size() - kAesGcmNonceSize - kAesGcmTagSize > kMaxBlobBytes) {
    return DataLossError("blob envelope: ciphertext over the 1 GiB limit");
  }
  envelope.nonce = std::string(rest.substr(0, kAesGcmNonceSize));
  envelope.ciphertext_and_tag = std::string(rest.substr(kAesGcmNonceSize));
  return envelope;
}

std::string FormatBlobEnvelope(const BlobEnvelope& envelope) {
  return EnvelopeHeader(envelope.subject)
      .append(envelope.nonce)
      .append(envelope.ciphertext_and_tag);
}

StatusOr<std::string> GenerateMasterKey() { return internal::SecureRandomBytes(kMasterKeySize); }

BlobVault::BlobVault(LedgerStore* store, std::unique_ptr<SubjectKeyring> keyring)
    : store_(store), keyring_(std::move(keyring)) {}

BlobVault::~BlobVault() = default;

StatusOr<std::unique_ptr<BlobVault>> BlobVault::Open(LedgerStore* store, std::string master_key) {
  DOCKET_ASSIGN_OR_RETURN(std::unique_ptr<SubjectKeyring> keyring,
                          SubjectKeyring::Open(store, std::move(master_key)));
  return std::unique_ptr<BlobVault>(new BlobVault(store, std::move(keyring)));
}

StatusOr<BlobRef> BlobVault::WriteStored(std::string stored, uint64_t size,
                                         std::string_view subject) {
  const Sha256Digest digest = Sha256(stored);
  DOCKET_ASSIGN_OR_RETURN(std::optional<std::string> existing,
                          store_->GetSide(SideFamily::kBlobs, digest.AsBytes()));
  // Rewriting identical bytes would only add compaction work; differing bytes under the
  // same key are a damaged copy, which the fresh write repairs.
  if (existing != stored) {
    DOCKET_RETURN_IF_ERROR(
        store_->PutSide(SideFamily::kBlobs, digest.AsBytes(), stored, /*sync=*/false));
  }
  if (!subject.empty()) {
    // After the blob and unsynced like it: the WAL keeps write order, so the synced
    // commit of any entry that names (or quotes) the blob makes both durable, and a row
    // never outlives its blob in a crash.
    DOCKET_RETURN_IF_ERROR(store_->PutSide(SideFamily::kSubjectKeys,
                                           SubjectBlobPrefix(subject).append(digest.AsBytes()), "",
                                           /*sync=*/false));
  }
  return BlobRef{
      .digest = DigestString(digest), .size = size, .data_subject = std::string(subject)};
}

StatusOr<BlobRef> BlobVault::Put(std::string_view bytes) {
  if (bytes.size() > kMaxBlobBytes) {
    return InvalidArgumentError("blob of " + std::to_string(bytes.size()) +
                                " bytes is over the 1 GiB limit");
  }
  std::string stored(kBlobMagic);
  stored += kPlainKind;
  stored.append(bytes);
  return WriteStored(std::move(stored), bytes.size(), "");
}

StatusOr<BlobRef> BlobVault::PutForSubject(std::string_view subject, std::string_view bytes) {
  DOCKET_RETURN_IF_ERROR(ValidateSubject(subject));
  if (bytes.size() > kMaxBlobBytes) {
    return InvalidArgumentError("blob of " + std::to_string(bytes.size()) +
                                " bytes is over the 1 GiB limit");
  }
  DOCKET_ASSIGN_OR_RETURN(std::string key, keyring_->KeyForWriting(subject));
  BlobEnvelope envelope{.subject = std::string(subject)};
  StatusOr<std::string> nonce = internal::SecureRandomBytes(kAesGcmNonceSize);
  StatusOr<std::string> sealed =
      nonce.ok() ? internal::AesGcmSeal(key, *nonce, EnvelopeHeader(subject), bytes)
                 : StatusOr<std::string>(nonce.status());
  internal::Cleanse(key);
  DOCKET_RETURN_IF_ERROR(sealed.status());
  envelope.nonce = std::move(*nonce);
  envelope.ciphertext_and_tag = std::move(*sealed);
  return WriteStored(FormatBlobEnvelope(envelope), bytes.size(), subject);
}

StatusOr<std::string> BlobVault::Get(std::string_view digest_text) const {
  DOCKET_ASSIGN_OR_RETURN(const Sha256Digest digest, ParseDigest(digest_text));
  const std::string name = "blob " + DigestString(digest);
  DOCKET_ASSIGN_OR_RETURN(const std::string stored, ReadHashedBlob(*store_, digest));
  StatusOr<StoredBlob> blob = ParseStoredBlob(stored);
  if (!blob.ok()) return blob.status().WithContext(name);
  if (blob->plaintext.has_value()) return std::string(*blob->plaintext);

  const BlobEnvelope& envelope = blob->envelope;
  StatusOr<std::string> key = keyring_->KeyForReading(envelope.subject);
  if (!key.ok()) {
    switch (key.status().code()) {
      case StatusCode::kFailedPrecondition:
        return FailedPreconditionError(name + " is erased: " + key.status().message());
      case StatusCode::kNotFound:  // only an erasure may remove a key
        return DataLossError(name + ": the key of subject " + envelope.subject + " is missing");
      default:
        return key.status().WithContext(name);
    }
  }
  StatusOr<std::string> plaintext = internal::AesGcmOpen(
      *key, envelope.nonce, EnvelopeHeader(envelope.subject), envelope.ciphertext_and_tag);
  internal::Cleanse(*key);
  if (plaintext.status().code() == StatusCode::kDataLoss) {
    return DataLossError(name + ": does not decrypt with the key of subject " + envelope.subject);
  }
  return plaintext;
}

Status BlobVault::ReadSubjectBlobs(
    std::string_view subject,
    const std::function<bool(std::string_view digest, std::string_view plaintext)>& visit) const {
  DOCKET_ASSIGN_OR_RETURN(std::string key, keyring_->KeyForReading(subject));
  struct Wipe {
    std::string& secret;
    ~Wipe() { internal::Cleanse(secret); }
  } wipe_key{key};
  const std::string prefix = SubjectBlobPrefix(subject);
  std::vector<Sha256Digest> digests;
  Status bad_row;
  DOCKET_RETURN_IF_ERROR(store_->ScanSide(
      SideFamily::kSubjectKeys, prefix, [&](std::string_view row, std::string_view) {
        const std::string_view raw = row.substr(prefix.size());
        if (raw.size() != Sha256Digest().bytes.size()) {
          bad_row =
              DataLossError("blob row of subject " + std::string(subject) + " holds " +
                            std::to_string(raw.size()) + " bytes after the subject id, want 32");
          return false;
        }
        Sha256Digest& digest = digests.emplace_back();
        std::copy(raw.begin(), raw.end(), digest.bytes.begin());
        return true;
      }));
  DOCKET_RETURN_IF_ERROR(bad_row);
  for (const Sha256Digest& digest : digests) {
    const std::string name = DigestString(digest);
    StatusOr<std::string> stored = ReadHashedBlob(*store_, digest);
    if (stored.status().code() == StatusCode::kNotFound) {
      return DataLossError("blob " + name + " is listed for subject " + std::string(subject) +
                           " but not stored");
    }
    DOCKET_RETURN_IF_ERROR(stored.status());
    StatusOr<StoredBlob> blob = ParseStoredBlob(*stored);
    if (!blob.ok()) return blob.status().WithContext("blob " + name);
    if (blob->plaintext.has_value() || blob->envelope.subject != subject) {
      return DataLossError("blob " + name + " is listed for subject " + std::string(subject) +
                           " but is not encrypted for it");
    }
    StatusOr<std::string> plaintext = internal::AesGcmOpen(
        key, blob->envelope.nonce, EnvelopeHeader(subject), blob->envelope.ciphertext_and_tag);
    if (plaintext.status().code() == StatusCode::kDataLoss) {
      return DataLossError("blob " + name + ": does not decrypt with the key of subject " +
                           std::string(subject));
    }
    DOCKET_RETURN_IF_ERROR(plaintext.status());
    const bool more = visit(name, *plaintext);
    internal::Cleanse(*plaintext);
    if (!more) break;
  }
  return Status::Ok();
}

Status BlobVault::EraseSubject(std::string_view subject, uint64_t receipt_index) {
  return keyring_->Erase(subject, receipt_index);
}

StatusOr<std::optional<uint64_t>> BlobVault::ErasedBy(std::string_view subject) const {
  return keyring_->ErasedBy(subject);
}

StatusOr<bool> BlobVault::HasSubjectKey(std::string_view subject) const {
  return keyring_->HasKey(subject);
}

StatusOr<uint64_t> VerifyBlobs(const LedgerStore& store) {
  uint64_t checked = 0;
  Status first_bad;
  DOCKET_RETURN_IF_ERROR(
      store.ScanSide(SideFamily::kBlobs, "", [&](std::string_view key, std::string_view stored) {
        const Sha256Digest actual = Sha256(stored);
        if (key != actual.AsBytes()) {
          const std::string name = key.size() == 32
                                       ? "blob sha256:" + HexEncode(key)
                                       : "blob key " + HexEncode(key) + " (not 32 bytes)";
          first_bad = DataLossError(name + ": stored bytes hash to " + DigestString(actual));
          return false;
        }
        if (StatusOr<StoredBlob> blob = ParseStoredBlob(stored); !blob.ok()) {
          first_bad = blob.status().WithContext("blob " + DigestString(actual));
          return false;
        }
        ++checked;
        return true;
      }));
  DOCKET_RETURN_IF_ERROR(first_bad);
  return checked;
}

}  // namespace docket::ledger
