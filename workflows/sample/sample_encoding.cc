// CSV and JSON escaping for the sample writers.
#include "workflows/sample/sample_encoding.h"

#include <cstdint>
#include <cstdio>

namespace docket::workflows::sample {
namespace {

void AppendUnicodeEscape(std::string& out, uint32_t unit) {
  char buf[8];
  std::snprintf(buf, sizeof(buf), "\\u%04x", unit);
  out.append(buf);
}

// Decodes the UTF-8 sequence at text[pos] (assumed valid) and advances pos.
uint32_t DecodeAt(std::string_view text, size_t& pos) {
  const auto byte = [&](size_t i) { return static_cast<uint8_t>(text[i]); };
  const uint8_t lead = byte(pos);
  int length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  uint32_t cp = lead & (0x7F >> length);
  for (int i = 1; i < length; ++i) cp = (cp << 6) | (byte(pos + i) & 0x3F);
  pos += length;
  return cp;
}

}  // namespace

std::string CsvField(std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(field);
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

std::string JsonString(std::string_view text, bool ascii_only) {
  std::string out = "\"";
  size_t pos = 0;
  while (pos < text.size()) {
    const auto c = static_cast<uint8_t>(text[pos]);
    if (c >= 0x80 && ascii_only) {
      const uint32_t cp = DecodeAt(text, pos);
      if (cp < 0x10000) {
        AppendUnicodeEscape(out, cp);
      } else {
        AppendUnicodeEscape(out, 0xD800 + ((cp - 0x10000) >> 10));
        AppendUnicodeEscape(out, 0xDC00 + ((cp - 0x10000) & 0x3FF));
      }
      continue;
    }
    ++pos;
    switch (c) {
      case '"':
        out.append("\\\"");
        break;
      case '\\':
        out.append("\\\\");
        break;
      case '\n':
        out.append("\\n");
        break;
      case '\r':
        out.append("\\r");
        break;
      case '\t':
        out.append("\\t");
        break;
      default:
        if (c < 0x20) {
          AppendUnicodeEscape(out, c);
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
  }
  out.push_back('"');
  return out;
}

}  // namespace docket::workflows::sample
