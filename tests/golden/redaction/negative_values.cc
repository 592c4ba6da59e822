// Tricky negatives: values with the digits, dots and dashes of PII that are not PII.
// Some are deliberately hard (a four-part version is valid IPv4 syntax; a USPS tracking
// number is grouped like a card; an IKEA-style article number looks like a phone).
#include <array>

#include "tests/golden/redaction/pii_values.h"
#include "tests/golden/redaction/value_text.h"

namespace docket::golden::redaction {

std::string MakeVersion(SampleRandom& rng) {
  switch (rng.Below(5)) {
    case 0:
      return "v" + std::to_string(rng.Between(1, 5)) + "." + std::to_string(rng.Between(0, 12)) +
             "." + std::to_string(rng.Between(0, 9));
    case 1:
      return "4." + std::to_string(rng.Between(0, 3)) + "." + std::to_string(rng.Between(0, 3));
    case 2:
      return "10.0." + std::to_string(rng.Between(19041, 22631));
    case 3:
      return std::to_string(rng.Between(15, 18)) + "." + std::to_string(rng.Between(0, 7)) + "." +
             std::to_string(rng.Between(1, 3));
    default:
      return "4." + std::to_string(rng.Between(0, 3)) + ".0." + std::to_string(rng.Between(10, 99));
  }
}

std::string MakeBuildNumber(SampleRandom& rng) {
  return rng.PerMille(500)
             ? "build " + std::to_string(rng.Between(4000, 4999))
             : "build 2025" + Padded(rng.Between(1, 12), 2) + Padded(rng.Between(1, 28), 2) + "." +
                   std::to_string(rng.Between(1, 9));
}

std::string MakeErrorCode(SampleRandom& rng) {
  switch (rng.Below(6)) {
    case 0:
      return "E" + std::to_string(rng.Between(1000, 9999));
    case 1:
      return "0x8007" + RandomFrom(rng, "0123456789ABCDEF", 4);
    case 2:
      return "PAY-" + std::to_string(rng.Between(400, 599));
    case 3:
      return "ERR-" + RandomDigits(rng, 3);
    case 4:
      return "HTTP " + std::to_string(rng.Pick(std::array<int, 5>{500, 502, 503, 429, 404}));
    default:
      return "E_PAYSHEET_NIL_TOKEN";
  }
}

std::string MakePrice(SampleRandom& rng, std::string_view region) {
  const int units = rng.PerMille(850) ? rng.Between(1, 199) : rng.Between(1000, 2499);
  const std::string cents = Padded(rng.Pick(std::array<int, 5>{99, 90, 0, 49, 95}), 2);
  if (region == "US" || region == "GB") {
    std::string whole = std::to_string(units);
    if (units >= 1000) whole.insert(whole.size() - 3, ",");
    return (region == "US" ? "$" : "\u00A3") + whole + "." + cents;
  }
  std::string whole = std::to_string(units);
  if (units >= 1000) whole.insert(whole.size() - 3, region == "FR" ? " " : ".");
  return rng.PerMille(850) ? whole + "," + cents + " \u20AC" : "\u20AC" + whole + "," + cents;
}

std::string MakeSku(SampleRandom& rng) {
  static constexpr std::string_view kSizes[] = {"S", "M", "L", "XL"};
  static constexpr std::string_view kColours[] = {"BLK", "WHT", "RED", "NVY"};
  if (rng.PerMille(500))
    return "ACM-" + RandomFrom(rng, "ABCDEFGHJKLMNPRSTUVWXYZ", 3) + "-" +
           std::to_string(rng.Between(1000, 9999));
  return std::to_string(rng.Between(10000, 99999)) + "-" + std::string(rng.Pick(kColours)) + "-" +
         std::string(rng.Pick(kSizes));
}

std::string MakeTrackingNumber(SampleRandom& rng) {
  switch (rng.Below(5)) {
    case 0:
      return "1Z" + RandomFrom(rng, "0123456789ABCDEFGHJKLMNPRSTUVWXY", 6) + RandomDigits(rng, 10);
    case 1:
      return "00340434" + RandomDigits(rng, 12);
    case 2:
      return Grouped("9400" + RandomDigits(rng, 18), {4, 4, 4, 4, 4, 2}, " ");
    case 3:
      return RandomFrom(rng, "ABCDEFGHJKLMNPRSTUVWXYZ", 2) + RandomDigits(rng, 9) + "GB";
    default:
      return "6A" + RandomDigits(rng, 11);
  }
}

std::string MakePercent(SampleRandom& rng) {
  switch (rng.Below(3)) {
    case 0:
      return std::to_string(rng.Between(1, 100)) + "%";
    case 1:
      return std::to_string(rng.Between(1, 99)) + " %";
    default:
      return std::to_string(rng.Between(1, 99)) + "." + std::to_string(rng.Between(1, 9)) + "%";
  }
}

std::string MakeProductCode(SampleRandom& rng) {
  if (rng.PerMille(500)) {
    return RandomDigits(rng, 3) + "." + RandomDigits(rng, 3) + "." + RandomDigits(rng, 2);
  }
  return std::to_string(rng.Between(100, 999)) + "-" + RandomDigits(rng, 4) + "-" +
         RandomDigits(rng, 2);
}

std::string MakePlainUrl(SampleRandom& rng) {
  static constexpr std::string_view kUrls[] = {
      "https://acmeshop.com/help/returns", "https://status.acmeshop.com",
      "https://acmeshop.com/orders", "https://acmeshop.com/help/payments?lang=de",
      "https://acmeshop.com/app"};
  return std::string(rng.Pick(kUrls));
}

std::string MakeDevice(SampleRandom& rng) {
  static constexpr std::string_view kDevices[] = {
      "Pixel 8",    "Pixel 9 Pro",   "iPhone 15",  "iPhone 16 Pro",     "Galaxy S24",
      "Galaxy A55", "iPad Air (M2)", "OnePlus 12", "Redmi Note 13 Pro", "moto g84"};
  return std::string(rng.Pick(kDevices));
}

std::string MakeClockTime(SampleRandom& rng) {
  return std::to_string(rng.Between(7, 22)) + ":" + Padded(rng.Between(0, 59), 2);
}

}  // namespace docket::golden::redaction
