// Release rollout, seasonality and incidents of the sample dataset.
#include "workflows/sample/sample_story.h"

#include <algorithm>

#include "workflows/sample/sample_time.h"

namespace docket::workflows::sample {
namespace {

struct VersionStart {
  std::string_view version;
  int64_t start;
};

// Incident records per UTC day, all sources together, from `first_day` on.
struct Incident {
  std::string_view version;
  std::string_view area;
  int64_t first_day;
  std::span<const int> per_day;
  std::span<const ThemeWeight> themes;
};

constexpr VersionStart kVersions[] = {
    {"4.0.1", UnixSeconds(2026, 8, 10)},  {"4.0.2", UnixSeconds(2026, 8, 24)},
    {"4.0.3", UnixSeconds(2026, 9, 7)},   {"4.1.0", UnixSeconds(2026, 9, 28)},
    {"4.2.0", UnixSeconds(2026, 10, 12)}, {"4.3.0", UnixSeconds(2026, 10, 26)},
};

constexpr ReleaseCandidate kCandidates[] = {
    {"rc-4.1.0", "4.1.0", UnixSeconds(2026, 9, 28), UnixSeconds(2026, 10, 12)},
    {"rc-4.2.0", "4.2.0", UnixSeconds(2026, 10, 12), UnixSeconds(2026, 10, 26)},
    {"rc-4.3.0", "4.3.0", UnixSeconds(2026, 10, 26), UnixSeconds(2026, 11, 9)},
};

// Per mille of users on the newest version, by whole days since its start.
constexpr int kAdoption[] = {350, 550, 680, 760, 820, 860, 885, 900, 915};
// Sunday .. Saturday, percent of a Monday.
constexpr int kWeekdayPercent[] = {58, 100, 104, 100, 96, 90, 62};
// Local hour of day, relative activity.
constexpr int kHourWeights[] = {4,  2,  1,  1,  1,  2,  4,  7,  10, 12, 13, 13,
                                14, 13, 12, 12, 12, 12, 13, 14, 15, 14, 11, 7};
constexpr int kAreaWeights[] = {170, 140, 140, 100, 90, 130, 140, 90};  // as kAreas

// rc-4.3.0 moved checkout to a new payment SDK, ramped to 100% on Fri 2026-11-06.
constexpr int kRegressionPerDay[] = {3, 5, 8, 12, 20, 45, 50, 40, 30};  // from 11-02
constexpr ThemeWeight kRegressionThemes[] = {{"payment_failed", 35},
                                             {"double_charge", 25},
                                             {"crash_on_pay", 25},
                                             {"card_declined", 10},
                                             {"checkout_timeout", 5}};
// 4.2.0: a search index rebuild returned empty results for some queries for a week.
constexpr int kSearchBlipPerDay[] = {4, 7, 8, 5, 3};  // from 10-14
constexpr ThemeWeight kSearchBlipThemes[] = {{"no_results", 3}, {"slow_search", 2}};
// 4.1.0: a marketing push campaign annoyed people for three days.
constexpr int kPushBlipPerDay[] = {5, 6, 3};  // from 10-01
constexpr ThemeWeight kPushBlipThemes[] = {{"too_many", 3}, {"cant_disable", 2}};

constexpr Incident kIncidents[] = {
    {"4.3.0", "checkout", UnixSeconds(2026, 11, 2), kRegressionPerDay, kRegressionThemes},
    {"4.2.0", "search", UnixSeconds(2026, 10, 14), kSearchBlipPerDay, kSearchBlipThemes},
    {"4.1.0", "notifications", UnixSeconds(2026, 10, 1), kPushBlipPerDay, kPushBlipThemes},
};

std::string_view VersionAt(SampleRandom& rng, int64_t t) {
  int current = 0;
  for (int i = 0; i < static_cast<int>(std::size(kVersions)); ++i) {
    if (kVersions[i].start <= t) current = i;
  }
  const int64_t days = (t - kVersions[current].start) / kSecondsPerDay;
  const int share = kAdoption[std::min<int64_t>(days, std::size(kAdoption) - 1)];
  if (rng.PerMille(share)) return kVersions[current].version;
  const int roll = rng.Between(0, 99);
  const int back = roll < 80 ? 1 : roll < 95 ? 2 : 3;
  return kVersions[std::max(0, current - back)].version;
}

const SampleLocale& PickLocale(SampleRandom& rng) {
  std::vector<int> weights;
  for (const SampleLocale& l : SampleLocales()) weights.push_back(l.weight);
  return SampleLocales()[rng.Weighted(weights)];
}

int64_t SecondOfDay(SampleRandom& rng) {
  return static_cast<int64_t>(rng.Weighted(kHourWeights)) * 3600 + rng.Between(0, 3599);
}

// A moment on local calendar day `local_day` (Unix seconds of its UTC midnight) of
// `locale`, inside the sample period.
int64_t LocalMoment(SampleRandom& rng, int64_t local_day, const SampleLocale& locale) {
  int64_t utc = 0;
  for (int attempt = 0; attempt < 16; ++attempt) {
    const int64_t local = local_day + SecondOfDay(rng);
    utc = local - int64_t{UtcOffsetMinutes(locale.zone, local)} * 60;
    if (utc >= PeriodStart() && utc < PeriodEnd()) return utc;
  }
  return std::clamp(utc, PeriodStart(), PeriodEnd() - 1);
}

Draft MakeDraft(SampleRandom& rng, const PhraseBook& book, const SourceMix& mix,
                int64_t local_day) {
  Draft d;
  d.locale = &PickLocale(rng);
  d.utc_seconds = LocalMoment(rng, local_day, *d.locale);
  d.version = VersionAt(rng, d.utc_seconds);
  d.area = kAreas[rng.Weighted(kAreaWeights)];
  const int tones[] = {mix.problem_weight, mix.mixed_weight, mix.praise_weight};
  d.tone = static_cast<Tone>(rng.Weighted(tones));
  d.phrase = &book.Pick(rng, d.locale->language, d.area, d.tone);
  return d;
}

void AddIncident(SampleRandom& rng, const PhraseBook& book, const SourceMix& mix,
                 const Incident& incident, std::vector<Draft>& out) {
  for (size_t day = 0; day < incident.per_day.size(); ++day) {
    // Round half up; the shares of the three sources add up to about the day's total.
    const int count = (incident.per_day[day] * mix.incident_share_per_mille + 500) / 1000;
    for (int i = 0; i < count; ++i) {
      Draft d;
      d.locale = &PickLocale(rng);
      d.utc_seconds =
          incident.first_day + static_cast<int64_t>(day) * kSecondsPerDay + SecondOfDay(rng);
      d.version = incident.version;
      d.area = incident.area;
      d.tone = Tone::kProblem;
      d.incident = true;
      d.phrase = &book.Pick(rng, d.locale->language, d.area, d.tone, incident.themes);
      out.push_back(d);
    }
  }
}

}  // namespace

std::span<const ReleaseCandidate> ReleaseCandidates() { return kCandidates; }
int64_t PeriodStart() { return UnixSeconds(2026, 9, 20); }
int64_t PeriodEnd() { return UnixSeconds(2026, 11, 11); }

std::vector<Draft> DraftFeedback(SampleRandom& rng, const PhraseBook& book, const SourceMix& mix) {
  std::vector<Draft> drafts;
  for (int64_t day = PeriodStart(); day < PeriodEnd(); day += kSecondsPerDay) {
    const int expected = mix.records_per_weekday * kWeekdayPercent[ToCivil(day).weekday] / 100;
    const int spread = std::max(1, expected / 8);
    const int count = expected + rng.Between(-spread, spread);
    for (int i = 0; i < count; ++i) drafts.push_back(MakeDraft(rng, book, mix, day));
  }
  for (const Incident& incident : kIncidents) AddIncident(rng, book, mix, incident, drafts);
  std::stable_sort(drafts.begin(), drafts.end(),
                   [](const Draft& a, const Draft& b) { return a.utc_seconds < b.utc_seconds; });
  return drafts;
}

int StarRating(SampleRandom& rng, const Draft& draft) {
  static constexpr int kIncident[] = {75, 22, 3, 0, 0};
  static constexpr int kProblem[] = {50, 38, 12, 0, 0};
  static constexpr int kMixed[] = {0, 15, 60, 25, 0};
  static constexpr int kPraise[] = {0, 0, 0, 35, 65};
  if (draft.incident) return 1 + static_cast<int>(rng.Weighted(kIncident));
  switch (draft.tone) {
    case Tone::kProblem:
      return 1 + static_cast<int>(rng.Weighted(kProblem));
    case Tone::kMixed:
      return 1 + static_cast<int>(rng.Weighted(kMixed));
    case Tone::kPraise:
      return 1 + static_cast<int>(rng.Weighted(kPraise));
  }
  return 3;
}

int NpsScore(SampleRandom& rng, const Draft& draft) {
  static constexpr int kIncident[] = {30, 25, 15, 15, 10, 5, 0, 0, 0, 0, 0};
  static constexpr int kProblem[] = {15, 12, 15, 20, 18, 12, 8, 0, 0, 0, 0};
  static constexpr int kMixed[] = {0, 0, 0, 0, 0, 15, 25, 35, 25, 0, 0};
  static constexpr int kPraise[] = {0, 0, 0, 0, 0, 0, 0, 0, 15, 35, 50};
  if (draft.incident) return static_cast<int>(rng.Weighted(kIncident));
  switch (draft.tone) {
    case Tone::kProblem:
      return static_cast<int>(rng.Weighted(kProblem));
    case Tone::kMixed:
      return static_cast<int>(rng.Weighted(kMixed));
    case Tone::kPraise:
      return static_cast<int>(rng.Weighted(kPraise));
  }
  return 7;
}

}  // namespace docket::workflows::sample
