// Capitalised-token name heuristics. Without a NER model the only evidence is shape:
// a capitalised token that is not a common word. Two such tokens side by side are a
// name at a good score when the first is a known given name ("Anna Schmidt"), and at a
// modest score otherwise, except in German text, where every noun is capitalised
// ("Habe Kaffeebohnen", "Keine Ahnung") and only the given-name evidence counts. Single
// tokens count only after trigger phrases (pattern set). The word list is small and
// English-leaning: it is the precision guard, not a dictionary.
#include <algorithm>
#include <bit>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string>

#include "workflows/redact/internal/detectors.h"
#include "workflows/redact/internal/given_names.h"

namespace docket::workflows::redact::internal {
namespace {

// Lower-case; sorted for binary search (checked by a test).
constexpr std::string_view kCommonWords[] = {
    "a",
    "about",
    "account",
    "actual",
    "admin",
    "adresse",
    "after",
    "again",
    "agent",
    "all",
    "also",
    "always",
    "am",
    "amazon",
    "american",
    "an",
    "and",
    "android",
    "any",
    "anyone",
    "app",
    "apple",
    "april",
    "are",
    "artikel",
    "as",
    "assistant",
    "asunto",
    "at",
    "atm",
    "auf",
    "august",
    "australian",
    "avenue",
    "aw",
    "awesome",
    "bad",
    "bank",
    "bcc",
    "be",
    "because",
    "before",
    "beim",
    "benutzer",
    "best",
    "bestellung",
    "besucher",
    "betreff",
    "better",
    "bitte",
    "bonjour",
    "bot",
    "bridge",
    "british",
    "browser",
    "but",
    "by",
    "can",
    "canadian",
    "cannot",
    "card",
    "cart",
    "cc",
    "chatbot",
    "cheers",
    "chinese",
    "chrome",
    "cordialement",
    "credit",
    "customer",
    "damen",
    "danke",
    "das",
    "date",
    "dear",
    "debit",
    "december",
    "dem",
    "den",
    "der",
    "des",
    "developer",
    "device",
    "die",
    "direct",
    "do",
    "does",
    "dollar",
    "done",
    "drive",
    "dutch",
    "each",
    "edit",
    "ein",
    "eine",
    "einem",
    "einen",
    "einer",
    "email",
    "environment",
    "error",
    "es",
    "estimados",
    "euro",
    "european",
    "even",
    "every",
    "everyone",
    "everything",
    "excellent",
    "expected",
    "express",
    "facebook",
    "february",
    "feedback",
    "fine",
    "firefox",
    "first",
    "fix",
    "for",
    "forwarded",
    "french",
    "friday",
    "from",
    "fwd",
    "galaxy",
    "geehrte",
    "geehrter",
    "general",
    "german",
    "get",
    "gmail",
    "good",
    "google",
    "gracias",
    "great",
    "grüße",
    "guest",
    "guten",
    "guys",
    "hallo",
    "happy",
    "has",
    "have",
    "he",
    "hello",
    "help",
    "her",
    "here",
    "herren",
    "hey",
    "hi",
    "high",
    "hill",
    "his",
    "hola",
    "how",
    "however",
    "i",
    "ich",
    "if",
    "ihr",
    "ihre",
    "ihrem",
    "ihren",
    "im",
    "in",
    "indian",
    "instagram",
    "ios",
    "iphone",
    "is",
    "it",
    "italian",
    "its",
    "january",
    "japanese",
    "july",
    "june",
    "just",
    "karte",
    "kind",
    "kingdom",
    "konto",
    "kunde",
    "lane",
    "last",
    "liebe",
    "lieber",
    "lieferung",
    "linux",
    "login",
    "mac",
    "macos",
    "madame",
    "manager",
    "march",
    "mastercard",
    "may",
    "me",
    "mein",
    "meine",
    "meinem",
    "meinen",
    "meiner",
    "merci",
    "message",
    "mexican",
    "microsoft",
    "moderator",
    "monday",
    "monsieur",
    "more",
    "most",
    "mr",
    "mrs",
    "ms",
    "my",
    "nachricht",
    "name",
    "new",
    "next",
    "no",
    "not",
    "note",
    "november",
    "now",
    "nutzer",
    "objet",
    "october",
    "of",
    "ok",
    "okay",
    "on",
    "one",
    "only",
    "operator",
    "or",
    "order",
    "original",
    "our",
    "out",
    "outlook",
    "page",
    "park",
    "pay",
    "payment",
    "paypal",
    "phone",
    "pixel",
    "play",
    "please",
    "polish",
    "pound",
    "pounds",
    "premium",
    "priority",
    "pro",
    "product",
    "re",
    "rechnung",
    "regards",
    "release",
    "reply",
    "response",
    "road",
    "ruble",
    "russian",
    "saludos",
    "samsung",
    "saturday",
    "sehr",
    "sent",
    "september",
    "service",
    "señores",
    "she",
    "shop",
    "sie",
    "since",
    "so",
    "some",
    "sorry",
    "spanish",
    "square",
    "st",
    "staff",
    "states",
    "station",
    "status",
    "steps",
    "still",
    "store",
    "street",
    "subject",
    "sunday",
    "support",
    "sure",
    "swiss",
    "system",
    "tag",
    "team",
    "thank",
    "thanks",
    "that",
    "the",
    "their",
    "then",
    "there",
    "these",
    "they",
    "this",
    "thursday",
    "to",
    "today",
    "too",
    "top",
    "transfer",
    "tuesday",
    "twitter",
    "und",
    "united",
    "unser",
    "unsere",
    "unserem",
    "unseren",
    "up",
    "update",
    "ursprüngliche",
    "us",
    "user",
    "usuario",
    "utilisateur",
    "version",
    "very",
    "viele",
    "visa",
    "visitante",
    "visiteur",
    "visitor",
    "vom",
    "von",
    "was",
    "watch",
    "we",
    "wednesday",
    "were",
    "wg",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "why",
    "will",
    "windows",
    "wir",
    "with",
    "wow",
    "yes",
    "yesterday",
    "you",
    "your",
    "zum",
    "zur",
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

// True if `text` reads as German: at least two different German function words.
bool LooksGerman(std::string_view text) {
  static constexpr std::string_view kFunctionWords[] = {
      "aber", "auch",  "auf",   "bei",  "bitte",  "das",  "dass",  "dem",  "den",
      "der",  "die",   "ein",   "eine", "gibt",   "habe", "heute", "ich",  "immer",
      "ist",  "jetzt", "kann",  "kein", "keine",  "mein", "mich",  "mir",  "mit",
      "nach", "nicht", "noch",  "oder", "schon",  "sehr", "seit",  "sich", "sind",
      "um",   "und",   "warum", "wenn", "wieder", "wir",  "wird",  "zu",
  };
  static_assert(std::size(kFunctionWords) <= 64, "one bit each in `seen`");
  constexpr size_t kEnough = 2;
  uint64_t seen = 0;  // bit i: kFunctionWords[i] occurred
  size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && !IsLower(text[pos]) && !IsUpper(text[pos])) ++pos;
    size_t end = pos;
    while (end < text.size() && (IsLower(text[end]) || IsUpper(text[end]))) ++end;
    const std::string_view word = text.substr(pos, end - pos);
    pos = end;
    if (word.size() < 2 || word.size() > 6) continue;
    char lower[6];
    for (size_t i = 0; i < word.size(); ++i) {
      lower[i] = IsUpper(word[i]) ? static_cast<char>(word[i] - 'A' + 'a') : word[i];
    }
    const std::string_view folded(lower, word.size());
    const auto* hit =
        std::lower_bound(std::begin(kFunctionWords), std::end(kFunctionWords), folded);
    if (hit == std::end(kFunctionWords) || *hit != folded) continue;
    seen |= uint64_t{1} << (hit - std::begin(kFunctionWords));
    if (std::popcount(seen) >= static_cast<int>(kEnough)) return true;
  }
  return false;
}

// "Unfortunately", "Honestly", "Recently": long -ly words are adverbs, not surnames
// ("Beverly" and "Kelly" are shorter).
bool IsEnglishAdverb(std::string_view lower) {
  constexpr size_t kMinLength = 8;
  return lower.size() >= kMinLength && lower.ends_with("ly");
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
         IsGermanNoun(lower) || IsEnglishAdverb(lower);
}

void DetectCapitalisedNames(std::string_view text, std::vector<Detection>& out) {
  std::optional<bool> german;  // decided at the first pair that needs it
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
      const bool given = IsGivenName(text.substr(pos, first));
      if (!given && !german.has_value()) german = LooksGerman(text);
      if (given || !*german) {
        out.push_back(Detection{.start = pos,
                                .end = end,
                                .type = EntityType::kPersonName,
                                .detector = "name.capitalised_pair",
                                .validator = given ? "given_name" : "not_common_word",
                                .score = given                      ? 0.75
                                         : SentenceStart(text, pos) ? 0.5
                                                                    : 0.55});
        pos = end;
        continue;
      }
    }
    pos += first;
  }
}

}  // namespace docket::workflows::redact::internal
