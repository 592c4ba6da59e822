// Tests for workflows/themes/labels: distinctive terms by c-TF-IDF, stop words and
// placeholders left out, representatives nearest the centroid, degenerate inputs.
#include "workflows/themes/labels.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace docket::workflows::themes {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Not;

// Two themes in a 2-d embedding: texts 0-2 near (1, 0), texts 3-5 near (0, 1).
struct Fixture {
  std::vector<std::string> texts = {
      "The payment was declined at checkout",
      "Payment declined again, card charged <EMAIL_1>",
      "my card payment declined twice 4.0.3",
      "Login fails with the new password",
      "cannot login, password reset email never arrives",
      "login loop after password change",
  };
  Embedding points{.rows = 6,
                   .dims = 2,
                   .values = {1, 0, 0.8f, 0.6f, 0.6f, 0.8f,  //
                              0, 1, 0.6f, 0.8f, 0.8f, 0.6f}};
  Clustering clustering{.assignment = {0, 0, 0, 1, 1, 1},
                        .cluster_count = 2,
                        .sizes = {3, 3},
                        .centroids = {.rows = 2, .dims = 2, .values = {1, 0, 0, 1}},
                        .unthemed = 0};
};

TEST(LabelsTest, DistinctiveTermsFirstWithoutStopWordsOrPlaceholders) {
  Fixture f;
  const auto labels = LabelThemes(f.texts, f.points, f.clustering, Lexicon(), LabelOptions{});
  ASSERT_EQ(labels.size(), 2u);
  // Three times in their theme and nowhere else; ties by term.
  EXPECT_EQ(labels[0].terms[0], "declined");
  EXPECT_EQ(labels[0].terms[1], "payment");
  EXPECT_THAT(labels[0].terms, Contains("payment declined"));
  EXPECT_EQ(labels[1].terms[0], "login");
  EXPECT_EQ(labels[1].terms[1], "password");
  for (const auto& label : labels) {
    EXPECT_THAT(label.terms, Not(Contains("the")));
    EXPECT_THAT(label.terms, Not(Contains("<email>")));
    EXPECT_THAT(label.terms, Not(Contains("<num>")));
    EXPECT_LE(label.terms.size(), 8u);
  }
}

TEST(LabelsTest, RepresentativesAreNearestTheCentroid) {
  Fixture f;
  const auto labels =
      LabelThemes(f.texts, f.points, f.clustering, Lexicon(), LabelOptions{.representatives = 2});
  EXPECT_THAT(labels[0].representatives, ElementsAre(0, 1));
  EXPECT_THAT(labels[1].representatives, ElementsAre(3, 4));
}

TEST(LabelsTest, UnthemedTextsAndEmptyInputs) {
  Fixture f;
  f.clustering.assignment[5] = kUnthemed;
  const auto labels = LabelThemes(f.texts, f.points, f.clustering, Lexicon(), LabelOptions{});
  EXPECT_THAT(labels[1].representatives, Not(Contains(5u)));
  EXPECT_THAT(LabelThemes({}, Embedding{}, Clustering{}, Lexicon(), LabelOptions{}), IsEmpty());
  Clustering one{.assignment = {0},
                 .cluster_count = 1,
                 .sizes = {1},
                 .centroids = {.rows = 1, .dims = 1, .values = {1}}};
  const auto emoji = LabelThemes({"😡😡"}, Embedding{.rows = 1, .dims = 1, .values = {1}}, one,
                                 Lexicon(), LabelOptions{});
  ASSERT_EQ(emoji.size(), 1u);
  EXPECT_THAT(emoji[0].terms, IsEmpty());
  EXPECT_THAT(emoji[0].representatives, ElementsAre(0));
}

TEST(LabelsTest, StopWords) {
  EXPECT_TRUE(IsStopWord("the"));
  EXPECT_TRUE(IsStopWord("und"));
  EXPECT_TRUE(IsStopWord("à"));
  EXPECT_FALSE(IsStopWord("payment"));
}

}  // namespace
}  // namespace docket::workflows::themes
