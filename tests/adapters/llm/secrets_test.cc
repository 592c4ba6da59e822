// Collects every string the LLM adapter produces over a fault matrix (serialized
// responses, details, Status messages, the run description) and asserts that no API key,
// token, host or URL is among them, even when the provider echoes them back.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "adapters/llm/curl_transport.h"
#include "adapters/llm/model_effects.h"
#include "adapters/llm/scrub.h"
#include "adapters/llm/webhook_poster.h"
#include "tests/adapters/llm/llm_test_support.h"
#include "tests/testing/fake_llm_server.h"

namespace docket::adapters::llm {
namespace {

using docket::testing::ClosedPort;
using docket::testing::FakeLlmServer;
using docket::testing::FakeReply;
using testing::FakeRetryTimer;
using testing::MapEnv;

constexpr char kApiKey[] = "sk-LEAKCHECK-7f3a9c";
constexpr char kToken[] = "tok-LEAKCHECK-b2e1";

class SecretsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { testing::EnsureCurl(); }

  void Collect(const StatusOr<std::string>& result) {
    produced_.push_back(result.ok() ? *result : result.status().ToString());
  }
  void Collect(const Status& status) { produced_.push_back(status.ToString()); }

  std::string Echo() const {
    return std::string(R"({"error":{"code":"invalid_api_key","message":"Incorrect API key )") +
           kApiKey + " for " + server_.base_url() + R"("}})";
  }

  FakeLlmServer server_;
  FakeRetryTimer timer_;
  CurlTransport transport_;
  std::vector<std::string> produced_;
};

TEST_F(SecretsTest, NoKeyTokenHostOrUrlInAnythingProduced) {
  const std::string host = "127.0.0.1";
  const auto env = MapEnv({{"DOCKET_LLM_BASE_URL", server_.base_url()},
                           {"DOCKET_LLM_API_KEY", kApiKey},
                           {"DOCKET_LLM_DEPLOYMENT", "gpt-4o"},
                           {"WEBHOOK_TOKEN", kToken}});
  StatusOr<ModelEffects> model =
      BuildModelEffects(std::nullopt, std::nullopt, env, {&transport_, &timer_, 3});
  ASSERT_TRUE(model.ok()) << model.status().message();
  produced_.push_back(model->description);

  // The fault matrix, provider answers echoing the key and host where they can.
  server_.Enqueue(200, FakeLlmServer::Completion("{}", "stop"));
  server_.Enqueue(429, Echo(), {{"retry-after-ms", "10"}});
  server_.Enqueue(200, FakeLlmServer::Completion("{}", "length"));
  for (int i = 0; i < 3; ++i) server_.Enqueue(503, Echo());
  server_.Enqueue(400, FakeLlmServer::AzurePromptFiltered());
  server_.Enqueue(401, Echo());
  server_.Enqueue(403, "forbidden for " + std::string(kApiKey));
  server_.Enqueue(200, std::string("{\"choices\": \"") + kApiKey + "\"}");
  server_.Enqueue(200, std::string("not json ") + kApiKey + " " + server_.base_url());
  server_.Enqueue(200, R"({"choices":[{"message":{"content":"x"},"finish_reason":")" +
                           std::string(kApiKey) + "\"}]}");
  server_.Enqueue(FakeReply{200, {}, "", FakeReply::Mode::kDrop});
  const std::string request = testing::SampleRequestBytes();
  for (int i = 0; i < 11; ++i) Collect(model->effects->Call({"synthesize", "llm.chat", request}));
  ASSERT_EQ(server_.Received().front().Header("api-key"), kApiKey);  // it was sent

  // Connection failures.
  StatusOr<ModelEffects> closed = BuildModelEffects(
      std::nullopt, std::nullopt,
      MapEnv({{"DOCKET_LLM_BASE_URL", "http://" + host + ":" + std::to_string(ClosedPort())},
              {"DOCKET_LLM_API_KEY", kApiKey},
              {"DOCKET_LLM_MODEL", "m"}}),
      {&transport_, &timer_, 3});
  ASSERT_TRUE(closed.ok());
  Collect(closed->effects->Call({"synthesize", "llm.chat", request}));

  // Webhooks and configuration errors.
  for (const std::string& bad :
       {std::string("ftp://") + host, server_.base_url() + "?key=" + kApiKey}) {
    Collect(LlmConfigFromEnvironment(MapEnv({{"DOCKET_LLM_BASE_URL", bad}})).status());
  }
  Collect(ParseLlmConfig("llm.yaml", "version: 1\nprofiles:\n  a: {dialect: openai, base_url: " +
                                         server_.base_url() + ", model: m, auth: bearer}\n")
              .status());

  ASSERT_GE(produced_.size(), 15u);
  for (const std::string& text : produced_) {
    EXPECT_EQ(text.find(kApiKey), std::string::npos) << text;
    EXPECT_EQ(text.find(kToken), std::string::npos) << text;
    EXPECT_EQ(text.find(host), std::string::npos) << text;
    EXPECT_EQ(text.find(server_.base_url()), std::string::npos) << text;
    EXPECT_EQ(text.find(":" + std::to_string(server_.port())), std::string::npos) << text;
  }
}

TEST_F(SecretsTest, WebhookAnswersNeverCarryTheToken) {
  FakeLlmServer sink;
  WebhookProfile profile;
  profile.name = "tickets";
  profile.url = sink.base_url() + "/hooks?sig=" + kToken;
  profile.auth = AuthKind::kBearer;
  profile.token_env = "WEBHOOK_TOKEN";
  WebhookPoster poster({{profile, kToken}}, ResilienceOptions{}, transport_, timer_);
  sink.Enqueue(201, std::string(R"({"id":")") + kToken + "\"}");  // not a safe reference
  sink.Enqueue(500, kToken);
  sink.Enqueue(500, kToken);
  sink.Enqueue(500, kToken);
  const std::string post = *workflows::synthesize::SerializeWebhookRequest(
      {"tickets", workflows::synthesize::WebhookShape::kGeneric, "{}", "k"});
  Collect(poster.Call({"t", "webhook.post", post}));
  Collect(poster.Call({"t", "webhook.post", post}));
  ASSERT_EQ(sink.Received().front().Header("authorization"), std::string("Bearer ") + kToken);
  for (const std::string& text : produced_) {
    EXPECT_EQ(text.find(kToken), std::string::npos) << text;
    EXPECT_EQ(text.find("127.0.0.1"), std::string::npos) << text;
  }
}

}  // namespace
}  // namespace docket::adapters::llm

namespace docket::adapters::llm {
namespace {

TEST(ScrubTest, HostsAndNeedles) {
  EXPECT_EQ(HostOf("https://x.openai.azure.com/openai?a=1"), "x.openai.azure.com");
  EXPECT_EQ(HostOf("http://127.0.0.1:8080"), "127.0.0.1");
  EXPECT_EQ(HostOf("http://u:p@h.example:1/x"), "h.example");
  EXPECT_EQ(HostOf("http://[::1]:8080/"), "[::1]");
  EXPECT_EQ(HostOf("no url"), "");
  std::string text = "key sk-abcdef at https://h.example/v1 (h.example), user me@x.com";
  Scrub(text, SecretNeedles("me@x.com:sk-abcdef", "https://h.example/v1"));
  EXPECT_EQ(text, "key [redacted] at [redacted] ([redacted]), user [redacted]");
  std::string short_secret = "a b c";
  Scrub(short_secret, SecretNeedles("a", ""));
  EXPECT_EQ(short_secret, "a b c");
}

}  // namespace
}  // namespace docket::adapters::llm
