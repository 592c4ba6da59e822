// The wording of the sample dataset: per feature area, themed problem / mixed / praise
// phrasings in six languages (one table per language, phrases_<lang>.cc), the
// decorations around them (greetings, openers, closers, PII sentences), the parts a
// text is composed from so that no two customers write quite the same thing
// (phrase_parts_<lang>.cc), and PhraseBook, which picks a wording for a (language,
// area, tone). Tables are static; a PhraseBook is immutable after construction and
// safe to share.
#pragma once

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "workflows/sample/sample_locale.h"
#include "workflows/sample/sample_random.h"

namespace docket::workflows::sample {

enum class Tone { kProblem, kMixed, kPraise };

inline constexpr std::string_view kAreas[] = {"checkout", "login", "search",   "notifications",
                                              "profile",  "cart",  "shipping", "onboarding"};

// One wording of a theme. `body` may hold the slots of FillSlots (text_slots.h). `subject` doubles
// as ticket subject and review title.
struct Phrase {
  std::string_view area;
  std::string_view theme;  // e.g. "double_charge"; stable across languages
  Tone tone;
  std::string_view subject;
  std::string_view body;
};

// Sentences placed around a phrase. PII templates may hold {name}, {email}, {phone},
// {card}, {order} and {address}.
struct LanguageDecor {
  std::span<const std::string_view> greetings;  // ticket openings: "Hi team,"
  std::span<const std::string_view> signoffs;   // "Thanks"
  std::span<const std::string_view> problem_openers;
  std::span<const std::string_view> problem_closers;
  std::span<const std::string_view> mixed_closers;
  std::span<const std::string_view> praise_closers;
  std::span<const std::string_view> pii_sentences;
  std::span<const std::string_view> names;
  std::span<const std::string_view> emails;
  std::span<const std::string_view> phones;  // "{NN}" is replaced by two random digits
  std::span<const std::string_view> addresses;
};

// A sentence with a per-record detail (device, step, amount, time, product...) that
// goes next to a wording of `area` (every area if empty) in `tone`. Slots as in Phrase.
struct DetailSentence {
  std::string_view area;
  Tone tone;
  std::string_view text;
};

// The parts a text is composed from besides its wording. All may hold slots.
struct LanguageParts {
  std::span<const DetailSentence> details;             // after the wording
  std::span<const std::string_view> problem_contexts;  // before a problem: "Tried it {when}."
  std::span<const std::string_view> consequences;      // after a problem: "Wasted an hour."
  std::span<const std::string_view> praise_contexts;   // before mixed or praise
  std::span<const std::string_view> short_praise;      // a whole text: "Love it!"
  std::span<const std::string_view> products;          // {product}: "running shoes"
  std::span<const std::string_view> whens;             // {when}: "last night"; may hold {clock}
};

std::span<const Phrase> EnglishPhrases();
std::span<const Phrase> GermanPhrases();
std::span<const Phrase> SpanishPhrases();
std::span<const Phrase> FrenchPhrases();
std::span<const Phrase> BrazilianPortuguesePhrases();
std::span<const Phrase> JapanesePhrases();
const LanguageDecor& EnglishDecor();
const LanguageDecor& GermanDecor();
const LanguageDecor& SpanishDecor();
const LanguageDecor& FrenchDecor();
const LanguageDecor& BrazilianPortugueseDecor();
const LanguageDecor& JapaneseDecor();
const LanguageDecor& DecorFor(Language language);
const LanguageParts& EnglishParts();
const LanguageParts& GermanParts();
const LanguageParts& SpanishParts();
const LanguageParts& FrenchParts();
const LanguageParts& BrazilianPortugueseParts();
const LanguageParts& JapaneseParts();
const LanguageParts& PartsFor(Language language);

// A theme and its relative weight, for picks that favour some themes (the regression).
struct ThemeWeight {
  std::string_view theme;
  int weight;
};

class PhraseBook {
 public:
  PhraseBook();

  // A wording for (language, area, tone): a theme uniformly (or by `themes` weights,
  // restricted to those themes), then one of its wordings uniformly.
  const Phrase& Pick(SampleRandom& rng, Language language, std::string_view area, Tone tone,
                     std::span<const ThemeWeight> themes = {}) const;

  // Empty if every (language, area, tone) has at least one wording and one detail
  // sentence, and every language every kind of part; otherwise names the first gap, so
  // the generator can refuse to run on incomplete tables.
  std::string CoverageGap() const;

 private:
  using Key = std::tuple<Language, std::string_view, Tone>;
  std::map<Key, std::vector<const Phrase*>> index_;
};

}  // namespace docket::workflows::sample
