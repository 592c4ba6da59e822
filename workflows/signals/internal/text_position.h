// Where a byte offset falls in a signal file, as the "file:line:column" prefix every
// signals error message starts with, and the checks every signal file gets before its
// format's parser sees it (size cap, UTF-8). Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "engine/base/status.h"

namespace docket::workflows::signals::internal {

struct TextPosition {
  uint64_t line = 1;    // 1-based; lines end at LF (a CR before it belongs to the line)
  uint64_t column = 1;  // 1-based, in characters (UTF-8 lead bytes); a leading BOM is
                        // not counted
};

// The position of byte `offset` in `text`; offsets past the end mean the end.
TextPosition LocateOffset(std::string_view text, size_t offset);

// "file:line:column" for byte `offset` of `text`.
std::string WhereOffset(std::string_view file_name, std::string_view text, size_t offset);

// "file:line".
std::string WhereLine(std::string_view file_name, uint64_t line);

// Checks what every signal file must satisfy before it is parsed: at most `max_bytes`
// bytes, and well-formed UTF-8 throughout. `kind` names the format in messages
// ("JUnit report").
// Errors: kInvalidArgument "file: ... over the limit ..." or "file:line:column: ...".
[[nodiscard]] Status CheckSignalBytes(std::string_view file_name, std::string_view bytes,
                                      uint64_t max_bytes, std::string_view kind);

}  // namespace docket::workflows::signals::internal
