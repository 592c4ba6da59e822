#include "policies/expr/internal/literal_lexing.h"

#include <charconv>
#include <cmath>
#include <optional>

#include "policies/expr/internal/source_position.h"
#include "engine/base/utf8.h"

namespace docket::policies::expr::internal {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || IsDigit(c);
}

char At(std::string_view source, size_t at) { return at < source.size() ? source[at] : '\0'; }

Status Error(std::string_view source, size_t at, std::string_view what) {
  return ErrorAt(StatusCode::kInvalidArgument, source, at, what);
}

std::optional<double> UnitScale(std::string_view unit) {
  if (unit == "s") return 1.0;
  if (unit == "m") return 60.0;
  if (unit == "h") return 3600.0;
  if (unit == "d") return 86400.0;
  if (unit == "w") return 604800.0;
  return std::nullopt;
}

// Offset just past the digits, fraction and exponent starting at `at`.
StatusOr<size_t> ScanDecimal(std::string_view source, size_t at) {
  while (IsDigit(At(source, at))) ++at;
  if (At(source, at) == '.') {
    if (!IsDigit(At(source, at + 1))) return Error(source, at + 1, "expected a digit after '.'");
    ++at;
    while (IsDigit(At(source, at))) ++at;
  }
  const char e = At(source, at);
  if (e == 'e' || e == 'E') {
    size_t digits = at + 1;
    if (At(source, digits) == '+' || At(source, digits) == '-') ++digits;
    if (IsDigit(At(source, digits))) {
      at = digits;
      while (IsDigit(At(source, at))) ++at;
    }
  }
  return at;
}

// Reads four hex digits at source[at].
std::optional<char32_t> Hex4(std::string_view source, size_t at) {
  if (at + 4 > source.size()) return std::nullopt;
  char32_t value = 0;
  for (size_t i = at; i < at + 4; ++i) {
    const char c = source[i];
    int digit = 0;
    if (IsDigit(c)) {
      digit = c - '0';
    } else if (c >= 'a' && c <= 'f') {
      digit = c - 'a' + 10;
    } else if (c >= 'A' && c <= 'F') {
      digit = c - 'A' + 10;
    } else {
      return std::nullopt;
    }
    value = value * 16 + static_cast<char32_t>(digit);
  }
  return value;
}

// Decodes the \u escape at source[at] (the backslash); returns the offset past it.
StatusOr<size_t> LexUnicodeEscape(std::string_view source, size_t at, std::string& text) {
  const std::optional<char32_t> unit = Hex4(source, at + 2);
  if (!unit) return Error(source, at, "expected four hex digits after \\u");
  char32_t code_point = *unit;
  size_t end = at + 6;
  if (code_point >= 0xDC00 && code_point <= 0xDFFF) {
    return Error(source, at, "\\u escape is a lone low surrogate");
  }
  if (code_point >= 0xD800 && code_point <= 0xDBFF) {
    const std::optional<char32_t> low = At(source, end) == '\\' && At(source, end + 1) == 'u'
                                            ? Hex4(source, end + 2)
                                            : std::nullopt;
    if (!low || *low < 0xDC00 || *low > 0xDFFF) {
      return Error(source, at, "\\u escape is a high surrogate without its low half");
    }
    code_point = 0x10000 + ((code_point - 0xD800) << 10) + (*low - 0xDC00);
    end += 6;
  }
  AppendUtf8(code_point, text);
  return end;
}

// Decodes the escape at source[at] (the backslash); returns the offset past it.
StatusOr<size_t> LexEscape(std::string_view source, size_t at, std::string& text) {
  switch (At(source, at + 1)) {
    case '\\':
      text.push_back('\\');
      return at + 2;
    case '\'':
      text.push_back('\'');
      return at + 2;
    case '"':
      text.push_back('"');
      return at + 2;
    case 'n':
      text.push_back('\n');
      return at + 2;
    case 't':
      text.push_back('\t');
      return at + 2;
    case 'u':
      return LexUnicodeEscape(source, at, text);
    default:
      return Error(source, at, "unknown escape; use \\\\, \\', \\\", \\n, \\t or \\uXXXX");
  }
}

}  // namespace

StatusOr<size_t> LexNumber(std::string_view source, size_t at, double& value) {
  const size_t start = at;
  DOCKET_ASSIGN_OR_RETURN(at, ScanDecimal(source, at));
  const std::from_chars_result parsed =
      std::from_chars(source.data() + start, source.data() + at, value);
  if (parsed.ec != std::errc() || parsed.ptr != source.data() + at) {
    return Error(source, start, "number out of range");
  }
  if (At(source, at) == '%') {
    value /= 100;
    ++at;
  } else if (IsWordChar(At(source, at))) {
    const size_t unit_start = at;
    while (IsWordChar(At(source, at))) ++at;
    const std::string_view unit = source.substr(unit_start, at - unit_start);
    const std::optional<double> scale = UnitScale(unit);
    if (!scale) {
      return Error(source, unit_start,
                   "unknown unit '" + std::string(unit) + "'; use %, s, m, h, d or w");
    }
    value *= *scale;
  }
  if (!std::isfinite(value)) return Error(source, start, "number out of range");
  return at;
}

StatusOr<size_t> LexString(std::string_view source, size_t at, std::string& text) {
  const size_t start = at;
  const char quote = source[at++];
  while (true) {
    if (at >= source.size()) return Error(source, start, "unterminated string");
    const unsigned char c = static_cast<unsigned char>(source[at]);
    if (c == static_cast<unsigned char>(quote)) return at + 1;
    if (c == '\\') {
      DOCKET_ASSIGN_OR_RETURN(at, LexEscape(source, at, text));
    } else if (c < 0x20 || c == 0x7f) {
      return Error(source, at, "control character in a string; write \\n, \\t or \\uXXXX");
    } else {
      const size_t length = Utf8SequenceLength(source, at);
      if (length == 0) return Error(source, at, "invalid UTF-8 in a string");
      text.append(source.substr(at, length));
      at += length;
    }
  }
}

}  // namespace docket::policies::expr::internal
