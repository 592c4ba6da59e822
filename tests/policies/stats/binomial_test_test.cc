#include "policies/stats/binomial_test.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>

namespace docket::policies::stats {
namespace {

using ::testing::HasSubstr;

BinomialTestResult Binom(int64_t x, int64_t n, double p, Alternative alternative,
                         double confidence = 0.95) {
  StatusOr<BinomialTestResult> result = BinomialTest(
      x, n, {.null_probability = p, .alternative = alternative, .confidence = confidence});
  EXPECT_TRUE(result.ok()) << result.status().ToString();
  return result.ok() ? *result : BinomialTestResult{};
}

TEST(BinomialTest, HandComputedTailsForFairCoin) {
  // P(X <= 3 | n = 10, p = 1/2) = (1 + 10 + 45 + 120) / 1024.
  EXPECT_DOUBLE_EQ(Binom(3, 10, 0.5, Alternative::kLess).p_value, 176.0 / 1024);
  EXPECT_DOUBLE_EQ(Binom(3, 10, 0.5, Alternative::kGreater).p_value, 1 - 56.0 / 1024);
  EXPECT_DOUBLE_EQ(Binom(3, 10, 0.5, Alternative::kTwoSided).p_value, 2 * 176.0 / 1024);
  EXPECT_DOUBLE_EQ(Binom(3, 10, 0.5, Alternative::kTwoSided).estimate, 0.3);
}

TEST(BinomialTest, ClopperPearsonClosedFormsAtTheEdges) {
  // x = 0: upper bound solves (1 - u)^n = alpha/2; x = n: lower bound solves l^n = alpha/2.
  const BinomialTestResult none = Binom(0, 10, 0.5, Alternative::kTwoSided);
  EXPECT_EQ(none.ci_low, 0);
  EXPECT_NEAR(none.ci_high, 1 - std::pow(0.025, 0.1), 1e-14);
  const BinomialTestResult all = Binom(10, 10, 0.5, Alternative::kTwoSided);
  EXPECT_NEAR(all.ci_low, std::pow(0.025, 0.1), 1e-14);
  EXPECT_EQ(all.ci_high, 1);
  const BinomialTestResult greater = Binom(10, 10, 0.5, Alternative::kGreater);
  EXPECT_NEAR(greater.ci_low, std::pow(0.05, 0.1), 1e-14);
  EXPECT_EQ(greater.ci_high, 1);
  const BinomialTestResult less = Binom(0, 10, 0.5, Alternative::kLess);
  EXPECT_EQ(less.ci_low, 0);
  EXPECT_NEAR(less.ci_high, 1 - std::pow(0.05, 0.1), 1e-14);
}

TEST(BinomialTest, TwoSidedIsOneAtTheMeanAndSymmetricForFairCoin) {
  EXPECT_EQ(Binom(5, 10, 0.5, Alternative::kTwoSided).p_value, 1);
  for (int64_t x = 0; x <= 20; ++x) {
    EXPECT_DOUBLE_EQ(Binom(x, 20, 0.5, Alternative::kTwoSided).p_value,
                     Binom(20 - x, 20, 0.5, Alternative::kTwoSided).p_value)
        << x;
  }
}

TEST(BinomialTest, DegenerateNullProbabilities) {
  EXPECT_EQ(Binom(0, 10, 0, Alternative::kTwoSided).p_value, 1);
  EXPECT_EQ(Binom(2, 10, 0, Alternative::kTwoSided).p_value, 0);
  EXPECT_EQ(Binom(2, 10, 0, Alternative::kGreater).p_value, 0);
  EXPECT_EQ(Binom(2, 10, 0, Alternative::kLess).p_value, 1);
  EXPECT_EQ(Binom(10, 10, 1, Alternative::kTwoSided).p_value, 1);
  EXPECT_EQ(Binom(7, 10, 1, Alternative::kLess).p_value, 0);
}

TEST(BinomialTest, ZeroTrialsIsNoEvidence) {
  const BinomialTestResult result = Binom(0, 0, 0.3, Alternative::kGreater);
  EXPECT_EQ(result.p_value, 1);
  EXPECT_EQ(result.ci_low, 0);
  EXPECT_EQ(result.ci_high, 1);
  EXPECT_TRUE(std::isnan(result.estimate));
}

TEST(BinomialTest, MillionTrialsStayFiniteAndInRange) {
  for (Alternative alternative :
       {Alternative::kLess, Alternative::kGreater, Alternative::kTwoSided}) {
    const BinomialTestResult result = Binom(501'000, 1'000'000, 0.5, alternative);
    EXPECT_GE(result.p_value, 0);
    EXPECT_LE(result.p_value, 1);
    EXPECT_LT(result.ci_low, 0.501);
    EXPECT_GT(result.ci_high, 0.501);
  }
  EXPECT_LT(Binom(510'000, 1'000'000, 0.5, Alternative::kGreater).p_value, 1e-9);
}

TEST(BinomialTest, RejectsBadInputsNamingTheField) {
  EXPECT_THAT(BinomialTest(-1, 10).status().message(), HasSubstr("successes"));
  EXPECT_THAT(BinomialTest(11, 10).status().message(), HasSubstr("successes must be <= trials"));
  EXPECT_THAT(BinomialTest(1, 10, {.null_probability = 1.5}).status().message(),
              HasSubstr("null_probability"));
  EXPECT_THAT(BinomialTest(1, 10, {.null_probability = NAN}).status().message(),
              HasSubstr("null_probability"));
  EXPECT_THAT(BinomialTest(1, 10, {.confidence = 1}).status().message(),
              HasSubstr("confidence must be in (0, 1), got 1"));
  EXPECT_EQ(BinomialTest(1, 10, {.confidence = 0}).status().code(), StatusCode::kInvalidArgument);
}

TEST(Alternative, NamesRoundTrip) {
  for (Alternative alternative :
       {Alternative::kLess, Alternative::kGreater, Alternative::kTwoSided}) {
    StatusOr<Alternative> parsed = ParseAlternative(AlternativeName(alternative));
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(*parsed, alternative);
  }
  EXPECT_EQ(*ParseAlternative("two.sided"), Alternative::kTwoSided);
  EXPECT_THAT(ParseAlternative("up").status().message(), HasSubstr("alternative must be"));
}

}  // namespace
}  // namespace docket::policies::stats
