// Turns phrase templates into customer text: fills {amount}/{order}/{version}/{device}
// slots with locale-formatted values, builds PII sentences, makes ids, and rewrites
// accented letters into decomposed (NFD) form so that NFC normalization matters
// downstream. Pure functions of their arguments and the caller's SampleRandom.
#pragma once

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>

#include "workflows/sample/phrase_book.h"
#include "workflows/sample/sample_locale.h"
#include "workflows/sample/sample_random.h"
#include "workflows/sample/sample_story.h"

namespace docket::workflows::sample {

// Fills the slots of `text`. {amount} is priced for `locale`; {order} is "ORD-" plus six
// digits. Sets *has_order (if non-null) when an order id was written.
std::string FillSlots(SampleRandom& rng, std::string_view text, const SampleLocale& locale,
                      std::string_view version, std::string_view device, bool* has_order = nullptr);

// One sentence with fake personal data (example.com mail, 555 phone, test card number,
// order id, street address or "my name is ...") in the locale's language.
std::string PiiSentence(SampleRandom& rng, const SampleLocale& locale);

// Random one of `items`, with its slots filled.
std::string PickFilled(SampleRandom& rng, std::span<const std::string_view> items,
                       const SampleLocale& locale, std::string_view version);

// `count` characters drawn from `alphabet`.
std::string RandomToken(SampleRandom& rng, std::string_view alphabet, int count);

// `text` with every accented letter we know rewritten as base letter + combining mark.
std::string DecomposeAccents(std::string_view text);
bool HasDecomposableLetter(std::string_view text);

// How often (per mille) the optional sentences around a draft's phrase appear.
struct TextShape {
  int opener = 0;  // problems only: "This started after the latest update."
  int closer = 0;  // "Please fix this." / "Keep it up!"
  int pii = 0;
};

struct FeedbackText {
  std::string text;
  bool has_pii = false;
};

// The draft's phrase with slots filled, plus optional opener, closer and PII sentence,
// joined as the language writes sentences (no spaces in Japanese).
FeedbackText ComposeFeedback(SampleRandom& rng, const Draft& draft, const TextShape& shape,
                             std::string_view device);

// With probability per_mille/1000, and only if `text` has accented letters, rewrites
// it with DecomposeAccents. Returns whether it did.
bool MaybeDecompose(SampleRandom& rng, std::string& text, int per_mille);

// Joins the non-empty parts with `separator`.
std::string JoinNonEmpty(std::initializer_list<std::string_view> parts, std::string_view separator);

}  // namespace docket::workflows::sample
