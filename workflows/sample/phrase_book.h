// The wording of the sample dataset: per feature area, themed problem / mixed / praise
// phrasings in six languages (one table per language, phrases_<lang>.cc), the
// decorations around them (greetings, openers, closers, PII sentences), and PhraseBook,
// which picks a wording for a (language, area, tone). Tables are static; a PhraseBook
// is immutable after construction and safe to share.
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

// One wording of a theme. `body` may hold the slots {amount}, {order}, {version} and
// {device}, filled by TextComposer. `subject` doubles as ticket subject and review title.
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

  // Empty if every (language, area, tone) has at least one wording; otherwise names the
  // first gap, so the generator can refuse to run on incomplete tables.
  std::string CoverageGap() const;

 private:
  using Key = std::tuple<Language, std::string_view, Tone>;
  std::map<Key, std::vector<const Phrase*>> index_;
};

}  // namespace docket::workflows::sample
