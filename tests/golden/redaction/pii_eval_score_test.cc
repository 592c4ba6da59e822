// Hand-made cases for PiiEvalScorer: the 50%-of-gold overlap rule, type mismatches,
// per-type precision and recall, and token-level F2 on texts small enough to count by
// hand.
#include "tests/golden/redaction/pii_eval_score.h"

#include <gtest/gtest.h>

#include <string_view>
#include <vector>

namespace docket::golden::redaction {
namespace {

using enum EntityType;

Detection Predicted(size_t start, size_t end, EntityType type) {
  Detection d;
  d.start = start;
  d.end = end;
  d.type = type;
  return d;
}

const TypeScore& For(const PiiEvalScorer& scorer, EntityType type) {
  return scorer.score().per_type[static_cast<size_t>(type)];
}

TEST(SpanMatchesTest, NeedsHalfOfTheGoldSpanAndTheSameType) {
  const GoldSpan gold{10, 20, kEmail};
  EXPECT_TRUE(SpanMatches(gold, Predicted(10, 20, kEmail)));
  EXPECT_TRUE(SpanMatches(gold, Predicted(15, 40, kEmail)));   // 5 of 10 bytes
  EXPECT_FALSE(SpanMatches(gold, Predicted(16, 40, kEmail)));  // 4 of 10 bytes
  EXPECT_TRUE(SpanMatches(gold, Predicted(0, 100, kEmail)));   // covers all of it
  EXPECT_FALSE(SpanMatches(gold, Predicted(10, 20, kPhone)));
  EXPECT_FALSE(SpanMatches(gold, Predicted(20, 30, kEmail)));  // touching, no overlap
}

TEST(PiiEvalScorerTest, CountsPerTypePrecisionAndRecall) {
  // 0         1         2         3         4
  // 0123456789012345678901234567890123456789012345
  // "mail a@b.co or call +1 212 555 0100 now"
  const std::string_view text = "mail a@b.co or call +1 212 555 0100 now";
  const std::vector<GoldSpan> gold = {{5, 11, kEmail}, {20, 35, kPhone}};
  const std::vector<Detection> predicted = {Predicted(5, 11, kEmail),
                                            Predicted(27, 35, kPhone),  // 8 of 15 bytes
                                            Predicted(36, 39, kPersonName)};
  PiiEvalScorer scorer;
  scorer.Add(text, gold, predicted);
  EXPECT_EQ(For(scorer, kEmail).Precision(), 1.0);
  EXPECT_EQ(For(scorer, kEmail).Recall(), 1.0);
  EXPECT_EQ(For(scorer, kPhone).gold_found, 1);
  EXPECT_EQ(For(scorer, kPersonName).predicted, 1);
  EXPECT_EQ(For(scorer, kPersonName).Precision(), 0.0);
  EXPECT_FALSE(For(scorer, kPersonName).Recall().has_value());  // no gold names
  EXPECT_FALSE(For(scorer, kIban).Precision().has_value());
}

TEST(PiiEvalScorerTest, MissesAndWrongTypesLowerRecallAndPrecision) {
  const std::string_view text = "card 4111 1111 1111 1111 and 4012888888881881";
  const std::vector<GoldSpan> gold = {{5, 24, kPaymentCard}, {29, 45, kPaymentCard}};
  const std::vector<Detection> predicted = {Predicted(5, 24, kPhone)};
  PiiEvalScorer scorer;
  scorer.Add(text, gold, predicted);
  EXPECT_EQ(For(scorer, kPaymentCard).gold, 2);
  EXPECT_EQ(For(scorer, kPaymentCard).Recall(), 0.0);
  EXPECT_EQ(For(scorer, kPhone).Precision(), 0.0);
}

TEST(PiiEvalScorerTest, AccumulatesOverTexts) {
  PiiEvalScorer scorer;
  const std::vector<GoldSpan> one = {{0, 3, kOrderId}};
  scorer.Add("ORD x", one, std::vector<Detection>{Predicted(0, 3, kOrderId)});
  scorer.Add("ORD y", one, std::vector<Detection>{});
  scorer.Add("no pii", {}, std::vector<Detection>{Predicted(0, 2, kOrderId)});
  EXPECT_EQ(scorer.score().texts, 3);
  EXPECT_EQ(For(scorer, kOrderId).Recall(), 0.5);
  EXPECT_EQ(For(scorer, kOrderId).Precision(), 0.5);
}

TEST(TokenScoreTest, TokensAreRunsOfNonSpaceAndTypeDoesNotMatter) {
  // Tokens: "Call" "me:" "+49" "30" "1234567," "thanks" "Anna" "B." (a newline splits too).
  const std::string_view text = "Call me: +49 30 1234567, thanks Anna\nB.";
  const std::vector<GoldSpan> gold = {{9, 23, kPhone}, {32, 39, kPersonName}};
  // Finds the phone partly (as a postcode: type is ignored at token level), misses the
  // name, and flags "thanks".
  const std::vector<Detection> predicted = {Predicted(13, 15, kPostcode),
                                            Predicted(25, 31, kPersonName)};
  PiiEvalScorer scorer;
  scorer.Add(text, gold, predicted);
  const TokenScore& t = scorer.score().tokens;
  EXPECT_EQ(t.tokens, 8);
  EXPECT_EQ(t.true_positive, 1);   // "30"
  EXPECT_EQ(t.false_positive, 1);  // "thanks"
  EXPECT_EQ(t.false_negative, 4);  // "+49" "1234567," "Anna" "B."
  EXPECT_DOUBLE_EQ(t.Precision(), 0.5);
  EXPECT_DOUBLE_EQ(t.Recall(), 0.2);
  EXPECT_DOUBLE_EQ(t.F2(), 5 * 0.5 * 0.2 / (4 * 0.5 + 0.2));
}

TEST(TokenScoreTest, PerfectAndEmptyCases) {
  PiiEvalScorer perfect;
  const std::vector<GoldSpan> gold = {{3, 8, kEmail}};
  perfect.Add("to a@b.c", gold, std::vector<Detection>{Predicted(3, 8, kEmail)});
  EXPECT_DOUBLE_EQ(perfect.score().tokens.F2(), 1.0);

  PiiEvalScorer nothing;
  nothing.Add("   ", {}, std::vector<Detection>{});
  EXPECT_EQ(nothing.score().tokens.tokens, 0);
  EXPECT_DOUBLE_EQ(nothing.score().tokens.F2(), 1.0);  // nothing to find, nothing wrong

  PiiEvalScorer all_wrong;
  all_wrong.Add("to a@b.c", gold, std::vector<Detection>{Predicted(0, 2, kEmail)});
  EXPECT_DOUBLE_EQ(all_wrong.score().tokens.F2(), 0.0);
}

TEST(TokenScoreTest, SpansPastTheTextAreClipped) {
  PiiEvalScorer scorer;
  const std::vector<GoldSpan> gold = {{0, 50, kEmail}};
  scorer.Add("a@b.c", gold, std::vector<Detection>{Predicted(2, 99, kEmail)});
  EXPECT_EQ(scorer.score().tokens.true_positive, 1);
}

}  // namespace
}  // namespace docket::golden::redaction
