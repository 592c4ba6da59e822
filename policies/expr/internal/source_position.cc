#include "policies/expr/internal/source_position.h"

#include <algorithm>
#include <vector>

#include "engine/base/utf8.h"

namespace docket::policies::expr::internal {
namespace {

// Characters shown before and after the error position when a line is long.
constexpr int kContextBefore = 40;
constexpr int kContextAfter = 40;

size_t CharLength(std::string_view text, size_t at) {
  return std::max<size_t>(1, Utf8SequenceLength(text, at));
}

size_t LineStart(std::string_view source, size_t offset) {
  const size_t newline = source.substr(0, offset).rfind('\n');
  return newline == std::string_view::npos ? 0 : newline + 1;
}

// The characters of one line as printable pieces.
std::vector<std::string> Printable(std::string_view line) {
  std::vector<std::string> chars;
  for (size_t at = 0; at < line.size();) {
    const size_t length = Utf8SequenceLength(line, at);
    const unsigned char c = static_cast<unsigned char>(line[at]);
    if (length == 0 || (length == 1 && c != '\t' && (c < 0x20 || c == 0x7f))) {
      chars.emplace_back("?");
      ++at;
    } else {
      chars.emplace_back(line.substr(at, length));
      at += length;
    }
  }
  return chars;
}

}  // namespace

SourcePosition PositionOf(std::string_view source, size_t offset) {
  offset = std::min(offset, source.size());
  SourcePosition position;
  for (size_t at = 0; at < offset;) {
    if (source[at] == '\n') {
      ++position.line;
      position.column = 1;
      ++at;
    } else {
      ++position.column;
      at += CharLength(source, at);
    }
  }
  return position;
}

std::string DescribePosition(std::string_view source, size_t offset) {
  const SourcePosition position = PositionOf(source, offset);
  std::string text = "column " + std::to_string(position.column);
  if (source.find('\n') != std::string_view::npos) {
    text = "line " + std::to_string(position.line) + ", " + text;
  }
  return text;
}

Status ErrorAt(StatusCode code, std::string_view source, size_t offset, std::string_view what) {
  offset = std::min(offset, source.size());
  const size_t start = LineStart(source, offset);
  const size_t end = std::min(source.find('\n', offset), source.size());
  const std::vector<std::string> chars = Printable(source.substr(start, end - start));
  const int caret = PositionOf(source, offset).column - 1;
  const int first = std::max(0, caret - kContextBefore);
  const int last = std::min(static_cast<int>(chars.size()), caret + kContextAfter);
  std::string excerpt = first > 0 ? "..." : "";
  std::string marker(excerpt.size(), ' ');
  for (int i = first; i < last; ++i) {
    excerpt += chars[i];
    if (i < caret) marker += chars[i] == "\t" ? '\t' : ' ';
  }
  if (last < static_cast<int>(chars.size())) excerpt += "...";
  std::string message(what);
  message += " at " + DescribePosition(source, offset) + "\n  " + excerpt + "\n  " + marker + "^";
  return Status(code, std::move(message));
}

}  // namespace docket::policies::expr::internal
