#include "ledger/internal/note_text.h"

#include <cstdint>

namespace docket::ledger::internal {
namespace {

// Decodes one UTF-8 code point at `text[*pos]`, advancing `*pos`. Returns -1 on an
// invalid sequence.
int32_t DecodeRune(std::string_view text, size_t* pos) {
  const auto byte = [&](size_t i) { return static_cast<uint8_t>(text[i]); };
  const uint8_t b0 = byte(*pos);
  if (b0 < 0x80) {
    ++*pos;
    return b0;
  }
  int len = 0;
  int32_t rune = 0;
  int32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2, rune = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, rune = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, rune = b0 & 0x07, min = 0x10000;
  } else {
    return -1;
  }
  if (text.size() - *pos < static_cast<size_t>(len)) return -1;
  for (int i = 1; i < len; ++i) {
    const uint8_t b = byte(*pos + i);
    if ((b & 0xC0) != 0x80) return -1;
    rune = (rune << 6) | (b & 0x3F);
  }
  if (rune < min || rune > 0x10FFFF || (rune >= 0xD800 && rune <= 0xDFFF)) return -1;
  *pos += len;
  return rune;
}

bool IsUnicodeSpace(int32_t r) {
  switch (r) {
    case '\t':
    case '\n':
    case '\v':
    case '\f':
    case '\r':
    case ' ':
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return true;
    default:
      return r >= 0x2000 && r <= 0x200A;
  }
}

}  // namespace

bool IsValidNoteBytes(std::string_view text) {
  for (size_t pos = 0; pos < text.size();) {
    const int32_t r = DecodeRune(text, &pos);
    if (r < 0 || (r < 0x20 && r != '\n')) return false;
  }
  return true;
}

bool IsValidKeyName(std::string_view name) {
  if (name.empty()) return false;
  for (size_t pos = 0; pos < name.size();) {
    const int32_t r = DecodeRune(name, &pos);
    if (r < 0x20 || r == '+' || IsUnicodeSpace(r)) return false;
  }
  return true;
}

}  // namespace docket::ledger::internal
