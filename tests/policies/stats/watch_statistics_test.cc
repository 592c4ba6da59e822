// Tests poisson_cusum.h and rate_ewma.h, which share their input type and checks.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "policies/stats/poisson_cusum.h"
#include "policies/stats/rate_ewma.h"

namespace docket::policies::stats {
namespace {

using ::testing::DoubleEq;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::vector<PeriodCount> Periods(const std::vector<int64_t>& counts, double exposure = 1) {
  std::vector<PeriodCount> periods;
  for (int64_t c : counts) periods.push_back({.count = c, .exposure = exposure});
  return periods;
}

TEST(PoissonCusum, HandComputedPath) {
  // lambda0 = 1, r = 2, e = 1: increment c*ln 2 - 1.
  const std::vector<PeriodCount> periods = Periods({0, 3, 3, 0});
  StatusOr<CusumPath> path =
      PoissonCusum(periods, {.in_control_rate = 1, .detect_ratio = 2, .threshold = 2});
  ASSERT_TRUE(path.ok()) << path.status().ToString();
  const double step = 3 * std::log(2.0) - 1;
  EXPECT_THAT(path->statistic,
              ElementsAre(0, DoubleEq(step), DoubleEq(2 * step), DoubleEq(2 * step - 1)));
  ASSERT_TRUE(path->first_alarm.has_value());
  EXPECT_EQ(*path->first_alarm, 2u);
}

TEST(PoissonCusum, InControlSeriesWithoutEventsNeverAlarms) {
  const std::vector<PeriodCount> periods = Periods(std::vector<int64_t>(100, 0), 5);
  StatusOr<CusumPath> path =
      PoissonCusum(periods, {.in_control_rate = 0.2, .detect_ratio = 2, .threshold = 3});
  ASSERT_TRUE(path.ok());
  EXPECT_FALSE(path->first_alarm.has_value());
  for (double s : path->statistic) EXPECT_EQ(s, 0);
}

TEST(PoissonCusum, EmptySeriesGivesEmptyPath) {
  StatusOr<CusumPath> path =
      PoissonCusum({}, {.in_control_rate = 1, .detect_ratio = 2, .threshold = 1});
  ASSERT_TRUE(path.ok());
  EXPECT_TRUE(path->statistic.empty());
  EXPECT_FALSE(path->first_alarm.has_value());
}

TEST(PoissonCusum, RejectsBadInputsNamingTheField) {
  const std::vector<PeriodCount> ok = Periods({1});
  EXPECT_THAT(PoissonCusum(ok, {.in_control_rate = 0, .threshold = 1}).status().message(),
              HasSubstr("in_control_rate"));
  EXPECT_THAT(PoissonCusum(ok, {.in_control_rate = 1, .detect_ratio = 1, .threshold = 1})
                  .status()
                  .message(),
              HasSubstr("detect_ratio must be finite and > 1"));
  EXPECT_THAT(PoissonCusum(ok, {.in_control_rate = 1, .threshold = NAN}).status().message(),
              HasSubstr("threshold"));
  const std::vector<PeriodCount> bad = {{1, 1}, {2, 0}};
  EXPECT_THAT(PoissonCusum(bad, {.in_control_rate = 1, .threshold = 1}).status().message(),
              HasSubstr("periods[1].exposure is 0 but periods[1].count is 2"));
  const std::vector<PeriodCount> negative = {{-1, 1}};
  EXPECT_THAT(PoissonCusum(negative, {.in_control_rate = 1, .threshold = 1}).status().message(),
              HasSubstr("periods[0].count"));
}

TEST(RateEwma, HandComputedPath) {
  // lambda0 = 1, w = 1/2, e = 1: z = 1, 3; v = 1/4, 1/4 + 1/16.
  const std::vector<PeriodCount> periods = Periods({1, 5});
  StatusOr<EwmaPath> path =
      RateEwma(periods, {.in_control_rate = 1, .smoothing = 0.5, .limit_width = 3});
  ASSERT_TRUE(path.ok()) << path.status().ToString();
  EXPECT_THAT(path->statistic, ElementsAre(DoubleEq(1), DoubleEq(3)));
  EXPECT_THAT(path->upper_limit,
              ElementsAre(DoubleEq(1 + 3 * 0.5), DoubleEq(1 + 3 * std::sqrt(0.3125))));
  EXPECT_THAT(path->lower_limit, ElementsAre(0, 0));
  ASSERT_TRUE(path->first_alarm.has_value());
  EXPECT_EQ(*path->first_alarm, 1u);
}

TEST(RateEwma, LimitsWidenWhenExposureIsSmall) {
  const std::vector<PeriodCount> periods = {{0, 100}, {0, 1}};
  StatusOr<EwmaPath> path = RateEwma(periods, {.in_control_rate = 0.1, .smoothing = 0.3});
  ASSERT_TRUE(path.ok());
  EXPECT_GT(path->upper_limit[1], path->upper_limit[0]);
}

TEST(RateEwma, ZeroExposureCarriesTheStatisticForward) {
  const std::vector<PeriodCount> periods = {{4, 2}, {0, 0}};
  StatusOr<EwmaPath> path = RateEwma(periods, {.in_control_rate = 1, .smoothing = 0.5});
  ASSERT_TRUE(path.ok());
  EXPECT_EQ(path->statistic[0], path->statistic[1]);
  EXPECT_EQ(path->upper_limit[0], path->upper_limit[1]);
}

TEST(RateEwma, DirectionOfAlarmFollowsTheAlternative) {
  const std::vector<PeriodCount> quiet = Periods(std::vector<int64_t>(30, 0), 100);
  StatusOr<EwmaPath> upper = RateEwma(quiet, {.in_control_rate = 1, .smoothing = 0.3});
  ASSERT_TRUE(upper.ok());
  EXPECT_FALSE(upper->first_alarm.has_value());
  StatusOr<EwmaPath> both = RateEwma(
      quiet, {.in_control_rate = 1, .smoothing = 0.3, .alternative = Alternative::kTwoSided});
  ASSERT_TRUE(both.ok());
  ASSERT_TRUE(both->first_alarm.has_value());
  EXPECT_EQ(*both->first_alarm, 0u);
}

TEST(RateEwma, RejectsBadInputsNamingTheField) {
  const std::vector<PeriodCount> ok = Periods({1});
  EXPECT_THAT(RateEwma(ok, {.in_control_rate = 1, .smoothing = 0}).status().message(),
              HasSubstr("smoothing must be in (0, 1], got 0"));
  EXPECT_THAT(RateEwma(ok, {.in_control_rate = 1, .limit_width = -1}).status().message(),
              HasSubstr("limit_width"));
  EXPECT_THAT(RateEwma(ok, {.in_control_rate = INFINITY}).status().message(),
              HasSubstr("in_control_rate"));
  const std::vector<PeriodCount> bad = {{1, -1}};
  EXPECT_THAT(RateEwma(bad, {.in_control_rate = 1}).status().message(),
              HasSubstr("periods[0].exposure must be finite and >= 0, got -1"));
}

}  // namespace
}  // namespace docket::policies::stats
