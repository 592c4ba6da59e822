// Civil-time arithmetic and the timestamp spellings the sample sources use (Zendesk,
// RFC 3339 with offsets, RFC 2822). Proleptic Gregorian calendar, whole seconds, no
// time-zone database: callers pass the UTC offset. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>

namespace docket::workflows::sample {

struct CivilTime {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31
  int hour = 0;
  int minute = 0;
  int second = 0;
  int weekday = 0;  // 0 = Sunday .. 6 = Saturday
};

inline constexpr int64_t kSecondsPerDay = 86400;

// Seconds since the Unix epoch of the given UTC civil time (Hinnant's days_from_civil).
constexpr int64_t UnixSeconds(int year, int month, int day, int hour = 0, int minute = 0,
                              int second = 0) {
  const int64_t y = year - (month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  const int64_t days = era * 146097 + doe - 719468;
  return days * kSecondsPerDay + int64_t{hour} * 3600 + int64_t{minute} * 60 + second;
}

// UTC civil time of `unix_seconds`, shifted by `offset_minutes` first.
CivilTime ToCivil(int64_t unix_seconds, int offset_minutes = 0);

// "2026-10-03 14:22:01 +0000" (Zendesk export).
std::string FormatZendesk(int64_t unix_seconds);
// "2026-10-03T14:22:01Z".
std::string FormatUtcZ(int64_t unix_seconds);
// "2026-10-03T16:22:01+02:00": local time at `offset_minutes` east of UTC.
std::string FormatRfc3339Offset(int64_t unix_seconds, int offset_minutes);
// "Sat, 03 Oct 2026 14:22:01 +0000": local time at `offset_minutes` east of UTC.
std::string FormatRfc2822(int64_t unix_seconds, int offset_minutes);
// The same spellings with the zone left off, for rows a strict ingester must reject.
std::string FormatZendeskNoZone(int64_t unix_seconds);
std::string FormatRfc3339NoZone(int64_t unix_seconds);
std::string FormatRfc2822NoZone(int64_t unix_seconds);

}  // namespace docket::workflows::sample
