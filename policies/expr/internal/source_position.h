// Positions in expression source text for error messages: 1-based line and column
// (columns count characters, so a caret lines up under UTF-8 text), and the message
// shape every compile and evaluation error uses:
//   expected ')' at column 17
//     max(observed, 1
//                    ^
// Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "engine/base/status.h"

namespace docket::policies::expr::internal {

struct SourcePosition {
  int line = 1;    // 1-based
  int column = 1;  // 1-based, in characters (a byte that is not valid UTF-8 counts as one)
};

// Position of byte `offset` (at most source.size()) in `source`.
SourcePosition PositionOf(std::string_view source, size_t offset);

// "column 7" for one-line sources, "line 2, column 7" otherwise.
std::string DescribePosition(std::string_view source, size_t offset);

// "`what` at <position>" followed by the source line (clipped around the position when
// long; control characters and invalid bytes shown as '?') and a caret line.
Status ErrorAt(StatusCode code, std::string_view source, size_t offset, std::string_view what);

}  // namespace docket::policies::expr::internal
