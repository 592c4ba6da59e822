#include "workflows/redact/internal/utf8_units.h"

#include <cstdint>

#include "engine/base/utf8.h"

namespace docket::workflows::redact::internal {
namespace {

// Start of the well-formed multi-byte sequence strictly containing `offset`, if any.
bool InsideSequence(std::string_view text, size_t offset, size_t* start) {
  for (size_t back = 1; back <= 3 && back <= offset; ++back) {
    const size_t pos = offset - back;
    const size_t length = Utf8SequenceLength(text, pos);
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
  return start + Utf8SequenceLength(text, start);
}

}  // namespace docket::workflows::redact::internal
