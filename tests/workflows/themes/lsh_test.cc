// Tests for workflows/themes/lsh: the S-curve, banding choice (against the exhaustive
// search), candidate pairs (against their definition), big buckets and
// thread-independence.
#include "workflows/themes/lsh.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <set>
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

// ChooseBanding as first written: every banding costed in full, (bands, rows) order,
// the first of least cost kept. The pruned search must choose exactly the same.
LshBanding ExhaustiveBanding(int k, double t, double w) {
  const auto integrate = [](auto f, double lo, double hi) {
    const double step = (hi - lo) / 200;
    double sum = 0;
    for (int i = 0; i < 200; ++i) sum += f(lo + (i + 0.5) * step);
    return sum * step;
  };
  LshBanding best{1, k};
  double best_cost = std::numeric_limits<double>::infinity();
  for (int b = 1; b <= k; ++b) {
    for (int r = 1; b * r <= k; ++r) {
      const LshBanding c{b, r};
      const double fp = integrate([&](double s) { return CandidateProbability(s, c); }, 0.0, t);
      const double fn =
          integrate([&](double s) { return 1.0 - CandidateProbability(s, c); }, t, 1.0);
      const double cost = w * fn + (1.0 - w) * fp;
      if (cost < best_cost) {
        best_cost = cost;
        best = c;
      }
    }
  }
  return best;
}

TEST(LshTest, ChooseBandingMatchesTheExhaustiveSearch) {
  for (int k : {1, 5, 32, 64, 128}) {
    for (double t : {0.0, 0.3, 0.5, 0.7, 0.85, 1.0}) {
      for (double w : {0.0, 0.5, 0.9, 1.0}) {
        const LshBanding expected = ExhaustiveBanding(k, t, w);
        const LshBanding chosen = ChooseBanding(k, t, w);
        EXPECT_EQ(chosen.bands, expected.bands) << k << " " << t << " " << w;
        EXPECT_EQ(chosen.rows, expected.rows) << k << " " << t << " " << w;
      }
    }
  }
}

// Candidate pairs by definition: per band, documents grouped by their band's slots,
// every pair of a small group, star and chain pairs of a big one.
std::vector<CandidatePair> ReferencePairs(const std::vector<uint32_t>& sigs, int k,
                                          std::vector<uint32_t> members, LshBanding banding,
                                          size_t max_bucket) {
  std::sort(members.begin(), members.end());
  std::set<CandidatePair> pairs;
  for (int band = 0; band < banding.bands; ++band) {
    std::map<std::vector<uint32_t>, std::vector<uint32_t>> groups;
    for (uint32_t doc : members) {
      const auto first = sigs.begin() + doc * k + band * banding.rows;
      groups[std::vector<uint32_t>(first, first + banding.rows)].push_back(doc);
    }
    for (const auto& [slots, docs] : groups) {
      for (size_t b = 1; b < docs.size(); ++b) {
        if (docs.size() <= max_bucket) {
          for (size_t a = 0; a < b; ++a) pairs.emplace(docs[a], docs[b]);
        } else {
          pairs.emplace(docs[0], docs[b]);
          pairs.emplace(docs[b - 1], docs[b]);
        }
      }
    }
  }
  return {pairs.begin(), pairs.end()};
}

TEST(LshTest, CandidatePairsMatchTheDefinition) {
  constexpr int kSlots = 12;
  std::vector<uint32_t> sigs(3000 * kSlots);
  uint32_t x = 7;
  for (uint32_t& s : sigs) {
    x = x * 1103515245u + 12345u;
    s = (x >> 16) % 4;
  }
  std::vector<uint32_t> members;  // unsorted, with gaps
  for (int d = 2999; d >= 0; d -= 1 + d % 3) members.push_back(static_cast<uint32_t>(d));
  for (const LshBanding banding : {LshBanding{4, 3}, LshBanding{3, 4}, LshBanding{2, 5}}) {
    for (size_t max_bucket : {size_t{2}, size_t{8}, size_t{5000}}) {
      EXPECT_EQ(CandidatePairs(sigs, kSlots, members, banding, max_bucket, 2),
                ReferencePairs(sigs, kSlots, members, banding, max_bucket))
          << banding.bands << "x" << banding.rows << " max_bucket " << max_bucket;
    }
  }
}

}  // namespace
}  // namespace docket::workflows::themes
