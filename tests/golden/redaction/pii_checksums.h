// Check-digit arithmetic the evaluation set relies on: Luhn (payment cards), ISO 13616
// mod-97 (IBAN) and the ABA routing checksum. The generator uses it to make valid values
// and deliberately invalid look-alikes; pii_eval_set_test uses it to confirm the
// checked-in labels. Separators (spaces, dashes) are ignored. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace docket::golden::redaction {

// Digits of `value` with every other byte dropped.
std::string DigitsOf(std::string_view value);

// The Luhn check digit ('0'..'9') to append to `digits` (digits only).
char LuhnCheckDigit(std::string_view digits);
bool LuhnValid(std::string_view value);

// Two check digits for an IBAN "CCxxBBAN..." given the country code and the BBAN
// (upper-case letters and digits, no separators).
std::string IbanCheckDigits(std::string_view country, std::string_view bban);
bool IbanValid(std::string_view value);

// 3*(d1+d4+d7) + 7*(d2+d5+d8) + (d3+d6+d9) is a multiple of 10, nine digits.
bool AbaRoutingValid(std::string_view value);
// The ninth digit completing eight ABA digits.
char AbaCheckDigit(std::string_view eight_digits);

}  // namespace docket::golden::redaction
