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
    "a",         "about",    "account",  "after",    "again",      "all",       "also",
    "always",    "am",       "amazon",   "an",       "and",        "android",   "any",
    "anyone",    "app",      "apple",    "april",    "are",        "as",        "at",
    "august",    "awesome",  "bad",      "be",       "because",    "before",    "best",
    "better",    "but",      "by",       "can",      "cannot",     "card",      "cart",
    "cheers",    "chrome",   "customer", "dear",     "december",   "der",       "die",
    "do",        "does",     "dollar",   "done",     "each",       "edit",      "email",
    "error",     "even",     "every",    "everyone", "everything", "excellent", "facebook",
    "february",  "feedback", "fine",     "firefox",  "first",      "fix",       "for",
    "friday",    "from",     "galaxy",   "general",  "get",        "gmail",     "good",
    "google",    "great",    "guys",     "hallo",    "happy",      "has",       "have",
    "he",        "hello",    "help",     "her",      "here",       "hey",       "hi",
    "his",       "how",      "however",  "i",        "ich",        "if",        "in",
    "instagram", "ios",      "iphone",   "is",       "it",         "its",       "january",
    "july",      "june",     "just",     "kind",     "last",       "linux",     "login",
    "mac",       "macos",    "manager",  "march",    "may",        "me",        "microsoft",
    "monday",    "more",     "most",     "mr",       "mrs",        "ms",        "my",
    "new",       "next",     "no",       "not",      "note",       "november",  "now",
    "october",   "of",       "ok",       "okay",     "on",         "one",       "only",
    "or",        "order",    "our",      "out",      "outlook",    "page",      "pay",
    "payment",   "paypal",   "phone",    "pixel",    "please",     "premium",   "pro",
    "product",   "regards",  "release",  "samsung",  "saturday",   "september", "service",
    "she",       "since",    "so",       "some",     "sorry",      "still",     "sunday",
    "support",   "sure",     "team",     "thank",    "thanks",     "that",      "the",
    "their",     "then",     "there",    "these",    "they",       "this",      "thursday",
    "to",        "today",    "too",      "tuesday",  "twitter",    "und",       "update",
    "us",        "version",  "very",     "was",      "we",         "wednesday", "were",
    "what",      "when",     "where",    "which",    "while",      "who",       "why",
    "will",      "windows",  "with",     "wow",      "yes",        "yesterday", "you",
    "your",
};

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80; }

// Length of the capitalised token at `pos` ("Anna", "Müller", "O'Neil" is two), or 0.
size_t CapitalisedToken(std::string_view text, size_t pos) {
  if (pos >= text.size() || !IsUpper(text[pos])) return 0;
  if (pos > 0 && (IsUpper(text[pos - 1]) || IsLower(text[pos - 1]) ||
                  (text[pos - 1] >= '0' && text[pos - 1] <= '9'))) {
    return 0;
  }
  size_t end = pos + 1;
  while (end < text.size() && IsLower(text[end]) && end - pos < 24) ++end;
  if (end - pos < 2) return 0;
  if (end < text.size() &&
      (IsUpper(text[end]) || IsLower(text[end]) || (text[end] >= '0' && text[end] <= '9'))) {
    return 0;
  }
  return end - pos;
}

bool SentenceStart(std::string_view text, size_t pos) {
  while (pos > 0 && text[pos - 1] == ' ') --pos;
  return pos == 0 || text[pos - 1] == '.' || text[pos - 1] == '!' || text[pos - 1] == '?' ||
         text[pos - 1] == '\n' || text[pos - 1] == '"';
}

}  // namespace

bool IsCommonWord(std::string_view token) {
  std::string lower;
  lower.reserve(token.size());
  for (char c : token) lower.push_back(IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c);
  return std::binary_search(std::begin(kCommonWords), std::end(kCommonWords),
                            std::string_view(lower));
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
        !IsCommonWord(text.substr(second_pos, second))) {
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
