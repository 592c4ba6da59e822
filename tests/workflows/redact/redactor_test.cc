// Tests for workflows/redact/redactor: every operator over a scanner fake, placeholder
// numbering, evidence without raw values, and the token vault contract.
#include "workflows/redact/redactor.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace docket::workflows::redact {
namespace {

// Reports every occurrence of the given literals as the given types.
class FakeScanner final : public PiiScanner {
 public:
  explicit FakeScanner(std::vector<std::pair<std::string, EntityType>> values)
      : values_(std::move(values)) {}
  std::vector<Detection> Scan(std::string_view text, const ScanContext& context) const override {
    last_region_ = context.region;
    std::map<size_t, Detection> found;
    for (const auto& [value, type] : values_) {
      for (size_t at = text.find(value); at != std::string_view::npos; at = text.find(value, at + 1)) {
        found[at] = Detection{at, at + value.size(), type, "fake", "", 1.0};
      }
    }
    std::vector<Detection> out;
    for (auto& [at, d] : found) out.push_back(d);
    return out;
  }
  mutable std::string last_region_;

 private:
  std::vector<std::pair<std::string, EntityType>> values_;
};

class RecordingVault final : public TokenVault {
 public:
  StatusOr<std::string> Tokenize(std::string_view subject, EntityType, std::string_view raw) override {
    stored.emplace_back(std::string(subject), std::string(raw));
    return "ref" + std::to_string(stored.size());
  }
  std::vector<std::pair<std::string, std::string>> stored;
};

RedactionPolicy PolicyWith(std::map<EntityType, Operator> ops) {
  RedactionPolicy policy = *DefaultRedactionPolicy();
  policy.operators.fill(Operator::kPlaceholder);
  for (const auto& [type, op] : ops) policy.operators[static_cast<int>(type)] = op;
  return policy;
}

TEST(RedactorTest, PlaceholdersAreNumberedPerTypeInFirstSeenOrder) {
  FakeScanner scanner({{"a@x.io", EntityType::kEmail}, {"B@X.io", EntityType::kEmail},
                       {"A@X.IO", EntityType::kEmail}, {"+49 30 1234567", EntityType::kPhone}});
  Redactor redactor(PolicyWith({}), &scanner, "", nullptr);
  StatusOr<RedactedText> out =
      redactor.Redact("mail B@X.io or a@x.io, call +49 30 1234567, again A@X.IO", {});
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  // The same address in another case keeps its number; phones count on their own.
  EXPECT_EQ(out->text, "mail <EMAIL_1> or <EMAIL_2>, call <PHONE_1>, again <EMAIL_2>");
  ASSERT_EQ(out->redactions.size(), 4u);
  EXPECT_EQ(out->redactions[0].detection.start, 5u);
  EXPECT_EQ(out->redactions[0].detection.end, 11u);
  EXPECT_EQ(out->redactions[0].op, Operator::kPlaceholder);
}

TEST(RedactorTest, PseudonymsAreStableAcrossRecordsAndKeyed) {
  FakeScanner scanner({{"Anna Schmidt", EntityType::kPersonName}});
  Redactor a(PolicyWith({{EntityType::kPersonName, Operator::kPseudonym}}), &scanner, "key-1", nullptr);
  Redactor b(PolicyWith({{EntityType::kPersonName, Operator::kPseudonym}}), &scanner, "key-2", nullptr);
  const std::string first = a.Redact("from Anna Schmidt", {})->text;
  EXPECT_EQ(first, a.Redact("from Anna Schmidt", {})->text);
  EXPECT_NE(first, b.Redact("from Anna Schmidt", {})->text);
  EXPECT_EQ(first.find("Anna"), std::string::npos);
  EXPECT_EQ(first, "from " + PseudonymOf("key-1", EntityType::kPersonName, "Anna Schmidt"));
  Redactor keyless(PolicyWith({{EntityType::kPersonName, Operator::kPseudonym}}), &scanner, "", nullptr);
  EXPECT_EQ(keyless.Redact("Anna Schmidt", {}).status().code(), StatusCode::kFailedPrecondition);
}

TEST(RedactorTest, TokensGoToTheVaultUnderTheRecordsSubject) {
  FakeScanner scanner({{"C-123456", EntityType::kCustomerId}});
  RecordingVault vault;
  Redactor redactor(PolicyWith({{EntityType::kCustomerId, Operator::kToken}}), &scanner, "", &vault);
  StatusOr<RedactedText> out = redactor.Redact("id C-123456", {.data_subject = "cust-9"});
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(out->text, "id <CUSTOMER_ID_TOKEN:ref1>");
  ASSERT_EQ(vault.stored.size(), 1u);
  EXPECT_EQ(vault.stored[0], (std::pair<std::string, std::string>{"cust-9", "C-123456"}));
  EXPECT_EQ(redactor.Redact("id C-123456", {}).status().code(), StatusCode::kFailedPrecondition);
  Redactor no_vault(PolicyWith({{EntityType::kCustomerId, Operator::kToken}}), &scanner, "", nullptr);
  EXPECT_EQ(no_vault.Redact("id C-123456", {.data_subject = "s"}).status().code(),
            StatusCode::kFailedPrecondition);
}

TEST(RedactorTest, MaskAndDrop) {
  FakeScanner scanner({{"4111-1111-1111-1111", EntityType::kPaymentCard}, {"AKIAXYZ", EntityType::kApiKey}});
  Redactor redactor(PolicyWith({{EntityType::kPaymentCard, Operator::kMask},
                                {EntityType::kApiKey, Operator::kDrop}}),
                    &scanner, "", nullptr);
  StatusOr<RedactedText> out = redactor.Redact("card 4111-1111-1111-1111 key AKIAXYZ.", {});
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(out->text, "card ****-****-****-1111 key .");
  EXPECT_EQ(MaskValue("Müller", 2, "*"), "****er");
  EXPECT_EQ(MaskValue("ab", 4, "*"), "ab");
}

TEST(RedactorTest, ReplacedRawValuesReachTheEgressRegistry) {
  FakeScanner scanner({{"Anna Schmidt", EntityType::kPersonName}, {"a@x.io", EntityType::kEmail}});
  RawValueRegistry known;
  Redactor redactor(PolicyWith({}), &scanner, "", nullptr, &known);
  ASSERT_TRUE(redactor.Redact("Anna Schmidt <a@x.io>", {}).ok());
  EXPECT_EQ(known.size(), 2u);
  EXPECT_TRUE(known.FindIn("a summary naming Anna Schmidt").has_value());
  EXPECT_FALSE(known.FindIn("a summary naming <PERSON_NAME_1>").has_value());
}

TEST(RedactorTest, TheRecordsRegionOrThePolicysReachesTheScanner) {
  FakeScanner scanner({});
  Redactor redactor(PolicyWith({}), &scanner, "", nullptr);
  ASSERT_TRUE(redactor.Redact("x", {.region = "FR"}).ok());
  EXPECT_EQ(scanner.last_region_, "FR");
  ASSERT_TRUE(redactor.Redact("x", {}).ok());
  EXPECT_EQ(scanner.last_region_, "US");
}

}  // namespace
}  // namespace docket::workflows::redact
