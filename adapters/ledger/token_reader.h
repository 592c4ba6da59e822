// Detokenizing: reading the raw values of the redactor's token operator back, the inverse
// of VaultTokenStore. SubjectTokens holds the raw values stored for one data subject
// ("customer:<id>"), decrypted from the ledger's vault (BlobVault::ReadSubjectBlobs), and
// indexes them by the reference each one has under the tenant key (TokenReference, for
// every entity type). Detokenize replaces the placeholders `<TYPE_TOKEN:ref>` in a text
// whose reference it finds there, and reports every other one. A reference is resolved
// only by recomputing it from a stored value of the subject: a reference of another
// subject, of another tenant key, or that no stored value has, is left in place, never
// guessed; so is one that two different values share (a 64-bit collision).
//
// Who may call it: only code that records the access first shows the result to anyone
// (`docket ledger detokenize` appends a TOKEN_ACCESS entry before it writes a byte).
//
// Ownership: SubjectTokens owns copies of the raw values and wipes them when destroyed.
// Thread-safety: SubjectTokens is immutable once built (const methods may be called
// concurrently); the free functions are pure.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/status.h"
#include "ledger/vault/blob_vault.h"
#include "workflows/redact/entity.h"

namespace docket::adapters {

// A token placeholder as the redactor writes it: "<" TYPE "_TOKEN:" 16 hex ">".
struct TokenPlaceholder {
  size_t start = 0;  // byte offsets of the whole placeholder, [start, end)
  size_t end = 0;
  workflows::redact::EntityType type = workflows::redact::EntityType::kEmail;
  std::string ref;  // 16 lowercase hex digits

  // The placeholder's text, e.g. "<EMAIL_TOKEN:5d1c0e7a9b2f4c3d>".
  std::string Text() const;
};

// Every well-formed token placeholder in `text`, in text order (they never overlap).
// Anything else, including a placeholder of an unknown type or with upper-case hex, is
// plain text.
std::vector<TokenPlaceholder> FindTokenPlaceholders(std::string_view text);

class SubjectTokens {
 public:
  // Indexes `values` (raw values of `data_subject`, the record id without "customer:")
  // by their references under `key`. Pure; duplicates are fine.
  SubjectTokens(std::string_view key, std::string_view data_subject,
                std::vector<std::string> values);

  // Every value tokenized for `subject` ("customer:<id>") in `vault`, decrypted.
  // Errors: kInvalidArgument if `subject` is not "customer:" and a valid id;
  // kFailedPrecondition if `key` is empty, or "... subject customer:<id> was erased by
  // the receipt at entry <N>" if it was erased; kNotFound if nothing was tokenized for
  // it in this ledger; kDataLoss from the vault for a damaged blob or row.
  [[nodiscard]] static StatusOr<SubjectTokens> Load(const ledger::BlobVault& vault,
                                                    std::string_view key, std::string_view subject);

  ~SubjectTokens();
  SubjectTokens(SubjectTokens&&) = default;
  SubjectTokens& operator=(SubjectTokens&&) = default;
  SubjectTokens(const SubjectTokens&) = delete;
  SubjectTokens& operator=(const SubjectTokens&) = delete;

  // The raw value whose reference for `type` is `ref`, or nullptr if no value has it
  // or two different values do. Valid as long as this object.
  const std::string* Find(workflows::redact::EntityType type, std::string_view ref) const;

  // The number of distinct values held.
  size_t value_count() const { return values_.size(); }

 private:
  std::vector<std::string> values_;  // distinct, sorted; wiped on destruction
  // "<type name> 0x00 <ref>" -> index into values_, or nullopt if values collide.
  std::map<std::string, std::optional<size_t>, std::less<>> by_ref_;
};

struct DetokenizedText {
  std::string text;  // with the resolved placeholders replaced by their raw values
  std::vector<TokenPlaceholder> resolved;    // as found in the input text
  std::vector<TokenPlaceholder> unresolved;  // left in place
};

// Replaces the placeholders of `text` that `tokens` resolves. Pure.
DetokenizedText Detokenize(const SubjectTokens& tokens, std::string_view text);

}  // namespace docket::adapters
