// Byte-level spelling of sample records: RFC 4180 CSV fields and JSON string literals.
// Both pass bytes through unchanged apart from the escaping they need, so deliberately
// invalid UTF-8 survives into the files. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace docket::workflows::sample {

// The field as RFC 4180 writes it: quoted (with "" for ") only if it holds a comma,
// quote, CR or LF.
std::string CsvField(std::string_view field);

// A quoted JSON string. Escapes ", \ and control characters; with `ascii_only`, also
// every non-ASCII code point as \uXXXX (surrogate pairs above U+FFFF), as some store
// exports do. `text` must be valid UTF-8 when `ascii_only` is set.
std::string JsonString(std::string_view text, bool ascii_only = false);

}  // namespace docket::workflows::sample
