// Tests for workflows/redact/egress_guard: payloads with PII are refused with a message
// that names the place but not the value; clean payloads pass through.
#include "workflows/redact/egress_guard.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace docket::workflows::redact {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class RecordingEffects final : public engine::Effects {
 public:
  StatusOr<std::string> Call(const engine::EffectCall& call) override {
    sent.push_back(call.canonical_request);
    return std::string("ok");
  }
  std::vector<std::string> sent;
};

class EgressGuardTest : public ::testing::Test {
 protected:
  void SetUp() override {
    StatusOr<std::unique_ptr<PiiScanner>> scanner = PiiScanner::Create({});
    ASSERT_TRUE(scanner.ok()) << scanner.status().ToString();
    scanner_ = std::move(*scanner);
  }
  StatusOr<std::string> Send(const std::string& payload) {
    EgressGuard guard(&inner_, scanner_.get(), &known_);
    return guard.Call({.step_id = "synthesize", .kind = "llm.chat", .canonical_request = payload});
  }

  std::unique_ptr<PiiScanner> scanner_;
  RawValueRegistry known_;
  RecordingEffects inner_;
};

TEST_F(EgressGuardTest, CleanPayloadsAreSent) {
  const std::string payload =
      R"({"messages":[{"role":"user","content":"Theme: checkout failures since v2.3.1, 42 reports from <EMAIL_1> and <PERSON_NAME:3fa9c2d1e0b4>"}]})";
  StatusOr<std::string> response = Send(payload);
  ASSERT_TRUE(response.ok()) << response.status().ToString();
  ASSERT_EQ(inner_.sent.size(), 1u);
  EXPECT_EQ(inner_.sent[0], payload);
}

TEST_F(EgressGuardTest, AnEmailIsRefusedWithoutQuotingIt) {
  StatusOr<std::string> response = Send("summary: customer anna.schmidt@example.de is angry");
  EXPECT_EQ(response.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_THAT(response.status().message(), HasSubstr("egress refused: step `synthesize`"));
  EXPECT_THAT(response.status().message(), HasSubstr("EMAIL at bytes 18.."));
  EXPECT_THAT(response.status().message(), Not(HasSubstr("anna")));
  EXPECT_TRUE(inner_.sent.empty());
}

TEST_F(EgressGuardTest, AnyLuhnValidDigitRunIsRefusedWhateverItsPrefix) {
  // 0000 0000 0000 0000 is Luhn-valid though no issuer uses it; the guard does not care.
  EXPECT_EQ(Send("ref 0000 0000 0000 0000 end").status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(Send("card 4111-1111-1111-1111").status().code(), StatusCode::kFailedPrecondition);
  // Next to other numbers too.
  EXPECT_EQ(Send("ref 12 4111 1111 1111 1111 99").status().code(), StatusCode::kFailedPrecondition);
  EXPECT_TRUE(Send("card 4111 1111 1111 1112, 12 digits 123456789012").ok());
}

TEST_F(EgressGuardTest, RedactedValuesAreRefusedIfTheyComeBack) {
  known_.Add("Anna Schmidt");
  known_.Add("abc");  // too short to register
  EXPECT_EQ(known_.size(), 1u);
  StatusOr<std::string> response = Send("the customer Anna Schmidt wrote");
  EXPECT_EQ(response.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_THAT(response.status().message(), HasSubstr("a value the run redacted"));
  EXPECT_TRUE(Send("abc abc").ok());
}

TEST_F(EgressGuardTest, StructuredEntitiesFromTheScannerAreRefused) {
  EXPECT_EQ(Send("transfer to DE89 3704 0044 0532 0130 00").status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(Send("my SSN is 536-22-8147").status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(Send("key AKIAIOSFODNN7EXAMPLE").status().code(), StatusCode::kFailedPrecondition);
}

TEST(EgressGuardOwnScannerTest, BuildsItsScannerOnTheFirstCallAndGuardsTheSame) {
  RecordingEffects inner;
  RawValueRegistry known;
  EgressGuard guard(&inner, ScannerConfig{}, &known);
  EXPECT_EQ(guard.Call({.step_id = "s", .kind = "webhook.post", .canonical_request = "to a@b.io"})
                .status()
                .code(),
            StatusCode::kFailedPrecondition);
  EXPECT_TRUE(guard.Call({.step_id = "s", .kind = "webhook.post", .canonical_request = "clean"}).ok());
  EXPECT_EQ(inner.sent, (std::vector<std::string>{"clean"}));
  // A config the scanner refuses is reported by the call, not sent.
  EgressGuard broken(&inner, ScannerConfig{.min_score = 2.0}, &known);
  EXPECT_EQ(broken.Call({.step_id = "s", .kind = "webhook.post", .canonical_request = "x"})
                .status()
                .code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(inner.sent.size(), 1u);
}

}  // namespace
}  // namespace docket::workflows::redact
