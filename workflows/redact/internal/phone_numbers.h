// Phone number validation without libphonenumber (its Debian package cannot be
// installed beside Boost 1.81 on bookworm; see docs/dependencies.md): per-country
// calling codes, trunk prefixes and national significant number lengths for the
// countries Docket's customers write from, plus NANP area/exchange rules. Coarser than
// libphonenumber's per-range metadata: it accepts any number of a valid length.
// Pure functions over a constant table; thread-safe.
#pragma once

#include <string_view>

namespace docket::workflows::redact::internal {

// `digits` after a '+' or "00": a country calling code and a national number of a
// length that country uses.
bool InternationalPhoneValid(std::string_view digits);

// `digits` as written nationally in `region` (ISO 3166-1 alpha-2, upper case; empty
// means "US"), including the trunk prefix where the country dials one.
bool NationalPhoneValid(std::string_view digits, std::string_view region);

}  // namespace docket::workflows::redact::internal
