// UTF-8 unit boundaries for span snapping: a unit is one well-formed sequence, or one
// byte that belongs to none. Detections start and end on unit boundaries, so a
// redaction never splits a character even in invalid input. Pure; thread-safe.
#pragma once

#include <cstddef>
#include <string_view>

namespace docket::workflows::redact::internal {

// True when `offset` (0..text.size()) does not fall inside a well-formed multi-byte
// sequence. Looks at most 3 bytes back and forward: constant time.
bool IsUnitBoundary(std::string_view text, size_t offset);

// The nearest unit boundary at or before / at or after `offset`.
size_t UnitBoundaryAtOrBefore(std::string_view text, size_t offset);
size_t UnitBoundaryAtOrAfter(std::string_view text, size_t offset);

}  // namespace docket::workflows::redact::internal
