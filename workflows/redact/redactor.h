// Redactor applies a RedactionPolicy to text: scans it with a PiiScanner and replaces
// every detection with its type's operator (redaction_policy.h). The result holds the
// redacted text and the evidence per detection (offsets in the original text, type,
// detector, validator, score, operator), never a raw value.
//
// Ownership: borrows the scanner and the token vault (both must outlive it); owns the
// pseudonym key. Thread-safety: Redact is const and may run on many threads if the
// vault's Tokenize is thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/base/status.h"
#include "workflows/redact/egress_guard.h"
#include "workflows/redact/entity.h"
#include "workflows/redact/pii_scanner.h"
#include "workflows/redact/redaction_policy.h"

namespace docket::workflows::redact {

// Where the token operator keeps raw values: the ledger's vault, encrypted per data
// subject, so that erasing the subject destroys them.
class TokenVault {
 public:
  virtual ~TokenVault() = default;
  // Stores `raw` for `subject` and returns a reference to put in the text (no raw
  // bytes, no subject id). Errors are passed through Redact.
  [[nodiscard]] virtual StatusOr<std::string> Tokenize(std::string_view subject, EntityType type,
                                                       std::string_view raw) = 0;
};

struct RecordContext {
  std::string region;        // phone region hint; the policy's region when empty
  std::string data_subject;  // whose data this is (e.g. the customer id); for tokens
};

struct AppliedRedaction {
  Detection detection;  // offsets in the original text
  Operator op = Operator::kPlaceholder;
};

struct RedactedText {
  std::string text;
  std::vector<AppliedRedaction> redactions;  // in text order
};

class Redactor {
 public:
  // `pseudonym_key`: the tenant's HMAC key (any length; empty only if no type uses
  // the pseudonym operator). `vault` may be null if no type uses the token operator.
  // `known`, if given, receives every raw value replaced, for the egress guard.
  Redactor(RedactionPolicy policy, const PiiScanner* scanner, std::string pseudonym_key,
           TokenVault* vault, RawValueRegistry* known = nullptr);

  // Errors: kFailedPrecondition if a detection's operator is `token` and there is no
  // vault or the record has no data subject, or `pseudonym` with an empty key; the
  // vault's errors.
  [[nodiscard]] StatusOr<RedactedText> Redact(std::string_view text,
                                              const RecordContext& context) const;

  const RedactionPolicy& policy() const { return policy_; }

 private:
  StatusOr<std::string> Replacement(const Detection& d, std::string_view raw,
                                    const RecordContext& context,
                                    std::vector<std::pair<std::string, int>>& numbered) const;

  RedactionPolicy policy_;
  const PiiScanner* scanner_;
  std::string pseudonym_key_;
  TokenVault* vault_;
  RawValueRegistry* known_;
};

// The operators on their own, for tests and for the egress guard's messages.
std::string MaskValue(std::string_view raw, size_t keep_last, std::string_view mask_char);
std::string PseudonymOf(std::string_view key, EntityType type, std::string_view raw);

}  // namespace docket::workflows::redact
