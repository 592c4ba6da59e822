#include "replay/artifact_diff.h"

#include <algorithm>
#include <cstdio>

#include "engine/base/utf8.h"

namespace docket::replay {
namespace {

constexpr size_t kMaxLine = 160;  // longer lines are shown as a byte window
constexpr size_t kWindow = 60;    // bytes each side of the first difference

// Escapes newlines, control bytes and bytes that are not well-formed UTF-8 (a window
// may cut a character in two), so the account is valid UTF-8 text and valid in JSON.
std::string Printable(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const size_t n = Utf8SequenceLength(s, i);
    if (c == '\n') {
      out += "\\n";
    } else if (n == 0 || c < 0x20 || c == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out.append(s.substr(i, n));
      i += n;
      continue;
    }
    ++i;
  }
  return out;
}

std::string_view LineAt(std::string_view text, size_t offset) {
  const size_t begin = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  const size_t start = begin == std::string_view::npos || offset == 0 ? 0 : begin + 1;
  const size_t end = text.find('\n', start);
  return text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

std::string_view Window(std::string_view text, size_t offset) {
  const size_t start = offset > kWindow ? offset - kWindow : 0;
  return text.substr(std::min(start, text.size()), 2 * kWindow);
}

}  // namespace

std::string DescribeDifference(std::string_view recorded, std::string_view replayed) {
  if (recorded == replayed) return "";
  const auto [a, b] = std::mismatch(recorded.begin(), recorded.end(), replayed.begin(),
                                    replayed.end());
  const size_t offset = static_cast<size_t>(a - recorded.begin());
  const size_t line = 1 + static_cast<size_t>(std::count(recorded.begin(), a, '\n'));
  std::string out = "recorded " + std::to_string(recorded.size()) + " bytes, replayed " +
                    std::to_string(replayed.size()) + " bytes; first difference at byte " +
                    std::to_string(offset) + " (line " + std::to_string(line) + ")\n";
  const std::string_view old_line = LineAt(recorded, offset);
  const std::string_view new_line = LineAt(replayed, offset);
  if (old_line.size() <= kMaxLine && new_line.size() <= kMaxLine) {
    out += "- " + Printable(old_line) + "\n+ " + Printable(new_line) + "\n";
  } else {
    out += "- …" + Printable(Window(recorded, offset)) + "…\n+ …" +
           Printable(Window(replayed, offset)) + "…\n";
  }
  return out;
}

}  // namespace docket::replay
