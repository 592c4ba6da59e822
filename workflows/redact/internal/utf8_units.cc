#include "workflows/redact/internal/utf8_units.h"

#include <cstdint>

namespace docket::workflows::redact::internal {
namespace {

// Length of the well-formed sequence starting at `pos` (RFC 3629), or 0 if none does.
size_t SequenceLength(std::string_view text, size_t pos) {
  const auto byte = [&](size_t i) { return static_cast<uint8_t>(text[i]); };
  const uint8_t lead = byte(pos);
  size_t length = 0;
  uint8_t low = 0x80;
  uint8_t high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (pos + length > text.size()) return 0;
  if (byte(pos + 1) < low || byte(pos + 1) > high) return 0;
  for (size_t i = 2; i < length; ++i) {
    if ((byte(pos + i) & 0xC0) != 0x80) return 0;
  }
  return length;
}

// Start of the well-formed multi-byte sequence strictly containing `offset`, if any.
bool InsideSequence(std::string_view text, size_t offset, size_t* start) {
  for (size_t back = 1; back <= 3 && back <= offset; ++back) {
    const size_t pos = offset - back;
    const size_t length = SequenceLength(text, pos);
    if (length > back) {
      *start = pos;
      return true;
    }
  }
  return false;
}

}  // namespace

bool IsUnitBoundary(std::string_view text, size_t offset) {
  if (offset == 0 || offset >= text.size()) return true;
  size_t start = 0;
  return !InsideSequence(text, offset, &start);
}

size_t UnitBoundaryAtOrBefore(std::string_view text, size_t offset) {
  if (offset >= text.size()) return text.size();
  size_t start = offset;
  return InsideSequence(text, offset, &start) ? start : offset;
}

size_t UnitBoundaryAtOrAfter(std::string_view text, size_t offset) {
  if (offset >= text.size()) return text.size();
  size_t start = offset;
  if (!InsideSequence(text, offset, &start)) return offset;
  return start + SequenceLength(text, start);
}

}  // namespace docket::workflows::redact::internal
