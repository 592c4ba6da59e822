// Locale table and the 2026 daylight-saving transitions the sample period crosses.
#include "workflows/sample/sample_locale.h"

#include "workflows/sample/sample_time.h"

namespace docket::workflows::sample {
namespace {

// Mostly English; German, Spanish, French and Brazilian Portuguese; a little Japanese.
constexpr SampleLocale kLocales[] = {
    {"en_US", "en-US", "en", Language::kEn, "US", "NA", Zone::kUsEastern, 300},
    {"en_US", "en-US", "en", Language::kEn, "US", "NA", Zone::kUsPacific, 170},
    {"en_GB", "en-GB", "en", Language::kEn, "GB", "EMEA", Zone::kUk, 110},
    {"en_CA", "en-CA", "en", Language::kEn, "CA", "NA", Zone::kUsEastern, 50},
    {"en_AU", "en-AU", "en", Language::kEn, "AU", "APAC", Zone::kSydney, 50},
    {"de_DE", "de-DE", "de", Language::kDe, "DE", "EMEA", Zone::kCentralEurope, 80},
    {"de_AT", "de-AT", "de", Language::kDe, "AT", "EMEA", Zone::kCentralEurope, 20},
    {"es_ES", "es-ES", "es", Language::kEs, "ES", "EMEA", Zone::kCentralEurope, 40},
    {"es_MX", "es-MX", "es", Language::kEs, "MX", "LATAM", Zone::kMexicoCity, 35},
    {"fr_FR", "fr-FR", "fr", Language::kFr, "FR", "EMEA", Zone::kCentralEurope, 50},
    {"fr_CA", "fr-CA", "fr", Language::kFr, "CA", "NA", Zone::kUsEastern, 15},
    {"pt_BR", "pt-BR", "pt-BR", Language::kPtBr, "BR", "LATAM", Zone::kSaoPaulo, 55},
    {"ja_JP", "ja-JP", "ja", Language::kJa, "JP", "APAC", Zone::kTokyo, 25},
};

}  // namespace

std::span<const SampleLocale> SampleLocales() { return kLocales; }

int UtcOffsetMinutes(Zone zone, int64_t unix_seconds) {
  // Transition instants in UTC.
  constexpr int64_t kEuropeEnds = UnixSeconds(2026, 10, 25, 1);
  constexpr int64_t kUsEasternEnds = UnixSeconds(2026, 11, 1, 6);
  constexpr int64_t kUsPacificEnds = UnixSeconds(2026, 11, 1, 9);
  constexpr int64_t kSydneyStarts = UnixSeconds(2026, 10, 3, 16);
  switch (zone) {
    case Zone::kUsEastern:
      return unix_seconds < kUsEasternEnds ? -240 : -300;
    case Zone::kUsPacific:
      return unix_seconds < kUsPacificEnds ? -420 : -480;
    case Zone::kUk:
      return unix_seconds < kEuropeEnds ? 60 : 0;
    case Zone::kCentralEurope:
      return unix_seconds < kEuropeEnds ? 120 : 60;
    case Zone::kMexicoCity:
      return -360;
    case Zone::kSaoPaulo:
      return -180;
    case Zone::kTokyo:
      return 540;
    case Zone::kSydney:
      return unix_seconds < kSydneyStarts ? 600 : 660;
  }
  return 0;
}

}  // namespace docket::workflows::sample
