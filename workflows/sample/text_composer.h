// Turns a draft into customer text: its wording with slots filled, composed with
// optional parts (opener, context, per-record detail, consequence, closer, PII) so that
// apart from short praise no two customers write quite the same thing; plus the
// variations applied afterwards (typos, accents rewritten into decomposed NFD form so
// that NFC normalization matters downstream). Pure functions of their arguments and the
// caller's SampleRandom; thread-safe.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include "workflows/sample/sample_random.h"
#include "workflows/sample/sample_story.h"

namespace docket::workflows::sample {

// `text` with every accented letter we know rewritten as base letter + combining mark.
std::string DecomposeAccents(std::string_view text);
bool HasDecomposableLetter(std::string_view text);

// How often (per mille) each optional part of a text appears. A text that draws none of
// context, detail and consequence gets a context or a detail anyway, unless it draws
// `bare`: a wording alone is what customers most often write word for word alike.
struct TextShape {
  int opener = 0;        // problems only: "This started after the latest update."
  int context = 0;       // before the wording: "Tried it last night on my Pixel 8."
  int detail = 0;        // after the wording: "The total was $42.99."
  int consequence = 0;   // problems only: "Ended up ordering it somewhere else."
  int closer = 0;        // "Please fix this." / "Keep it up!"
  int pii = 0;           // a sentence with fake personal data
  int bare = 0;          // the wording alone (plus closer or PII)
  int short_praise = 0;  // praise only: the whole text is "Love it!" or the like
  int typo = 0;          // one slip of the finger in the wording
};

struct FeedbackText {
  std::string text;
  bool has_pii = false;
};

// The draft's text, its parts joined as the language writes sentences (no spaces in
// Japanese). `device` fills {device}; if empty, a common phone is picked. Sets has_pii
// for a PII sentence or an order id. Callers must have checked PhraseBook::CoverageGap.
FeedbackText ComposeFeedback(SampleRandom& rng, const Draft& draft, const TextShape& shape,
                             std::string_view device);

// With probability per_mille/1000, and only if `text` has accented letters, rewrites
// it with DecomposeAccents. Returns whether it did.
bool MaybeDecompose(SampleRandom& rng, std::string& text, int per_mille);

// With probability per_mille/1000, one slip in a lower-case ASCII word of four or more
// letters: two neighbours swapped, one letter dropped or one doubled. Never touches
// numbers, ids, emails or non-ASCII words. Returns whether it did.
bool MaybeTypo(SampleRandom& rng, std::string& text, int per_mille);

// Joins the non-empty parts with `separator`.
std::string JoinNonEmpty(std::initializer_list<std::string_view> parts, std::string_view separator);

}  // namespace docket::workflows::sample
