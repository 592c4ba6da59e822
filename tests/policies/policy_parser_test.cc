#include "policies/policy_parser.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace docket::policies {
namespace {

using ::testing::HasSubstr;

constexpr char kMinimal[] = R"(version: 1
name: checkout
rules:
  - id: spike
    for_each: feature_area
    fail: "rate_ratio >= 2 and q < 0.05"
    warn: "rate_ratio >= 1.5"
    key: true
    on_missing_data: inconclusive
)";

TEST(PolicyParserTest, ReadsAMinimalPolicy) {
  StatusOr<Policy> policy = ParsePolicy("p.yaml", kMinimal);
  ASSERT_TRUE(policy.ok()) << policy.status().message();
  EXPECT_EQ(policy->name, "checkout");
  ASSERT_EQ(policy->rules.size(), 1u);
  const Rule& rule = policy->rules[0];
  EXPECT_EQ(rule.id, "spike");
  EXPECT_EQ(rule.for_each, "feature_area");
  EXPECT_TRUE(rule.key);
  EXPECT_EQ(rule.mode, RuleMode::kEnforce);
  EXPECT_EQ(rule.on_missing_data, MissingData::kInconclusive);
  ASSERT_TRUE(rule.fail.has_value());
  EXPECT_EQ(rule.fail->source, "rate_ratio >= 2 and q < 0.05");
  EXPECT_FALSE(rule.model_derived);
  EXPECT_EQ(policy->digest.rfind("sha256:", 0), 0u);
  EXPECT_EQ(policy->digest.size(), 7u + 64u);
}

TEST(PolicyParserTest, DigestCoversTheExactBytes) {
  StatusOr<Policy> a = ParsePolicy("p.yaml", kMinimal);
  StatusOr<Policy> b = ParsePolicy("p.yaml", std::string(kMinimal) + "# comment\n");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(a->digest, b->digest);
}

TEST(PolicyParserTest, OnMissingDataIsMandatory) {
  const std::string text = R"(version: 1
name: x
rules:
  - id: r
    fail: "observed > 3"
)";
  StatusOr<Policy> policy = ParsePolicy("p.yaml", text);
  ASSERT_FALSE(policy.ok());
  EXPECT_THAT(policy.status().message(), HasSubstr("p.yaml:4:"));
  EXPECT_THAT(policy.status().message(), HasSubstr("missing required key `on_missing_data`"));
}

TEST(PolicyParserTest, ReportsEveryProblemWithItsLocation) {
  const std::string text = R"(version: 1
name: x
rules:
  - id: dup
    fail: "observed > 3"
    on_missing_data: pass
  - id: dup
    fail: "observed > 3"
    on_missing_data: pass
  - id: bad
    fial: "observed > 3"
    on_missing_data: maybe
    mode: enforced
    for_each: area
)";
  StatusOr<Policy> policy = ParsePolicy("p.yaml", text);
  ASSERT_FALSE(policy.ok());
  const std::string m = policy.status().message();
  EXPECT_THAT(m, HasSubstr("p.yaml:7:9: error: duplicate rule id `dup`"));
  EXPECT_THAT(m, HasSubstr("p.yaml:11:11: error: unknown key `fial`"));
  EXPECT_THAT(m, HasSubstr("fail"));  // the did-you-mean hint
  EXPECT_THAT(m, HasSubstr("unknown on_missing_data `maybe`"));
  EXPECT_THAT(m, HasSubstr("unknown mode `enforced`"));
  EXPECT_THAT(m, HasSubstr("unknown for_each dimension `area`"));
  EXPECT_THAT(m, HasSubstr("has neither `warn` nor `fail`"));
}

TEST(PolicyParserTest, ACriterionThatDoesNotCompileIsAnErrorAtItsLine) {
  const std::string text = R"(version: 1
name: x
rules:
  - id: r
    fail: "observed >"
    on_missing_data: pass
)";
  StatusOr<Policy> policy = ParsePolicy("p.yaml", text);
  ASSERT_FALSE(policy.ok());
  EXPECT_THAT(policy.status().message(), HasSubstr("p.yaml:5:"));
  EXPECT_THAT(policy.status().message(), HasSubstr("expression does not compile"));
}

TEST(PolicyParserTest, RefusesHostileFiles) {
  EXPECT_FALSE(ParsePolicy("p.yaml", std::string(kMaxPolicyFileBytes + 1, ' ')).ok());
  std::string deep = "version: 1\nname: x\nrules: ";
  for (int i = 0; i < 200; ++i) deep += "[";
  StatusOr<Policy> nested = ParsePolicy("p.yaml", deep);
  ASSERT_FALSE(nested.ok());
  StatusOr<Policy> huge = ParsePolicy("p.yaml", R"(version: 1
name: x
scoring: {pass: 1e400}
rules:
  - {id: r, fail: "observed > 1e999", on_missing_data: pass}
)");
  ASSERT_FALSE(huge.ok());
  EXPECT_THAT(huge.status().message(), HasSubstr("p.yaml:3:"));
  EXPECT_THAT(huge.status().message(), HasSubstr("p.yaml:5:"));
  EXPECT_FALSE(ParsePolicy("p.yaml", "version: 2\nname: x\nrules: []\n").ok());
  EXPECT_FALSE(ParsePolicy("p.yaml", "- just\n- a list\n").ok());
  EXPECT_FALSE(ParsePolicy("p.yaml", "version: 1\nname: x\nrules: []\n").ok());
}

TEST(PolicyParserTest, MarksRulesThatReadModelOutputAsModelDerived) {
  StatusOr<Policy> policy = ParsePolicy("p.yaml", R"(version: 1
name: x
rules:
  - id: llm
    warn: "model.confidence < 0.5"
    on_missing_data: pass
)");
  ASSERT_TRUE(policy.ok()) << policy.status().message();
  EXPECT_TRUE(policy->rules[0].model_derived);
}

TEST(PolicyParserTest, ReadsGuardsScoringAndOverrides) {
  StatusOr<Policy> policy = ParsePolicy("p.yaml", R"(version: 1
name: x
scoring: {pass: 95, warning: 80}
guards: {min_records: 30, max_source_silence: 24h, max_ingestion_lag: 90m}
overrides: {require_second_approver: true, max_expiry: 3d}
rules:
  - {id: r, fail: "observed > 3", on_missing_data: pass, mode: advisory, weight: 2}
)");
  ASSERT_TRUE(policy.ok()) << policy.status().message();
  EXPECT_EQ(policy->scoring.pass, 95);
  EXPECT_EQ(policy->scoring.warning, 80);
  EXPECT_EQ(policy->guards.min_records, 30u);
  EXPECT_EQ(policy->guards.max_source_silence_s, 24 * 3600);
  EXPECT_EQ(policy->guards.max_ingestion_lag_s, 90 * 60);
  EXPECT_TRUE(policy->overrides.require_second_approver);
  EXPECT_EQ(policy->overrides.max_expiry_s, 3 * 86400);
  EXPECT_EQ(policy->rules[0].mode, RuleMode::kAdvisory);
  EXPECT_EQ(policy->rules[0].weight, 2);
}

TEST(PolicyParserTest, ScoringWarningAbovePassIsContradictory) {
  StatusOr<Policy> policy = ParsePolicy("p.yaml", R"(version: 1
name: x
scoring: {pass: 50, warning: 80}
rules:
  - {id: r, fail: "observed > 3", on_missing_data: pass}
)");
  ASSERT_FALSE(policy.ok());
  EXPECT_THAT(policy.status().message(), HasSubstr("scoring.warning is above scoring.pass"));
}

}  // namespace
}  // namespace docket::policies
