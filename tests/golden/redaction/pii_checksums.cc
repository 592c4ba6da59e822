#include "tests/golden/redaction/pii_checksums.h"

namespace docket::golden::redaction {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }

int LuhnSum(std::string_view digits, bool double_last) {
  int sum = 0;
  bool double_it = double_last;
  for (size_t i = digits.size(); i-- > 0;) {
    int d = digits[i] - '0';
    if (double_it) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double_it = !double_it;
  }
  return sum;
}

// Remainder mod 97 of the number spelled by `s` with letters as 10..35.
int Mod97(std::string_view s) {
  int remainder = 0;
  for (const char c : s) {
    if (IsDigit(c)) {
      remainder = (remainder * 10 + (c - '0')) % 97;
    } else if (IsUpper(c)) {
      remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
    }
  }
  return remainder;
}

}  // namespace

std::string DigitsOf(std::string_view value) {
  std::string digits;
  for (const char c : value) {
    if (IsDigit(c)) digits += c;
  }
  return digits;
}

char LuhnCheckDigit(std::string_view digits) {
  // The check digit sits right of `digits`, so the last given digit is doubled.
  const int sum = LuhnSum(digits, true);
  return static_cast<char>('0' + (10 - sum % 10) % 10);
}

bool LuhnValid(std::string_view value) {
  const std::string digits = DigitsOf(value);
  return digits.size() >= 12 && LuhnSum(digits, false) % 10 == 0;
}

std::string IbanCheckDigits(std::string_view country, std::string_view bban) {
  const int check = 98 - Mod97(std::string(bban) + std::string(country) + "00");
  return {static_cast<char>('0' + check / 10), static_cast<char>('0' + check % 10)};
}

bool IbanValid(std::string_view value) {
  std::string compact;
  for (const char c : value) {
    if (IsDigit(c) || IsUpper(c)) {
      compact += c;
    } else if (c != ' ') {
      return false;
    }
  }
  if (compact.size() < 15 || !IsUpper(compact[0]) || !IsUpper(compact[1])) return false;
  return Mod97(compact.substr(4) + compact.substr(0, 4)) == 1;
}

bool AbaRoutingValid(std::string_view value) {
  if (value.size() != 9) return false;
  for (const char c : value) {
    if (!IsDigit(c)) return false;
  }
  return AbaCheckDigit(value.substr(0, 8)) == value[8];
}

char AbaCheckDigit(std::string_view eight_digits) {
  static constexpr int kWeights[] = {3, 7, 1, 3, 7, 1, 3, 7};
  int sum = 0;
  for (size_t i = 0; i < 8; ++i) sum += kWeights[i] * (eight_digits[i] - '0');
  return static_cast<char>('0' + (10 - sum % 10) % 10);
}

}  // namespace docket::golden::redaction
