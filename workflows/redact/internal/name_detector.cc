// Capitalised-token name heuristics. Without a NER model the only evidence is shape:
// a capitalised token that is not a common word. Two such tokens side by side
// ("Anna Schmidt") are reported at a modest score; single tokens only after trigger
// phrases (pattern set). The word list is small and English-leaning: it is the
// precision guard, not a dictionary.
#include <algorithm>
#include <string>

#include "workflows/redact/internal/detectors.h"

namespace docket::workflows::redact::internal {
namespace {

// Lower-case; sorted for binary search (checked by a test).
constexpr std::string_view kCommonWords[] = {
    "a",         "about",     "account",
    "adresse",   "after",     "again",
    "all",       "also",      "always",
    "am",        "amazon",    "an",
    "and",       "android",   "any",
    "anyone",    "app",       "apple",
    "april",     "are",       "artikel",
    "as",        "at",        "auf",
    "august",    "awesome",   "bad",
    "be",        "because",   "before",
    "beim",      "best",      "bestellung",
    "better",    "bitte",     "bonjour",
    "but",       "by",        "can",
    "cannot",    "card",      "cart",
    "cheers",    "chrome",    "cordialement",
    "customer",  "damen",     "danke",
    "das",       "dear",      "december",
    "dem",       "den",       "der",
    "des",       "die",       "do",
    "does",      "dollar",    "done",
    "each",      "edit",      "ein",
    "eine",      "einem",     "einen",
    "einer",     "email",     "error",
    "es",        "estimados", "even",
    "every",     "everyone",  "everything",
    "excellent", "facebook",  "february",
    "feedback",  "fine",      "firefox",
    "first",     "fix",       "for",
    "forwarded", "friday",    "from",
    "galaxy",    "geehrte",   "geehrter",
    "general",   "get",       "gmail",
    "good",      "google",    "gracias",
    "great",     "grüße",     "guten",
    "guys",      "hallo",     "happy",
    "has",       "have",      "he",
    "hello",     "help",      "her",
    "here",      "herren",    "hey",
    "hi",        "his",       "hola",
    "how",       "however",   "i",
    "ich",       "if",        "ihr",
    "ihre",      "ihrem",     "ihren",
    "im",        "in",        "instagram",
    "ios",       "iphone",    "is",
    "it",        "its",       "january",
    "july",      "june",      "just",
    "karte",     "kind",      "konto",
    "kunde",     "last",      "liebe",
    "lieber",    "lieferung", "linux",
    "login",     "mac",       "macos",
    "madame",    "manager",   "march",
    "may",       "me",        "mein",
    "meine",     "meinem",    "meinen",
    "meiner",    "merci",     "message",
    "microsoft", "monday",    "monsieur",
    "more",      "most",      "mr",
    "mrs",       "ms",        "my",
    "nachricht", "new",       "next",
    "no",        "not",       "note",
    "november",  "now",       "october",
    "of",        "ok",        "okay",
    "on",        "one",       "only",
    "or",        "order",     "original",
    "our",       "out",       "outlook",
    "page",      "pay",       "payment",
    "paypal",    "phone",     "pixel",
    "please",    "premium",   "pro",
    "product",   "rechnung",  "regards",
    "release",   "saludos",   "samsung",
    "saturday",  "sehr",      "sent",
    "september", "service",   "señores",
    "she",       "sie",       "since",
    "so",        "some",      "sorry",
    "still",     "subject",   "sunday",
    "support",   "sure",      "tag",
    "team",      "thank",     "thanks",
    "that",      "the",       "their",
    "then",      "there",     "these",
    "they",      "this",      "thursday",
    "to",        "today",     "too",
    "tuesday",   "twitter",   "und",
    "unser",     "unsere",    "unserem",
    "unseren",   "update",    "ursprüngliche",
    "us",        "version",   "very",
    "viele",     "vom",       "was",
    "we",        "wednesday", "were",
    "what",      "when",      "where",
    "which",     "while",     "who",
    "why",       "will",      "windows",
    "wir",       "with",      "wow",
    "yes",       "yesterday", "you",
    "your",      "zum",       "zur",
};

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80; }

// Length of the capitalised token at `pos` ("Anna", "Müller", "O'Neil"), or 0.
size_t CapitalisedToken(std::string_view text, size_t pos) {
  if (pos >= text.size() || !IsUpper(text[pos])) return 0;
  if (pos > 0 && (IsUpper(text[pos - 1]) || IsLower(text[pos - 1]) ||
                  (text[pos - 1] >= '0' && text[pos - 1] <= '9'))) {
    return 0;
  }
  size_t end = pos + 1;
  // An Irish or Italian prefix: "O'Neil", "D'Angelo" (ASCII or typographic apostrophe).
  const size_t apostrophe = text.substr(end, 3) == "\xE2\x80\x99" ? 3 : 1;
  if (end < text.size() && (text[end] == '\'' || apostrophe == 3) &&
      end + apostrophe < text.size() && IsUpper(text[end + apostrophe])) {
    end += apostrophe + 1;
  }
  while (end < text.size() && IsLower(text[end]) && end - pos < 24) ++end;
  if (end - pos < 2) return 0;
  if (end < text.size() &&
      (IsUpper(text[end]) || IsLower(text[end]) || (text[end] >= '0' && text[end] <= '9'))) {
    return 0;
  }
  return end - pos;
}

// True if ", CA 94115" follows `pos`: the pair before it is a US town ("San Francisco").
bool BeforeStateAndZip(std::string_view text, size_t pos) {
  const std::string_view rest = text.substr(pos, 10);
  if (rest.size() < 10 || rest[0] != ',' || rest[1] != ' ' || !IsUpper(rest[2]) ||
      !IsUpper(rest[3]) || rest[4] != ' ') {
    return false;
  }
  return std::all_of(rest.begin() + 5, rest.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool SentenceStart(std::string_view text, size_t pos) {
  while (pos > 0 && text[pos - 1] == ' ') --pos;
  return pos == 0 || text[pos - 1] == '.' || text[pos - 1] == '!' || text[pos - 1] == '?' ||
         text[pos - 1] == '\n' || text[pos - 1] == '"';
}

// German capitalises every noun, so capitalised pairs there are mostly noun phrases
// ("Doppelte Abbuchung", "Meine Kundennummer"). Long tokens with the commonest noun
// endings are nouns, not names (short ones such as "Jung" or "Hartung" may be names).
bool IsGermanNoun(std::string_view lower) {
  constexpr size_t kMinLength = 8;
  static constexpr std::string_view kEndings[] = {"ung", "heit", "keit", "schaft", "nummer"};
  if (lower.size() < kMinLength) return false;
  return std::any_of(std::begin(kEndings), std::end(kEndings),
                     [&](std::string_view ending) { return lower.ends_with(ending); });
}

}  // namespace

bool IsCommonWord(std::string_view token) {
  // Lower-cased on the stack: every common word and noun ending is far shorter than
  // kMaxFolded, so a longer token is judged by its folded tail alone.
  constexpr size_t kMaxFolded = 64;
  constexpr size_t kTail = 16;
  char buffer[kMaxFolded];
  const auto fold = [&](std::string_view from) {
    for (size_t i = 0; i < from.size(); ++i) {
      buffer[i] = IsUpper(from[i]) ? static_cast<char>(from[i] - 'A' + 'a') : from[i];
    }
    return std::string_view(buffer, from.size());
  };
  if (token.size() > kMaxFolded) {
    return IsGermanNoun(fold(token.substr(token.size() - kTail)));
  }
  const std::string_view lower = fold(token);
  return std::binary_search(std::begin(kCommonWords), std::end(kCommonWords), lower) ||
         IsGermanNoun(lower);
}

void DetectCapitalisedNames(std::string_view text, std::vector<Detection>& out) {
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t first = CapitalisedToken(text, pos);
    if (first == 0) {
      ++pos;
      continue;
    }
    const size_t second_pos = pos + first + 1;
    const size_t second = (second_pos < text.size() && text[pos + first] == ' ')
                              ? CapitalisedToken(text, second_pos)
                              : 0;
    if (second > 0 && !IsCommonWord(text.substr(pos, first)) &&
        !IsCommonWord(text.substr(second_pos, second)) &&
        !BeforeStateAndZip(text, second_pos + second)) {
      const size_t end = second_pos + second;
      out.push_back(Detection{.start = pos,
                              .end = end,
                              .type = EntityType::kPersonName,
                              .detector = "name.capitalised_pair",
                              .validator = "not_common_word",
                              .score = SentenceStart(text, pos) ? 0.5 : 0.55});
      pos = end;
      continue;
    }
    pos += first;
  }
}

}  // namespace docket::workflows::redact::internal
