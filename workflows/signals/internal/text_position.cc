#include "workflows/signals/internal/text_position.h"

#include <algorithm>
#include <cstdio>

#include "workflows/ingest/utf8.h"

namespace docket::workflows::signals::internal {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

TextPosition LocateOffset(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  TextPosition pos;
  size_t line_start = text.starts_with(kBom) ? kBom.size() : 0;
  // An offset inside the BOM is the first column.
  size_t i = std::min(line_start, offset);
  for (; i < offset; ++i) {
    if (text[i] == '\n') {
      ++pos.line;
      line_start = i + 1;
    }
  }
  for (size_t j = line_start; j < offset; ++j) {
    if (!IsContinuationByte(text[j])) ++pos.column;
  }
  return pos;
}

std::string WhereOffset(std::string_view file_name, std::string_view text, size_t offset) {
  const TextPosition pos = LocateOffset(text, offset);
  return std::string(file_name) + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column);
}

std::string WhereLine(std::string_view file_name, uint64_t line) {
  return std::string(file_name) + ":" + std::to_string(line);
}

Status CheckSignalBytes(std::string_view file_name, std::string_view bytes, uint64_t max_bytes,
                        std::string_view kind) {
  if (bytes.size() > max_bytes) {
    return InvalidArgumentError(std::string(file_name) + ": the " + std::string(kind) + " is " +
                                std::to_string(bytes.size()) + " bytes, over the limit of " +
                                std::to_string(max_bytes) + " bytes");
  }
  if (const std::optional<size_t> bad = FindInvalidUtf8(bytes)) {
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(bytes[*bad]));
    return InvalidArgumentError(WhereOffset(file_name, bytes, *bad) + ": invalid UTF-8 (byte " +
                                byte + " is not part of a well-formed sequence); save the " +
                                std::string(kind) + " as UTF-8");
  }
  return Status::Ok();
}

}  // namespace docket::workflows::signals::internal
