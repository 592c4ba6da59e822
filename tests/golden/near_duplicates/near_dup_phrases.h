// The phrase tables the near-duplicate evaluation set is composed from, one per language
// (near_dup_phrases_{en,de,fr,es}.cc). A text is a main sentence (a frame around a
// problem clause and a context), a detail of the problem, a personal sentence (a frame
// with a use, a time and an outcome: hundreds of combinations, so that independent
// writers rarely say the same thing) and a generic detail, optionally wrapped in a
// greeting, a sign-off and a mail-client signature. Plain data; thread-safe.
#pragma once

#include <string_view>
#include <utility>
#include <vector>

namespace docket::golden::near_duplicates {

struct Problem {
  std::string_view clause;                // "the payment fails", lower case
  std::vector<std::string_view> details;  // sentences only this problem says
};

struct LanguagePhrases {
  std::string_view lang;
  std::vector<Problem> problems;
  // Main sentences: "{p}" is the problem clause, "{c}" the context. A frame starting
  // with "{p}" has the clause's first letter capitalised.
  std::vector<std::string_view> frames;
  std::vector<std::string_view> contexts;         // "on my iPhone 13"
  std::vector<std::string_view> generic_details;  // sentences any problem can carry
  // Personal sentences: "{u}" a use, "{w}" a time, "{o}" an outcome.
  std::vector<std::string_view> personal_frames;
  std::vector<std::string_view> uses;
  std::vector<std::string_view> times;
  std::vector<std::string_view> outcomes;
  std::vector<std::string_view> greetings;   // "Hi team,"
  std::vector<std::string_view> signoffs;    // "Thanks, {name}" ({name}: a placeholder)
  std::vector<std::string_view> signatures;  // "Sent from my iPhone"
  // Light paraphrases: either side may replace the other (whole words or phrases).
  std::vector<std::pair<std::string_view, std::string_view>> synonyms;
};

const LanguagePhrases& EnglishPhrases();
const LanguagePhrases& GermanPhrases();
const LanguagePhrases& FrenchPhrases();
const LanguagePhrases& SpanishPhrases();

}  // namespace docket::golden::near_duplicates
