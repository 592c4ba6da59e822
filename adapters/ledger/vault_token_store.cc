// VaultTokenStore; see vault_token_store.h.
#include "adapters/ledger/vault_token_store.h"

namespace docket::adapters {

std::string TokenSubject(std::string_view data_subject) {
  return kTokenSubjectPrefix + std::string(data_subject);
}

StatusOr<std::string> VaultTokenStore::Tokenize(std::string_view subject,
                                                workflows::redact::EntityType type,
                                                std::string_view raw) {
  if (key_.empty()) return FailedPreconditionError("token vault: no tenant key");
  // The type is in the placeholder around the reference (<EMAIL_TOKEN:ref>); the blob
  // holds the raw value alone so that reading it back needs no format.
  StatusOr<ledger::BlobRef> blob = vault_->PutForSubject(TokenSubject(subject), raw);
  if (!blob.ok()) return blob.status().WithContext("token vault");
  return TokenReference(key_, subject, type, raw);
}

}  // namespace docket::adapters
