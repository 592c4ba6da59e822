// Civil-time conversion (Howard Hinnant's civil_from_days) and the
// fixed-width formats of sample_time.h.
#include "workflows/sample/sample_time.h"

#include <cstdio>
#include <cstdlib>

namespace docket::workflows::sample {
namespace {

constexpr const char* kWeekdays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::string Printf(const char* format, const CivilTime& c) {
  char buf[48];
  std::snprintf(buf, sizeof(buf), format, c.year, c.month, c.day, c.hour, c.minute, c.second);
  return buf;
}

// "+02:00" when `colon`, else "+0200".
std::string OffsetText(int offset_minutes, bool colon) {
  char buf[8];
  const int magnitude = std::abs(offset_minutes);
  std::snprintf(buf, sizeof(buf), colon ? "%c%02d:%02d" : "%c%02d%02d",
                offset_minutes < 0 ? '-' : '+', magnitude / 60, magnitude % 60);
  return buf;
}

}  // namespace

CivilTime ToCivil(int64_t unix_seconds, int offset_minutes) {
  const int64_t t = unix_seconds + int64_t{offset_minutes} * 60;
  int64_t days = t / kSecondsPerDay;
  int64_t rem = t % kSecondsPerDay;
  if (rem < 0) {
    rem += kSecondsPerDay;
    --days;
  }
  CivilTime c;
  c.hour = static_cast<int>(rem / 3600);
  c.minute = static_cast<int>(rem % 3600 / 60);
  c.second = static_cast<int>(rem % 60);
  c.weekday = static_cast<int>(((days % 7) + 11) % 7);  // 1970-01-01 was a Thursday
  const int64_t z = days + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  c.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  c.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  c.year = static_cast<int>(yoe + era * 400 + (c.month <= 2));
  return c;
}

std::string FormatZendesk(int64_t unix_seconds) {
  return FormatZendeskNoZone(unix_seconds) + " +0000";
}

std::string FormatUtcZ(int64_t unix_seconds) { return FormatRfc3339NoZone(unix_seconds) + "Z"; }

std::string FormatRfc3339Offset(int64_t unix_seconds, int offset_minutes) {
  return Printf("%04d-%02d-%02dT%02d:%02d:%02d", ToCivil(unix_seconds, offset_minutes)) +
         OffsetText(offset_minutes, /*colon=*/true);
}

std::string FormatRfc2822(int64_t unix_seconds, int offset_minutes) {
  const CivilTime c = ToCivil(unix_seconds, offset_minutes);
  char buf[48];
  std::snprintf(buf, sizeof(buf), "%s, %02d %s %04d %02d:%02d:%02d ", kWeekdays[c.weekday], c.day,
                kMonths[c.month - 1], c.year, c.hour, c.minute, c.second);
  return buf + OffsetText(offset_minutes, /*colon=*/false);
}

std::string FormatZendeskNoZone(int64_t unix_seconds) {
  return Printf("%04d-%02d-%02d %02d:%02d:%02d", ToCivil(unix_seconds));
}

std::string FormatRfc3339NoZone(int64_t unix_seconds) {
  return Printf("%04d-%02d-%02dT%02d:%02d:%02d", ToCivil(unix_seconds));
}

std::string FormatRfc2822NoZone(int64_t unix_seconds) {
  std::string text = FormatRfc2822(unix_seconds, 0);
  return text.substr(0, text.size() - 6);  // drop " +0000"
}

}  // namespace docket::workflows::sample
