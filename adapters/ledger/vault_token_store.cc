#include "adapters/ledger/vault_token_store.h"

namespace docket::adapters {

std::string TokenSubject(std::string_view data_subject) {
  return kTokenSubjectPrefix + std::string(data_subject);
}

StatusOr<std::string> VaultTokenStore::Tokenize(std::string_view subject,
                                                workflows::redact::EntityType,
                                                std::string_view raw) {
  // The type is in the placeholder around the reference (<EMAIL_TOKEN:ref>); the blob
  // holds the raw value alone so that reading it back needs no format.
  StatusOr<ledger::BlobRef> blob = vault_->PutForSubject(TokenSubject(subject), raw);
  if (!blob.ok()) return blob.status().WithContext("token vault");
  constexpr std::string_view kPrefix = "sha256:";
  if (blob->digest.size() < kPrefix.size() + kTokenRefHexDigits) {
    return InternalError("token vault: malformed blob digest");
  }
  return blob->digest.substr(kPrefix.size(), kTokenRefHexDigits);
}

}  // namespace docket::adapters
