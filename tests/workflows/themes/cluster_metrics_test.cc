// Tests for workflows/themes/cluster_metrics: scikit-learn's documented examples and
// hand-computed values.
#include "workflows/themes/cluster_metrics.h"

#include <gtest/gtest.h>

namespace docket::workflows::themes {
namespace {

using Labels = std::vector<int64_t>;

TEST(AdjustedRandIndexTest, ScikitLearnDocumentedExamples) {
  EXPECT_DOUBLE_EQ(AdjustedRandIndex({0, 0, 1, 1}, {0, 0, 1, 1}), 1.0);
  EXPECT_DOUBLE_EQ(AdjustedRandIndex({0, 0, 1, 1}, {1, 1, 0, 0}), 1.0);
  EXPECT_NEAR(AdjustedRandIndex({0, 0, 1, 2}, {0, 0, 1, 1}), 4.0 / 7.0, 1e-12);  // 0.5714…
  EXPECT_NEAR(AdjustedRandIndex({0, 0, 1, 1}, {0, 0, 1, 2}), 4.0 / 7.0, 1e-12);
  EXPECT_DOUBLE_EQ(AdjustedRandIndex({0, 0, 0, 0}, {0, 1, 2, 3}), 0.0);
  EXPECT_NEAR(AdjustedRandIndex({0, 0, 1, 1}, {0, 1, 0, 1}), -0.5, 1e-12);
}

TEST(AdjustedRandIndexTest, DegenerateInputs) {
  EXPECT_DOUBLE_EQ(AdjustedRandIndex({}, {}), 1.0);
  EXPECT_DOUBLE_EQ(AdjustedRandIndex({7}, {3}), 1.0);
  EXPECT_DOUBLE_EQ(AdjustedRandIndex({1, 1, 1}, {2, 2, 2}), 1.0);
  EXPECT_DOUBLE_EQ(AdjustedRandIndex({0, 1, 2}, {5, 4, 3}), 1.0);
}

TEST(NormalizedMutualInformationTest, ScikitLearnDocumentedExamples) {
  EXPECT_DOUBLE_EQ(NormalizedMutualInformation({0, 0, 1, 1}, {0, 0, 1, 1}), 1.0);
  EXPECT_DOUBLE_EQ(NormalizedMutualInformation({0, 0, 1, 1}, {1, 1, 0, 0}), 1.0);
  EXPECT_DOUBLE_EQ(NormalizedMutualInformation({0, 0, 0, 0}, {0, 1, 2, 3}), 0.0);
}

TEST(NormalizedMutualInformationTest, HandComputedArithmeticNormalization) {
  // I = ln 2, H(A) = ln 2, H(B) = 1.5 ln 2: NMI = ln 2 / (1.25 ln 2) = 0.8.
  EXPECT_NEAR(NormalizedMutualInformation({0, 0, 1, 1}, {0, 0, 1, 2}), 0.8, 1e-12);
  // Independent labelings carry no information.
  EXPECT_NEAR(NormalizedMutualInformation({0, 0, 1, 1}, {0, 1, 0, 1}), 0.0, 1e-12);
  // Labels are names, not numbers: any values work, including the unthemed -1.
  EXPECT_NEAR(NormalizedMutualInformation({-1, -1, 9, 9}, {100, 100, -1, 42}), 0.8, 1e-12);
}

TEST(NormalizedMutualInformationTest, DegenerateInputs) {
  EXPECT_DOUBLE_EQ(NormalizedMutualInformation({}, {}), 1.0);
  EXPECT_DOUBLE_EQ(NormalizedMutualInformation({4, 4}, {1, 1}), 1.0);
}

}  // namespace
}  // namespace docket::workflows::themes
