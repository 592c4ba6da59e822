// RFC 3339 formatting and strict parsing of Docket's own UTC timestamps
// ("2026-11-29T13:25:57Z", optional fraction up to microseconds). Pure functions;
// thread-safe. Parsing of customer timestamps in other formats lives in workflows/.
#pragma once

#include <string>
#include <string_view>

#include "engine/base/clock.h"
#include "engine/base/status.h"

namespace docket {

// Formats as "YYYY-MM-DDThh:mm:ssZ", adding ".ffffff" only when microseconds are set.
std::string FormatRfc3339(Timestamp t);

// Parses RFC 3339 with a 'Z' or ±hh:mm offset; errors say what was wrong.
StatusOr<Timestamp> ParseRfc3339(std::string_view text);

}  // namespace docket
