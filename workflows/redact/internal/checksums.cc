#include "workflows/redact/internal/checksums.h"

#include <array>
#include <cstdint>
#include <string>

namespace docket::workflows::redact::internal {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsHex(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
int PrefixValue(std::string_view digits, size_t length) {
  int value = 0;
  for (size_t i = 0; i < length && i < digits.size(); ++i) value = value * 10 + (digits[i] - '0');
  return value;
}

struct IbanCountry {
  const char* code;
  int length;
};
// SWIFT IBAN registry lengths.
constexpr IbanCountry kIbanCountries[] = {
    {"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"AZ", 28}, {"BA", 20}, {"BE", 16}, {"BG", 22},
    {"BH", 22}, {"BR", 29}, {"BY", 28}, {"CH", 21}, {"CR", 22}, {"CY", 28}, {"CZ", 24}, {"DE", 22},
    {"DK", 18}, {"DO", 28}, {"EE", 20}, {"EG", 29}, {"ES", 24}, {"FI", 18}, {"FO", 18}, {"FR", 27},
    {"GB", 22}, {"GE", 22}, {"GI", 23}, {"GL", 18}, {"GR", 27}, {"GT", 28}, {"HR", 21}, {"HU", 28},
    {"IE", 22}, {"IL", 23}, {"IQ", 23}, {"IS", 26}, {"IT", 27}, {"JO", 30}, {"KW", 30}, {"KZ", 20},
    {"LB", 28}, {"LC", 32}, {"LI", 21}, {"LT", 20}, {"LU", 20}, {"LV", 21}, {"LY", 25}, {"MC", 27},
    {"MD", 24}, {"ME", 22}, {"MK", 19}, {"MR", 27}, {"MT", 31}, {"MU", 30}, {"NL", 18}, {"NO", 15},
    {"PK", 24}, {"PL", 28}, {"PS", 29}, {"PT", 25}, {"QA", 29}, {"RO", 24}, {"RS", 22}, {"SA", 24},
    {"SC", 31}, {"SD", 18}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27}, {"ST", 25}, {"SV", 28},
    {"TL", 23}, {"TN", 24}, {"TR", 26}, {"UA", 29}, {"VA", 22},
};

char Upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

}  // namespace

bool LuhnValid(std::string_view digits) {
  if (digits.empty()) return false;
  int sum = 0;
  bool twice = false;
  for (size_t i = digits.size(); i-- > 0;) {
    int d = digits[i] - '0';
    if (twice) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    twice = !twice;
  }
  return sum % 10 == 0;
}

bool CardIssuerKnown(std::string_view digits) {
  const size_t n = digits.size();
  const int p1 = PrefixValue(digits, 1);
  const int p2 = PrefixValue(digits, 2);
  const int p3 = PrefixValue(digits, 3);
  const int p4 = PrefixValue(digits, 4);
  const int p6 = PrefixValue(digits, 6);
  if (p1 == 4) return n == 13 || n == 16 || n == 19;                         // Visa
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return n == 16;  // Mastercard
  if (p2 == 34 || p2 == 37) return n == 15;                                  // Amex
  if (p4 == 6011 || p2 == 65 || (p3 >= 644 && p3 <= 649) || (p6 >= 622126 && p6 <= 622925)) {
    return n >= 16 && n <= 19;  // Discover
  }
  if (p4 >= 3528 && p4 <= 3589) return n >= 16 && n <= 19;  // JCB
  if ((p3 >= 300 && p3 <= 305) || p2 == 36 || p2 == 38 || p2 == 39) {
    return n >= 14 && n <= 19;  // Diners Club
  }
  if (p2 == 62) return n >= 16 && n <= 19;                            // UnionPay
  if (p2 == 50 || (p2 >= 56 && p2 <= 69)) return n >= 12 && n <= 19;  // Maestro
  return false;
}

int IbanLength(std::string_view country) {
  for (const IbanCountry& entry : kIbanCountries) {
    if (country == entry.code) return entry.length;
  }
  return 0;
}

bool IbanValid(std::string_view iban) {
  if (iban.size() < 15 || iban.size() > 34) return false;
  std::string country = {Upper(iban[0]), Upper(iban[1])};
  if (IbanLength(country) != static_cast<int>(iban.size())) return false;
  if (!IsDigit(iban[2]) || !IsDigit(iban[3])) return false;
  // Move the first four characters to the end, letters become 10..35, then mod 97.
  uint32_t remainder = 0;
  for (size_t k = 0; k < iban.size(); ++k) {
    const char c = Upper(iban[(k + 4) % iban.size()]);
    if (IsDigit(c)) {
      remainder = (remainder * 10 + static_cast<uint32_t>(c - '0')) % 97;
    } else if (c >= 'A' && c <= 'Z') {
      remainder = (remainder * 100 + static_cast<uint32_t>(c - 'A' + 10)) % 97;
    } else {
      return false;
    }
  }
  return remainder == 1;
}

bool AbaRoutingValid(std::string_view digits) {
  if (digits.size() != 9) return false;
  const int prefix = PrefixValue(digits, 2);
  const bool prefix_ok = prefix <= 12 || (prefix >= 21 && prefix <= 32) ||
                         (prefix >= 61 && prefix <= 72) || prefix == 80;
  if (!prefix_ok) return false;
  static constexpr int kWeights[9] = {3, 7, 1, 3, 7, 1, 3, 7, 1};
  int sum = 0;
  for (size_t i = 0; i < 9; ++i) sum += kWeights[i] * (digits[i] - '0');
  return sum % 10 == 0 && digits != "000000000";
}

bool SsnValid(std::string_view area, std::string_view group, std::string_view serial) {
  if (area.size() != 3 || group.size() != 2 || serial.size() != 4) return false;
  const int a = PrefixValue(area, 3);
  if (a == 0 || a == 666 || a >= 900) return false;
  if (group == "00" || serial == "0000") return false;
  // Numbers published in advertising, never issued.
  if (area == "078" && group == "05" && serial == "1120") return false;
  if (area == "123" && group == "45" && serial == "6789") return false;
  return true;
}

bool Ipv4Valid(std::string_view text) {
  int octets = 0;
  size_t i = 0;
  while (true) {
    size_t start = i;
    int value = 0;
    while (i < text.size() && IsDigit(text[i]) && i - start < 3)
      value = value * 10 + (text[i++] - '0');
    const size_t length = i - start;
    if (length == 0 || value > 255 || (length > 1 && text[start] == '0')) return false;
    ++octets;
    if (i == text.size()) break;
    if (text[i] != '.' || octets == 4) return false;
    ++i;
  }
  return octets == 4;
}

bool Ipv6Valid(std::string_view text) {
  int groups = 0;
  bool compressed = false;
  size_t i = 0;
  if (text.substr(0, 2) == "::") {
    compressed = true;
    i = 2;
    if (i == text.size()) return false;  // bare "::" is not worth reporting
  } else if (!text.empty() && text[0] == ':') {
    return false;
  }
  while (i < text.size()) {
    const size_t start = i;
    while (i < text.size() && IsHex(text[i]) && i - start < 5) ++i;
    size_t length = i - start;
    if (i < text.size() && text[i] == '.') {  // trailing IPv4
      if (!Ipv4Valid(text.substr(start))) return false;
      groups += 2;
      i = text.size();
      break;
    }
    if (length == 0 || length > 4) return false;
    ++groups;
    if (i == text.size()) break;
    if (text[i] != ':') return false;
    ++i;
    if (i < text.size() && text[i] == ':') {
      if (compressed) return false;
      compressed = true;
      ++i;
    } else if (i == text.size()) {
      return false;
    }
  }
  return compressed ? groups < 8 : groups == 8;
}

}  // namespace docket::workflows::redact::internal
