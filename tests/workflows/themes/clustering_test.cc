// Tests for workflows/themes/clustering: obvious themes, the lexicon, determinism across
// thread counts, and degenerate inputs (never a crash; unthemed is explicit).
#include "workflows/themes/clustering.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "workflows/themes/cluster_metrics.h"

namespace docket::workflows::themes {
namespace {

// Three obvious themes, eight texts each, with varied wording.
std::vector<std::string> ObviousThemes(std::vector<int64_t>* labels) {
  const std::vector<std::vector<std::string>> themes = {
      {"the app crashes when I open it", "app crashes on startup", "crash after the update",
       "the app keeps crashing", "it crashes every time I open the app",
       "crashes immediately after launch", "constant crashes since the update",
       "app crash on open"},
      {"where is my refund", "refund not received yet", "still waiting for my refund",
       "how long does a refund take", "my refund is late", "refund still pending",
       "no refund after two weeks", "when will the refund arrive"},
      {"I forgot my password", "password reset email never came", "cannot reset my password",
       "reset password link broken", "password reset fails", "how do I change my password",
       "the password reset page errors", "new password not accepted"}};
  std::vector<std::string> texts;
  for (size_t t = 0; t < themes.size(); ++t) {
    for (const std::string& text : themes[t]) {
      texts.push_back(text);
      if (labels != nullptr) labels->push_back(static_cast<int64_t>(t));
    }
  }
  return texts;
}

ThemeModelOptions SmallCorpusOptions() {
  ThemeModelOptions options;
  options.lsa.dimensions = 10;
  options.clustering.neighbors = 5;
  options.lsa.singular_value_power = 1.0;  // TODO(#5): the default (0) over-splits tiny corpora
  return options;
}

std::vector<int64_t> AsLabels(const Clustering& c) {
  return std::vector<int64_t>(c.assignment.begin(), c.assignment.end());
}

TEST(ClusterTextsTest, FindsObviousThemes) {
  std::vector<int64_t> labels;
  const std::vector<std::string> texts = ObviousThemes(&labels);
  const Clustering c = ClusterTexts(texts, Lexicon(), SmallCorpusOptions(), 42);
  EXPECT_EQ(c.cluster_count, 3u) << ::testing::PrintToString(c.assignment);
  EXPECT_GT(AdjustedRandIndex(labels, AsLabels(c)), 0.8);
  size_t total = c.unthemed;
  for (size_t s : c.sizes) total += s;
  EXPECT_EQ(total, texts.size());  // every text is in a theme or unthemed
}

TEST(ClusterTextsTest, LexiconJoinsCheckoutFailures) {
  std::vector<std::string> texts = ObviousThemes(nullptr);
  const size_t first_checkout = texts.size();
  for (const char* text :
       {"payment failed", "card rejected", "checkout timeout", "payment failed again",
        "my card was rejected", "checkout timeout at the last step", "billing failed",
        "card declined"}) {
    texts.push_back(text);
  }
  StatusOr<Lexicon> lexicon = ParseLexicon(
      "checkout.yaml",
      "version: 1\nterms:\n  checkout: [payment, card, declined, billing, rejected, "
      "timeout, failed]\n");
  ASSERT_TRUE(lexicon.ok()) << lexicon.status().ToString();
  const Clustering c = ClusterTexts(texts, *lexicon, SmallCorpusOptions(), 42);
  std::set<int32_t> checkout_themes;
  for (size_t i = first_checkout; i < texts.size(); ++i) checkout_themes.insert(c.assignment[i]);
  ASSERT_EQ(checkout_themes.size(), 1u);
  EXPECT_NE(*checkout_themes.begin(), kUnthemed);
  for (size_t i = 0; i < first_checkout; ++i) {
    EXPECT_NE(c.assignment[i], *checkout_themes.begin()) << texts[i];
  }
}

TEST(ClusterTextsTest, IdenticalForOneAndFourThreadsAndReruns) {
  std::vector<std::string> texts;
  for (int copy = 0; copy < 20; ++copy) {
    for (const std::string& t : ObviousThemes(nullptr)) {
      texts.push_back(t + " " + std::to_string(copy % 7));
    }
  }
  ThemeModelOptions one = SmallCorpusOptions();
  ThemeModelOptions four = one;
  four.clustering.threads = 4;
  const Clustering a = ClusterTexts(texts, Lexicon(), one, 9);
  const Clustering b = ClusterTexts(texts, Lexicon(), four, 9);
  const Clustering c = ClusterTexts(texts, Lexicon(), one, 9);
  EXPECT_EQ(a.assignment, b.assignment);
  EXPECT_EQ(a.centroids.values, b.centroids.values);
  EXPECT_EQ(a.assignment, c.assignment);
}

TEST(ClusterTextsTest, DegenerateInputsNeverCrash) {
  const ThemeModelOptions options;
  EXPECT_EQ(ClusterTexts({}, Lexicon(), options, 1).assignment.size(), 0u);

  const Clustering one = ClusterTexts({"app crashes"}, Lexicon(), options, 1);
  ASSERT_EQ(one.assignment.size(), 1u);
  EXPECT_EQ(one.assignment[0], kUnthemed);  // below min_cluster_size
  EXPECT_EQ(one.unthemed, 1u);

  const Clustering same =
      ClusterTexts(std::vector<std::string>(50, "app crashes on start"), Lexicon(), options, 1);
  EXPECT_EQ(same.cluster_count, 1u);
  EXPECT_EQ(same.sizes, std::vector<size_t>{50});

  const Clustering emoji = ClusterTexts({"😀😀", "🎉", "👍👍👍", ""}, Lexicon(), options, 1);
  EXPECT_EQ(emoji.unthemed, 4u);
  EXPECT_EQ(emoji.cluster_count, 0u);

  std::vector<std::string> cjk = {"支付失败了", "支付失败怎么办", "支付又失败了",
                                  "无法登录账户", "登录账户失败", "账户无法登录",
                                  "アプリが落ちる", "アプリがすぐ落ちる"};
  const Clustering mixed = ClusterTexts(cjk, Lexicon(), options, 1);
  EXPECT_EQ(mixed.assignment.size(), cjk.size());
  for (float v : mixed.centroids.values) EXPECT_TRUE(std::isfinite(v));
}

TEST(ClusterTextsTest, OneMegabyteTextAmongShortOnes) {
  std::vector<std::string> texts = ObviousThemes(nullptr);
  std::string huge;
  while (huge.size() < (1 << 20)) huge += "refund crash password lorem ipsum dolor ";
  texts.push_back(huge);
  const Clustering c = ClusterTexts(texts, Lexicon(), SmallCorpusOptions(), 3);
  EXPECT_EQ(c.assignment.size(), texts.size());
  for (float v : c.centroids.values) EXPECT_TRUE(std::isfinite(v));
}

TEST(LouvainCommunitiesTest, TwoCliquesJoinedByOneEdge) {
  // Points 0-3 and 4-7 are two tight groups on orthogonal axes.
  Embedding points{.rows = 8, .dims = 2, .values = {}};
  for (size_t i = 0; i < 8; ++i) {
    const float jitter = 0.01f * static_cast<float>(i % 4);
    points.values.push_back(i < 4 ? 1.0f : jitter);
    points.values.push_back(i < 4 ? jitter : 1.0f);
  }
  NormalizeRows(points);
  const std::vector<int32_t> community =
      LouvainCommunities(NearestNeighbours(points, 3, 1), 1.0);
  for (size_t i = 1; i < 4; ++i) EXPECT_EQ(community[i], community[0]);
  for (size_t i = 5; i < 8; ++i) EXPECT_EQ(community[i], community[4]);
  EXPECT_NE(community[0], community[4]);
}

TEST(NearestNeighboursTest, PadsWhenFewerPointsThanK) {
  Embedding points{.rows = 2, .dims = 1, .values = {1.0f, 1.0f}};
  const Neighbours n = NearestNeighbours(points, 3, 1);
  EXPECT_EQ(n.index[0], 1u);
  EXPECT_EQ(n.index[1], UINT32_MAX);
  EXPECT_EQ(n.index[3], 0u);
}

}  // namespace
}  // namespace docket::workflows::themes
