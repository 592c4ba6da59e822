// VaultTokenStore: the redactor's token operator backed by the ledger's blob vault. Each
// raw value is stored with BlobVault::PutForSubject under the subject
// "customer:<data subject>" (encrypted with that subject's key), and the token reference
// put in the text is the first 16 hex digits of the stored blob's digest (after
// "sha256:"): enough to find the blob, nothing about the value or the subject. Erasing
// the subject (`docket ledger erase --subject customer:<id>`) destroys the key, so every
// raw value tokenized for it becomes unreadable for good. Tokens are not deduplicated:
// the vault encrypts under a fresh nonce, so the same value gets a new reference each
// time (a token says nothing about equality; use the pseudonym operator for that).
//
// Ownership: borrows the vault, which must outlive it. Thread-safety: Tokenize may be
// called concurrently (the vault is thread-safe).
#pragma once

#include <string>
#include <string_view>

#include "ledger/vault/blob_vault.h"
#include "workflows/redact/redactor.h"

namespace docket::adapters {

inline constexpr char kTokenSubjectPrefix[] = "customer:";
inline constexpr size_t kTokenRefHexDigits = 16;

class VaultTokenStore final : public workflows::redact::TokenVault {
 public:
  explicit VaultTokenStore(ledger::BlobVault* vault) : vault_(vault) {}

  // Errors: kInvalidArgument if "customer:<subject>" is not a valid subject id (empty,
  // over 256 bytes, control bytes); kFailedPrecondition if the subject was erased (no new
  // values are kept for an erased subject); vault errors, with "token vault: " context.
  [[nodiscard]] StatusOr<std::string> Tokenize(std::string_view subject,
                                               workflows::redact::EntityType type,
                                               std::string_view raw) override;

 private:
  ledger::BlobVault* const vault_;
};

// The vault subject id for a record's data subject: "customer:" + `data_subject`.
std::string TokenSubject(std::string_view data_subject);

}  // namespace docket::adapters
