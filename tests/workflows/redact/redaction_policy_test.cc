// Tests for workflows/redact/redaction_policy: the bundled default, a full policy file,
// and errors that name file:line:column with a hint.
#include "workflows/redact/redaction_policy.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace docket::workflows::redact {
namespace {

using ::testing::HasSubstr;

Operator OpFor(const RedactionPolicy& p, EntityType t) { return p.operators[static_cast<int>(t)]; }

TEST(RedactionPolicyTest, BundledDefaultParses) {
  StatusOr<RedactionPolicy> policy = DefaultRedactionPolicy();
  ASSERT_TRUE(policy.ok()) << policy.status().ToString();
  EXPECT_EQ(policy->region, "US");
  EXPECT_EQ(OpFor(*policy, EntityType::kEmail), Operator::kPlaceholder);
  EXPECT_EQ(OpFor(*policy, EntityType::kPersonName), Operator::kPseudonym);
  EXPECT_EQ(OpFor(*policy, EntityType::kPaymentCard), Operator::kMask);
  EXPECT_EQ(OpFor(*policy, EntityType::kApiKey), Operator::kDrop);
}

TEST(RedactionPolicyTest, FullPolicyFile) {
  StatusOr<RedactionPolicy> policy = ParseRedactionPolicy("p.yaml", R"(version: 1
region: DE
default_operator: mask
operators:
  EMAIL: token
  PHONE: drop
mask: {keep_last: 2, char: "#"}
min_score: 0.7
allow: [support@acme.example, SKU-1234]
deny:
  - {type: CUSTOMER_ID, value: VIP-0001}
custom:
  - {type: ORDER_ID, name: order.acme, pattern: 'ORD-[0-9]{8}'}
)");
  ASSERT_TRUE(policy.ok()) << policy.status().ToString();
  EXPECT_EQ(policy->region, "DE");
  EXPECT_EQ(OpFor(*policy, EntityType::kEmail), Operator::kToken);
  EXPECT_EQ(OpFor(*policy, EntityType::kPhone), Operator::kDrop);
  EXPECT_EQ(OpFor(*policy, EntityType::kIban), Operator::kMask);  // the default operator
  EXPECT_EQ(policy->mask_keep_last, 2u);
  EXPECT_EQ(policy->mask_char, "#");
  EXPECT_DOUBLE_EQ(policy->scanner.min_score, 0.7);
  EXPECT_EQ(policy->scanner.allow, (std::vector<std::string>{"support@acme.example", "SKU-1234"}));
  ASSERT_EQ(policy->scanner.deny.size(), 1u);
  EXPECT_EQ(policy->scanner.deny[0].first, EntityType::kCustomerId);
  ASSERT_EQ(policy->scanner.custom.size(), 1u);
  EXPECT_EQ(policy->scanner.custom[0].pattern, "ORD-[0-9]{8}");
}

TEST(RedactionPolicyTest, ErrorsNameTheLineAndSayWhatToDo) {
  StatusOr<RedactionPolicy> policy = ParseRedactionPolicy("p.yaml", R"(version: 1
regoin: DE
operators:
  EMAL: placeholder
  PHONE: scramble
min_score: 1.5
)");
  ASSERT_EQ(policy.status().code(), StatusCode::kInvalidArgument);
  const std::string& m = policy.status().message();
  EXPECT_THAT(m, HasSubstr("p.yaml:2:"));
  EXPECT_THAT(m, HasSubstr("unknown key `regoin`"));
  EXPECT_THAT(m, HasSubstr("did you mean `region`?"));
  EXPECT_THAT(m, HasSubstr("p.yaml:4:"));
  EXPECT_THAT(m, HasSubstr("unknown entity type `EMAL`"));
  EXPECT_THAT(m, HasSubstr("`EMAIL`"));
  EXPECT_THAT(m, HasSubstr("unknown operator `scramble`"));
  EXPECT_THAT(m, HasSubstr("p.yaml:6:"));
}

TEST(RedactionPolicyTest, VersionIsRequiredAndChecked) {
  EXPECT_THAT(ParseRedactionPolicy("p.yaml", "region: US\n").status().message(),
              HasSubstr("missing `version`"));
  EXPECT_THAT(ParseRedactionPolicy("p.yaml", "version: 2\n").status().message(),
              HasSubstr("unsupported policy version `2`"));
  EXPECT_EQ(ParseRedactionPolicy("p.yaml", "- a list\n").status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(ParseRedactionPolicy("p.yaml", std::string(kMaxPolicyFileBytes + 1, '#')).status().code(),
            StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace docket::workflows::redact
