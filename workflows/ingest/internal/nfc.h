// Unicode NFC for valid UTF-8, done only where it can change anything. A conservative
// quick check (after UAX #15) marks "stable" code points: starters (combining class 0)
// that NFC leaves alone and never composes onto a preceding character. Stable code
// points are normalization boundaries, so only the spans around other code points are
// handed to utf8proc. Stable ranges cover Latin, Greek, Cyrillic, Hebrew and Arabic
// letters, CJK, kana, Hangul syllables, common punctuation and emoji; tests/ checks
// each of them against utf8proc. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace docket::workflows::internal {

// True when `cp` is a starter that stays the same under NFC in any context.
bool IsNfcStableCodePoint(char32_t cp);

// True when well-formed UTF-8 `text` is certainly in NFC; false means "maybe not".
bool IsCertainlyNfc(std::string_view text);

// Returns the NFC form of well-formed UTF-8 `text`.
std::string ToNfc(std::string_view text);

}  // namespace docket::workflows::internal
