// RedactionPolicy: what the redactor does with each entity type (operator), which
// values are allowed or denied, tenant id patterns, and the scanner's thresholds, read
// from a versioned YAML file. Every error names file:line:column and says what to fix.
// A bundled default policy applies when none is given. Values; thread-safe.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "engine/base/status.h"
#include "workflows/redact/entity.h"
#include "workflows/redact/pii_scanner.h"

namespace docket::workflows::redact {

enum class Operator {
  kPlaceholder,  // <EMAIL_1>, numbered per record in first-seen order
  kPseudonym,    // <EMAIL:3fa9c2d1e0b4>, keyed HMAC: stable across records, not reversible
  kToken,        // <EMAIL_TOKEN:ref>, the raw value kept in the ledger vault per data subject
  kMask,         // ****-****-****-1234: all but the last letters/digits masked
  kDrop,         // removed
};
std::string_view OperatorName(Operator op);  // "placeholder", "pseudonym", ...

struct RedactionPolicy {
  std::string source;  // the file it came from, or "<bundled default policy>"
  uint32_t version = 1;
  std::string region = "US";  // phone region hint when a record has none
  std::array<Operator, kEntityTypeCount> operators{};
  size_t mask_keep_last = 4;
  std::string mask_char = "*";
  ScannerConfig scanner;
};

inline constexpr size_t kMaxPolicyFileBytes = 1 << 20;

// Parses a policy file. Errors: kInvalidArgument listing every problem as
// "file:line:col: error: what (hint)": unknown keys and entity types (with a
// did-you-mean), unknown operators, a version other than 1, bad regions, empty or
// oversized lists, bad custom patterns are left to PiiScanner::Create.
[[nodiscard]] StatusOr<RedactionPolicy> ParseRedactionPolicy(std::string_view path,
                                                             std::string_view bytes);

// The bundled default policy's YAML text, and the policy it parses to.
std::string_view DefaultRedactionPolicyYaml();
[[nodiscard]] StatusOr<RedactionPolicy> DefaultRedactionPolicy();

}  // namespace docket::workflows::redact
