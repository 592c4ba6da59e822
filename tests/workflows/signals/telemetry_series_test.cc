#include "workflows/signals/telemetry_series.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine/base/time_format.h"
#include "tests/workflows/signals/corpus_files.h"

namespace docket::workflows::signals {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::StartsWith;

TelemetrySeriesSet MustParse(std::string_view csv, const TelemetryLimits& limits = {}) {
  StatusOr<TelemetrySeriesSet> set = ParseTelemetrySeries("telemetry.csv", csv, limits);
  EXPECT_TRUE(set.ok()) << set.status().ToString();
  return set.ok() ? *set : TelemetrySeriesSet{};
}

std::string ErrorOf(std::string_view csv, const TelemetryLimits& limits = {}) {
  StatusOr<TelemetrySeriesSet> set = ParseTelemetrySeries("telemetry.csv", csv, limits);
  if (set.ok()) return "";
  EXPECT_EQ(set.status().code(), StatusCode::kInvalidArgument);
  return set.status().message();
}

std::string Time(const TelemetryPoint& p) { return FormatRfc3339(p.time); }

TEST(TelemetrySeriesTest, GroupsRowsIntoSortedSeries) {
  const TelemetrySeriesSet set = MustParse(
      "timestamp,metric,release,region,value\n"
      "2026-11-20T10:00:00Z,checkout.error_rate,rc-42,eu-west,0.012\n"
      "2026-11-20T10:00:00Z,checkout.error_rate,rc-42,us-east,0.020\n"
      "2026-11-20T10:05:00Z,checkout.error_rate,rc-42,eu-west,0.015\n"
      "2026-11-20T10:00:00Z,api.5xx_rate,rc-42,eu-west,0\n"
      "2026-11-20T11:05:00+01:00,checkout.error_rate,rc-41,eu-west,1e-3\n");
  ASSERT_EQ(set.series.size(), 4u);
  EXPECT_EQ(set.point_count, 5u);
  EXPECT_EQ(set.series[0].metric, "api.5xx_rate");
  EXPECT_EQ(set.series[1].release, "rc-41");
  EXPECT_EQ(Time(set.series[1].points[0]), "2026-11-20T10:05:00Z");  // the offset applied
  EXPECT_EQ(set.series[1].points[0].value, 0.001);
  const TelemetrySeries* eu = set.Find("checkout.error_rate", "rc-42", "eu-west");
  ASSERT_NE(eu, nullptr);
  ASSERT_EQ(eu->points.size(), 2u);
  EXPECT_EQ(Time(eu->points[0]), "2026-11-20T10:00:00Z");
  EXPECT_EQ(eu->points[0].value, 0.012);
  EXPECT_EQ(Time(eu->points[1]), "2026-11-20T10:05:00Z");
  EXPECT_EQ(set.series[3].region, "us-east");
  EXPECT_EQ(set.Find("checkout.error_rate", "rc-42", "ap-south"), nullptr);
}

TEST(TelemetrySeriesTest, OptionalColumnsMayBeAbsentOrEmptyAndInAnyOrder) {
  const TelemetrySeriesSet set = MustParse(
      "value,timestamp,metric\r\n"
      "0.5,2026-11-20T10:00:00.250Z,error_rate\r\n"
      "\r\n"
      "0.25,2026-11-20T10:00:01Z,error_rate\r\n");
  ASSERT_EQ(set.series.size(), 1u);
  EXPECT_EQ(set.series[0].release, "");
  EXPECT_EQ(set.series[0].region, "");
  EXPECT_EQ(Time(set.series[0].points[0]), "2026-11-20T10:00:00.250000Z");

  const TelemetrySeriesSet partial = MustParse(
      "timestamp,metric,value,region\n"
      "2026-11-20T10:00:00Z,error_rate,0.5,\n"
      "2026-11-20T10:00:00Z,error_rate,0.5,eu\n");
  ASSERT_EQ(partial.series.size(), 2u);
  EXPECT_EQ(partial.series[0].region, "");
  EXPECT_EQ(partial.series[1].region, "eu");
}

TEST(TelemetrySeriesTest, AHeaderOnlyFileHoldsNoSeries) {
  EXPECT_THAT(MustParse("timestamp,metric,value\n").series, IsEmpty());
  EXPECT_THAT(MustParse("\xEF\xBB\xBFtimestamp,metric,value").series, IsEmpty());
}

TEST(TelemetrySeriesTest, CanonicalJsonIsStable) {
  const TelemetrySeriesSet set = MustParse(
      "timestamp,metric,release,value\n"
      "2026-11-20T10:00:00Z,err,rc-1,0.5\n"
      "2026-11-20T10:01:00Z,err,rc-1,2\n");
  EXPECT_EQ(ToCanonicalJson(set),
            R"({"point_count":2,"series":[{"metric":"err","points":[)"
            R"({"time":"2026-11-20T10:00:00Z","value":5E-1},)"
            R"({"time":"2026-11-20T10:01:00Z","value":2E0}],"region":"","release":"rc-1"}]})");
}

TEST(TelemetrySeriesTest, RejectsBadHeaders) {
  EXPECT_EQ(ErrorOf(""), "telemetry.csv: no header row: the file is empty or has only blank lines");
  EXPECT_EQ(ErrorOf("\n\ntimestamp,metric,Value\n"),
            "telemetry.csv:3: unknown column \"Value\" (did you mean \"value\"?); expected the "
            "columns timestamp, metric, value and optionally release, region");
  EXPECT_EQ(ErrorOf("timestamp,metric\n"),
            "telemetry.csv:1: the header has no \"value\" column; expected the columns "
            "timestamp, metric, value and optionally release, region");
  EXPECT_EQ(ErrorOf("timestamp,metric,value,metric\n"),
            "telemetry.csv:1: the column \"metric\" appears twice in the header");
  EXPECT_EQ(ErrorOf("timestamp,\"metric,value\n"),
            "telemetry.csv:1:11: quoted field is never closed (no matching '\"' before the end "
            "of the file); the file looks truncated, or a '\"' inside a field is not doubled");
}

TEST(TelemetrySeriesTest, RejectsBadRowsNamingLineAndColumn) {
  const std::string header = "timestamp,metric,release,region,value\n";
  const std::string ok = "2026-11-20T10:00:00Z,err,rc-1,eu,0.5\n";
  EXPECT_EQ(ErrorOf(header + ok + "2026-11-20T10:01:00Z,err,rc-1,eu\n"),
            "telemetry.csv:3: row has 4 fields but the header has 5; every row needs a value "
            "(possibly empty) for every column");
  EXPECT_EQ(ErrorOf(header + "2026-11-20T10:01:00Z,e\"r\"r,rc-1,eu,1\n"),
            "telemetry.csv:2:23: '\"' inside an unquoted field; quote the whole field and double "
            "each '\"'");
  EXPECT_EQ(ErrorOf(header + ok + ",err,rc-1,eu,0.5\n"),
            "telemetry.csv:3: column `timestamp`: is empty; write an RFC 3339 time such as "
            "2026-11-20T10:00:00Z");
  EXPECT_THAT(ErrorOf(header + "2026-11-20 10:00:00,err,rc-1,eu,0.5\n"),
              StartsWith("telemetry.csv:2: column `timestamp`: cannot parse timestamp "
                         "\"2026-11-20 10:00:00\": "));
  EXPECT_THAT(ErrorOf(header + "1763632800,err,rc-1,eu,0.5\n"),
              StartsWith("telemetry.csv:2: column `timestamp`: cannot parse timestamp "
                         "\"1763632800\""));
  EXPECT_EQ(ErrorOf(header + "2026-11-20T10:00:00Z,,rc-1,eu,0.5\n"),
            "telemetry.csv:2: column `metric`: is empty; every row names its metric");
  EXPECT_EQ(ErrorOf(header + "2026-11-20T10:00:00Z,err ,rc-1,eu,0.5\n"),
            "telemetry.csv:2: column `metric`: \"err \" has leading or trailing spaces; remove "
            "them");
  EXPECT_EQ(ErrorOf(header + "2026-11-20T10:00:00Z,err,rc-1, eu,0.5\n"),
            "telemetry.csv:2: column `region`: \" eu\" has leading or trailing spaces; remove "
            "them");
}

TEST(TelemetrySeriesTest, RejectsValuesThatAreNotFiniteNonNegativeNumbers) {
  const std::string header = "timestamp,metric,value\n";
  auto row = [&](const std::string& value) {
    return ErrorOf(header + "2026-11-20T10:00:00Z,err," + value + "\n");
  };
  EXPECT_EQ(row(""), "telemetry.csv:2: column `value`: is empty; write a number such as 0.012");
  EXPECT_EQ(row("abc"),
            "telemetry.csv:2: column `value`: \"abc\" is not a number; write a plain decimal such "
            "as 0.012");
  EXPECT_EQ(row("-0.5"),
            "telemetry.csv:2: column `value`: \"-0.5\" is negative; error rates are 0 or more");
  EXPECT_EQ(row("nan"), "telemetry.csv:2: column `value`: \"nan\" is not a finite number");
  EXPECT_EQ(row("inf"), "telemetry.csv:2: column `value`: \"inf\" is not a finite number");
  EXPECT_EQ(row("1e999"), "telemetry.csv:2: column `value`: \"1e999\" is out of range");
  for (const char* bad : {" 1", "1 ", "+1", "0x1p3", "\"1,5\"", "5%"}) {
    EXPECT_THAT(row(bad), HasSubstr("is not a number")) << bad;
  }
  for (const char* good : {"0", "0.0", "12", "1.5e-3", ".5", "100"}) {
    EXPECT_EQ(row(good), "") << good;
  }
}

TEST(TelemetrySeriesTest, RejectsRepeatedAndOutOfOrderTimesWithinASeries) {
  const std::string header = "timestamp,metric,region,value\n";
  EXPECT_EQ(ErrorOf(header + "2026-11-20T10:00:00Z,err,eu,0.1\n"
                             "2026-11-20T10:00:00Z,err,us,0.1\n"
                             "2026-11-20T11:00:00+01:00,err,eu,0.2\n"),
            "telemetry.csv:4: column `timestamp`: 2026-11-20T10:00:00Z repeats the time of line "
            "2 in the series metric=\"err\", release=\"\", region=\"eu\"; a series has one value "
            "per timestamp");
  EXPECT_EQ(ErrorOf(header + "2026-11-20T10:05:00Z,err,eu,0.1\n"
                             "2026-11-20T10:00:00Z,err,us,0.1\n"
                             "2026-11-20T10:04:59Z,err,eu,0.2\n"),
            "telemetry.csv:4: column `timestamp`: 2026-11-20T10:04:59Z is earlier than "
            "2026-11-20T10:05:00Z on line 2 in the series metric=\"err\", release=\"\", "
            "region=\"eu\"; rows of one series must be in increasing time order");
}

TEST(TelemetrySeriesTest, RejectsInvalidUtf8) {
  EXPECT_EQ(ErrorOf("timestamp,metric,value\n2026-11-20T10:00:00Z,caf\xE9,1\n"),
            "telemetry.csv:2:25: invalid UTF-8 (byte 0xE9 is not part of a well-formed "
            "sequence); save the telemetry file as UTF-8");
}

TEST(TelemetrySeriesTest, EnforcesCaps) {
  TelemetryLimits limits;
  limits.max_bytes = 8;
  EXPECT_EQ(ErrorOf("timestamp,metric,value\n", limits),
            "telemetry.csv: the telemetry file is 23 bytes, over the limit of 8 bytes");
  const std::string csv =
      "timestamp,metric,value\n"
      "2026-11-20T10:00:00Z,a,1\n"
      "2026-11-20T10:00:00Z,b,1\n"
      "2026-11-20T10:01:00Z,b,1\n";
  limits = TelemetryLimits{};
  limits.max_series = 1;
  EXPECT_EQ(ErrorOf(csv, limits), "telemetry.csv:3: the file holds more than 1 series");
  limits = TelemetryLimits{};
  limits.max_points = 2;
  EXPECT_EQ(ErrorOf(csv, limits), "telemetry.csv:4: the file holds more than 2 points");
}

TEST(TelemetrySeriesTest, SeedCorpusParsesAsItsNamesSay) {
  const std::vector<std::string> valid = {"bom_quoted.csv", "full.csv", "header_only.csv",
                                          "minimal.csv"};
  const auto corpus = testing::ReadCorpus("telemetry_signal");
  ASSERT_GE(corpus.size(), 10u);
  for (const auto& [name, bytes] : corpus) {
    const bool expect_ok = std::find(valid.begin(), valid.end(), name) != valid.end();
    EXPECT_EQ(ParseTelemetrySeries(name, bytes).ok(), expect_ok) << name;
  }
}

}  // namespace
}  // namespace docket::workflows::signals
