#include "workflows/ingest/timestamp_parser.h"

#include <array>
#include <chrono>
#include <cstdint>
#include <string>

#include "workflows/ingest/utf8.h"

namespace docket::workflows {
namespace {

namespace chrono = std::chrono;

constexpr std::string_view kMissingZone =
    "no time zone; add Z or an offset, or set default_utc_offset in the mapping";
constexpr std::array<std::string_view, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                      "jul", "aug", "sep", "oct", "nov", "dec"};
// Indexed by chrono::weekday::c_encoding(): Sunday is 0.
constexpr std::array<std::string_view, 7> kWeekdays = {"sun", "mon", "tue", "wed",
                                                       "thu", "fri", "sat"};
constexpr int64_t kEndOfYear9999Seconds = 253402300800;  // 10000-01-01T00:00:00Z

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// The pieces of a civil date and time read from the text, before any checking.
struct CivilTime {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  int64_t micros = 0;
  std::optional<int> offset_minutes;  // east of UTC, as written; unset when no zone
  std::optional<int> weekday;         // 0 = Sunday, when a day name was written
};

// Reads a timestamp left to right; every Read* returns false without a message, and the
// caller says what was expected there.
class Cursor {
 public:
  explicit Cursor(std::string_view s) : s_(s) {}

  bool Done() const { return pos_ == s_.size(); }
  char Peek() const { return Done() ? '\0' : s_[pos_]; }
  bool Consume(char c) { return !Done() && s_[pos_] == c && (++pos_, true); }
  bool ConsumeSpaces() {
    const size_t start = pos_;
    while (Consume(' ')) {
    }
    return pos_ > start;
  }
  // Consumes `word` (lowercase) ignoring case, if it is next and not followed by a letter.
  bool ConsumeWord(std::string_view word) {
    if (s_.size() - pos_ < word.size()) return false;
    for (size_t i = 0; i < word.size(); ++i) {
      if (Lower(s_[pos_ + i]) != word[i]) return false;
    }
    if (pos_ + word.size() < s_.size() && IsAlpha(s_[pos_ + word.size()])) return false;
    pos_ += word.size();
    return true;
  }
  // Reads between `min` and `max` digits as an integer; `count` gets how many.
  bool ReadDigits(int min, int max, int64_t& out, int* count = nullptr) {
    int n = 0;
    out = 0;
    while (n < max && IsDigit(Peek())) {
      out = out * 10 + (s_[pos_++] - '0');
      ++n;
    }
    if (count != nullptr) *count = n;
    return n >= min;
  }
  bool ReadInt(int digits, int& out) {
    int64_t v;
    if (!ReadDigits(digits, digits, v)) return false;
    out = static_cast<int>(v);
    return true;
  }

 private:
  std::string_view s_;
  size_t pos_ = 0;
};

Status Bad(std::string_view text, std::string_view why) {
  return InvalidArgumentError("cannot parse timestamp \"" + SafeUtf8Excerpt(text, 64) +
                              "\": " + std::string(why));
}

// Reads "hh:mm[:ss[.fraction]]".
std::optional<std::string_view> ReadTimeOfDay(Cursor& c, CivilTime& t, bool allow_fraction) {
  if (!c.ReadInt(2, t.hour) || !c.Consume(':') || !c.ReadInt(2, t.minute)) {
    return "expected a time of day as hh:mm or hh:mm:ss";
  }
  if (c.Consume(':') && !c.ReadInt(2, t.second)) return "expected two digits of seconds";
  if (allow_fraction && (c.Consume('.') || c.Consume(','))) {
    int64_t digits_value;
    int digits;
    c.ReadDigits(1, 10, digits_value, &digits);
    if (digits == 0) return "expected digits after the decimal point";
    if (digits > 9) return "fraction of a second has more than 9 digits";
    for (int i = digits; i < 6; ++i) digits_value *= 10;
    for (int i = 6; i < digits; ++i) digits_value /= 10;  // truncate below microseconds
    t.micros = digits_value;
  }
  return std::nullopt;
}

// Reads an optional zone: Z, UTC, GMT, UT or a numeric offset (+hh, +hhmm, +hh:mm).
std::optional<std::string_view> ReadZone(Cursor& c, CivilTime& t) {
  if (c.Done()) return std::nullopt;
  if (c.ConsumeWord("z") || c.ConsumeWord("utc") || c.ConsumeWord("gmt") || c.ConsumeWord("ut")) {
    t.offset_minutes = 0;
    return std::nullopt;
  }
  const char sign = c.Peek();
  if (sign != '+' && sign != '-') {
    return IsAlpha(sign) ? "zone names other than Z, UTC, GMT and UT are ambiguous; use a "
                           "numeric offset such as -0500"
                         : "unexpected characters after the time";
  }
  c.Consume(sign);
  int hours, minutes = 0;
  if (!c.ReadInt(2, hours)) return "expected two digits of hours in the zone offset";
  if (!c.Done()) {
    const bool colon = c.Consume(':');
    if (!c.ReadInt(2, minutes)) {
      return colon ? "expected two digits of minutes in the zone offset"
                   : "zone offset must look like +hh:mm, +hhmm or +hh";
    }
  }
  if (hours > 23 || minutes > 59) return "zone offset out of range";
  t.offset_minutes = (sign == '-' ? -1 : 1) * (hours * 60 + minutes);
  return std::nullopt;
}

std::optional<std::string_view> ReadIso(Cursor& c, CivilTime& t) {
  if (!c.ReadInt(4, t.year) || !c.Consume('-') || !c.ReadInt(2, t.month) || !c.Consume('-') ||
      !c.ReadInt(2, t.day)) {
    return "expected a date as YYYY-MM-DD";
  }
  if (c.Done()) return "a date without a time of day; expected e.g. 2026-10-03T14:22:01Z";
  if (!c.Consume('T') && !c.Consume('t') && !c.Consume(' ')) {
    return "expected 'T' or ' ' between the date and the time";
  }
  if (auto error = ReadTimeOfDay(c, t, /*allow_fraction=*/true)) return error;
  c.Consume(' ');
  return ReadZone(c, t);
}

std::optional<std::string_view> ReadRfc2822(Cursor& c, CivilTime& t) {
  if (IsAlpha(c.Peek())) {
    for (int i = 0; i < 7 && !t.weekday; ++i) {
      if (c.ConsumeWord(kWeekdays[i])) t.weekday = i;
    }
    if (!t.weekday) return "expected a day name such as Sat";
    c.Consume(',');
    c.ConsumeSpaces();
  }
  int64_t day;
  if (!c.ReadDigits(1, 2, day)) return "expected the day of the month";
  t.day = static_cast<int>(day);
  if (!c.ConsumeSpaces()) return "expected a space after the day of the month";
  for (int i = 0; i < 12 && t.month == 0; ++i) {
    if (c.ConsumeWord(kMonths[i])) t.month = i + 1;
  }
  if (t.month == 0) return "expected a month name such as Oct";
  if (!c.ConsumeSpaces() || !c.ReadInt(4, t.year) || IsDigit(c.Peek())) {
    return "expected a four-digit year after the month";
  }
  if (!c.ConsumeSpaces()) return "expected a time of day after the year";
  if (auto error = ReadTimeOfDay(c, t, /*allow_fraction=*/false)) return error;
  c.ConsumeSpaces();
  return ReadZone(c, t);
}

StatusOr<Timestamp> Assemble(std::string_view text, const CivilTime& t,
                             std::optional<int> default_offset) {
  const chrono::year_month_day date{chrono::year(t.year), chrono::month(t.month),
                                    chrono::day(t.day)};
  if (t.month < 1 || t.month > 12) return Bad(text, "month out of range 1..12");
  if (!date.ok()) return Bad(text, "no such day in the calendar");
  if (t.hour > 23 || t.minute > 59 || t.second > 59) {
    return Bad(text, "time of day out of range (hours 0..23, minutes and seconds 0..59)");
  }
  const chrono::sys_days day(date);
  if (t.weekday && chrono::weekday(day).c_encoding() != static_cast<unsigned>(*t.weekday)) {
    return Bad(text, "the day name does not match the date");
  }
  if (!t.offset_minutes && !default_offset) return Bad(text, kMissingZone);
  const int offset = t.offset_minutes ? *t.offset_minutes : *default_offset;
  const Timestamp result = day + chrono::hours(t.hour) + chrono::minutes(t.minute) +
                           chrono::seconds(t.second) + chrono::microseconds(t.micros) -
                           chrono::minutes(offset);
  const auto seconds = chrono::floor<chrono::seconds>(result).time_since_epoch().count();
  if (t.year < 1970 || seconds < 0 || seconds >= kEndOfYear9999Seconds) {
    return Bad(text, "outside the supported years 1970..9999 (UTC)");
  }
  return result;
}

StatusOr<Timestamp> ParseEpoch(std::string_view text, std::string_view digits, bool millis) {
  if (digits.empty() || digits.size() > 15 ||
      digits.find_first_not_of("0123456789") != std::string_view::npos) {
    return Bad(text, millis ? "expected epoch milliseconds (digits only)"
                            : "expected epoch seconds (digits only)");
  }
  int64_t value = 0;
  for (char d : digits) value = value * 10 + (d - '0');
  const int64_t seconds = millis ? value / 1000 : value;
  if (seconds >= kEndOfYear9999Seconds) {
    return Bad(text, "outside the supported years 1970..9999 (UTC)");
  }
  return Timestamp(millis ? chrono::microseconds(value * 1000)
                          : chrono::microseconds(value * 1'000'000));
}

StatusOr<Timestamp> ParseText(std::string_view text, std::string_view trimmed, bool iso,
                              std::optional<int> default_offset) {
  Cursor c(trimmed);
  CivilTime t;
  if (auto error = iso ? ReadIso(c, t) : ReadRfc2822(c, t)) return Bad(text, *error);
  if (!c.Done()) return Bad(text, "unexpected characters after the timestamp");
  return Assemble(text, t, default_offset);
}

std::string_view Trim(std::string_view s) {
  const size_t begin = s.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  return s.substr(begin, s.find_last_not_of(" \t\r\n") - begin + 1);
}

StatusOr<Timestamp> ParseAuto(std::string_view text, std::string_view s,
                              std::optional<int> default_offset) {
  if (s.find_first_not_of("0123456789") == std::string_view::npos) {
    if (s.size() >= 9 && s.size() <= 11) return ParseEpoch(text, s, /*millis=*/false);
    if (s.size() >= 12 && s.size() <= 14) return ParseEpoch(text, s, /*millis=*/true);
    return Bad(text, "a run of " + std::to_string(s.size()) +
                         " digits is neither epoch seconds (9-11 digits) nor epoch "
                         "milliseconds (12-14 digits)");
  }
  if (s.size() >= 5 && IsDigit(s[0]) && IsDigit(s[1]) && IsDigit(s[2]) && IsDigit(s[3]) &&
      s[4] == '-') {
    return ParseText(text, s, /*iso=*/true, default_offset);
  }
  if (IsAlpha(s[0]) ||
      (IsDigit(s[0]) && (s[1] == ' ' || (IsDigit(s[1]) && s.size() > 2 && s[2] == ' ')))) {
    return ParseText(text, s, /*iso=*/false, default_offset);
  }
  return Bad(text,
             "not a recognized timestamp; expected e.g. 2026-10-03T14:22:01Z, "
             "Sat, 03 Oct 2026 14:22:01 +0000, or epoch seconds");
}

}  // namespace

StatusOr<Timestamp> ParseFeedbackTimestamp(std::string_view text, TimestampFormat format,
                                           std::optional<int> default_utc_offset_minutes) {
  const std::string_view s = Trim(text);
  if (s.empty()) return Bad(text, "empty timestamp");
  switch (format) {
    case TimestampFormat::kRfc3339:
      return ParseText(text, s, /*iso=*/true, default_utc_offset_minutes);
    case TimestampFormat::kRfc2822:
      return ParseText(text, s, /*iso=*/false, default_utc_offset_minutes);
    case TimestampFormat::kEpochSeconds:
      return ParseEpoch(text, s, /*millis=*/false);
    case TimestampFormat::kEpochMillis:
      return ParseEpoch(text, s, /*millis=*/true);
    case TimestampFormat::kAuto:
      break;
  }
  return ParseAuto(text, s, default_utc_offset_minutes);
}

}  // namespace docket::workflows
