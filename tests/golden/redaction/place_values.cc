// Street addresses, postcodes and dates written the way each region writes them.
#include "tests/golden/redaction/pii_values.h"
#include "tests/golden/redaction/value_text.h"

namespace docket::golden::redaction {
namespace {

struct City {
  std::string_view name;
  std::string_view postcode_prefix;  // completed with random digits to the region's length
  std::string_view state;
};

constexpr std::string_view kEnglishMonths[] = {"January",   "February", "March",    "April",
                                               "May",       "June",     "July",     "August",
                                               "September", "October",  "November", "December"};

Address UsAddress(SampleRandom& rng) {
  static constexpr std::string_view kStreets[] = {"Elm",        "Oak",  "Maple", "Cedar",  "Pine",
                                                  "Washington", "Lake", "Hill",  "Sunset", "Park"};
  static constexpr std::string_view kSuffixes[] = {"Street", "St",   "Avenue", "Ave",
                                                   "Road",   "Lane", "Drive",  "Blvd"};
  static constexpr City kCities[] = {{"San Francisco", "941", "CA"}, {"Austin", "787", "TX"},
                                     {"Chicago", "606", "IL"},       {"Seattle", "981", "WA"},
                                     {"Boston", "021", "MA"},        {"Denver", "802", "CO"}};
  const City& city = rng.Pick(kCities);
  Address a;
  a.street = std::to_string(rng.Between(1, 9899)) + " " + std::string(rng.Pick(kStreets)) + " " +
             std::string(rng.Pick(kSuffixes));
  if (rng.PerMille(250)) a.street += ", Apt " + std::to_string(rng.Between(1, 30)) + "B";
  a.postcode = std::string(city.postcode_prefix) + RandomDigits(rng, 2);
  a.city = city.name;
  a.state = city.state;
  return a;
}

Address GbAddress(SampleRandom& rng) {
  static constexpr std::string_view kStreets[] = {"Baker", "Church",  "Station",  "Victoria",
                                                  "Mill",  "Queen's", "Kingsway", "Grove"};
  static constexpr std::string_view kSuffixes[] = {"Street", "Road", "Lane", "Close", "Avenue"};
  static constexpr City kCities[] = {{"London", "NW1", ""},    {"London", "SW1A", ""},
                                     {"Manchester", "M1", ""}, {"Birmingham", "B33", ""},
                                     {"Edinburgh", "EH1", ""}, {"Leeds", "LS2", ""},
                                     {"Bristol", "BS1", ""},   {"Cardiff", "CF10", ""}};
  const City& city = rng.Pick(kCities);
  Address a;
  a.street = std::to_string(rng.Between(1, 240)) + " " + std::string(rng.Pick(kStreets)) + " " +
             std::string(rng.Pick(kSuffixes));
  a.postcode = std::string(city.postcode_prefix) + " " + std::to_string(rng.Between(1, 9)) +
               RandomFrom(rng, "ABDEFGHJLNPQRSTUWXYZ", 2);
  a.city = city.name;
  return a;
}

Address DeAddress(SampleRandom& rng) {
  static constexpr std::string_view kStreets[] = {
      "Hauptstraße", "Bahnhofstraße", "Lindenallee", "Schillerstr.", "Goethestraße",
      "Gartenweg",   "Königstraße",   "Mühlenweg",   "Am Markt",     "Kirchplatz"};
  static constexpr City kCities[] = {
      {"Berlin", "10", ""}, {"München", "80", ""},           {"Hamburg", "20", ""},
      {"Köln", "50", ""},   {"Frankfurt am Main", "60", ""}, {"Leipzig", "04", ""}};
  const City& city = rng.Pick(kCities);
  Address a;
  a.street = std::string(rng.Pick(kStreets)) + " " + std::to_string(rng.Between(1, 140));
  if (rng.PerMille(150)) a.street += "a";
  a.postcode = std::string(city.postcode_prefix) + RandomDigits(rng, 3);
  a.city = city.name;
  return a;
}

Address FrAddress(SampleRandom& rng) {
  static constexpr std::string_view kStreets[] = {
      "rue de la Paix", "rue Victor Hugo",  "avenue Jean Jaurès", "boulevard Voltaire",
      "rue des Lilas",  "chemin du Moulin", "place de l'Église",  "allée des Châtaigniers"};
  static constexpr City kCities[] = {{"Paris", "750", ""},     {"Lyon", "6900", ""},
                                     {"Marseille", "130", ""}, {"Toulouse", "3100", ""},
                                     {"Nantes", "4400", ""},   {"Lille", "5900", ""}};
  const City& city = rng.Pick(kCities);
  Address a;
  a.street = std::to_string(rng.Between(1, 120)) + (rng.PerMille(100) ? " bis " : " ") +
             std::string(rng.Pick(kStreets));
  a.postcode = std::string(city.postcode_prefix) +
               RandomDigits(rng, 5 - static_cast<int>(city.postcode_prefix.size()));
  a.city = city.name;
  return a;
}

Address EsAddress(SampleRandom& rng) {
  static constexpr std::string_view kStreets[] = {
      "Calle Mayor",     "Calle de Alcalá",     "Avenida de la Constitución",
      "Plaza de España", "Calle del Carmen",    "Paseo de Gracia",
      "Calle Real",      "Avenida de Andalucía"};
  static constexpr City kCities[] = {{"Madrid", "280", ""},   {"Barcelona", "080", ""},
                                     {"Valencia", "460", ""}, {"Sevilla", "410", ""},
                                     {"Bilbao", "480", ""},   {"Zaragoza", "500", ""}};
  const City& city = rng.Pick(kCities);
  Address a;
  a.street = std::string(rng.Pick(kStreets)) + (rng.PerMille(500) ? ", " : " ") +
             std::to_string(rng.Between(1, 150));
  if (rng.PerMille(400)) {
    a.street += ", " + std::to_string(rng.Between(1, 9)) + "\u00BA " +
                std::string(1, static_cast<char>('A' + rng.Below(4)));
  }
  a.postcode = std::string(city.postcode_prefix) + RandomDigits(rng, 2);
  a.city = city.name;
  return a;
}

// A date in [year_lo, year_hi] in one of the region's usual spellings.
std::string RegionalDate(SampleRandom& rng, std::string_view region, int year_lo, int year_hi) {
  const int year = rng.Between(year_lo, year_hi);
  const int month = rng.Between(1, 12);
  const int day = rng.Between(1, 28);
  const std::string y = std::to_string(year), m = Padded(month, 2), d = Padded(day, 2);
  if (rng.PerMille(150)) return y + "-" + m + "-" + d;
  const std::string_view month_name = kEnglishMonths[month - 1];
  if (region == "US") {
    return rng.PerMille(500) ? m + "/" + d + "/" + y
                             : std::string(month_name) + " " + std::to_string(day) + ", " + y;
  }
  if (region == "GB") {
    return rng.PerMille(500) ? d + "/" + m + "/" + y
                             : std::to_string(day) + " " + std::string(month_name) + " " + y;
  }
  if (region == "DE") return d + "." + m + "." + y;
  return d + "/" + m + "/" + y;
}

}  // namespace

Address MakeAddress(SampleRandom& rng, std::string_view region) {
  if (region == "US") return UsAddress(rng);
  if (region == "GB") return GbAddress(rng);
  if (region == "DE") return DeAddress(rng);
  if (region == "FR") return FrAddress(rng);
  return EsAddress(rng);
}

std::string MakeBirthDate(SampleRandom& rng, std::string_view region) {
  return RegionalDate(rng, region, 1950, 2005);
}

std::string MakeOrdinaryDate(SampleRandom& rng, std::string_view region) {
  return RegionalDate(rng, region, 2025, 2026);
}

}  // namespace docket::golden::redaction
