#include "workflows/ingest/internal/nfc.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <optional>

namespace docket::workflows::internal {
namespace {

struct Range {
  char32_t first;
  char32_t last;
};

// Ranges of starters with NFC_QC=Yes that no canonical composition takes as its second
// character. Sorted; verified exhaustively against utf8proc by nfc_test.
constexpr std::array<Range, 22> kStableRanges = {{
    {0x0000, 0x02FF},    // ASCII, Latin-1, Latin Extended-A/B, IPA, modifier letters
    {0x0386, 0x0386},    // Greek
    {0x0388, 0x03CE},    //
    {0x0400, 0x0482},    // Cyrillic
    {0x048A, 0x052F},    //
    {0x05D0, 0x05EA},    // Hebrew letters
    {0x0621, 0x064A},    // Arabic letters
    {0x2010, 0x2027},    // dashes, quotes, bullets, ellipsis
    {0x2030, 0x205E},    //
    {0x20A0, 0x20C0},    // currency signs
    {0x3000, 0x3029},    // CJK symbols and punctuation
    {0x3030, 0x303F},    //
    {0x3041, 0x3096},    // Hiragana (not the combining voiced marks U+3099, U+309A)
    {0x309B, 0x30FF},    // Katakana
    {0x3400, 0x4DBF},    // CJK Unified Ideographs Extension A
    {0x4E00, 0x9FFF},    // CJK Unified Ideographs
    {0xAC00, 0xD7A3},    // Hangul syllables
    {0xFF01, 0xFFDC},    // fullwidth and halfwidth forms
    {0x1F000, 0x1F0FF},  // game symbols
    {0x1F300, 0x1F5FF},  // emoji: symbols and pictographs
    {0x1F600, 0x1F6FF},  // emoji: emoticons, transport
    {0x1F900, 0x1FAFF},  // emoji: supplemental symbols
}};

// A stretch of text NFC may change: from the last stable code point before an unstable
// one (which may compose onto it) up to the next stable code point after.
struct Span {
  size_t begin;
  size_t end;
};

// Decodes the well-formed sequence at p[0]; `len` gets its length.
char32_t Decode(const unsigned char* p, size_t& len) {
  const unsigned char lead = p[0];
  if (lead < 0x80) {
    len = 1;
    return lead;
  }
  len = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
  char32_t cp = lead & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
  for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (p[k] & 0x3F);
  return cp;
}

bool IsStableAt(const unsigned char* p, size_t available, size_t& len) {
  if (p[0] < 0xCC) {  // below U+0300: stable; skip a lead byte's continuation bytes too
    len = p[0] < 0x80 ? 1 : 2;
    return true;
  }
  len = p[0] >= 0xF0 ? 4 : p[0] >= 0xE0 ? 3 : 2;
  return len <= available && IsNfcStableCodePoint(Decode(p, len));
}

std::optional<Span> NextUnstableSpan(std::string_view text, size_t from) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t last_stable = from;
  for (size_t i = from, len = 0; i < n; i += len) {
    if (IsStableAt(p + i, n - i, len)) {
      last_stable = i;
      continue;
    }
    size_t end = i + std::min(len, n - i);
    while (end < n && !IsStableAt(p + end, n - end, len)) end += std::min(len, n - end);
    return Span{last_stable, end};
  }
  return std::nullopt;
}

void AppendNfc(std::string_view span, std::string& out) {
  utf8proc_uint8_t* mapped = nullptr;
  const utf8proc_ssize_t n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(span.data()),
                   static_cast<utf8proc_ssize_t>(span.size()), &mapped,
                   static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(mapped, &std::free);
  if (n < 0) {  // only on allocation failure: the input is well-formed
    out.append(span);
    return;
  }
  out.append(reinterpret_cast<const char*>(mapped), static_cast<size_t>(n));
}

}  // namespace

bool IsNfcStableCodePoint(char32_t cp) {
  for (const Range& range : kStableRanges) {
    if (cp < range.first) return false;
    if (cp <= range.last) return true;
  }
  return false;
}

bool IsCertainlyNfc(std::string_view text) { return !NextUnstableSpan(text, 0).has_value(); }

std::string ToNfc(std::string_view text) {
  std::optional<Span> span = NextUnstableSpan(text, 0);
  if (!span) return std::string(text);
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  size_t copied = 0;
  for (; span; span = NextUnstableSpan(text, span->end)) {
    out.append(text.substr(copied, span->begin - copied));
    AppendNfc(text.substr(span->begin, span->end - span->begin), out);
    copied = span->end;
  }
  out.append(text.substr(copied));
  return out;
}

}  // namespace docket::workflows::internal
