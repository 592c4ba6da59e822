#include "workflows/redact/internal/phone_numbers.h"

#include <array>

namespace docket::workflows::redact::internal {
namespace {

struct Country {
  const char* region;
  const char* calling_code;
  const char* trunk_prefix;  // "" when numbers are dialled nationally without one
  int min_length;            // national significant number, without trunk prefix
  int max_length;
};

// Lengths from the ITU-T E.164 national numbering plans (as summarised by
// libphonenumber's metadata), widened to the shortest and longest number in use.
constexpr Country kCountries[] = {
    {"US", "1", "1", 10, 10},  {"CA", "1", "1", 10, 10},  {"GB", "44", "0", 9, 10},
    {"DE", "49", "0", 6, 13},  {"FR", "33", "0", 9, 9},   {"ES", "34", "", 9, 9},
    {"IT", "39", "", 6, 11},   {"NL", "31", "0", 9, 9},   {"BE", "32", "0", 8, 9},
    {"AT", "43", "0", 4, 13},  {"CH", "41", "0", 9, 9},   {"IE", "353", "0", 7, 10},
    {"PT", "351", "", 9, 9},   {"PL", "48", "", 9, 9},    {"SE", "46", "0", 7, 10},
    {"NO", "47", "", 8, 8},    {"DK", "45", "", 8, 8},    {"FI", "358", "0", 5, 12},
    {"CZ", "420", "", 9, 9},   {"GR", "30", "", 10, 10},  {"HU", "36", "06", 8, 9},
    {"RO", "40", "0", 9, 9},   {"LU", "352", "", 4, 11},  {"AU", "61", "0", 9, 9},
    {"NZ", "64", "0", 8, 10},  {"JP", "81", "0", 9, 10},  {"KR", "82", "0", 8, 10},
    {"CN", "86", "0", 10, 11}, {"IN", "91", "0", 10, 10}, {"SG", "65", "", 8, 8},
    {"HK", "852", "", 8, 8},   {"BR", "55", "0", 10, 11}, {"MX", "52", "", 10, 10},
    {"AR", "54", "0", 10, 11}, {"ZA", "27", "0", 9, 9},   {"IL", "972", "0", 8, 9},
    {"TR", "90", "0", 10, 10}, {"AE", "971", "0", 8, 9},  {"RU", "7", "8", 10, 10},
    {"UA", "380", "0", 9, 9},  {"SK", "421", "0", 9, 9},  {"SI", "386", "0", 8, 8},
    {"HR", "385", "0", 8, 9},  {"EE", "372", "", 7, 8},
};

bool NanpValid(std::string_view national) {
  // NPA and NXX start with 2..9; N11 service codes are not subscriber numbers.
  if (national.size() != 10) return false;
  if (national[0] < '2' || national[3] < '2') return false;
  if (national[1] == '1' && national[2] == '1') return false;
  return !(national[4] == '1' && national[5] == '1');
}

bool LengthFits(const Country& country, std::string_view national) {
  const int length = static_cast<int>(national.size());
  if (length < country.min_length || length > country.max_length) return false;
  if (national[0] == '0' && std::string_view(country.trunk_prefix) == "0") return false;
  if (std::string_view(country.calling_code) == "1") return NanpValid(national);
  return true;
}

}  // namespace

bool InternationalPhoneValid(std::string_view digits) {
  for (const Country& country : kCountries) {
    const std::string_view code = country.calling_code;
    if (digits.substr(0, code.size()) != code) continue;
    std::string_view national = digits.substr(code.size());
    // "+49 (0)30 1234567": the trunk prefix written in parentheses is dropped.
    const std::string_view trunk = country.trunk_prefix;
    if (!trunk.empty() && national.substr(0, trunk.size()) == trunk && trunk == "0" &&
        !LengthFits(country, national)) {
      national.remove_prefix(trunk.size());
    }
    if (!national.empty() && LengthFits(country, national)) return true;
  }
  return false;
}

bool NationalPhoneValid(std::string_view digits, std::string_view region) {
  if (region.empty()) region = "US";
  for (const Country& country : kCountries) {
    if (region != country.region) continue;
    const std::string_view trunk = country.trunk_prefix;
    std::string_view national = digits;
    if (!trunk.empty()) {
      if (national.substr(0, trunk.size()) == trunk) {
        national.remove_prefix(trunk.size());
      } else if (trunk != "1") {
        return false;  // national numbers in trunk-prefix countries start with it
      }
    }
    return !national.empty() && LengthFits(country, national);
  }
  return false;
}

}  // namespace docket::workflows::redact::internal
