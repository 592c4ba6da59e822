// Tests for workflows/themes/term_weights.
#include "workflows/themes/term_weights.h"

#include <gtest/gtest.h>

#include <cmath>

namespace docket::workflows::themes {
namespace {

double RowNorm(const SparseRows& m, size_t row) {
  double sum = 0;
  for (size_t k = m.row_start[row]; k < m.row_start[row + 1]; ++k) {
    sum += double{m.value[k]} * m.value[k];
  }
  return std::sqrt(sum);
}

double Cosine(const SparseRows& m, size_t a, size_t b) {
  double dot = 0;
  size_t i = m.row_start[a];
  size_t j = m.row_start[b];
  while (i < m.row_start[a + 1] && j < m.row_start[b + 1]) {
    if (m.column[i] == m.column[j]) {
      dot += double{m.value[i++]} * m.value[j++];
    } else if (m.column[i] < m.column[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return dot;
}

TEST(TermWeightsTest, RowsAreUnitLengthAndSortedByColumn) {
  const TermMatrix m = WeighTerms(
      {"my card was declined", "card declined at the shop", "how do I reset my password",
       "reset password link broken"},
      {}, Lexicon());
  ASSERT_EQ(m.weights.rows, 4u);
  EXPECT_EQ(m.weights.cols, m.feature_hash.size());
  EXPECT_TRUE(std::is_sorted(m.feature_hash.begin(), m.feature_hash.end()));
  for (size_t r = 0; r < 4; ++r) {
    EXPECT_NEAR(RowNorm(m.weights, r), 1.0, 1e-5);
    for (size_t k = m.weights.row_start[r] + 1; k < m.weights.row_start[r + 1]; ++k) {
      EXPECT_LT(m.weights.column[k - 1], m.weights.column[k]);
    }
  }
  // Texts about the same thing share more weight than texts about different things.
  EXPECT_GT(Cosine(m.weights, 0, 1), Cosine(m.weights, 0, 2));
  EXPECT_GT(Cosine(m.weights, 2, 3), Cosine(m.weights, 1, 3));
}

TEST(TermWeightsTest, LexiconMakesSynonymsShareFeatures) {
  StatusOr<Lexicon> lexicon =
      ParseLexicon("l.yaml", "version: 1\nterms:\n  checkout: [payment, card, declined]\n");
  ASSERT_TRUE(lexicon.ok());
  const std::vector<std::string> texts = {"payment failed", "card failed", "login failed",
                                          "payment late", "card lost"};
  const TermMatrix plain = WeighTerms(texts, {}, Lexicon());
  const TermMatrix mapped = WeighTerms(texts, {}, *lexicon);
  EXPECT_GT(Cosine(mapped.weights, 0, 1), 0.99);
  EXPECT_LT(Cosine(plain.weights, 0, 1), 0.9);
}

TEST(TermWeightsTest, DegenerateTextsGiveZeroRowsNotNaN) {
  const TermMatrix m = WeighTerms({"", "😀🎉", "ok"}, {}, Lexicon());
  ASSERT_EQ(m.weights.rows, 3u);
  EXPECT_EQ(m.weights.row_start[1], m.weights.row_start[0]);  // empty text
  EXPECT_EQ(m.weights.row_start[2], m.weights.row_start[1]);  // emoji only
  for (float v : m.weights.value) EXPECT_TRUE(std::isfinite(v));
  EXPECT_EQ(WeighTerms({}, {}, Lexicon()).weights.rows, 0u);
}

TEST(TermWeightsTest, SingleTextKeepsItsFeatures) {
  // min_document_frequency is capped at the number of documents.
  const TermMatrix m = WeighTerms({"app crashes on start"}, {}, Lexicon());
  EXPECT_GT(m.weights.cols, 0u);
  EXPECT_NEAR(RowNorm(m.weights, 0), 1.0, 1e-5);
}

TEST(TermWeightsTest, TextsWithoutSpacesGetCharacterFeatures) {
  const TermMatrix m = WeighTerms({"支付失败了", "支付失败怎么办", "无法登录账户"}, {}, Lexicon());
  EXPECT_GT(Cosine(m.weights, 0, 1), Cosine(m.weights, 0, 2));
}

TEST(TermWeightsTest, OrderOfTextsDoesNotChangeColumns) {
  const TermMatrix a = WeighTerms({"refund please", "refund late", "card lost"}, {}, Lexicon());
  const TermMatrix b = WeighTerms({"card lost", "refund late", "refund please"}, {}, Lexicon());
  EXPECT_EQ(a.feature_hash, b.feature_hash);
}

}  // namespace
}  // namespace docket::workflows::themes
