// The customer locales of the sample dataset: language, country, support region, how
// common each is, and the UTC offset their clocks showed in autumn 2026 (including
// the EU, UK, US and Australian daylight-saving switches). Static tables; thread-safe.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace docket::workflows::sample {

enum class Language { kEn, kDe, kEs, kFr, kPtBr, kJa };

enum class Zone {
  kUsEastern,
  kUsPacific,
  kUk,
  kCentralEurope,
  kMexicoCity,
  kSaoPaulo,
  kTokyo,
  kSydney
};

struct SampleLocale {
  std::string_view posix_tag;    // "de_DE", as app stores report it
  std::string_view bcp47_tag;    // "de-DE", as Zendesk reports it
  std::string_view survey_lang;  // "de", "pt-BR": the NPS tool's language column
  Language language;
  std::string_view country;  // ISO 3166-1 alpha-2
  std::string_view region;   // support region: NA, EMEA, LATAM, APAC
  Zone zone;
  int weight;  // per mille of all feedback
};

std::span<const SampleLocale> SampleLocales();

// Minutes east of UTC in `zone` at `unix_seconds` (autumn 2026 rules only).
int UtcOffsetMinutes(Zone zone, int64_t unix_seconds);

}  // namespace docket::workflows::sample
