// Fuzz target for workflows/redact/egress_guard: any payload the guard lets through
// holds no email-shaped text and no Luhn-valid run of 13-19 digits, as judged by an
// independent implementation here (RE2 for emails, brute force for digits), and the
// guard never crashes. Inputs are capped at 4 KiB to keep the brute force cheap.
#include <re2/re2.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "tests/fuzz/fuzz_check.h"
#include "workflows/redact/egress_guard.h"

namespace {

using docket::workflows::redact::CheckEgress;
using docket::workflows::redact::PiiScanner;

bool Digit(char c) { return c >= '0' && c <= '9'; }

bool Luhn(const std::string& digits) {
  int sum = 0;
  for (size_t i = 0; i < digits.size(); ++i) {
    int d = digits[digits.size() - 1 - i] - '0';
    if (i % 2 == 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 == 0;
}

// Every stretch that starts and ends on a digit group boundary, whose separators are
// single spaces or dashes between digits, with 13-19 digits.
bool HasLuhnRun(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (!Digit(s[i]) || (i > 0 && Digit(s[i - 1]))) continue;
    std::string digits;
    for (size_t j = i; j < s.size(); ++j) {
      if (Digit(s[j])) {
        digits.push_back(s[j]);
      } else if (!((s[j] == ' ' || s[j] == '-') && Digit(s[j - 1]) && j + 1 < s.size() &&
                   Digit(s[j + 1]))) {
        break;
      }
      const bool group_end = Digit(s[j]) && (j + 1 == s.size() || !Digit(s[j + 1]));
      if (digits.size() > 19) break;
      if (group_end && digits.size() >= 13 && Luhn(digits)) return true;
    }
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 4096) return 0;
  static const std::unique_ptr<PiiScanner> scanner = *PiiScanner::Create({});
  static const RE2 email(R"([A-Za-z0-9._%+-]@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2})");
  const std::string_view payload(reinterpret_cast<const char*>(data), size);
  if (CheckEgress(payload, *scanner, nullptr).has_value()) return 0;  // refused: fine
  FUZZ_CHECK(!RE2::PartialMatch(payload, email));
  FUZZ_CHECK(!HasLuhnRun(payload));
  return 0;
}
