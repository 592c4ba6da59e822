// Parsing of the timestamps customers' exports contain, into UTC microseconds.
// Accepted forms (kAuto tries them in this order, by shape):
//   ISO 8601 / RFC 3339: "2026-10-03T14:22:01Z", 'T' or ' ' between date and time,
//     seconds optional, a fraction of up to 9 digits (truncated to microseconds), and a
//     zone "Z", "+hh:mm", "+hhmm" or "+hh", optionally after one space, where " UTC" and
//     " GMT" are also accepted.
//   RFC 2822: "Sat, 03 Oct 2026 14:22:01 +0000" (day name optional and checked against
//     the date; seconds optional; zone "+hhmm", "GMT", "UTC", "UT" or "Z").
//   Unix epoch: a run of 9-11 digits is seconds, 12-14 digits is milliseconds.
// A timestamp without a zone is an error unless a default UTC offset is given. Dates
// are checked against the calendar; the result must fall in years 1970..9999 (UTC).
// Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string_view>

#include "engine/base/clock.h"
#include "engine/base/status.h"

namespace docket::workflows {

enum class TimestampFormat {
  kAuto,          // any form above, chosen by its shape
  kRfc3339,       // the ISO 8601 / RFC 3339 forms only
  kRfc2822,       // the RFC 2822 form only
  kEpochSeconds,  // digits only, seconds since 1970-01-01T00:00:00Z
  kEpochMillis,   // digits only, milliseconds since 1970-01-01T00:00:00Z
};

// Parses `text` (surrounding whitespace ignored). `default_utc_offset_minutes` is the
// zone assumed when `text` names none (e.g. 120 for UTC+02:00).
// Errors: kInvalidArgument saying what was wrong and quoting at most 64 bytes of `text`.
[[nodiscard]] StatusOr<Timestamp> ParseFeedbackTimestamp(
    std::string_view text, TimestampFormat format, std::optional<int> default_utc_offset_minutes);

}  // namespace docket::workflows
