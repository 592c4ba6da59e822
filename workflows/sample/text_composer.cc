// Slot filling, PII sentences and accent decomposition for the sample texts.
#include "workflows/sample/text_composer.h"

#include <cstdio>

namespace docket::workflows::sample {
namespace {

constexpr std::string_view kDigits = "0123456789";
constexpr std::string_view kTestCards[] = {"4111 1111 1111 1111", "4111111111111111",
                                           "5555 5555 5555 4444"};

// Precomposed letter -> base letter + combining mark (U+0300 grave, U+0301 acute,
// U+0302 circumflex, U+0303 tilde, U+0308 diaeresis, U+0327 cedilla, U+3099 dakuten).
struct Decomposition {
  std::string_view composed;
  std::string_view decomposed;
};
constexpr Decomposition kDecompositions[] = {
    {"\u00e9", "e\u0301"},      {"\u00e8", "e\u0300"},      {"\u00ea", "e\u0302"},
    {"\u00e1", "a\u0301"},      {"\u00e0", "a\u0300"},      {"\u00e2", "a\u0302"},
    {"\u00e3", "a\u0303"},      {"\u00e7", "c\u0327"},      {"\u00ed", "i\u0301"},
    {"\u00f3", "o\u0301"},      {"\u00f4", "o\u0302"},      {"\u00f5", "o\u0303"},
    {"\u00fa", "u\u0301"},      {"\u00fc", "u\u0308"},      {"\u00f6", "o\u0308"},
    {"\u00e4", "a\u0308"},      {"\u00f1", "n\u0303"},      {"\u00c9", "E\u0301"},
    {"\u00c4", "A\u0308"},      {"\u00d6", "O\u0308"},      {"\u00dc", "U\u0308"},
    {"\u304c", "\u304b\u3099"}, {"\u3067", "\u3066\u3099"},
};

std::string FormatCents(int64_t cents, char decimal_mark, char thousands_mark) {
  std::string whole = std::to_string(cents / 100);
  std::string grouped;
  for (size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) grouped.push_back(thousands_mark);
    grouped.push_back(whole[i]);
  }
  char fraction[4];
  std::snprintf(fraction, sizeof(fraction), "%02d", static_cast<int>(cents % 100));
  return grouped + decimal_mark + fraction;
}

std::string Amount(SampleRandom& rng, const SampleLocale& locale) {
  const int64_t cents = rng.Between(1299, 24999);
  const std::string_view country = locale.country;
  if (country == "US") return "$" + FormatCents(cents, '.', ',');
  if (country == "GB") return "\u00a3" + FormatCents(cents, '.', ',');
  if (country == "AU") return "A$" + FormatCents(cents, '.', ',');
  if (country == "MX") return "$" + FormatCents(cents * 18, '.', ',') + " MXN";
  if (country == "BR") return "R$ " + FormatCents(cents * 5, ',', '.');
  if (country == "JP") {
    const std::string yen = FormatCents(cents * 150, '.', ',');
    return "\u00a5" + yen.substr(0, yen.size() - 3);  // whole yen
  }
  if (country == "CA") {
    return locale.language == Language::kFr ? FormatCents(cents, ',', ' ') + " $"
                                            : "$" + FormatCents(cents, '.', ',');
  }
  return FormatCents(cents, ',', '.') + " \u20ac";
}

// Replaces every "{name}" in `text` by what `fill` returns for it (called per use).
template <typename Fill>
std::string ReplaceSlots(std::string_view text, Fill fill) {
  std::string out;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t open = text.find('{', pos);
    const size_t close = open == std::string_view::npos ? open : text.find('}', open);
    if (close == std::string_view::npos) break;
    out.append(text.substr(pos, open - pos));
    out.append(fill(text.substr(open + 1, close - open - 1)));
    pos = close + 1;
  }
  out.append(text.substr(pos));
  return out;
}

}  // namespace

std::string RandomToken(SampleRandom& rng, std::string_view alphabet, int count) {
  std::string token;
  for (int i = 0; i < count; ++i) token.push_back(alphabet[rng.Below(alphabet.size())]);
  return token;
}

std::string FillSlots(SampleRandom& rng, std::string_view text, const SampleLocale& locale,
                      std::string_view version, std::string_view device, bool* has_order) {
  return ReplaceSlots(text, [&](std::string_view slot) -> std::string {
    if (slot == "amount") return Amount(rng, locale);
    if (slot == "order") {
      if (has_order != nullptr) *has_order = true;
      return "ORD-" + RandomToken(rng, kDigits, 6);
    }
    if (slot == "version") return std::string(version);
    if (slot == "device") return std::string(device);
    return "{" + std::string(slot) + "}";
  });
}

std::string PiiSentence(SampleRandom& rng, const SampleLocale& locale) {
  const LanguageDecor& decor = DecorFor(locale.language);
  // One person per sentence: the name and the email belong together.
  const size_t person = rng.Below(decor.names.size());
  return ReplaceSlots(rng.Pick(decor.pii_sentences), [&](std::string_view slot) -> std::string {
    if (slot == "name") return std::string(decor.names[person]);
    if (slot == "email") return std::string(decor.emails[person % decor.emails.size()]);
    if (slot == "card") return std::string(rng.Pick(kTestCards));
    if (slot == "order") return "ORD-" + RandomToken(rng, kDigits, 6);
    if (slot == "address") return std::string(rng.Pick(decor.addresses));
    if (slot == "phone") {
      return ReplaceSlots(rng.Pick(decor.phones),
                          [&](std::string_view) { return RandomToken(rng, kDigits, 2); });
    }
    return "{" + std::string(slot) + "}";
  });
}

std::string PickFilled(SampleRandom& rng, std::span<const std::string_view> items,
                       const SampleLocale& locale, std::string_view version) {
  return FillSlots(rng, rng.Pick(items), locale, version, "");
}

std::string DecomposeAccents(std::string_view text) {
  std::string out;
  size_t pos = 0;
  while (pos < text.size()) {
    bool replaced = false;
    for (const Decomposition& d : kDecompositions) {
      if (text.substr(pos, d.composed.size()) == d.composed) {
        out.append(d.decomposed);
        pos += d.composed.size();
        replaced = true;
        break;
      }
    }
    if (!replaced) out.push_back(text[pos++]);
  }
  return out;
}

bool HasDecomposableLetter(std::string_view text) {
  for (const Decomposition& d : kDecompositions) {
    if (text.find(d.composed) != std::string_view::npos) return true;
  }
  return false;
}

FeedbackText ComposeFeedback(SampleRandom& rng, const Draft& draft, const TextShape& shape,
                             std::string_view device) {
  const SampleLocale& locale = *draft.locale;
  const LanguageDecor& decor = DecorFor(locale.language);
  FeedbackText out;
  std::string opener;
  if (draft.tone == Tone::kProblem && rng.PerMille(shape.opener)) {
    opener = PickFilled(rng, decor.problem_openers, locale, draft.version);
  }
  const std::string body =
      FillSlots(rng, draft.phrase->body, locale, draft.version, device, &out.has_pii);
  std::string closer;
  if (rng.PerMille(shape.closer)) {
    const std::span<const std::string_view> closers =
        draft.tone == Tone::kProblem ? decor.problem_closers
        : draft.tone == Tone::kMixed ? decor.mixed_closers
                                     : decor.praise_closers;
    closer = PickFilled(rng, closers, locale, draft.version);
  }
  std::string pii;
  if (rng.PerMille(shape.pii)) {
    pii = PiiSentence(rng, locale);
    out.has_pii = true;
  }
  const std::string_view separator = locale.language == Language::kJa ? "" : " ";
  out.text = JoinNonEmpty({opener, body, closer, pii}, separator);
  return out;
}

bool MaybeDecompose(SampleRandom& rng, std::string& text, int per_mille) {
  if (!HasDecomposableLetter(text) || !rng.PerMille(per_mille)) return false;
  text = DecomposeAccents(text);
  return true;
}

std::string JoinNonEmpty(std::initializer_list<std::string_view> parts,
                         std::string_view separator) {
  std::string out;
  for (std::string_view part : parts) {
    if (part.empty()) continue;
    if (!out.empty()) out.append(separator);
    out.append(part);
  }
  return out;
}

}  // namespace docket::workflows::sample
