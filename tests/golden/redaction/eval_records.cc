// Record shapes. Every record draws its language, region and shape first, then its
// sentences, so the proportions stay put when a phrase table grows.
#include "tests/golden/redaction/eval_records.h"

#include <array>
#include <cstdio>

#include "tests/golden/redaction/eval_compose.h"

namespace docket::golden::redaction {
namespace {

using enum EntityType;

constexpr std::array<int, 4> kLanguageWeights = {40, 22, 19, 19};  // en, de, fr, es
constexpr std::array<std::string_view, 4> kKinds = {"review", "nps", "ticket",
                                                    "ticket_quoted_email"};
constexpr std::array<int, 4> kKindWeights = {35, 20, 33, 12};

const LanguagePack& PackFor(size_t index) {
  switch (index) {
    case 0:
      return EnglishPack();
    case 1:
      return GermanPack();
    case 2:
      return FrenchPack();
    default:
      return SpanishPack();
  }
}

// A PII sentence about a type drawn evenly from the pack's types, phones three times as
// often (five regions, national and international formats); SSNs and routing numbers
// only for US customers, and three times as often there so they are not rare.
std::string_view PickPiiSentence(SampleRandom& rng, const LanguagePack& pack,
                                 std::string_view region) {
  std::array<int, kEntityTypeCount> weights{};
  for (const PiiSentence& s : pack.pii) {
    const bool us_only = s.type == kUsSsn || s.type == kBankRouting;
    if (us_only && region != "US") continue;
    weights[static_cast<size_t>(s.type)] = us_only || s.type == kPhone ? 3 : 1;
  }
  const auto type = static_cast<EntityType>(rng.Weighted(weights));
  std::vector<std::string_view> candidates;
  for (const PiiSentence& s : pack.pii) {
    if (s.type == type) candidates.push_back(s.text);
  }
  return rng.Pick(candidates);
}

// Sentences of a message body: an opening complaint or praise, sometimes a sentence of
// tricky negatives, and `pii_count` PII sentences in random positions.
std::vector<std::string_view> BodySentences(SampleRandom& rng, const LanguagePack& pack,
                                            std::string_view region, int pii_count) {
  std::vector<std::string_view> sentences;
  sentences.push_back(rng.PerMille(600) ? rng.Pick(pack.complaints) : rng.Pick(pack.praise));
  if (rng.PerMille(450)) sentences.push_back(rng.Pick(pack.negatives));
  for (int i = 0; i < pii_count; ++i) {
    const size_t at = 1 + rng.Below(sentences.size());
    sentences.insert(sentences.begin() + static_cast<std::ptrdiff_t>(at),
                     PickPiiSentence(rng, pack, region));
  }
  if (rng.PerMille(250)) sentences.push_back(rng.Pick(pack.complaints));
  return sentences;
}

void ExpandSentences(RecordComposer& c, const std::vector<std::string_view>& sentences) {
  for (size_t i = 0; i < sentences.size(); ++i) {
    if (i > 0) c.Plain(" ");
    c.Expand(sentences[i]);
  }
}

// Expands `pattern` line by line with "> " in front of each line, as mail clients quote.
void ExpandQuoted(RecordComposer& c, std::string_view pattern) {
  size_t at = 0;
  while (true) {
    const size_t newline = pattern.find('\n', at);
    c.Plain("> ");
    c.Expand(pattern.substr(at, newline == std::string_view::npos ? newline : newline - at));
    if (newline == std::string_view::npos) return;
    c.Plain("\n");
    at = newline + 1;
  }
}

void ComposeReview(SampleRandom& rng, const LanguagePack& pack, RecordComposer& c) {
  const int pii = static_cast<int>(rng.Weighted(std::array<int, 3>{30, 50, 20}));
  ExpandSentences(c, BodySentences(rng, pack, c.region(), pii));
}

void ComposeNps(SampleRandom& rng, const LanguagePack& pack, RecordComposer& c) {
  c.Expand(rng.PerMille(500) ? rng.Pick(pack.complaints) : rng.Pick(pack.praise));
  if (rng.PerMille(200)) {
    c.Plain(" ");
    c.Expand(rng.Pick(pack.negatives));
  }
  if (rng.PerMille(550)) {
    c.Plain(" ");
    c.Expand(PickPiiSentence(rng, pack, c.region()));
  }
}

void ComposeTicket(SampleRandom& rng, const LanguagePack& pack, RecordComposer& c) {
  if (rng.PerMille(600)) {
    c.Expand(rng.Pick(pack.subjects));
    c.Plain("\n\n");
  }
  c.Expand(rng.Pick(pack.greetings));
  c.Plain("\n\n");
  const int pii = static_cast<int>(rng.Weighted(std::array<int, 4>{15, 45, 30, 10}));
  const std::vector<std::string_view> sentences = BodySentences(rng, pack, c.region(), pii);
  for (size_t i = 0; i < sentences.size(); ++i) {
    if (i > 0) c.Plain(rng.PerMille(300) ? "\n\n" : " ");
    c.Expand(sentences[i]);
  }
  c.Plain("\n\n");
  c.Expand(rng.Pick(pack.signoffs));
}

void ComposeQuotedEmail(SampleRandom& rng, const LanguagePack& pack, RecordComposer& c) {
  c.Expand(rng.Pick(pack.followups));
  if (rng.PerMille(500)) {
    c.Plain("\n");
    c.Expand(rng.Pick(pack.signoffs));
  }
  c.Plain("\n\n");
  c.Expand(rng.Pick(pack.quote_headers));
  c.Plain("\n");
  ExpandQuoted(c, rng.Pick(pack.greetings));
  c.Plain("\n>\n");
  const int pii = 1 + static_cast<int>(rng.Below(2));
  for (const std::string_view sentence : BodySentences(rng, pack, c.region(), pii)) {
    ExpandQuoted(c, sentence);
    c.Plain("\n");
  }
  c.Plain(">\n");
  ExpandQuoted(c, rng.Pick(pack.signoffs));
}

}  // namespace

EvalSet BuildEvalSet() {
  SampleRandom rng(kEvalSeed, 0);
  EvalSet set;
  for (int i = 1; i <= kEvalRecordCount; ++i) {
    const LanguagePack& pack = PackFor(rng.Weighted(kLanguageWeights));
    const std::string region(rng.Pick(pack.regions));
    const size_t kind = rng.Weighted(kKindWeights);
    RecordComposer composer(rng, pack, region);
    switch (kind) {
      case 0:
        ComposeReview(rng, pack, composer);
        break;
      case 1:
        ComposeNps(rng, pack, composer);
        break;
      case 2:
        ComposeTicket(rng, pack, composer);
        break;
      default:
        ComposeQuotedEmail(rng, pack, composer);
        break;
    }
    char id[16];
    std::snprintf(id, sizeof id, "pii-%05d", i);
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
