// UTF-8 validation for ingested bytes: finds the first byte that does not belong to a
// well-formed sequence (RFC 3629: no overlong forms, no surrogates, nothing above
// U+10FFFF), with an 8-bytes-at-a-time ASCII fast path. Also makes safe excerpts of
// untrusted bytes for error messages. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace docket::workflows {

// Returns the byte offset of the first byte of the first ill-formed sequence in `text`,
// or std::nullopt when all of `text` is well-formed UTF-8.
std::optional<size_t> FindInvalidUtf8(std::string_view text);

inline bool IsValidUtf8(std::string_view text) { return !FindInvalidUtf8(text).has_value(); }

// Returns the length of the longest prefix of `text` that is at most `max_bytes` long and
// does not end inside a multi-byte sequence (judged by lead/continuation bytes only).
size_t Utf8PrefixLength(std::string_view text, size_t max_bytes);

// Returns valid UTF-8 of at most `max_bytes` bytes made from the start of `text`: each
// ill-formed byte becomes U+FFFD, and the result is cut at a character boundary.
// Meant for excerpts and quotes of untrusted input in messages.
std::string SafeUtf8Excerpt(std::string_view text, size_t max_bytes);

// `text` (already valid UTF-8) on one line for a quote: runs of spaces, tabs and line
// breaks become one space, ends trimmed; past `max_bytes` it is cut on a character
// boundary and ends with "…".
std::string OneLineQuote(std::string_view text, size_t max_bytes);

}  // namespace docket::workflows
