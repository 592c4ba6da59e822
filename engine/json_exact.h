// ParseJsonExact: JSON text to a Boost.JSON value with every number converted exactly
// (std::from_chars, correctly rounded). Boost.JSON 1.81's own parser rounds some doubles
// one or two ulps off (about one in five shortest-form doubles does not read back to
// itself), so a value written by boost::json::serialize would not survive its own
// parser: evidence and decisions that are recorded as text and read back must use this.
// Pure; thread-safe.
#pragma once

#include <boost/json/value.hpp>
#include <cstddef>
#include <string_view>

#include "engine/base/status.h"

namespace docket::engine {

// Errors: kInvalidArgument with the JSON error and the byte offset where it stopped
// (syntax, depth over `max_depth`, a number out of double range).
[[nodiscard]] StatusOr<boost::json::value> ParseJsonExact(std::string_view text,
                                                           size_t max_depth = 32);

}  // namespace docket::engine
