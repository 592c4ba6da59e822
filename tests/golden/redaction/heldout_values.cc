// Extra tricky negatives of the held-out PII set. Hard on purpose: a UUID's groups are
// hex digit runs, a 40-digit hash is a long random token, a private endpoint is valid
// IPv4 syntax, a past date uses the same spelling as a birth date.
#include "tests/golden/redaction/heldout_values.h"

#include "tests/golden/redaction/value_text.h"

namespace docket::golden::redaction {
namespace {

constexpr std::string_view kHex = "0123456789abcdef";
constexpr std::string_view kAlnum =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
constexpr std::string_view kMonths[] = {"January",   "February", "March",    "April",
                                        "May",       "June",     "July",     "August",
                                        "September", "October",  "November", "December"};

std::string Date(int year, int month, int day) {
  return std::to_string(year) + "-" + Padded(month, 2) + "-" + Padded(day, 2);
}

}  // namespace

std::string MakeUuid(SampleRandom& rng) {
  return RandomFrom(rng, kHex, 8) + "-" + RandomFrom(rng, kHex, 4) + "-4" +
         RandomFrom(rng, kHex, 3) + "-" + RandomFrom(rng, "89ab", 1) + RandomFrom(rng, kHex, 3) +
         "-" + RandomFrom(rng, kHex, 12);
}

std::string MakeHexSha(SampleRandom& rng) {
  return RandomFrom(rng, kHex, rng.PerMille(600) ? 7 : 40);
}

std::string MakeRequestId(SampleRandom& rng) {
  return rng.PerMille(500) ? RandomFrom(rng, kHex, 16) : "req_" + RandomFrom(rng, kAlnum, 14);
}

std::string MakeIsoTimestamp(SampleRandom& rng) {
  return Date(2025, rng.Between(9, 12), rng.Between(1, 28)) + "T" + Padded(rng.Between(0, 23), 2) +
         ":" + Padded(rng.Between(0, 59), 2) + ":" + Padded(rng.Between(0, 59), 2) + "." +
         Padded(rng.Between(0, 999), 3) + "Z";
}

std::string MakeCsvTimestamp(SampleRandom& rng) {
  return Date(2025, rng.Between(9, 12), rng.Between(1, 28)) + " " + Padded(rng.Between(0, 23), 2) +
         ":" + Padded(rng.Between(0, 59), 2) + ":" + Padded(rng.Between(0, 59), 2);
}

std::string MakePrivateEndpoint(SampleRandom& rng) {
  static constexpr int kPorts[] = {443, 5432, 6379, 8080, 8443, 9092};
  std::string host;
  switch (rng.Below(4)) {
    case 0:
      host = "10." + std::to_string(rng.Between(0, 9)) + "." + std::to_string(rng.Between(0, 255)) +
             "." + std::to_string(rng.Between(1, 254));
      break;
    case 1:
      host = "192.168." + std::to_string(rng.Between(0, 9)) + "." +
             std::to_string(rng.Between(1, 254));
      break;
    case 2:
      host = "127.0.0.1";
      break;
    default:
      host = "localhost";
      break;
  }
  return host + ":" + std::to_string(rng.Pick(kPorts));
}

std::string MakeStackFrame(SampleRandom& rng) {
  static constexpr std::string_view kFrames[] = {
      "com.acme.checkout.PaySheet.submit(PaySheet.kt:",
      "com.acme.net.HttpClient.execute(HttpClient.kt:",
      "com.acme.orders.HistoryRepository.load(HistoryRepository.kt:",
      "AcmeShop.CheckoutViewModel.confirm(CheckoutViewModel.swift:",
      "okhttp3.internal.connection.RealCall.execute(RealCall.kt:"};
  return "at " + std::string(rng.Pick(kFrames)) + std::to_string(rng.Between(12, 980)) + ")";
}

std::string MakePastDate(SampleRandom& rng, std::string_view region) {
  const int year = rng.Between(2008, 2020);
  const int month = rng.Between(1, 12);
  const int day = rng.Between(1, 28);
  const std::string y = std::to_string(year), m = Padded(month, 2), d = Padded(day, 2);
  if (region == "US") {
    return rng.PerMille(500)
               ? m + "/" + d + "/" + y
               : std::string(kMonths[month - 1]) + " " + std::to_string(day) + ", " + y;
  }
  if (region == "GB") return d + "/" + m + "/" + y;
  if (region == "DE") return d + "." + m + "." + y;
  return d + "/" + m + "/" + y;
}

}  // namespace docket::golden::redaction
