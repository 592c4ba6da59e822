#include "policies/stats/quasi_rate_ratio_test.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "policies/stats/binomial_test.h"
#include "policies/stats/rate_ratio_test.h"

namespace docket::policies::stats {
namespace {

using ::testing::HasSubstr;

constexpr Alternative kAlternatives[] = {Alternative::kGreater, Alternative::kLess,
                                         Alternative::kTwoSided};

RateRatioResult Quasi(const RateRatioCounts& counts, double phi, Alternative alternative) {
  StatusOr<RateRatioResult> result = QuasiRateRatioTest(counts, phi, {.alternative = alternative});
  EXPECT_TRUE(result.ok()) << result.status().ToString();
  return result.ok() ? *result : RateRatioResult{};
}

TEST(QuasiRateRatioTest, DispersionOneIsTheExactTestBitForBit) {
  const std::vector<RateRatioCounts> cases = {
      {0, 48, 7, 336},  {9, 48, 0, 336}, {12, 100, 12, 100},        {40, 48, 70, 336},
      {3, 0.3, 7, 0.7}, {0, 1, 0, 1},    {123456, 1e6, 987654, 7e6}};
  for (const RateRatioCounts& counts : cases) {
    for (Alternative alternative : kAlternatives) {
      const RateRatioResult quasi = Quasi(counts, 1, alternative);
      StatusOr<RateRatioResult> exact = RateRatioTest(counts, {.alternative = alternative});
      ASSERT_TRUE(exact.ok());
      EXPECT_EQ(quasi.p_value, exact->p_value);
      EXPECT_EQ(quasi.ci_low, exact->ci_low);
      EXPECT_EQ(quasi.ci_high, exact->ci_high);
      EXPECT_EQ(quasi.expected, exact->expected);
      EXPECT_EQ(quasi.observed, exact->observed);
    }
  }
}

TEST(QuasiRateRatioTest, IntegerEffectiveCountsGiveTheExactBinomialTails) {
  // x1 = 20 of n = 40 at phi = 2 is the exact binomial test of 10 of 20.
  const RateRatioCounts counts{20, 48, 20, 336};
  const double p0 = 48.0 / (48 + 336);
  for (Alternative alternative : {Alternative::kGreater, Alternative::kLess}) {
    StatusOr<BinomialTestResult> binomial =
        BinomialTest(10, 20, {.null_probability = p0, .alternative = alternative});
    ASSERT_TRUE(binomial.ok());
    const RateRatioResult quasi = Quasi(counts, 2, alternative);
    EXPECT_NEAR(quasi.p_value, binomial->p_value, 1e-13 * binomial->p_value);
    const double low = binomial->ci_low / (1 - binomial->ci_low) * 336 / 48;
    EXPECT_NEAR(quasi.ci_low, low, 1e-12 * (1 + low));
  }
  const RateRatioResult greater = Quasi(counts, 2, Alternative::kGreater);
  const RateRatioResult less = Quasi(counts, 2, Alternative::kLess);
  EXPECT_DOUBLE_EQ(Quasi(counts, 2, Alternative::kTwoSided).p_value,
                   std::min(1.0, 2 * std::min(greater.p_value, less.p_value)));
}

TEST(QuasiRateRatioTest, MoreDispersionMeansWeakerEvidenceSameEstimate) {
  const RateRatioCounts spike{30, 48, 70, 336};  // 3x the baseline rate
  double previous_p = 0;
  double previous_low = INFINITY;
  for (double phi : {1.0, 1.0001, 1.3, 2.0, 4.0, 10.0}) {
    const RateRatioResult result = Quasi(spike, phi, Alternative::kGreater);
    EXPECT_GT(result.p_value, previous_p) << phi;
    EXPECT_LT(result.ci_low, previous_low) << phi;
    EXPECT_DOUBLE_EQ(result.rate_ratio, 3);
    EXPECT_EQ(result.ci_high, INFINITY);
    previous_p = result.p_value;
    previous_low = result.ci_low;
  }
}

TEST(QuasiRateRatioTest, ContinuousAtDispersionOneForOneSidedTests) {
  const RateRatioCounts counts{17, 48, 60, 336};
  for (Alternative alternative : {Alternative::kGreater, Alternative::kLess}) {
    EXPECT_NEAR(Quasi(counts, 1 + 1e-9, alternative).p_value, Quasi(counts, 1, alternative).p_value,
                1e-7);
  }
}

TEST(QuasiRateRatioTest, EmptyAndExtremeWindows) {
  const RateRatioResult none = Quasi({0, 48, 0, 336}, 3, Alternative::kTwoSided);
  EXPECT_EQ(none.p_value, 1);
  EXPECT_EQ(none.ci_low, 0);
  EXPECT_EQ(none.ci_high, INFINITY);
  EXPECT_TRUE(std::isnan(none.rate_ratio));
  const RateRatioResult all_current = Quasi({12, 48, 0, 336}, 1.5, Alternative::kTwoSided);
  EXPECT_EQ(all_current.rate_ratio, INFINITY);
  EXPECT_EQ(all_current.ci_high, INFINITY);
  EXPECT_GT(all_current.ci_low, 0);
  const RateRatioResult nothing_current = Quasi({0, 48, 30, 336}, 2, Alternative::kGreater);
  EXPECT_EQ(nothing_current.p_value, 1);
  EXPECT_EQ(nothing_current.ci_low, 0);
}

TEST(QuasiRateRatioTest, RejectsBadDispersionAndInputs) {
  EXPECT_THAT(QuasiRateRatioTest({1, 1, 1, 1}, 0.5).status().message(),
              HasSubstr("dispersion must be finite and >= 1, got 0.5"));
  EXPECT_THAT(QuasiRateRatioTest({1, 1, 1, 1}, NAN).status().message(),
              HasSubstr("dispersion must be finite and >= 1, got nan"));
  EXPECT_THAT(QuasiRateRatioTest({1, 0, 1, 1}, 2).status().message(),
              HasSubstr("current_exposure must be finite and > 0, got 0"));
  EXPECT_THAT(QuasiRateRatioTest({-1, 1, 1, 1}, 2).status().message(), HasSubstr("current_count"));
}

}  // namespace
}  // namespace docket::policies::stats
