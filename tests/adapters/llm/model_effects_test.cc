#include "adapters/llm/model_effects.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "adapters/llm/curl_transport.h"
#include "tests/adapters/llm/llm_test_support.h"
#include "tests/testing/fake_llm_server.h"

namespace docket::adapters::llm {
namespace {

using docket::testing::FakeLlmServer;
using testing::FakeRetryTimer;
using ::testing::HasSubstr;
using testing::MapEnv;
using testing::SampleRequestBytes;
using workflows::synthesize::ChatOutcome;
using workflows::synthesize::ChatResponse;

class ModelEffectsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { testing::EnsureCurl(); }

  void SetUp() override {
    dir_ = std::filesystem::path(::testing::TempDir()) /
           ("llm_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string WriteFile(const std::string& text) {
    const std::filesystem::path path = dir_ / "llm.yaml";
    std::ofstream(path) << text;
    return path.string();
  }
  ModelEffectsDeps Deps() { return {&transport_, &timer_, 1}; }
  ChatResponse Chat(engine::Effects& effects) {
    StatusOr<std::string> bytes = effects.Call({"synthesize", "llm.chat", SampleRequestBytes()});
    EXPECT_TRUE(bytes.ok()) << bytes.status().message();
    return *workflows::synthesize::ParseChatResponse(*bytes);
  }

  std::filesystem::path dir_;
  FakeLlmServer server_;
  FakeRetryTimer timer_;
  CurlTransport transport_;
};

TEST_F(ModelEffectsTest, NothingConfiguredAnswersNotConfigured) {
  StatusOr<ModelEffects> model = BuildModelEffects(std::nullopt, std::nullopt, MapEnv({}), Deps());
  ASSERT_TRUE(model.ok()) << model.status().message();
  EXPECT_EQ(model->description, "model: none configured, template fallback");
  ChatResponse r = Chat(*model->effects);
  EXPECT_EQ(r.outcome, ChatOutcome::kNotConfigured);
  EXPECT_EQ(r.detail, "no model configured (set DOCKET_LLM_* or pass --llm)");
  EXPECT_EQ(r.attempts, 0u);
  // Malformed requests are still refused, and unknown sinks are named.
  EXPECT_EQ(model->effects->Call({"s", "llm.chat", "x"}).status().code(),
            StatusCode::kInvalidArgument);
  const std::string post = *workflows::synthesize::SerializeWebhookRequest(
      {"jira", workflows::synthesize::WebhookShape::kJira, "{}", "k"});
  StatusOr<std::string> webhook = model->effects->Call({"s", "webhook.post", post});
  EXPECT_EQ(webhook.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_THAT(webhook.status().message(), HasSubstr("`jira`"));
  EXPECT_EQ(model->effects->Call({"s", "embeddings", "{}"}).status().code(),
            StatusCode::kFailedPrecondition);
}

TEST_F(ModelEffectsTest, EnvironmentQuickStart) {
  server_.Enqueue(200, FakeLlmServer::Completion("{}", "stop"));
  StatusOr<ModelEffects> model =
      BuildModelEffects(std::nullopt, std::nullopt,
                        MapEnv({{"DOCKET_LLM_BASE_URL", server_.base_url()},
                                {"DOCKET_LLM_MODEL", "llama3.1"},
                                {"DOCKET_LLM_DIALECT", "ollama"}}),
                        Deps());
  ASSERT_TRUE(model.ok()) << model.status().message();
  EXPECT_EQ(model->description, "model: env (ollama, model llama3.1), from DOCKET_LLM_*");
  EXPECT_EQ(Chat(*model->effects).outcome, ChatOutcome::kOk);
  EXPECT_EQ(server_.Received().at(0).target, "/v1/chat/completions");
}

TEST_F(ModelEffectsTest, ProfilesFileWithFallbackAndWebhook) {
  FakeLlmServer local;
  const std::string path = WriteFile(R"(version: 1
default: azure-prod
profiles:
  azure-prod:
    dialect: azure
    base_url: )" + server_.base_url() +
                                     R"(
    deployment: gpt-4o
    api_key_env: AZURE_KEY
    max_attempts: 1
    fallbacks: [local]
  local:
    dialect: llamacpp
    base_url: )" + local.base_url() + R"(
    model: qwen
webhooks:
  jira:
    url: )" + local.base_url() + R"(/rest/api/2/issue
    shape: jira
    auth: bearer
    token_env: JIRA_TOKEN
)");
  const auto env = MapEnv({{"AZURE_KEY", "az-secret"}, {"JIRA_TOKEN", "jira-secret"}});
  StatusOr<ModelEffects> model = BuildModelEffects(path, std::nullopt, env, Deps());
  ASSERT_TRUE(model.ok()) << model.status().message();
  EXPECT_EQ(model->description, "model: azure-prod (azure, deployment gpt-4o), fallback local");

  server_.Enqueue(500, "{}");
  local.Enqueue(200, FakeLlmServer::Completion("{}", "stop"));
  ChatResponse r = Chat(*model->effects);
  EXPECT_EQ(r.outcome, ChatOutcome::kOk);
  EXPECT_EQ(r.provider, "local");
  EXPECT_EQ(server_.Received().at(0).Header("api-key"), "az-secret");

  local.Enqueue(201, R"({"key":"OPS-7"})");
  const std::string post = *workflows::synthesize::SerializeWebhookRequest(
      {"jira", workflows::synthesize::WebhookShape::kJira, R"({"fields":{}})", "k1"});
  StatusOr<std::string> answer = model->effects->Call({"tickets", "webhook.post", post});
  ASSERT_TRUE(answer.ok()) << answer.status().message();
  EXPECT_EQ(workflows::synthesize::ParseWebhookResponse(*answer)->created_ref, "OPS-7");
  EXPECT_EQ(local.Received().back().Header("authorization"), "Bearer jira-secret");

  // --llm local picks the other profile, with no fallback.
  StatusOr<ModelEffects> chosen = BuildModelEffects(path, "local", env, Deps());
  ASSERT_TRUE(chosen.ok());
  EXPECT_EQ(chosen->description, "model: local (llamacpp, model qwen)");
}

TEST_F(ModelEffectsTest, Errors) {
  const std::string path = WriteFile(R"(version: 1
profiles:
  a: {dialect: openai, base_url: "http://x", model: m, auth: bearer, api_key_env: OPENAI_KEY}
)");
  StatusOr<ModelEffects> no_secret = BuildModelEffects(path, std::nullopt, MapEnv({}), Deps());
  EXPECT_EQ(no_secret.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_THAT(no_secret.status().message(), HasSubstr("`OPENAI_KEY`"));
  EXPECT_EQ(BuildModelEffects(path, "b", MapEnv({{"OPENAI_KEY", "k"}}), Deps()).status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(BuildModelEffects((dir_ / "missing.yaml").string(), std::nullopt, MapEnv({}), Deps())
                .status()
                .code(),
            StatusCode::kNotFound);
  EXPECT_EQ(BuildModelEffects(std::nullopt, "a", MapEnv({}), Deps()).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(BuildModelEffects(WriteFile("version: 1\nbogus: 1\n"), std::nullopt, MapEnv({}), Deps())
                .status()
                .code(),
            StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace docket::adapters::llm
