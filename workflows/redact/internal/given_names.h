// Common given names (English, German, French, Spanish first names from the public
// birth-name statistics of the US, Germany, France and Spain), used by the capitalised
// name heuristics: a capitalised pair whose first token is a given name is a name even
// where every noun is capitalised. Written for the scanner, not taken from the
// evaluation set's generator. Pure; thread-safe.
#pragma once

#include <span>
#include <string_view>

namespace docket::workflows::redact::internal {

// True if `token` (any case: ASCII and Latin-1 capitals are folded, so "JOSÉ" and
// "Élodie" match "josé" and "élodie") is a common given name.
bool IsGivenName(std::string_view token);

// The list itself, sorted by bytes (checked by a test).
std::span<const std::string_view> GivenNames();

}  // namespace docket::workflows::redact::internal
