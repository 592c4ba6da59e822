#include "engine/schedule.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace docket::engine {
namespace {

using ::testing::HasSubstr;

TEST(ValidateCronTest, AcceptsValidExpressions) {
  for (const char* cron : {
           "* * * * *",
           "0 6 * * 1-5",
           "*/15 * * * *",
           "0 0 1 1 *",
           "59 23 31 12 7",
           "0 0 * * 0",
           "0,15,30,45 8-18/2 1-7 */3 1,3,5",
           "  0   6  *  *  *  ",  // extra spaces separate fields
           "0-59/59 0-23/23 1-31/31 1-12/12 0-7/7",
       }) {
    Status s = ValidateCron(cron);
    EXPECT_TRUE(s.ok()) << cron << ": " << s.ToString();
  }
}

TEST(ValidateCronTest, RejectsWrongFieldCounts) {
  for (const char* cron : {"", "   ", "* * * *", "* * * * * *", "0 6 * * 1-5 2026"}) {
    Status s = ValidateCron(cron);
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << cron;
    EXPECT_THAT(s.message(), HasSubstr("expected 5")) << cron;
  }
  EXPECT_EQ(ValidateCron("* * * *").message(),
            "cron expression `* * * *` has 4 fields, expected 5");
}

TEST(ValidateCronTest, RejectsBadFields) {
  const std::pair<const char*, const char*> cases[] = {
      {"60 * * * *", "cron minute field `60`: out of range 0-59"},
      {"* 24 * * *", "cron hour field `24`: out of range 0-23"},
      {"* * 0 * *", "cron day-of-month field `0`: out of range 1-31"},
      {"* * 32 * *", "cron day-of-month field `32`: out of range 1-31"},
      {"* * * 13 *", "cron month field `13`: out of range 1-12"},
      {"* * * * 8", "cron day-of-week field `8`: out of range 0-7"},
      {"*/0 * * * *", "cron minute field `*/0`: step must be a number from 1 to 59"},
      {"*/60 * * * *", "cron minute field `*/60`: step must be a number from 1 to 59"},
      {"*/ * * * *", "cron minute field `*/`: step must be a number from 1 to 59"},
      {"5-1 * * * *", "cron minute field `5-1`: range start is after its end"},
      {"a * * * *", "cron minute field `a`: expected *, a number or a range"},
      {"1-x * * * *", "cron minute field `1-x`: expected numbers"},
      {"-5 * * * *", "cron minute field `-5`: expected numbers"},
      {"1--5 * * * *", "cron minute field `1--5`: expected numbers"},
      {"*/-1 * * * *", "cron minute field `*/-1`: step must be a number from 1 to 59"},
      {"1,,2 * * * *", "cron minute field ``: expected *, a number or a range"},
      {"1, * * * *", "cron minute field ``: expected *, a number or a range"},
      {"* * * JAN *", "cron month field `JAN`: expected *, a number or a range"},
      {"* * * * MON", "cron day-of-week field `MON`: expected *, a number or a range"},
      {"@daily * * * *", "cron minute field `@daily`: expected *, a number or a range"},
      {"99999999999 * * * *", "cron minute field `99999999999`: expected *, a number or a range"},
  };
  for (const auto& [cron, message] : cases) {
    Status s = ValidateCron(cron);
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << cron;
    EXPECT_EQ(s.message(), message) << cron;
  }
}

TEST(ValidateCronTest, TabsAreNotSeparators) { EXPECT_FALSE(ValidateCron("0\t6 * * *").ok()); }

TEST(ParseFixedZoneTest, Valid) {
  EXPECT_EQ(ParseFixedZone("UTC"), 0);
  EXPECT_EQ(ParseFixedZone("Z"), 0);
  EXPECT_EQ(ParseFixedZone("+00:00"), 0);
  EXPECT_EQ(ParseFixedZone("-00:00"), 0);
  EXPECT_EQ(ParseFixedZone("+02:00"), 120);
  EXPECT_EQ(ParseFixedZone("-05:30"), -330);
  EXPECT_EQ(ParseFixedZone("+23:59"), 23 * 60 + 59);
}

TEST(ParseFixedZoneTest, Invalid) {
  for (const char* zone :
       {"", "utc", "GMT", "Europe/Paris", "+2:00", "+0200", "02:00", "+24:00", "+02:60", "+02:0x",
        "+-2:00", "--2:00", "+02:-1", "++2:00", " +02:00", "+02:00 ", "z"}) {
    EXPECT_EQ(ParseFixedZone(zone), std::nullopt) << zone;
  }
}

}  // namespace
}  // namespace docket::engine
