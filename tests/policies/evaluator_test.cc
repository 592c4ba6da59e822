#include "policies/evaluator.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "policies/policy_parser.h"

namespace docket::policies {
namespace {

using ::testing::HasSubstr;
using expr::Value;

Policy Parse(const std::string& rules, const std::string& extra = "") {
  StatusOr<Policy> policy = ParsePolicy("p.yaml", "version: 1\nname: t\n" + extra + "rules:\n" + rules);
  EXPECT_TRUE(policy.ok()) << policy.status().message();
  return policy.ok() ? *policy : Policy{};
}

EvidenceInstance Area(std::string key, double observed, double q) {
  return {std::move(key), {{"observed", Value::Number(observed)}, {"q", Value::Number(q)}}};
}

Evidence TwoAreas(double checkout_observed, double checkout_q) {
  Evidence e;
  e.globals["records.current"] = Value::Number(120);
  e.dimensions["feature_area"] = {Area("checkout", checkout_observed, checkout_q),
                                  Area("search", 2, 0.9)};
  e.records_current = 120;
  return e;
}

const Timestamp kNow{std::chrono::seconds(1'800'000'000)};

constexpr char kKeySpike[] = R"(  - id: spike
    for_each: feature_area
    fail: "observed >= 5 and q < 0.05"
    warn: "observed >= 5 and q < 0.2"
    key: true
    on_missing_data: inconclusive
)";

TEST(EvaluatorTest, AKeyRuleFailingInOneInstanceBlocks) {
  const Decision d = Evaluate(Parse(kKeySpike), TwoAreas(12, 0.001), kNow);
  EXPECT_EQ(d.verdict, Verdict::kBlock);
  ASSERT_EQ(d.rules.size(), 2u);
  EXPECT_EQ(d.rules[0].instance, "checkout");
  EXPECT_EQ(d.rules[0].outcome, Outcome::kFail);
  EXPECT_EQ(d.rules[0].contribution, Verdict::kBlock);
  EXPECT_EQ(d.rules[1].instance, "search");
  EXPECT_EQ(d.rules[1].outcome, Outcome::kPass);
  EXPECT_EQ(d.rules[0].evidence.at("observed"), Value::Number(12));
  EXPECT_EQ(d.rules[0].evidence.at("q"), Value::Number(0.001));
  ASSERT_EQ(d.reasons.size(), 1u);
  EXPECT_THAT(d.reasons[0], HasSubstr("spike[checkout] fail -> BLOCK"));
  EXPECT_FALSE(d.score.has_value());
}

TEST(EvaluatorTest, WarnCriterionGivesWarn) {
  const Decision d = Evaluate(Parse(kKeySpike), TwoAreas(12, 0.1), kNow);
  EXPECT_EQ(d.verdict, Verdict::kWarn);
  EXPECT_EQ(d.rules[0].outcome, Outcome::kWarn);
}

TEST(EvaluatorTest, MissingDataFollowsTheRule) {
  Evidence e = TwoAreas(12, 0.001);
  e.dimensions["feature_area"][0].metrics.erase("q");
  const Decision inconclusive = Evaluate(Parse(kKeySpike), e, kNow);
  EXPECT_EQ(inconclusive.rules[0].outcome, Outcome::kInconclusive);
  EXPECT_EQ(inconclusive.verdict, Verdict::kNeedsHuman);
  EXPECT_TRUE(inconclusive.rules[0].evidence.at("q").is_missing());

  std::string fail_on_missing = kKeySpike;
  fail_on_missing.replace(fail_on_missing.find("inconclusive"), 12, "fail");
  EXPECT_EQ(Evaluate(Parse(fail_on_missing), e, kNow).verdict, Verdict::kBlock);
  std::string pass_on_missing = kKeySpike;
  pass_on_missing.replace(pass_on_missing.find("inconclusive"), 12, "pass");
  EXPECT_EQ(Evaluate(Parse(pass_on_missing), e, kNow).verdict, Verdict::kApprove);
}

TEST(EvaluatorTest, KleeneLogicLetsAFalseConjunctDecideDespiteMissingData) {
  Evidence e = TwoAreas(2, 0.001);  // observed < 5 settles both criteria
  e.dimensions["feature_area"][0].metrics.erase("q");
  const Decision d = Evaluate(Parse(kKeySpike), e, kNow);
  EXPECT_EQ(d.rules[0].outcome, Outcome::kPass);
  EXPECT_EQ(d.verdict, Verdict::kApprove);
}

TEST(EvaluatorTest, AnAbsentDimensionIsMissingData) {
  Evidence e;
  const Decision d = Evaluate(Parse(kKeySpike), e, kNow);
  ASSERT_EQ(d.rules.size(), 1u);
  EXPECT_EQ(d.rules[0].outcome, Outcome::kInconclusive);
  EXPECT_THAT(d.rules[0].reason, HasSubstr("no `feature_area` instances"));
  EXPECT_EQ(d.verdict, Verdict::kNeedsHuman);
}

TEST(EvaluatorTest, AnEvaluationErrorNeedsAHumanAndSaysWhy) {
  const Decision d = Evaluate(Parse(R"(  - id: ratio
    fail: "records.current / zero > 1"
    on_missing_data: pass
)"), [] {
    Evidence e;
    e.globals["records.current"] = Value::Number(3);
    e.globals["zero"] = Value::Number(0);
    return e;
  }(), kNow);
  ASSERT_EQ(d.rules.size(), 1u);
  EXPECT_EQ(d.rules[0].outcome, Outcome::kError);
  EXPECT_THAT(d.rules[0].reason, HasSubstr("fail criterion"));
  EXPECT_EQ(d.verdict, Verdict::kNeedsHuman);
}

TEST(EvaluatorTest, ANonBooleanCriterionIsAnError) {
  Evidence e;
  e.globals["n"] = Value::Number(3);
  const Decision d = Evaluate(Parse("  - {id: r, fail: \"n + 1\", on_missing_data: pass}\n"), e, kNow);
  EXPECT_EQ(d.rules[0].outcome, Outcome::kError);
  EXPECT_THAT(d.rules[0].reason, HasSubstr("not true or false"));
}

TEST(EvaluatorTest, AdvisoryAndModelDerivedRulesWarnAtMost) {
  Evidence e = TwoAreas(12, 0.001);
  e.globals["model.risk"] = Value::Number(0.99);
  const Decision d = Evaluate(Parse(R"(  - id: advisory-spike
    for_each: feature_area
    fail: "observed >= 5"
    key: true
    mode: advisory
    on_missing_data: fail
  - id: llm-says-risky
    fail: "model.risk > 0.9"
    key: true
    on_missing_data: fail
)"), e, kNow);
  EXPECT_EQ(d.verdict, Verdict::kWarn);
  EXPECT_EQ(d.rules[0].contribution, Verdict::kWarn);
  EXPECT_TRUE(d.rules.back().model_derived);
  EXPECT_EQ(d.rules.back().contribution, Verdict::kWarn);
  // An LLM outage (the model's names missing) cannot block either.
  Evidence outage = TwoAreas(1, 0.9);
  const Decision o = Evaluate(Parse(R"(  - id: llm-says-risky
    fail: "model.risk > 0.9"
    key: true
    on_missing_data: fail
)"), outage, kNow);
  EXPECT_EQ(o.verdict, Verdict::kWarn);
}

TEST(EvaluatorTest, DryRunRulesAreRecordedWithoutEffect) {
  std::string rules = kKeySpike;
  rules += "    mode: dry_run\n";
  const Decision d = Evaluate(Parse(rules), TwoAreas(12, 0.001), kNow);
  EXPECT_EQ(d.verdict, Verdict::kApprove);
  EXPECT_EQ(d.rules[0].outcome, Outcome::kFail);
  EXPECT_EQ(d.rules[0].contribution, Verdict::kApprove);
}

TEST(EvaluatorTest, NonKeyRulesCountThroughTheWeightedScore) {
  const std::string rules = R"(  - {id: a, for_each: feature_area, fail: "observed >= 5", warn: "observed >= 3", weight: 3, on_missing_data: pass}
  - {id: b, fail: "records.current < 10", weight: 1, on_missing_data: pass}
)";
  // a: checkout fails (0 points, the rule's worst instance); b passes. 100 * 1 / 4 = 25.
  const Decision blocked = Evaluate(Parse(rules), TwoAreas(12, 0.5), kNow);
  ASSERT_TRUE(blocked.score.has_value());
  EXPECT_DOUBLE_EQ(*blocked.score, 25);
  EXPECT_EQ(blocked.verdict, Verdict::kBlock);
  EXPECT_THAT(blocked.reasons.back(), HasSubstr("score 25 -> BLOCK"));
  // a warns in checkout (0.5 * 3) + b passes (1) = 2.5 / 4 = 62.5 -> below 75: BLOCK.
  // With scoring warning 60 the same evidence is a WARN.
  const Decision warned =
      Evaluate(Parse(rules, "scoring: {pass: 90, warning: 60}\n"), TwoAreas(3, 0.5), kNow);
  EXPECT_DOUBLE_EQ(*warned.score, 62.5);
  EXPECT_EQ(warned.verdict, Verdict::kWarn);
  const Decision passed = Evaluate(Parse(rules), TwoAreas(1, 0.5), kNow);
  EXPECT_DOUBLE_EQ(*passed.score, 100);
  EXPECT_EQ(passed.verdict, Verdict::kApprove);
}

TEST(EvaluatorTest, WhereSelectsInstances) {
  const Decision d = Evaluate(Parse(R"(  - id: checkout-only
    for_each: feature_area
    where: "instance in ['checkout', 'payments']"
    fail: "observed >= 5"
    key: true
    on_missing_data: pass
)"), TwoAreas(12, 0.5), kNow);
  ASSERT_EQ(d.rules.size(), 1u);
  EXPECT_EQ(d.rules[0].instance, "checkout");
  EXPECT_EQ(d.verdict, Verdict::kBlock);
}

TEST(EvaluatorTest, ViolatedGuardsLowerConfidenceAndNeedAHuman) {
  const std::string guards =
      "guards: {min_records: 200, max_source_silence: 24h, max_ingestion_lag: 6h}\n";
  Evidence e = TwoAreas(1, 0.9);
  e.source_silence_s = {{"appstore", 3600}, {"zendesk", 3 * 86400}};
  e.ingestion_lag_s = 1800;
  const Decision d = Evaluate(Parse(kKeySpike, guards), e, kNow);
  EXPECT_EQ(d.verdict, Verdict::kNeedsHuman);
  ASSERT_EQ(d.guards.size(), 4u);
  EXPECT_TRUE(d.guards[0].violated);   // 120 < 200 records
  EXPECT_FALSE(d.guards[1].violated);  // appstore
  EXPECT_TRUE(d.guards[2].violated);   // zendesk dark for 3 days
  EXPECT_FALSE(d.guards[3].violated);
  EXPECT_DOUBLE_EQ(d.confidence, 0.5);
  // A block on evidence stays a block.
  EXPECT_EQ(Evaluate(Parse(kKeySpike, guards), [&] {
              Evidence b = e;
              b.dimensions["feature_area"][0] = Area("checkout", 40, 1e-6);
              return b;
            }(), kNow).verdict,
            Verdict::kBlock);
}

TEST(EvaluatorTest, IsAPureFunction) {
  const Policy policy = Parse(kKeySpike, "guards: {min_records: 10}\n");
  const Evidence e = TwoAreas(12, 0.001);
  const Decision a = Evaluate(policy, e, kNow);
  const Decision b = Evaluate(policy, e, kNow);
  ASSERT_EQ(a.rules.size(), b.rules.size());
  for (size_t i = 0; i < a.rules.size(); ++i) {
    EXPECT_EQ(a.rules[i].reason, b.rules[i].reason);
    EXPECT_EQ(a.rules[i].evidence, b.rules[i].evidence);
  }
  EXPECT_EQ(a.reasons, b.reasons);
}

}  // namespace
}  // namespace docket::policies
