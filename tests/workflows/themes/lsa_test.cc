// Tests for workflows/themes/lsa.
#include "workflows/themes/lsa.h"

#include <gtest/gtest.h>

#include <cmath>

namespace docket::workflows::themes {
namespace {

const std::vector<std::string>& Corpus() {
  static const auto* texts = new std::vector<std::string>{
      "my card payment was declined",   "card declined at checkout",
      "payment declined again",         "why was my card payment declined",
      "cannot log in to the app",       "login fails with wrong password",
      "password reset does not log in", "app login broken",
      "where is my refund",             "refund has not arrived",
      "refund still pending",           "how long does a refund take"};
  return *texts;
}

double Dot(const Embedding& e, size_t a, size_t b) {
  double dot = 0;
  for (size_t d = 0; d < e.dims; ++d) dot += double{e.Row(a)[d]} * e.Row(b)[d];
  return dot;
}

TEST(LsaTest, RowsAreUnitLengthAndThemesStayApart) {
  const TermMatrix m = WeighTerms(Corpus(), {}, Lexicon());
  const LsaResult lsa = ReduceLsa(m.weights, {.dimensions = 5, .seed = 7});
  ASSERT_EQ(lsa.points.rows, Corpus().size());
  ASSERT_EQ(lsa.points.dims, 5u);
  ASSERT_EQ(lsa.singular_values.size(), 5u);
  EXPECT_TRUE(std::is_sorted(lsa.singular_values.rbegin(), lsa.singular_values.rend()));
  for (size_t i = 0; i < lsa.points.rows; ++i) EXPECT_NEAR(Dot(lsa.points, i, i), 1.0, 1e-4);
  EXPECT_GT(Dot(lsa.points, 0, 1), Dot(lsa.points, 0, 4));
  EXPECT_GT(Dot(lsa.points, 8, 9), Dot(lsa.points, 8, 5));
}

TEST(LsaTest, SameSeedSameBytes) {
  const TermMatrix m = WeighTerms(Corpus(), {}, Lexicon());
  const LsaResult a = ReduceLsa(m.weights, {.dimensions = 4, .seed = 11});
  const LsaResult b = ReduceLsa(m.weights, {.dimensions = 4, .seed = 11});
  EXPECT_EQ(a.points.values, b.points.values);
}

TEST(LsaTest, DegenerateMatrices) {
  EXPECT_EQ(ReduceLsa(SparseRows{}, {}).points.dims, 0u);
  // All identical texts: rank one; dimensions are capped, nothing is NaN.
  const TermMatrix same = WeighTerms(std::vector<std::string>(6, "app crashes"), {}, Lexicon());
  const LsaResult lsa = ReduceLsa(same.weights, {.dimensions = 100, .seed = 1});
  EXPECT_LE(lsa.points.dims, 6u);
  for (float v : lsa.points.values) EXPECT_TRUE(std::isfinite(v));
  // Zero rows stay zero.
  const TermMatrix with_empty = WeighTerms({"", "refund late", "refund late"}, {}, Lexicon());
  const LsaResult reduced = ReduceLsa(with_empty.weights, {.dimensions = 2, .seed = 1});
  for (size_t d = 0; d < reduced.points.dims; ++d) EXPECT_EQ(reduced.points.Row(0)[d], 0.0f);
}

}  // namespace
}  // namespace docket::workflows::themes
