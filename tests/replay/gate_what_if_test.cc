// Tests for replay/gate_what_if: the decision diff over hand-written gate decisions, and
// re-evaluation of recorded evidence is the gate step's own evaluation.
#include "replay/gate_what_if.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace docket::replay {
namespace {

namespace json = boost::json;
using ::testing::HasSubstr;

json::object Decision(std::string_view text) { return json::parse(text).as_object(); }

constexpr char kBefore[] = R"({"verdict": "BLOCK", "score": 50, "rules": [
  {"id": "spike", "instance": "checkout", "outcome": "fail", "contribution": "BLOCK",
   "evidence": {"observed": 111, "rate_ratio": 3.7}, "thresholds": {"fail": "rate_ratio >= 2"}},
  {"id": "spike", "instance": "cart", "outcome": "pass", "contribution": "APPROVE"},
  {"id": "old-rule", "instance": "", "outcome": "warn", "contribution": "WARN"}]})";

TEST(GateWhatIfTest, DiffNamesChangedAddedAndRemovedRuleInstances) {
  const json::object after = Decision(R"({"verdict": "WARN", "score": 75, "rules": [
    {"id": "spike", "instance": "checkout", "outcome": "warn", "contribution": "WARN",
     "evidence": {"observed": 111, "rate_ratio": 3.7}, "thresholds": {"fail": "rate_ratio >= 4"}},
    {"id": "spike", "instance": "cart", "outcome": "pass", "contribution": "APPROVE"},
    {"id": "new-rule", "instance": "", "outcome": "pass", "contribution": "APPROVE"}]})");
  const DecisionDiff diff = DiffDecisions(Decision(kBefore), after);
  EXPECT_TRUE(diff.changed());
  EXPECT_EQ(diff.verdict_before, "BLOCK");
  EXPECT_EQ(diff.verdict_after, "WARN");
  EXPECT_EQ(diff.score_before, 50);
  EXPECT_EQ(diff.score_after, 75);
  ASSERT_EQ(diff.changes.size(), 3u);  // cart is unchanged
  EXPECT_EQ(diff.changes[0].instance, "checkout");
  EXPECT_EQ(diff.changes[0].outcome_before, "fail");
  EXPECT_EQ(diff.changes[0].outcome_after, "warn");
  EXPECT_EQ(diff.changes[1].id, "new-rule");
  EXPECT_EQ(diff.changes[1].outcome_before, "");
  EXPECT_EQ(diff.changes[2].id, "old-rule");
  EXPECT_EQ(diff.changes[2].outcome_after, "");
  const std::string text = DiffToText(diff);
  EXPECT_THAT(text, HasSubstr("verdict BLOCK -> WARN (changed), score 50 -> 75"));
  EXPECT_THAT(text, HasSubstr("~ spike[checkout]: fail/BLOCK -> warn/WARN; evidence: observed 111, rate_ratio 3.7; fail when \"rate_ratio >= 4\""));
  EXPECT_THAT(text, HasSubstr("+ new-rule: new -> pass/APPROVE"));
  EXPECT_THAT(text, HasSubstr("- old-rule: removed (was warn)"));
  const json::object j = DiffToJson(diff);
  EXPECT_EQ(j.at("verdict_changed"), true);
  EXPECT_EQ(j.at("rule_changes").as_array().size(), 3u);
}

TEST(GateWhatIfTest, TheSameDecisionHasNoChanges) {
  const DecisionDiff diff = DiffDecisions(Decision(kBefore), Decision(kBefore));
  EXPECT_FALSE(diff.changed());
  EXPECT_TRUE(diff.changes.empty());
  EXPECT_THAT(DiffToText(diff), HasSubstr("(unchanged)"));
}

}  // namespace
}  // namespace docket::replay
