#include "policies/stats/multiple_testing.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

namespace docket::policies::stats {
namespace {

using ::testing::DoubleEq;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::vector<double> Bh(const std::vector<double>& p) {
  StatusOr<std::vector<double>> q = BenjaminiHochberg(p);
  EXPECT_TRUE(q.ok()) << q.status().ToString();
  return q.ok() ? *q : std::vector<double>{};
}

TEST(BenjaminiHochberg, HandComputedExample) {
  // Sorted: .01 .03 .04 .2 -> 4*.01/1, min(4*.03/2, 4*.04/3), 4*.04/3, 4*.2/4.
  EXPECT_THAT(Bh({0.01, 0.04, 0.03, 0.2}), ElementsAre(DoubleEq(0.04), DoubleEq(4 * 0.04 / 3),
                                                       DoubleEq(4 * 0.04 / 3), DoubleEq(0.2)));
  EXPECT_THAT(
      Bh({0.01, 0.02, 0.03, 0.04, 0.05}),
      ElementsAre(DoubleEq(0.05), DoubleEq(0.05), DoubleEq(0.05), DoubleEq(0.05), DoubleEq(0.05)));
}

TEST(BenjaminiHochberg, EmptyAndSingle) {
  EXPECT_TRUE(Bh({}).empty());
  EXPECT_THAT(Bh({0.3}), ElementsAre(0.3));
  EXPECT_THAT(Bh({0, 1}), ElementsAre(0, 1));
}

TEST(BenjaminiHochberg, TiesGetEqualQValues) {
  const std::vector<double> q = Bh({0.02, 0.5, 0.02, 0.02, 0.9, 0.5});
  EXPECT_EQ(q[0], q[2]);
  EXPECT_EQ(q[0], q[3]);
  EXPECT_EQ(q[1], q[5]);
}

TEST(BenjaminiHochberg, PropertiesOnRandomVectors) {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> uniform(0, 1);
  for (int round = 0; round < 50; ++round) {
    std::vector<double> p(1 + round * 3);
    for (double& v : p) v = std::pow(uniform(rng), 3);
    const std::vector<double> q = Bh(p);
    ASSERT_EQ(q.size(), p.size());
    for (size_t i = 0; i < p.size(); ++i) {
      EXPECT_GE(q[i], p[i]);  // never more significant than unadjusted
      EXPECT_LE(q[i], 1);
      for (size_t j = 0; j < p.size(); ++j) {
        if (p[i] <= p[j]) {
          EXPECT_LE(q[i], q[j]);  // order preserved
        }
      }
    }
    // Permuting the input permutes the output.
    std::vector<size_t> perm(p.size());
    for (size_t i = 0; i < perm.size(); ++i) perm[i] = i;
    std::shuffle(perm.begin(), perm.end(), rng);
    std::vector<double> shuffled(p.size());
    for (size_t i = 0; i < perm.size(); ++i) shuffled[i] = p[perm[i]];
    const std::vector<double> q_shuffled = Bh(shuffled);
    for (size_t i = 0; i < perm.size(); ++i) EXPECT_EQ(q_shuffled[i], q[perm[i]]);
  }
}

TEST(BenjaminiHochberg, RejectsInvalidPValuesNamingTheIndex) {
  EXPECT_THAT(BenjaminiHochberg(std::vector<double>{0.1, NAN}).status().message(),
              HasSubstr("p_values[1] must be in [0, 1], got nan"));
  EXPECT_THAT(BenjaminiHochberg(std::vector<double>{1.5}).status().message(),
              HasSubstr("p_values[0]"));
  EXPECT_THAT(BenjaminiHochberg(std::vector<double>{-0.1}).status().message(),
              HasSubstr("p_values[0]"));
  EXPECT_EQ(BenjaminiHochberg(std::vector<double>{INFINITY}).status().code(),
            StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace docket::policies::stats
