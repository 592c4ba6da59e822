// VaultTokenStore: the redactor's token operator backed by the ledger's blob vault. Each
// raw value is stored with BlobVault::PutForSubject under the subject
// "customer:<data subject>" (encrypted with that subject's key). The token reference put
// in the text is 16 hex digits of HMAC-SHA-256(tenant key, "docket.token.v1" 0 subject
// 0 type 0 value): the same value of the same subject always gets the same reference,
// so redacted text, and everything computed from it, is byte-identical across reruns
// and replays (the encrypted blob is not: the vault uses a fresh nonce). The reference
// reveals nothing without the key. Reading values back (token_reader.h, `docket ledger
// detokenize`) decrypts the subject's blobs, which the vault lists per subject, and
// recomputes their references; it needs the master key and the tenant key, and every
// such read is recorded in the ledger (a TOKEN_ACCESS entry) before its result is shown.
// Erasing the subject (`docket ledger erase --subject customer:<id>`) destroys the key,
// so every raw value tokenized for it becomes unreadable for good.
//
// Ownership: borrows the vault, which must outlive it; copies the key. Thread-safety:
// Tokenize may be called concurrently (the vault is thread-safe).
#pragma once

#include <string>
#include <string_view>
#include <utility>

#include "ledger/vault/blob_vault.h"
#include "workflows/redact/redactor.h"
#include "workflows/redact/token_reference.h"

namespace docket::adapters {

inline constexpr char kTokenSubjectPrefix[] = "customer:";
using workflows::redact::kTokenRefHexDigits;
using workflows::redact::TokenReference;  // how Tokenize makes its references

class VaultTokenStore final : public workflows::redact::TokenVault {
 public:
  // `key`: the tenant key the references are computed under (the pseudonym key).
  VaultTokenStore(ledger::BlobVault* vault, std::string key)
      : vault_(vault), key_(std::move(key)) {}

  // Errors: kInvalidArgument if "customer:<subject>" is not a valid subject id (empty,
  // over 256 bytes, control bytes); kFailedPrecondition if the subject was erased (no new
  // values are kept for an erased subject) or the key is empty; vault errors, with
  // "token vault: " context.
  [[nodiscard]] StatusOr<std::string> Tokenize(std::string_view subject,
                                               workflows::redact::EntityType type,
                                               std::string_view raw) override;

 private:
  ledger::BlobVault* const vault_;
  const std::string key_;
};

// The vault subject id for a record's data subject: "customer:" + `data_subject`.
std::string TokenSubject(std::string_view data_subject);

}  // namespace docket::adapters
