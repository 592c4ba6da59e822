// PhraseBook: indexes the per-language phrase tables by (language, area, tone).
#include "workflows/sample/phrase_book.h"

namespace docket::workflows::sample {
namespace {

constexpr Language kLanguages[] = {Language::kEn, Language::kDe,   Language::kEs,
                                   Language::kFr, Language::kPtBr, Language::kJa};
constexpr Tone kTones[] = {Tone::kProblem, Tone::kMixed, Tone::kPraise};

std::span<const Phrase> PhrasesFor(Language language) {
  switch (language) {
    case Language::kEn:
      return EnglishPhrases();
    case Language::kDe:
      return GermanPhrases();
    case Language::kEs:
      return SpanishPhrases();
    case Language::kFr:
      return FrenchPhrases();
    case Language::kPtBr:
      return BrazilianPortuguesePhrases();
    case Language::kJa:
      return JapanesePhrases();
  }
  return {};
}

// Distinct themes in table order, so picks do not depend on map or hash order.
std::vector<std::string_view> ThemesOf(const std::vector<const Phrase*>& phrases) {
  std::vector<std::string_view> themes;
  for (const Phrase* p : phrases) {
    bool seen = false;
    for (std::string_view t : themes) seen = seen || t == p->theme;
    if (!seen) themes.push_back(p->theme);
  }
  return themes;
}

}  // namespace

const LanguageDecor& DecorFor(Language language) {
  switch (language) {
    case Language::kEn:
      return EnglishDecor();
    case Language::kDe:
      return GermanDecor();
    case Language::kEs:
      return SpanishDecor();
    case Language::kFr:
      return FrenchDecor();
    case Language::kPtBr:
      return BrazilianPortugueseDecor();
    case Language::kJa:
      return JapaneseDecor();
  }
  return EnglishDecor();
}

const LanguageParts& PartsFor(Language language) {
  switch (language) {
    case Language::kEn:
      return EnglishParts();
    case Language::kDe:
      return GermanParts();
    case Language::kEs:
      return SpanishParts();
    case Language::kFr:
      return FrenchParts();
    case Language::kPtBr:
      return BrazilianPortugueseParts();
    case Language::kJa:
      return JapaneseParts();
  }
  return EnglishParts();
}

PhraseBook::PhraseBook() {
  for (Language language : kLanguages) {
    for (const Phrase& phrase : PhrasesFor(language)) {
      index_[Key{language, phrase.area, phrase.tone}].push_back(&phrase);
    }
  }
}

const Phrase& PhraseBook::Pick(SampleRandom& rng, Language language, std::string_view area,
                               Tone tone, std::span<const ThemeWeight> themes) const {
  const std::vector<const Phrase*>& all = index_.at(Key{language, area, tone});
  const std::vector<std::string_view> available = ThemesOf(all);
  std::vector<std::string_view> candidates;
  std::vector<int> weights;
  for (const ThemeWeight& tw : themes) {
    for (std::string_view t : available) {
      if (t == tw.theme) {
        candidates.push_back(t);
        weights.push_back(tw.weight);
      }
    }
  }
  if (candidates.empty()) {
    candidates = available;
    weights.assign(candidates.size(), 1);
  }
  const std::string_view theme = candidates[rng.Weighted(weights)];
  std::vector<const Phrase*> wordings;
  for (const Phrase* p : all) {
    if (p->theme == theme) wordings.push_back(p);
  }
  return *wordings[rng.Below(wordings.size())];
}

std::string PhraseBook::CoverageGap() const {
  for (Language language : kLanguages) {
    const std::string name = "language #" + std::to_string(static_cast<int>(language));
    const LanguageParts& parts = PartsFor(language);
    if (parts.problem_contexts.empty() || parts.consequences.empty() ||
        parts.praise_contexts.empty() || parts.short_praise.empty() || parts.products.empty() ||
        parts.whens.empty()) {
      return name + " lacks a kind of text part";
    }
    for (std::string_view area : kAreas) {
      for (Tone tone : kTones) {
        const std::string where = name + ", area " + std::string(area) + ", tone #" +
                                  std::to_string(static_cast<int>(tone));
        if (!index_.contains(Key{language, area, tone})) return "no phrase for " + where;
        bool has_detail = false;
        for (const DetailSentence& d : parts.details) {
          has_detail = has_detail || (d.tone == tone && (d.area.empty() || d.area == area));
        }
        if (!has_detail) return "no detail sentence for " + where;
      }
    }
  }
  return "";
}

}  // namespace docket::workflows::sample
