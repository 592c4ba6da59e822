#include "engine/base/time_format.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace docket {
namespace {

using namespace std::chrono_literals;
using std::chrono::sys_days;
using ::testing::HasSubstr;

Timestamp At(std::chrono::year_month_day day, std::chrono::microseconds since_midnight = 0us) {
  return Timestamp(sys_days(day)) + since_midnight;
}

TEST(FormatRfc3339Test, WholeSecondsHaveNoFraction) {
  EXPECT_EQ(FormatRfc3339(At(2026y / 11 / 29, 13h + 25min + 57s)), "2026-11-29T13:25:57Z");
  EXPECT_EQ(FormatRfc3339(Timestamp{}), "1970-01-01T00:00:00Z");
}

TEST(FormatRfc3339Test, MicrosecondsArePaddedToSixDigits) {
  EXPECT_EQ(FormatRfc3339(At(2026y / 1 / 2, 3h + 4min + 5s + 6us)), "2026-01-02T03:04:05.000006Z");
  EXPECT_EQ(FormatRfc3339(At(2026y / 1 / 2, 500ms)), "2026-01-02T00:00:00.500000Z");
}

TEST(FormatRfc3339Test, LeapDayAndBeforeEpoch) {
  EXPECT_EQ(FormatRfc3339(At(2024y / 2 / 29, 23h + 59min + 59s)), "2024-02-29T23:59:59Z");
  EXPECT_EQ(FormatRfc3339(Timestamp{} - 1s), "1969-12-31T23:59:59Z");
  EXPECT_EQ(FormatRfc3339(Timestamp{} - 1us), "1969-12-31T23:59:59.999999Z");
}

TEST(ParseRfc3339Test, RoundTrips) {
  const Timestamp cases[] = {
      Timestamp{},
      At(2026y / 11 / 29, 13h + 25min + 57s),
      At(2024y / 2 / 29, 12h + 1us),
      At(2000y / 2 / 29),
      At(1999y / 12 / 31, 23h + 59min + 59s + 999999us),
      Timestamp{} - 1us,
      At(9999y / 12 / 31, 23h + 59min + 59s),
  };
  for (const Timestamp t : cases) {
    const std::string text = FormatRfc3339(t);
    StatusOr<Timestamp> parsed = ParseRfc3339(text);
    ASSERT_TRUE(parsed.ok()) << text << ": " << parsed.status().ToString();
    EXPECT_EQ(*parsed, t) << text;
  }
}

TEST(ParseRfc3339Test, Offsets) {
  const Timestamp utc = At(2026y / 11 / 29, 11h + 25min + 57s);
  EXPECT_EQ(*ParseRfc3339("2026-11-29T13:25:57+02:00"), utc);
  EXPECT_EQ(*ParseRfc3339("2026-11-29T05:55:57-05:30"), utc);
  EXPECT_EQ(*ParseRfc3339("2026-11-29T11:25:57+00:00"), utc);
  EXPECT_EQ(*ParseRfc3339("2026-11-29T11:25:57-00:00"), utc);
  // An offset that crosses midnight and a year boundary.
  EXPECT_EQ(*ParseRfc3339("2027-01-01T01:00:00+02:00"), At(2026y / 12 / 31, 23h));
}

TEST(ParseRfc3339Test, LowercaseSeparatorsAndFractions) {
  EXPECT_EQ(*ParseRfc3339("2026-11-29t13:25:57z"), At(2026y / 11 / 29, 13h + 25min + 57s));
  EXPECT_EQ(*ParseRfc3339("2026-11-29T13:25:57.5Z"),
            At(2026y / 11 / 29, 13h + 25min + 57s + 500ms));
  EXPECT_EQ(*ParseRfc3339("2026-11-29T13:25:57.000001Z"),
            At(2026y / 11 / 29, 13h + 25min + 57s + 1us));
  // Digits past microseconds are accepted and truncated.
  EXPECT_EQ(*ParseRfc3339("2026-11-29T13:25:57.1234569Z"),
            At(2026y / 11 / 29, 13h + 25min + 57s + 123456us));
}

TEST(ParseRfc3339Test, LeapDay) {
  EXPECT_TRUE(ParseRfc3339("2024-02-29T00:00:00Z").ok());
  EXPECT_TRUE(ParseRfc3339("2000-02-29T00:00:00Z").ok());
  EXPECT_THAT(ParseRfc3339("2023-02-29T00:00:00Z").status().message(), HasSubstr("no such date"));
  EXPECT_THAT(ParseRfc3339("1900-02-29T00:00:00Z").status().message(), HasSubstr("no such date"));
}

TEST(ParseRfc3339Test, Rejections) {
  const std::pair<std::string, std::string> cases[] = {
      {"", "not in YYYY-MM-DDThh:mm:ss form"},
      {"2026-11-29", "not in YYYY-MM-DDThh:mm:ss form"},
      {"2026-11-29 13:25:57Z", "not in YYYY-MM-DDThh:mm:ss form"},
      {"2026/11/29T13:25:57Z", "not in YYYY-MM-DDThh:mm:ss form"},
      {"26-11-29T13:25:57Z", "not in YYYY-MM-DDThh:mm:ss form"},
      {"2026-1-29T13:25:57Z0", "not in YYYY-MM-DDThh:mm:ss form"},
      {"2026-11-29T13:25:5xZ", "not in YYYY-MM-DDThh:mm:ss form"},
      {"2026-13-01T00:00:00Z", "no such date"},
      {"2026-00-10T00:00:00Z", "no such date"},
      {"2026-04-31T00:00:00Z", "no such date"},
      {"2026-11-29T24:00:00Z", "time of day out of range"},
      {"2026-11-29T23:60:00Z", "time of day out of range"},
      {"2026-11-29T23:59:60Z", "time of day out of range"},  // no leap seconds
      {"2026-11-29T13:25:57", "missing zone"},
      {"2026-11-29T13:25:57 Z", "missing zone"},
      {"2026-11-29T13:25:57.Z", "empty fraction"},
      {"2026-11-29T13:25:57ZZ", "trailing characters"},
      {"2026-11-29T13:25:57Z ", "trailing characters"},
      {"2026-11-29T13:25:57+02:00:00", "trailing characters"},
      {"2026-11-29T13:25:57+2:00", "bad zone offset"},
      {"2026-11-29T13:25:57+0200", "bad zone offset"},
      {"2026-11-29T13:25:57+24:00", "bad zone offset"},
      {"2026-11-29T13:25:57+02:60", "bad zone offset"},
      {"2026-11-29T13:25:57+02", "bad zone offset"},
      {"2026-11-29T13:25:57+", "bad zone offset"},
  };
  for (const auto& [text, why] : cases) {
    StatusOr<Timestamp> t = ParseRfc3339(text);
    ASSERT_FALSE(t.ok()) << text;
    EXPECT_EQ(t.status().code(), StatusCode::kInvalidArgument) << text;
    EXPECT_THAT(t.status().message(), HasSubstr(why)) << text;
  }
}

TEST(ParseRfc3339Test, ErrorQuotesAtMost64Characters) {
  const std::string long_text(1000, 'x');
  StatusOr<Timestamp> t = ParseRfc3339(long_text);
  ASSERT_FALSE(t.ok());
  EXPECT_THAT(t.status().message(), HasSubstr("\"" + std::string(64, 'x') + "\""));
  EXPECT_LT(t.status().message().size(), 200u);
}

}  // namespace
}  // namespace docket
