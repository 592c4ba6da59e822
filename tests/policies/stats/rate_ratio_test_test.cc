#include "policies/stats/rate_ratio_test.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>

namespace docket::policies::stats {
namespace {

using ::testing::HasSubstr;

RateRatioResult Compare(const RateRatioCounts& counts, Alternative alternative,
                        double null_ratio = 1) {
  StatusOr<RateRatioResult> result =
      RateRatioTest(counts, {.null_ratio = null_ratio, .alternative = alternative});
  EXPECT_TRUE(result.ok()) << result.status().ToString();
  return result.ok() ? *result : RateRatioResult{};
}

TEST(RateRatioTest, EqualRatesGiveRatioOneAndPValueOne) {
  const RateRatioResult result = Compare({12, 100, 12, 100}, Alternative::kTwoSided);
  EXPECT_EQ(result.rate_ratio, 1);
  EXPECT_EQ(result.p_value, 1);
  EXPECT_EQ(result.expected, 12);
  EXPECT_EQ(result.expected_conditional, 12);
  EXPECT_EQ(result.null_proportion, 0.5);
  EXPECT_LT(result.ci_low, 1);
  EXPECT_GT(result.ci_high, 1);
}

TEST(RateRatioTest, HandComputedSpikeAgainstEmptyBaseline) {
  // n = 5, p0 = 1/2: P(X >= 5) = 1/32. Lower bound l solves l^5 = 0.05; ratio l/(1-l).
  const RateRatioResult result = Compare({5, 1, 0, 1}, Alternative::kGreater);
  EXPECT_DOUBLE_EQ(result.p_value, 1.0 / 32);
  EXPECT_TRUE(std::isinf(result.rate_ratio) && result.rate_ratio > 0);
  EXPECT_TRUE(std::isinf(result.ci_high));
  const double l = std::pow(0.05, 0.2);
  EXPECT_NEAR(result.ci_low, l / (1 - l), 1e-12);
  EXPECT_EQ(result.expected, 0);
}

TEST(RateRatioTest, ExpectedIsBaselineRateTimesCurrentExposure) {
  const RateRatioResult result = Compare({30, 48, 70, 336}, Alternative::kGreater);
  EXPECT_DOUBLE_EQ(result.expected, 70.0 * 48 / 336);
  EXPECT_DOUBLE_EQ(result.rate_ratio, (30.0 / 48) / (70.0 / 336));
  EXPECT_DOUBLE_EQ(result.null_proportion, 48.0 / (48 + 336));
  EXPECT_DOUBLE_EQ(result.expected_conditional, 100 * 48.0 / 384);
}

TEST(RateRatioTest, NoEventsAtAllIsNoEvidence) {
  for (Alternative alternative :
       {Alternative::kLess, Alternative::kGreater, Alternative::kTwoSided}) {
    const RateRatioResult result = Compare({0, 48, 0, 336}, alternative);
    EXPECT_EQ(result.p_value, 1);
    EXPECT_EQ(result.ci_low, 0);
    EXPECT_TRUE(std::isinf(result.ci_high));
    EXPECT_TRUE(std::isnan(result.rate_ratio));
    EXPECT_EQ(result.expected, 0);
  }
}

TEST(RateRatioTest, SwappingWindowsInvertsTheRatioAndMirrorsTheAlternative) {
  const RateRatioCounts forward{17, 3.5, 40, 20};
  const RateRatioCounts backward{40, 20, 17, 3.5};
  const RateRatioResult f2 = Compare(forward, Alternative::kTwoSided);
  const RateRatioResult b2 = Compare(backward, Alternative::kTwoSided);
  EXPECT_NEAR(f2.p_value, b2.p_value, 1e-14);
  EXPECT_NEAR(f2.rate_ratio, 1 / b2.rate_ratio, 1e-12);
  EXPECT_NEAR(f2.ci_low, 1 / b2.ci_high, 1e-12);
  EXPECT_NEAR(f2.ci_high, 1 / b2.ci_low, 1e-12);
  EXPECT_NEAR(Compare(forward, Alternative::kGreater).p_value,
              Compare(backward, Alternative::kLess).p_value, 1e-14);
}

TEST(RateRatioTest, GreaterPValueFallsAsCurrentCountRises) {
  double previous = 2;
  for (int64_t x1 = 0; x1 <= 60; ++x1) {
    const double p = Compare({x1, 48, 100, 336}, Alternative::kGreater).p_value;
    EXPECT_LE(p, previous) << x1;
    previous = p;
  }
  EXPECT_LT(previous, 1e-6);
}

TEST(RateRatioTest, GreaterPValueRisesWithCurrentExposure) {
  double previous = -1;
  for (double t1 : {10.0, 20.0, 48.0, 100.0, 336.0}) {
    const double p = Compare({20, t1, 100, 336}, Alternative::kGreater).p_value;
    EXPECT_GE(p, previous) << t1;
    previous = p;
  }
}

TEST(RateRatioTest, ScalingBothExposuresChangesNothing) {
  const RateRatioResult a = Compare({20, 48, 100, 336}, Alternative::kTwoSided);
  const RateRatioResult b = Compare({20, 48e3, 100, 336e3}, Alternative::kTwoSided);
  EXPECT_NEAR(a.p_value, b.p_value, 1e-12);
  EXPECT_NEAR(a.rate_ratio, b.rate_ratio, 1e-12);
  EXPECT_NEAR(a.ci_high, b.ci_high, 1e-9);
}

TEST(RateRatioTest, NullRatioShiftsTheNull) {
  // Current rate exactly twice the baseline: H0 ratio 2 is the mean outcome.
  const RateRatioResult result = Compare({20, 10, 10, 10}, Alternative::kTwoSided, 2);
  EXPECT_DOUBLE_EQ(result.null_proportion, 2.0 / 3);
  EXPECT_GT(result.p_value, 0.99);
  EXPECT_LT(Compare({20, 10, 10, 10}, Alternative::kTwoSided, 1).p_value, 0.1);
}

TEST(RateRatioTest, MillionEventsStayFinite) {
  for (Alternative alternative :
       {Alternative::kLess, Alternative::kGreater, Alternative::kTwoSided}) {
    const RateRatioResult result = Compare({1'003'000, 1e6, 1'000'000, 1e6}, alternative);
    EXPECT_TRUE(std::isfinite(result.p_value));
    EXPECT_TRUE(std::isfinite(result.ci_low));
    // A one-sided "greater" interval is [l, +inf] by construction.
    EXPECT_EQ(std::isfinite(result.ci_high), alternative != Alternative::kGreater);
    EXPECT_NEAR(result.rate_ratio, 1.003, 1e-12);
  }
  EXPECT_LT(Compare({1'010'000, 1e6, 1'000'000, 1e6}, Alternative::kGreater).p_value, 1e-9);
}

TEST(RateRatioTest, ExtremeExposureRatiosDoNotProduceNaN) {
  for (Alternative alternative :
       {Alternative::kLess, Alternative::kGreater, Alternative::kTwoSided}) {
    const RateRatioResult tiny = Compare({3, 1e-300, 7, 1e300}, alternative);
    EXPECT_FALSE(std::isnan(tiny.p_value));
    EXPECT_FALSE(std::isnan(tiny.ci_low));
    EXPECT_FALSE(std::isnan(tiny.ci_high));
    const RateRatioResult huge = Compare({3, 1e300, 7, 1e-300}, alternative);
    EXPECT_FALSE(std::isnan(huge.p_value));
    EXPECT_FALSE(std::isnan(huge.ci_low));
    EXPECT_FALSE(std::isnan(huge.ci_high));
  }
}

TEST(RateRatioTest, RejectsBadInputsNamingTheField) {
  EXPECT_THAT(RateRatioTest({1, 0, 1, 1}).status().message(),
              HasSubstr("current_exposure must be finite and > 0, got 0"));
  EXPECT_THAT(RateRatioTest({1, 1, 1, -2}).status().message(),
              HasSubstr("baseline_exposure must be finite and > 0, got -2"));
  EXPECT_THAT(RateRatioTest({1, INFINITY, 1, 1}).status().message(),
              HasSubstr("current_exposure must be finite and > 0, got inf"));
  EXPECT_THAT(RateRatioTest({1, 1, 1, NAN}).status().message(), HasSubstr("baseline_exposure"));
  EXPECT_THAT(RateRatioTest({-1, 1, 1, 1}).status().message(), HasSubstr("current_count"));
  EXPECT_THAT(RateRatioTest({1, 1, -3, 1}).status().message(), HasSubstr("baseline_count"));
  EXPECT_THAT(RateRatioTest({1, 1, 1, 1}, {.null_ratio = 0}).status().message(),
              HasSubstr("null_ratio"));
  EXPECT_THAT(RateRatioTest({1, 1, 1, 1}, {.confidence = 1.5}).status().message(),
              HasSubstr("confidence"));
  EXPECT_THAT(RateRatioTest({int64_t{1} << 53, 1, int64_t{1} << 53, 1}).status().message(),
              HasSubstr("current_count + baseline_count"));
  EXPECT_EQ(RateRatioTest({1, 0, 1, 1}).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace docket::policies::stats
