// PII makers. Phone numbers use ranges a libphonenumber build accepts as valid for the
// region (555-01xx in the US, Ofcom drama ranges in GB, real area codes elsewhere);
// cards, IBANs and routing numbers carry correct check digits unless asked otherwise.
#include "tests/golden/redaction/pii_values.h"

#include <array>

#include "tests/golden/redaction/pii_checksums.h"
#include "tests/golden/redaction/value_text.h"

namespace docket::golden::redaction {
namespace {

constexpr std::string_view kUpperDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
constexpr std::string_view kAlnum =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
constexpr std::string_view kBase64Url =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr std::string_view kHex = "0123456789abcdef";

constexpr std::string_view kMailDomains[] = {
    "gmail.com", "yahoo.com",  "outlook.com", "gmx.de",    "web.de",      "orange.fr",
    "free.fr",   "hotmail.es", "icloud.com",  "proton.me", "t-online.de", "btinternet.com"};
constexpr std::string_view kUsAreaCodes[] = {"212", "415", "312", "617", "206",
                                             "512", "303", "404", "702", "646"};

std::string UsPhone(SampleRandom& rng, bool international) {
  const std::string area(rng.Pick(kUsAreaCodes));
  const std::string exchange = rng.PerMille(500) ? "555" : std::to_string(rng.Between(201, 989));
  const std::string line = exchange == "555" ? "01" + RandomDigits(rng, 2) : RandomDigits(rng, 4);
  if (international) {
    return rng.PerMille(500) ? "+1 " + area + " " + exchange + " " + line
                             : "+1-" + area + "-" + exchange + "-" + line;
  }
  switch (rng.Below(3)) {
    case 0:
      return "(" + area + ") " + exchange + "-" + line;
    case 1:
      return area + "-" + exchange + "-" + line;
    default:
      return area + "." + exchange + "." + line;
  }
}

std::string GbPhone(SampleRandom& rng, bool international) {
  std::string trunk, rest;
  switch (rng.Below(3)) {
    case 0:
      trunk = "20";
      rest = "7946 0" + RandomDigits(rng, 3);
      break;
    case 1:
      trunk = "161";
      rest = "496 0" + RandomDigits(rng, 3);
      break;
    default:
      trunk = "7700";
      rest = "900" + RandomDigits(rng, 3);
      break;
  }
  return international ? "+44 " + trunk + " " + rest : "0" + trunk + " " + rest;
}

std::string DePhone(SampleRandom& rng, bool international) {
  static constexpr std::string_view kTrunks[] = {"30", "89",  "40",  "221",
                                                 "69", "151", "176", "160"};
  const std::string trunk(rng.Pick(kTrunks));
  const bool mobile = trunk[0] == '1';
  const std::string subscriber =
      RandomDigits(rng, mobile ? (trunk == "160" ? 7 : 8) : (trunk.size() == 3 ? 7 : 8));
  if (international) {
    return rng.PerMille(300) ? "+49 (0)" + trunk + " " + subscriber
                             : "+49 " + trunk + " " + subscriber;
  }
  return rng.PerMille(200) ? "0" + trunk + "/" + subscriber : "0" + trunk + " " + subscriber;
}

std::string FrPhone(SampleRandom& rng, bool international) {
  static constexpr char kLeads[] = {'1', '2', '3', '4', '5', '6', '7', '9'};
  std::string digits(1, kLeads[rng.Below(std::size(kLeads))]);
  digits += RandomDigits(rng, 8);
  if (international) return "+33 " + Grouped(digits, {1, 2, 2, 2, 2}, " ");
  return Grouped("0" + digits, {2, 2, 2, 2, 2}, rng.PerMille(200) ? "." : " ");
}

std::string EsPhone(SampleRandom& rng, bool international) {
  static constexpr std::string_view kLeads[] = {"6", "6", "7", "91", "93", "96"};
  const std::string lead(rng.Pick(kLeads));
  const std::string digits = lead + RandomDigits(rng, 9 - static_cast<int>(lead.size()));
  const std::string national = lead.size() == 2 && rng.PerMille(500)
                                   ? Grouped(digits, {2, 3, 2, 2}, " ")
                                   : Grouped(digits, {3, 3, 3}, " ");
  return international ? "+34 " + national : national;
}

std::string CardDigits(SampleRandom& rng) {
  switch (rng.Below(4)) {
    case 0:
      return "4" + RandomDigits(rng, 14);
    case 1:
      return "5" + std::to_string(rng.Between(1, 5)) + RandomDigits(rng, 13);
    case 2:
      return (rng.PerMille(500) ? "34" : "37") + RandomDigits(rng, 12);
    default:
      return "6011" + RandomDigits(rng, 11);
  }
}

std::string FrRibKey(const std::string& bank, const std::string& branch,
                     const std::string& account) {
  const int64_t sum = 89 * std::stoll(bank) + 15 * std::stoll(branch) + 3 * std::stoll(account);
  return Padded(static_cast<int>(97 - sum % 97), 2);
}

char EsControlDigit(std::string_view ten_digits) {
  static constexpr int kWeights[] = {1, 2, 4, 8, 5, 10, 9, 7, 3, 6};
  int sum = 0;
  for (size_t i = 0; i < 10; ++i) sum += kWeights[i] * (ten_digits[i] - '0');
  const int digit = 11 - sum % 11;
  return static_cast<char>('0' + (digit == 11 ? 0 : digit == 10 ? 1 : digit));
}

std::string Bban(SampleRandom& rng, std::string_view country) {
  if (country == "DE") return std::to_string(rng.Between(1, 8)) + RandomDigits(rng, 17);
  if (country == "FR") {
    const std::string bank = RandomDigits(rng, 5), branch = RandomDigits(rng, 5),
                      account = RandomDigits(rng, 11);
    return bank + branch + account + FrRibKey(bank, branch, account);
  }
  if (country == "ES") {
    const std::string bank_branch = RandomDigits(rng, 8), account = RandomDigits(rng, 10);
    return bank_branch + EsControlDigit("00" + bank_branch) + EsControlDigit(account) + account;
  }
  static constexpr std::string_view kGbBanks[] = {"NWBK", "BARC", "LOYD", "HBUK", "MIDL"};
  return std::string(rng.Pick(kGbBanks)) + RandomDigits(rng, 14);
}

std::string Base64Url(std::string_view bytes) {
  std::string out;
  uint32_t buffer = 0;
  int bits = 0;
  for (const char c : bytes) {
    buffer = (buffer << 8) | static_cast<unsigned char>(c);
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += kBase64Url[(buffer >> bits) & 0x3F];
    }
  }
  if (bits > 0) out += kBase64Url[(buffer << (6 - bits)) & 0x3F];
  return out;
}

}  // namespace

std::string MakeEmail(SampleRandom& rng, const Person& person) {
  std::string local;
  switch (rng.Below(4)) {
    case 0:
      local = person.first_ascii + "." + person.last_ascii;
      break;
    case 1:
      local = person.first_ascii.substr(0, 1) + person.last_ascii;
      break;
    case 2:
      local =
          person.first_ascii + person.last_ascii.substr(0, 1) + std::to_string(rng.Between(70, 99));
      break;
    default:
      local = person.first_ascii + "_" + person.last_ascii;
      break;
  }
  return local + "@" + std::string(rng.Pick(kMailDomains));
}

std::string MakePhone(SampleRandom& rng, std::string_view region, bool international) {
  if (region == "US") return UsPhone(rng, international);
  if (region == "GB") return GbPhone(rng, international);
  if (region == "DE") return DePhone(rng, international);
  if (region == "FR") return FrPhone(rng, international);
  return EsPhone(rng, international);
}

std::string MakeCard(SampleRandom& rng, bool luhn_valid) {
  std::string digits = CardDigits(rng);
  char check = LuhnCheckDigit(digits);
  if (!luhn_valid) check = static_cast<char>('0' + (check - '0' + rng.Between(1, 9)) % 10);
  digits += check;
  const std::string_view separator = rng.Pick(std::array<std::string_view, 4>{" ", " ", "-", ""});
  if (digits.size() == 15) return Grouped(digits, {4, 6, 5}, separator);
  return Grouped(digits, {4, 4, 4, 4}, separator);
}

std::string MakeIban(SampleRandom& rng, std::string_view country, bool valid) {
  std::string bban = Bban(rng, country);
  // A wrong IBAN must be wrong only as an IBAN: if its digits passed Luhn it would also
  // be an unlabelled card number.
  while (!valid && LuhnValid(DigitsOf(bban))) bban = Bban(rng, country);
  std::string check = IbanCheckDigits(country, bban);
  if (!valid) {
    const int wrong = (std::stoi(check) - 2 + rng.Between(1, 96)) % 97 + 2;
    check = Padded(wrong, 2);
  }
  const std::string iban = std::string(country) + check + bban;
  return rng.PerMille(650) ? Grouped(iban, {4, 4, 4, 4, 4, 4, 4}, " ") : iban;
}

std::string MakeRoutingNumber(SampleRandom& rng) {
  const int district = rng.PerMille(800) ? rng.Between(1, 12) : rng.Between(21, 32);
  const std::string eight = Padded(district, 2) + RandomDigits(rng, 6);
  return eight + AbaCheckDigit(eight);
}

std::string MakeBankAccount(SampleRandom& rng) {
  return std::to_string(rng.Between(1, 9)) + RandomDigits(rng, rng.Between(7, 11));
}

std::string MakeSsn(SampleRandom& rng) {
  int area = rng.Between(1, 899);
  if (area == 666) area = 667;
  const std::string group = Padded(rng.Between(1, 99), 2);
  const std::string serial = Padded(rng.Between(1, 9999), 4);
  const std::string separator = rng.PerMille(800) ? "-" : " ";
  return Padded(area, 3) + separator + group + separator + serial;
}

std::string MakeIpAddress(SampleRandom& rng) {
  static constexpr int kFirstOctets[] = {24,  31,  46,  62,  77,  81,  84, 93,
                                         109, 151, 176, 185, 203, 212, 217};
  if (rng.PerMille(700)) {
    return std::to_string(rng.Pick(kFirstOctets)) + "." + std::to_string(rng.Between(0, 255)) +
           "." + std::to_string(rng.Between(0, 255)) + "." + std::to_string(rng.Between(1, 254));
  }
  static constexpr std::string_view kPrefixes[] = {
      "2001:db8:", "2a02:810d:", "2600:1700:", "2a01:cb00:", "2001:4860:"};
  std::string out(rng.Pick(kPrefixes));
  const bool compressed = rng.PerMille(600);
  const int groups = compressed ? rng.Between(2, 4) : 6;
  out += RandomFrom(rng, kHex, rng.Between(1, 4));
  for (int i = 1; i < groups; ++i) {
    out += (compressed && i == 1) ? "::" : ":";
    out += RandomFrom(rng, kHex, rng.Between(1, 4));
  }
  return out;
}

std::string MakeUrlSecret(SampleRandom& rng) {
  switch (rng.Below(6)) {
    case 0:
      return "https://app.acmeshop.com/reset-password?token=" + RandomFrom(rng, kHex, 32);
    case 1:
      return "https://api.acmeshop.com/v2/orders?api_key=" + RandomFrom(rng, kAlnum, 24);
    case 2:
      return "https://" + RandomFrom(rng, "abcdefghijklmnopqrstuvwxyz", 6) + ":" +
             RandomFrom(rng, kAlnum, 10) + "@files.partner-exports.net/acme/";
    case 3:
      return "https://acmeshop.com/account/magic-login?session=" + RandomFrom(rng, kBase64Url, 40);
    case 4:
      return "https://hooks.slack.com/services/T" + RandomFrom(rng, kUpperDigits, 8) + "/B" +
             RandomFrom(rng, kUpperDigits, 10) + "/" + RandomFrom(rng, kAlnum, 24);
    default:
      return "https://cdn.acmeshop.com/invoices/" + RandomDigits(rng, 8) +
             ".pdf?se=2026-12-31&sig=" + RandomFrom(rng, kBase64Url, 43);
  }
}

std::string MakeApiKey(SampleRandom& rng) {
  switch (rng.Below(7)) {
    case 0:
      return "sk_live_" + RandomFrom(rng, kAlnum, 24);
    case 1:
      return "sk_test_" + RandomFrom(rng, kAlnum, 24);
    case 2:
      return "AKIA" + RandomFrom(rng, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
    case 3:
      return "ghp_" + RandomFrom(rng, kAlnum, 36);
    case 4:
      return "xoxb-" + RandomDigits(rng, 11) + "-" + RandomDigits(rng, 12) + "-" +
             RandomFrom(rng, kAlnum, 24);
    case 5:
      return "AIza" + RandomFrom(rng, kBase64Url, 35);
    default: {
      const std::string payload =
          "{\"sub\":\"" + RandomDigits(rng, 10) + "\",\"iat\":17" + RandomDigits(rng, 8) + "}";
      return "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." + Base64Url(payload) + "." +
             RandomFrom(rng, kBase64Url, 43);
    }
  }
}

std::string MakeOrderId(SampleRandom& rng) { return "ORD-" + RandomDigits(rng, 8); }
std::string MakeTicketId(SampleRandom& rng) { return "TKT-" + RandomDigits(rng, 6); }
std::string MakeCustomerId(SampleRandom& rng) { return "CUST-" + RandomDigits(rng, 7); }

}  // namespace docket::golden::redaction
