// Slot values of the sample texts: prices per currency, times of day, order ids, and
// the PII sentences.
#include "workflows/sample/text_slots.h"

#include <cstdio>

#include "workflows/sample/phrase_book.h"

namespace docket::workflows::sample {
namespace {

constexpr std::string_view kDigits = "0123456789";
constexpr std::string_view kTestCards[] = {"4111 1111 1111 1111", "4111111111111111",
                                           "5555 5555 5555 4444"};
// For texts whose source does not know the customer's device (NPS surveys).
constexpr std::string_view kCommonDevices[] = {"iPhone 15",  "iPhone 14", "iPhone 16 Pro",
                                               "Pixel 8",    "Pixel 9",   "Galaxy S24",
                                               "Galaxy A54", "iPad",      "OnePlus 12"};

struct SlotRange {
  std::string_view slot;
  int lo;
  int hi;
};
constexpr SlotRange kNumberSlots[] = {{"tries", 2, 5},   {"minutes", 3, 55}, {"days", 2, 9},
                                      {"months", 2, 40}, {"count", 2, 12},   {"year", 2016, 2025}};

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

// English customers write "9:41 pm"; everyone else "21:41".
std::string Clock(SampleRandom& rng, Language language) {
  const int hour = rng.Between(0, 23);
  const int minute = rng.Between(0, 59);
  char buf[16];
  if (language == Language::kEn) {
    std::snprintf(buf, sizeof(buf), "%d:%02d %s", hour % 12 == 0 ? 12 : hour % 12, minute,
                  hour < 12 ? "am" : "pm");
  } else {
    std::snprintf(buf, sizeof(buf), "%02d:%02d", hour, minute);
  }
  return buf;
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

SlotContext DrawSlotContext(SampleRandom& rng, const SampleLocale& locale, std::string_view version,
                            std::string_view device) {
  SlotContext context;
  context.locale = &locale;
  context.version = version;
  context.device = device.empty() ? rng.Pick(kCommonDevices) : device;
  context.product = rng.Pick(PartsFor(locale.language).products);
  context.amount = Amount(rng, locale);
  return context;
}

std::string FillSlots(SampleRandom& rng, std::string_view text, const SlotContext& context,
                      bool* has_order) {
  const Language language = context.locale->language;
  return ReplaceSlots(text, [&](std::string_view slot) -> std::string {
    if (slot == "version") return context.version;
    if (slot == "device") return context.device;
    if (slot == "product") return context.product;
    if (slot == "amount") return context.amount;
    if (slot == "order") {
      if (has_order != nullptr) *has_order = true;
      return "ORD-" + RandomToken(rng, kDigits, 6);
    }
    if (slot == "when") return FillSlots(rng, rng.Pick(PartsFor(language).whens), context);
    if (slot == "clock") return Clock(rng, language);
    for (const SlotRange& range : kNumberSlots) {
      if (slot == range.slot) return std::to_string(rng.Between(range.lo, range.hi));
    }
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

}  // namespace docket::workflows::sample
