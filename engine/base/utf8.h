// Strict UTF-8 building blocks (RFC 3629: no overlong forms, no surrogates, nothing past
// U+10FFFF) shared by every module that walks text byte by byte: the policy expression
// lexer, the redaction scanner's unit boundaries. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace docket {

// Length (1-4) of the well-formed UTF-8 sequence starting at text[at], or 0 if the
// bytes there are not one. Requires at < text.size().
size_t Utf8SequenceLength(std::string_view text, size_t at);

// Appends the UTF-8 encoding of `code_point` (a Unicode scalar value) to `out`.
void AppendUtf8(char32_t code_point, std::string& out);

}  // namespace docket
