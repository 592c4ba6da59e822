// Strict UTF-8 helpers for the expression lexer and error messages (RFC 3629: no
// overlong forms, no surrogates, nothing past U+10FFFF). Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace docket::policies::expr::internal {

// Length (1-4) of the valid UTF-8 sequence starting at text[at], or 0 if the bytes there
// are not one. Requires at < text.size().
size_t Utf8SequenceLength(std::string_view text, size_t at);

// Appends the UTF-8 encoding of `code_point` (a Unicode scalar value) to `out`.
void AppendUtf8(char32_t code_point, std::string& out);

}  // namespace docket::policies::expr::internal
