#include "workflows/ingest/timestamp_parser.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace docket::workflows {
namespace {

using std::chrono::microseconds;
using ::testing::HasSubstr;

constexpr int64_t k20261003T142201Z = 1791037321;  // date -u -d 2026-10-03T14:22:01Z +%s

Timestamp Seconds(int64_t s, int64_t us = 0) { return Timestamp(microseconds(s * 1'000'000 + us)); }

Timestamp Parse(std::string_view text, TimestampFormat format = TimestampFormat::kAuto,
                std::optional<int> offset = std::nullopt) {
  StatusOr<Timestamp> t = ParseFeedbackTimestamp(text, format, offset);
  EXPECT_TRUE(t.ok()) << text << ": " << t.status().ToString();
  return t.ok() ? *t : Timestamp();
}

std::string Error(std::string_view text, TimestampFormat format = TimestampFormat::kAuto,
                  std::optional<int> offset = std::nullopt) {
  StatusOr<Timestamp> t = ParseFeedbackTimestamp(text, format, offset);
  EXPECT_FALSE(t.ok()) << text;
  if (t.ok()) return "";
  EXPECT_EQ(t.status().code(), StatusCode::kInvalidArgument);
  return t.status().message();
}

TEST(TimestampParserTest, Rfc3339Forms) {
  const Timestamp want = Seconds(k20261003T142201Z);
  EXPECT_EQ(Parse("2026-10-03T14:22:01Z"), want);
  EXPECT_EQ(Parse("2026-10-03t14:22:01z"), want);
  EXPECT_EQ(Parse("2026-10-03 14:22:01Z"), want);
  EXPECT_EQ(Parse("  2026-10-03T14:22:01Z\n"), want);
  EXPECT_EQ(Parse("2026-10-03T14:22Z"), Seconds(k20261003T142201Z - 1));
  EXPECT_EQ(Parse("2026-10-03T14:22:01Z", TimestampFormat::kRfc3339), want);
}

TEST(TimestampParserTest, OffsetsAreConvertedToUtcExactly) {
  const Timestamp want = Seconds(k20261003T142201Z);
  EXPECT_EQ(Parse("2026-10-03T16:22:01+02:00"), want);
  EXPECT_EQ(Parse("2026-10-03T16:22:01+0200"), want);
  EXPECT_EQ(Parse("2026-10-03T16:22:01+02"), want);
  EXPECT_EQ(Parse("2026-10-03T09:22:01-05:00"), want);
  EXPECT_EQ(Parse("2026-10-03T19:52:01+05:30"), want);
  EXPECT_EQ(Parse("2026-10-03 14:22:01 +0000"), want);
  EXPECT_EQ(Parse("2026-10-03 14:22:01 UTC"), want);
  EXPECT_EQ(Parse("2026-10-03 14:22:01 GMT"), want);
  EXPECT_EQ(Parse("2026-10-03T00:30:00+01:00"),
            Seconds(k20261003T142201Z - 14 * 3600 - 22 * 60 - 1 - 30 * 60));
  // Crossing midnight and a month end.
  EXPECT_EQ(Parse("2026-11-01T01:00:00+03:00"), Parse("2026-10-31T22:00:00Z"));
}

TEST(TimestampParserTest, FractionsAreTruncatedToMicroseconds) {
  EXPECT_EQ(Parse("2026-10-03T14:22:01.5Z"), Seconds(k20261003T142201Z, 500000));
  EXPECT_EQ(Parse("2026-10-03T14:22:01.123456Z"), Seconds(k20261003T142201Z, 123456));
  EXPECT_EQ(Parse("2026-10-03T14:22:01.123456789Z"), Seconds(k20261003T142201Z, 123456));
  EXPECT_EQ(Parse("2026-10-03T14:22:01,25+00:00"), Seconds(k20261003T142201Z, 250000));
  EXPECT_THAT(Error("2026-10-03T14:22:01.1234567890Z"), HasSubstr("more than 9 digits"));
  EXPECT_THAT(Error("2026-10-03T14:22:01.Z"), HasSubstr("digits after the decimal point"));
}

TEST(TimestampParserTest, Rfc2822Forms) {
  const Timestamp want = Seconds(k20261003T142201Z);
  EXPECT_EQ(Parse("Sat, 03 Oct 2026 14:22:01 +0000"), want);
  EXPECT_EQ(Parse("03 Oct 2026 14:22:01 GMT"), want);
  EXPECT_EQ(Parse("3 oct 2026 14:22:01 UT"), want);
  EXPECT_EQ(Parse("Sat, 3 Oct 2026 16:22:01 +0200"), want);
  EXPECT_EQ(Parse("Sat, 03 Oct 2026 10:22:01 -0400", TimestampFormat::kRfc2822), want);
  EXPECT_EQ(Parse("Sat, 03 Oct 2026 14:22 Z"), Seconds(k20261003T142201Z - 1));
  EXPECT_THAT(Error("Fri, 03 Oct 2026 14:22:01 +0000"), HasSubstr("day name does not match"));
  EXPECT_THAT(Error("Sat, 03 Oct 2026 14:22:01 EST"), HasSubstr("numeric offset"));
  EXPECT_THAT(Error("Sat, 03 Okt 2026 14:22:01 +0000"), HasSubstr("month name"));
}

TEST(TimestampParserTest, EpochSecondsAndMillis) {
  EXPECT_EQ(Parse("1791037321"), Seconds(k20261003T142201Z));
  EXPECT_EQ(Parse("1791037321123"), Seconds(k20261003T142201Z, 123000));
  EXPECT_EQ(Parse("123456789"), Seconds(123456789));  // 9 digits: seconds (1973)
  EXPECT_EQ(Parse("0", TimestampFormat::kEpochSeconds), Seconds(0));
  EXPECT_EQ(Parse("1500", TimestampFormat::kEpochMillis), Seconds(1, 500000));
  EXPECT_THAT(Error("12345678"), HasSubstr("neither epoch seconds"));
  EXPECT_THAT(Error("123456789012345"), HasSubstr("neither epoch seconds"));
  EXPECT_THAT(Error("-5", TimestampFormat::kEpochSeconds), HasSubstr("digits only"));
  EXPECT_THAT(Error("2026-10-03T14:22:01Z", TimestampFormat::kEpochMillis),
              HasSubstr("digits only"));
}

TEST(TimestampParserTest, ExplicitFormatRejectsOtherForms) {
  EXPECT_FALSE(ParseFeedbackTimestamp("1791037321", TimestampFormat::kRfc3339, 0).ok());
  EXPECT_FALSE(ParseFeedbackTimestamp("2026-10-03T14:22:01Z", TimestampFormat::kRfc2822, 0).ok());
}

TEST(TimestampParserTest, CalendarIsChecked) {
  EXPECT_EQ(Parse("2024-02-29T00:00:00Z"), Parse("2024-03-01T00:00:00Z") - std::chrono::days(1));
  EXPECT_EQ(Parse("2000-02-29T12:00:00Z"), Seconds(951825600));
  EXPECT_EQ(Parse("Thu, 29 Feb 2024 00:00:00 +0000"), Parse("2024-02-29T00:00:00Z"));
  EXPECT_THAT(Error("2026-02-29T00:00:00Z"), HasSubstr("no such day"));
  EXPECT_THAT(Error("1900-02-29T00:00:00Z"), HasSubstr("no such day"));
  EXPECT_THAT(Error("2026-02-30T00:00:00Z"), HasSubstr("no such day"));
  EXPECT_THAT(Error("2026-04-31T00:00:00Z"), HasSubstr("no such day"));
  EXPECT_THAT(Error("2026-13-01T00:00:00Z"), HasSubstr("month out of range"));
  EXPECT_THAT(Error("2026-10-03T24:00:00Z"), HasSubstr("time of day out of range"));
  EXPECT_THAT(Error("2026-10-03T23:60:00Z"), HasSubstr("time of day out of range"));
  EXPECT_THAT(Error("2026-10-03T23:59:60Z"), HasSubstr("time of day out of range"));
  EXPECT_THAT(Error("2026-10-03T12:00:00+24:00"), HasSubstr("zone offset out of range"));
}

TEST(TimestampParserTest, YearsOutsideRangeAreRejected) {
  EXPECT_THAT(Error("1969-12-31T23:59:59Z"), HasSubstr("1970..9999"));
  EXPECT_THAT(Error("1970-01-01T00:30:00+01:00"), HasSubstr("1970..9999"));
  EXPECT_THAT(Error("9999-12-31T23:00:00-02:00"), HasSubstr("1970..9999"));
  EXPECT_EQ(Parse("9999-12-31T23:59:59.999999Z"), Seconds(253402300799, 999999));
  EXPECT_EQ(Parse("1970-01-01T00:00:00Z"), Seconds(0));
  EXPECT_THAT(Error("99999999999999", TimestampFormat::kEpochSeconds), HasSubstr("1970..9999"));
}

TEST(TimestampParserTest, MissingZoneNeedsADefaultOffset) {
  EXPECT_THAT(Error("2026-10-03T14:22:01"),
              HasSubstr("no time zone; add Z or an offset, or set default_utc_offset in the "
                        "mapping"));
  EXPECT_THAT(Error("03 Oct 2026 14:22:01"), HasSubstr("no time zone"));
  EXPECT_EQ(Parse("2026-10-03T16:22:01", TimestampFormat::kAuto, 120), Seconds(k20261003T142201Z));
  EXPECT_EQ(Parse("2026-10-03 14:22:01", TimestampFormat::kAuto, 0), Seconds(k20261003T142201Z));
  // An explicit zone wins over the default.
  EXPECT_EQ(Parse("2026-10-03T14:22:01Z", TimestampFormat::kAuto, 120), Seconds(k20261003T142201Z));
}

TEST(TimestampParserTest, MalformedInputSaysWhatWasWrongAndQuotesIt) {
  EXPECT_THAT(Error(""), HasSubstr("empty timestamp"));
  EXPECT_THAT(Error("   "), HasSubstr("empty timestamp"));
  EXPECT_THAT(Error("2026-10-03"), HasSubstr("without a time of day"));
  EXPECT_THAT(Error("2026-10-03X14:22Z"), HasSubstr("'T' or ' '"));
  EXPECT_THAT(Error("2026-10-03T14Z"), HasSubstr("hh:mm"));
  EXPECT_THAT(Error("2026-10-03T14:22:01Z garbage"), HasSubstr("unexpected characters"));
  EXPECT_THAT(Error("2026-10-03T14:22:01+5"), HasSubstr("two digits of hours"));
  EXPECT_THAT(Error("10/03/2026 14:22"), HasSubstr("not a recognized timestamp"));
  EXPECT_THAT(Error("yesterday"), HasSubstr("\"yesterday\""));
  const std::string message = Error(std::string(500, 'x'));
  EXPECT_THAT(message, HasSubstr("\"" + std::string(64, 'x') + "\""));
  EXPECT_LT(message.size(), 300u);
  EXPECT_THAT(Error("2026-10-03T14:22:01\xFF"), HasSubstr("\xEF\xBF\xBD"));
}

}  // namespace
}  // namespace docket::workflows
