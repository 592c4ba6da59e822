// Record mix of the held-out set. Every record draws its language, region and shape
// first, then its content, so the proportions stay put when a phrase table grows.
#include "tests/golden/redaction/heldout_records.h"

#include <array>
#include <cstdio>

#include "tests/golden/redaction/heldout_shapes.h"

namespace docket::golden::redaction {
namespace {

constexpr std::array<int, 4> kLanguageWeights = {40, 20, 20, 20};  // en, de, fr, es
constexpr std::array<std::string_view, 8> kKinds = {
    "chat",   "store_review",    "web_form",   "csv_export",
    "survey", "forwarded_email", "bug_report", "mixed_language"};
constexpr std::array<int, 8> kKindWeights = {18, 14, 14, 10, 14, 10, 12, 8};

const HeldoutPack& PackFor(size_t index) {
  switch (index) {
    case 0:
      return HeldoutEnglishPack();
    case 1:
      return HeldoutGermanPack();
    case 2:
      return HeldoutFrenchPack();
    default:
      return HeldoutSpanishPack();
  }
}

void Compose(size_t kind, SampleRandom& rng, const HeldoutPack& pack, const HeldoutPack& second,
             HeldoutComposer& c) {
  switch (kind) {
    case 0:
      return ComposeChat(rng, pack, c);
    case 1:
      return ComposeStoreReview(rng, pack, c);
    case 2:
      return ComposeWebForm(rng, pack, c);
    case 3:
      return ComposeCsvExport(rng, pack, c);
    case 4:
      return ComposeSurvey(rng, pack, c);
    case 5:
      return ComposeForwardedEmail(rng, pack, c);
    case 6:
      return ComposeBugReport(rng, pack, c);
    default:
      return ComposeMixedLanguage(rng, pack, second, c);
  }
}

}  // namespace

EvalSet BuildHeldoutSet() {
  SampleRandom rng(kHeldoutSeed, kHeldoutStream);
  EvalSet set;
  for (int i = 1; i <= kHeldoutRecordCount; ++i) {
    const size_t lang = rng.Weighted(kLanguageWeights);
    const size_t kind = rng.Weighted(kKindWeights);
    // A mixed message pairs German, French or Spanish with English; an English writer
    // mixes in the language of the country they live in, whose region they get.
    const size_t second = lang == 0 ? 1 + rng.Below(3) : 0;
    const HeldoutPack& pack = PackFor(lang);
    const std::string region(kind == 7 && lang == 0 ? PackFor(second).regions[0]
                                                    : rng.Pick(pack.regions));
    HeldoutComposer composer(rng, pack, region);
    Compose(kind, rng, pack, PackFor(second), composer);
    char id[16];
    std::snprintf(id, sizeof id, "ho-%05d", i);
    for (const auto& [name, count] : composer.negatives()) set.negatives[name] += count;
    set.records.push_back({.id = id,
                           .region = region,
                           .lang = std::string(pack.lang),
                           .kind = std::string(kKinds[kind]),
                           .text = composer.text(),
                           .spans = composer.TakeSpans()});
  }
  return set;
}

}  // namespace docket::golden::redaction
