// The story the sample dataset tells, as data: the release candidates and their
// rollout curves, weekly seasonality, and the incidents (the rc-4.3.0 checkout
// regression plus two small blips that stay under the gate). DraftFeedback turns it
// into per-source feedback drafts that the file writers then spell. Stateless; the
// caller's SampleRandom is the only state.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "workflows/sample/phrase_book.h"
#include "workflows/sample/sample_locale.h"
#include "workflows/sample/sample_random.h"

namespace docket::workflows::sample {

inline constexpr uint64_t kSampleSeed = 20261109;
inline constexpr std::string_view kProduct = "Acme Shop (mobile app)";

struct ReleaseCandidate {
  std::string_view id;
  std::string_view version;
  int64_t exposure_start;  // Unix seconds
  int64_t evaluate_at;
};

std::span<const ReleaseCandidate> ReleaseCandidates();

// Feedback timestamps lie in [PeriodStart(), PeriodEnd()): 2026-09-20 .. 2026-11-10.
int64_t PeriodStart();
int64_t PeriodEnd();

// How one source (tickets, reviews, NPS) differs: volume, tone mix, and its share of
// each incident's daily records.
struct SourceMix {
  int records_per_weekday;
  int problem_weight;
  int mixed_weight;
  int praise_weight;
  int incident_share_per_mille;
};

// One piece of feedback before a source spells it.
struct Draft {
  int64_t utc_seconds = 0;
  const SampleLocale* locale = nullptr;
  std::string_view version;  // app version the customer ran
  std::string_view area;
  Tone tone = Tone::kPraise;
  const Phrase* phrase = nullptr;
  bool incident = false;  // part of a story incident, not background
};

// Background feedback for every day plus the incidents, sorted by time.
std::vector<Draft> DraftFeedback(SampleRandom& rng, const PhraseBook& book, const SourceMix& mix);

// 1..5 stars for a draft; incidents are angrier than background problems.
int StarRating(SampleRandom& rng, const Draft& draft);
// 0..10 likelihood-to-recommend for a draft.
int NpsScore(SampleRandom& rng, const Draft& draft);

}  // namespace docket::workflows::sample
