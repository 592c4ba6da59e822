#include "workflows/redact/entity.h"

#include <array>

namespace docket::workflows::redact {
namespace {

constexpr std::array<std::string_view, kEntityTypeCount> kNames = {
    "EMAIL",         "PHONE",      "PAYMENT_CARD", "IBAN",        "BANK_ROUTING",   "BANK_ACCOUNT",
    "US_SSN",        "IP_ADDRESS", "URL_SECRET",   "API_KEY",     "STREET_ADDRESS", "POSTCODE",
    "DATE_OF_BIRTH", "ORDER_ID",   "TICKET_ID",    "CUSTOMER_ID", "PERSON_NAME",
};

}  // namespace

std::string_view EntityTypeName(EntityType type) {
  const int index = static_cast<int>(type);
  return index >= 0 && index < kEntityTypeCount ? kNames[index] : std::string_view("UNKNOWN");
}

std::optional<EntityType> ParseEntityType(std::string_view name) {
  for (int i = 0; i < kEntityTypeCount; ++i) {
    if (kNames[i] == name) return static_cast<EntityType>(i);
  }
  return std::nullopt;
}

}  // namespace docket::workflows::redact
