// Format validators for structured PII: Luhn and card issuer prefixes, IBAN country
// lengths and mod-97, the ABA routing checksum, US SSN number rules, IPv4 and IPv6
// syntax. Each takes the candidate's characters and answers yes or no; none keeps
// state. Pure functions; thread-safe.
#pragma once

#include <string_view>

namespace docket::workflows::redact::internal {

// `digits` holds only '0'..'9'.
bool LuhnValid(std::string_view digits);
// Known issuer prefix (Visa, Mastercard, Amex, Discover, JCB, Diners, UnionPay,
// Maestro) with a length that issuer uses.
bool CardIssuerKnown(std::string_view digits);
// `iban` holds only ASCII letters and digits (spaces removed), any case.
bool IbanValid(std::string_view iban);
// The IBAN length for a two-letter country code (upper case), or 0 if it has none.
int IbanLength(std::string_view country);
// Nine digits with the ABA weights 3,7,1 summing to a multiple of 10 and a valid
// Federal Reserve prefix.
bool AbaRoutingValid(std::string_view digits);
// Area, group, serial as digit strings of length 3, 2, 4.
bool SsnValid(std::string_view area, std::string_view group, std::string_view serial);
// Dotted quad, each octet 0..255 without leading zeros.
bool Ipv4Valid(std::string_view text);
// RFC 4291 text form (with "::" and an optional trailing dotted quad).
bool Ipv6Valid(std::string_view text);

}  // namespace docket::workflows::redact::internal
