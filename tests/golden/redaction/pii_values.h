// Makers of the values the PII evaluation generator plants in its texts: real-looking
// PII of every entity type (valid checksums where the type has one) and the tricky
// negatives that resemble PII but are not (versions, error codes, prices, dates, SKUs,
// tracking numbers, invalid-checksum cards and IBANs, ...). Regions are "US", "GB",
// "DE", "FR", "ES". Every maker draws only from the given SampleRandom, so the output is
// a function of its state. Thread-compatible.
#pragma once

#include <string>
#include <string_view>

#include "workflows/sample/sample_random.h"

namespace docket::golden::redaction {

using workflows::sample::SampleRandom;

// The company's own support address: not PII, allow-listed by the report's scanner.
inline constexpr std::string_view kSupportEmail = "support@acmeshop.com";

struct Person {
  std::string first, last;              // as written, UTF-8
  std::string first_ascii, last_ascii;  // transliterated for email local parts
};

struct Address {
  std::string street;    // "1428 Elm Street", "Hauptstraße 12", "12 rue de la Paix"
  std::string postcode;  // "94107", "NW1 6XE", "10115"
  std::string city;
  std::string state;  // US only, e.g. "CA"
};

// PII.
std::string MakeEmail(SampleRandom& rng, const Person& person);
std::string MakePhone(SampleRandom& rng, std::string_view region, bool international);
std::string MakeCard(SampleRandom& rng, bool luhn_valid);
std::string MakeIban(SampleRandom& rng, std::string_view country, bool valid);
std::string MakeRoutingNumber(SampleRandom& rng);
std::string MakeBankAccount(SampleRandom& rng);
std::string MakeSsn(SampleRandom& rng);
std::string MakeIpAddress(SampleRandom& rng);
std::string MakeUrlSecret(SampleRandom& rng);
std::string MakeApiKey(SampleRandom& rng);
Address MakeAddress(SampleRandom& rng, std::string_view region);
std::string MakeBirthDate(SampleRandom& rng, std::string_view region);
std::string MakeOrderId(SampleRandom& rng);     // ORD-12345678
std::string MakeTicketId(SampleRandom& rng);    // TKT-123456
std::string MakeCustomerId(SampleRandom& rng);  // CUST-1234567

// Tricky negatives.
std::string MakeVersion(SampleRandom& rng);
std::string MakeBuildNumber(SampleRandom& rng);
std::string MakeErrorCode(SampleRandom& rng);
std::string MakePrice(SampleRandom& rng, std::string_view region);
std::string MakeOrdinaryDate(SampleRandom& rng, std::string_view region);
std::string MakeSku(SampleRandom& rng);
std::string MakeTrackingNumber(SampleRandom& rng);
std::string MakePercent(SampleRandom& rng);
std::string MakeProductCode(SampleRandom& rng);  // phone-like digits, e.g. 030-4471-22
std::string MakePlainUrl(SampleRandom& rng);
std::string MakeDevice(SampleRandom& rng);
std::string MakeClockTime(SampleRandom& rng);

}  // namespace docket::golden::redaction
