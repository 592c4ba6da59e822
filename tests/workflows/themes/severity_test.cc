// Tests for workflows/themes/severity: each signal, caps, negation, levels, the bundled
// model, and model files with errors.
#include "workflows/themes/severity.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace docket::workflows::themes {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

class SeverityTest : public ::testing::Test {
 protected:
  SeverityResult Score(std::string_view text, int rating = 0, std::string_view tier = "",
                       std::string_view error_code = "") {
    return model_.Score(
        {.rating = rating, .text = text, .customer_tier = tier, .error_code = error_code});
  }
  SeverityModel model_ = *SeverityModel::Default();
};

TEST_F(SeverityTest, RatingAloneSetsTheLevel) {
  EXPECT_EQ(Score("", 1).level, "medium");  // 3 points
  EXPECT_EQ(Score("", 3).level, "low");
  EXPECT_THAT(Score("", 5).signals, ElementsAre("rating:5:-1"));
}

TEST_F(SeverityTest, OutagePhrasesInSeveralLanguagesAreHigh) {
  for (std::string_view text :
       {"The app CRASHES on launch", "I was charged twice!", "Ich kann mich nicht anmelden",
        "L'appli plante à chaque fois", "Me han cobrado dos veces", "ログインできない"}) {
    const SeverityResult r = Score(text, 2);
    EXPECT_EQ(r.level, "high") << text;
    EXPECT_GE(r.score, 5) << text;
  }
}

TEST_F(SeverityTest, NegationCancelsOutageAndFlipsPositive) {
  EXPECT_EQ(Score("It does not crash anymore, great update").level, "low");
  EXPECT_THAT(Score("no longer freezes").signals, ElementsAre());
  EXPECT_THAT(Score("Die App stürzt nicht mehr ab").signals, ElementsAre());
  EXPECT_THAT(Score("not great").signals, ElementsAre("negated_positive:great:+1"));
}

TEST_F(SeverityTest, SignalsAreCappedAndListedInTextOrder) {
  const SeverityResult r = Score("terrible, awful, useless, worst app; it crashed and froze");
  EXPECT_THAT(r.signals,
              ElementsAre("negative:terrible:+1", "negative:awful:+1", "outage:crash*:+3"));
  EXPECT_EQ(r.score, 5);
}

TEST_F(SeverityTest, TierAndErrorCodeAdd) {
  const SeverityResult r = Score("checkout is slow", 3, "enterprise", "E-504");
  EXPECT_THAT(r.signals, ElementsAre("rating:3:+1", "tier:enterprise:+1", "error_code:+1"));
  EXPECT_EQ(r.level, "medium");
}

TEST_F(SeverityTest, EmptyAndSymbolOnlyTextsAreLow) {
  EXPECT_EQ(Score("").level, "low");
  EXPECT_EQ(Score("😡😡😡").level, "low");
  EXPECT_EQ(Score(std::string(1 << 20, 'a')).level, "low");
}

TEST(SeverityModelTest, ModelFilesReplaceTheBundledOne) {
  auto model = SeverityModel::Parse("m.yaml", R"(version: 1
levels: {high: 1, medium: 0.5}
outage: {points: 1, phrases: ["timeout*"]}
)");
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  EXPECT_EQ(model->Score({.text = "Checkout timeouts again"}).level, "high");
  EXPECT_EQ(model->Score({.text = "the app crashed"}).level, "low");  // not in this model
}

TEST(SeverityModelTest, BadModelsNameEveryProblemWithItsLine) {
  auto model = SeverityModel::Parse("m.yaml", R"(version: 1
levels: {high: 1, medium: 3}
rating: {6: 1}
outage: {points: lots, phrases: ["!!"]}
tiers: {pro: 1}
)");
  ASSERT_FALSE(model.ok());
  const std::string message = model.status().ToString();
  EXPECT_THAT(message, HasSubstr("m.yaml:2:"));
  EXPECT_THAT(message, HasSubstr("`medium` is above `high`"));
  EXPECT_THAT(message, HasSubstr("rating `6` is not 1..5"));
  EXPECT_THAT(message, HasSubstr("`lots` is not a number"));
  EXPECT_THAT(message, HasSubstr("phrase `!!` has no words"));
  EXPECT_THAT(message, HasSubstr("did you mean `tier`?"));
  EXPECT_FALSE(SeverityModel::Parse("m.yaml", "version: 2\n").ok());
  EXPECT_FALSE(SeverityModel::Parse("m.yaml", "[1, 2]\n").ok());
  EXPECT_FALSE(SeverityModel::Parse("m.yaml", std::string((1 << 20) + 1, '#')).ok());
}

}  // namespace
}  // namespace docket::workflows::themes
