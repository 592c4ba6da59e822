// Tests for workflows/themes/lsh: the S-curve, banding choice, candidate pairs, big
// buckets and thread-independence.
#include "workflows/themes/lsh.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <numeric>
#include <vector>

#include "workflows/themes/minhash.h"

namespace docket::workflows::themes {
namespace {

using ::testing::ElementsAre;
using ::testing::Pair;

TEST(LshTest, CandidateProbabilityIsTheSCurve) {
  const LshBanding b{20, 6};
  EXPECT_DOUBLE_EQ(CandidateProbability(0.0, b), 0.0);
  EXPECT_DOUBLE_EQ(CandidateProbability(1.0, b), 1.0);
  EXPECT_NEAR(CandidateProbability(0.5, b), 1 - std::pow(1 - std::pow(0.5, 6), 20), 1e-12);
  EXPECT_LT(CandidateProbability(0.3, b), 0.02);
  EXPECT_GT(CandidateProbability(0.8, b), 0.99);
  EXPECT_DOUBLE_EQ(CandidateProbability(0.5, LshBanding{}), 0.0);
}

TEST(LshTest, ChooseBandingFitsAndMovesWithTheThreshold) {
  for (double t : {0.5, 0.7, 0.9}) {
    const LshBanding b = ChooseBanding(128, t);
    EXPECT_LE(b.bands * b.rows, 128);
    EXPECT_GT(CandidateProbability(t + 0.05, b), 0.9) << t;  // recall side
    EXPECT_LT(CandidateProbability(t - 0.3, b), 0.1) << t;   // few hopeless candidates
  }
  const LshBanding low = ChooseBanding(128, 0.5);
  const LshBanding high = ChooseBanding(128, 0.9);
  EXPECT_GT(high.rows, low.rows);
  EXPECT_EQ(ChooseBanding(128, 0.7).bands, 20);  // documented in lsh.h
  EXPECT_EQ(ChooseBanding(128, 0.7).rows, 6);
}

// Four signatures of 4 slots: 0 and 2 agree on band 1, 1 and 3 on band 0, 3 is empty.
TEST(LshTest, PairsShareABandAndEmptySignaturesNeverPair) {
  const std::vector<uint32_t> sigs = {1,          2,          3,          4,  //
                                      5,          6,          7,          8,  //
                                      9,          9,          3,          4,  //
                                      kEmptySlot, kEmptySlot, kEmptySlot, kEmptySlot};
  const std::vector<uint32_t> members = {0, 1, 2, 3};
  EXPECT_THAT(CandidatePairs(sigs, 4, members, {2, 2}), ElementsAre(Pair(0u, 2u)));
  // Only members take part.
  EXPECT_THAT(CandidatePairs(sigs, 4, std::vector<uint32_t>{0, 1}, {2, 2}), ::testing::IsEmpty());
}

std::vector<uint32_t> IdenticalSignatures(uint32_t n, int k) {
  std::vector<uint32_t> sigs(static_cast<size_t>(n) * k);
  std::iota(sigs.begin(), sigs.begin() + k, 100u);
  for (uint32_t d = 1; d < n; ++d) std::copy(sigs.begin(), sigs.begin() + k, sigs.begin() + d * k);
  return sigs;
}

TEST(LshTest, BigBucketsGiveLinearlyManyPairs) {
  const std::vector<uint32_t> sigs = IdenticalSignatures(200, 8);
  std::vector<uint32_t> members(200);
  std::iota(members.begin(), members.end(), 0u);
  // Small buckets: all 19,900 pairs; big ones: star and chain, 2 * 199 - 1.
  EXPECT_EQ(CandidatePairs(sigs, 8, members, {2, 4}, 1000).size(), 19900u);
  const auto capped = CandidatePairs(sigs, 8, members, {2, 4}, 64);
  EXPECT_EQ(capped.size(), 397u);
  EXPECT_THAT(capped.front(), Pair(0u, 1u));
}

TEST(LshTest, ResultDoesNotDependOnThreads) {
  std::vector<uint32_t> sigs(500 * 16);
  uint32_t x = 1;
  for (uint32_t& s : sigs) {
    x = x * 1103515245u + 12345u;
    s = (x >> 16) % 3;  // few values: many collisions
  }
  std::vector<uint32_t> members(500);
  std::iota(members.begin(), members.end(), 0u);
  const auto one = CandidatePairs(sigs, 16, members, {8, 2}, 64, 1);
  EXPECT_FALSE(one.empty());
  EXPECT_EQ(one, CandidatePairs(sigs, 16, members, {8, 2}, 64, 4));
  EXPECT_EQ(one, CandidatePairs(sigs, 16, members, {8, 2}, 64, 3));
}

}  // namespace
}  // namespace docket::workflows::themes
