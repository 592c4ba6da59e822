// PII entity types the redactor detects, and one detection: a byte span of UTF-8 text
// with the evidence for it (which detector found it, which validator confirmed it, a
// score). Detections carry offsets, never the raw value, so they may be recorded.
// Plain values; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace docket::workflows::redact {

enum class EntityType {
  kEmail,
  kPhone,
  kPaymentCard,
  kIban,
  kBankRouting,   // US ABA routing number
  kBankAccount,   // account numbers in context ("account 12345678")
  kUsSsn,
  kIpAddress,     // IPv4 and IPv6
  kUrlSecret,     // a URL carrying credentials, tokens or keys
  kApiKey,        // common secret shapes (sk_live_…, AKIA…, ghp_…, JWTs, …)
  kStreetAddress,
  kPostcode,
  kDateOfBirth,   // a date in a birth context
  kOrderId,       // tenant-configurable id patterns
  kTicketId,
  kCustomerId,
  kPersonName,
};
inline constexpr int kEntityTypeCount = static_cast<int>(EntityType::kPersonName) + 1;

// "EMAIL", "PHONE", "PAYMENT_CARD", "IBAN", "BANK_ROUTING", "BANK_ACCOUNT", "US_SSN",
// "IP_ADDRESS", "URL_SECRET", "API_KEY", "STREET_ADDRESS", "POSTCODE", "DATE_OF_BIRTH",
// "ORDER_ID", "TICKET_ID", "CUSTOMER_ID", "PERSON_NAME": the names used in policy
// files, placeholders (<EMAIL_1>) and evidence.
std::string_view EntityTypeName(EntityType type);
std::optional<EntityType> ParseEntityType(std::string_view name);

struct Detection {
  size_t start = 0;  // byte offsets into the scanned UTF-8 text, [start, end)
  size_t end = 0;
  EntityType type = EntityType::kEmail;
  std::string detector;   // e.g. "email", "card.luhn", "name.trigger"
  std::string validator;  // e.g. "luhn", "iban.mod97", "libphonenumber"; empty if none
  double score = 0;       // 0..1 after context adjustment
  friend bool operator==(const Detection&, const Detection&) = default;
};

}  // namespace docket::workflows::redact
