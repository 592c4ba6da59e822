// Tests for workflows/themes/theme_ids: continued themes keep their ids, new ones get
// fresh numbers, matching is greedy and deterministic.
#include "workflows/themes/theme_ids.h"

#include <gtest/gtest.h>

#include <cmath>

namespace docket::workflows::themes {
namespace {

const Signature kCheckout = {{"payment", 5}, {"declined", 4}, {"card", 2}};
const Signature kLogin = {{"login", 5}, {"password", 4}};
const Signature kSearch = {{"search", 6}, {"results", 3}};

TEST(ThemeIdsTest, SimilarityIsCosineOverTerms) {
  EXPECT_NEAR(SignatureSimilarity(kCheckout, kCheckout), 1.0, 1e-12);
  EXPECT_EQ(SignatureSimilarity(kCheckout, kLogin), 0);
  EXPECT_EQ(SignatureSimilarity({}, kLogin), 0);
  EXPECT_NEAR(SignatureSimilarity({{"a", 1}}, {{"a", 1}, {"b", 1}}), 1 / std::sqrt(2.0), 1e-12);
}

TEST(ThemeIdsTest, ContinuedThemesKeepTheirIdsNewOnesCountOn) {
  const std::vector<PriorTheme> prior = {{"t3", kLogin}, {"t7", kCheckout}};
  const Signature checkout_now = {{"payment", 6}, {"declined", 3}, {"checkout", 1}};
  const auto ids = AssignThemeIds({kSearch, checkout_now, kLogin}, prior, 0.5);
  ASSERT_EQ(ids.size(), 3u);
  EXPECT_EQ(ids[0].id, "t8");
  EXPECT_FALSE(ids[0].continued);
  EXPECT_EQ(ids[1].id, "t7");
  EXPECT_TRUE(ids[1].continued);
  EXPECT_GT(ids[1].similarity, 0.9);
  EXPECT_EQ(ids[2].id, "t3");
}

TEST(ThemeIdsTest, OneEarlierThemeContinuesAtMostOneNewTheme) {
  // Two new themes both like the old checkout theme: the closer one takes its id.
  const Signature close = {{"payment", 5}, {"declined", 4}};
  const Signature farther = {{"payment", 1}, {"refund", 5}};
  const auto ids = AssignThemeIds({farther, close}, {{"t1", kCheckout}}, 0.1);
  EXPECT_EQ(ids[1].id, "t1");
  EXPECT_EQ(ids[0].id, "t2");
}

TEST(ThemeIdsTest, BelowTheThresholdAndWithoutHistoryIdsAreFresh) {
  EXPECT_EQ(AssignThemeIds({kSearch}, {{"t1", kLogin}}, 0.5)[0].id, "t2");
  const auto first = AssignThemeIds({kSearch, kLogin}, {}, 0.5);
  EXPECT_EQ(first[0].id, "t1");
  EXPECT_EQ(first[1].id, "t2");
  EXPECT_TRUE(AssignThemeIds({}, {{"t1", kLogin}}, 0.5).empty());
}

}  // namespace
}  // namespace docket::workflows::themes
