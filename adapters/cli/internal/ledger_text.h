// Checks of the free text that `docket ledger` commands record in entries (a subject id,
// an actor, a reason). Pure; thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace docket::adapters::internal {

// The most bytes of free text (actor, reason) an entry records.
inline constexpr size_t kMaxRecordedTextBytes = 1024;

// Valid UTF-8 (no overlong forms, surrogates or code points above U+10FFFF) without
// control characters: what a proto3 string attribute may hold and a terminal may show.
inline bool IsCleanText(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7f) return false;
    if (c < 0x80) {
      ++i;
      continue;
    }
    const size_t n = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 ? 2 : 0;
    if (n == 0 || c > 0xf4 || i + n > s.size()) return false;
    uint32_t cp = c & (0x7f >> n);
    for (size_t k = 1; k < n; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xc0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3f);
    }
    const uint32_t min = n == 2 ? 0x80 : n == 3 ? 0x800 : 0x10000;
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) || cp == 0x85 ||
        (cp >= 0x80 && cp < 0xa0)) {
      return false;
    }
    i += n;
  }
  return true;
}

}  // namespace docket::adapters::internal
