// Tests for workflows/themes/lexicon: parsing, errors with positions, application.
#include "workflows/themes/lexicon.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace docket::workflows::themes {
namespace {

using ::testing::HasSubstr;

TEST(LexiconTest, MapsSynonymsToCanonicalTerms) {
  StatusOr<Lexicon> lexicon = ParseLexicon(
      "checkout.yaml", "version: 1\nterms:\n  checkout: [Payment, card, declined, billing]\n");
  ASSERT_TRUE(lexicon.ok()) << lexicon.status().ToString();
  EXPECT_EQ(lexicon->size(), 4u);
  EXPECT_EQ(lexicon->Canonical("payment"), "checkout");  // case-folded like Tokenize
  EXPECT_EQ(lexicon->Canonical("refund"), "refund");
  std::vector<std::string> tokens = {"my", "card", "was", "declined"};
  lexicon->Apply(tokens);
  EXPECT_EQ(tokens, (std::vector<std::string>{"my", "checkout", "was", "checkout"}));
}

TEST(LexiconTest, EmptyLexiconMapsNothing) {
  const Lexicon lexicon;
  EXPECT_TRUE(lexicon.empty());
  std::vector<std::string> tokens = {"card"};
  lexicon.Apply(tokens);
  EXPECT_EQ(tokens.front(), "card");
}

TEST(LexiconTest, ErrorsNameFileAndLine) {
  StatusOr<Lexicon> lexicon = ParseLexicon(
      "bad.yaml", "version: 1\nterms:\n  checkout: [payment, credit card]\n");
  ASSERT_FALSE(lexicon.ok());
  EXPECT_EQ(lexicon.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(lexicon.status().message(), HasSubstr("bad.yaml:3:"));
  EXPECT_THAT(lexicon.status().message(), HasSubstr("`credit card` is 2 tokens"));
}

TEST(LexiconTest, RejectsASynonymClaimedTwice) {
  StatusOr<Lexicon> lexicon = ParseLexicon(
      "twice.yaml", "version: 1\nterms:\n  checkout: [card]\n  account: [card]\n");
  ASSERT_FALSE(lexicon.ok());
  EXPECT_THAT(lexicon.status().message(), HasSubstr("claimed by both"));
  EXPECT_THAT(lexicon.status().message(), HasSubstr("twice.yaml:4:"));
}

TEST(LexiconTest, RejectsWrongShapes) {
  EXPECT_FALSE(ParseLexicon("a.yaml", "- a\n- b\n").ok());
  EXPECT_THAT(ParseLexicon("a.yaml", "terms: {a: [b]}\n").status().message(),
              HasSubstr("missing `version`"));
  EXPECT_THAT(ParseLexicon("a.yaml", "version: 2\nterms: {a: [b]}\n").status().message(),
              HasSubstr("unsupported version"));
  EXPECT_THAT(ParseLexicon("a.yaml", "version: 1\nterms: {a: b}\n").status().message(),
              HasSubstr("must be a list"));
  EXPECT_THAT(ParseLexicon("a.yaml", "version: 1\nterms: {a: [b]}\nextra: 1\n").status().message(),
              HasSubstr("unknown key `extra`"));
  EXPECT_FALSE(ParseLexicon("a.yaml", "version: 1\nterms: [\n").ok());
  EXPECT_FALSE(ParseLexicon("a.yaml", std::string(kMaxLexiconFileBytes + 1, ' ')).ok());
}

}  // namespace
}  // namespace docket::workflows::themes
