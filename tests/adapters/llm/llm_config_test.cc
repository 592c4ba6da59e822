#include "adapters/llm/llm_config.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/adapters/llm/llm_test_support.h"

namespace docket::adapters::llm {
namespace {

using ::testing::HasSubstr;
using testing::MapEnv;

constexpr std::string_view kGoodFile = R"(version: 1
default: azure-prod
deadline: 45s
retry: {base: 200ms, cap: 4s, max_retry_after: 20s}
breaker: {failures: 3, cooldown: 1m}
profiles:
  azure-prod:
    dialect: azure
    base_url: https://example.openai.azure.com/
    deployment: gpt-4o
    api_version: 2024-10-21
    auth: api_key
    api_key_env: AZURE_OPENAI_API_KEY
    timeouts: {connect: 5s, total: 30s}
    max_attempts: 2
    fallbacks: [local]
  local:
    dialect: ollama
    base_url: http://127.0.0.1:11434
    model: llama3.1
    capabilities: {json_schema: false, context_tokens: 8192}
webhooks:
  jira:
    url: https://example.atlassian.net/rest/api/2/issue
    shape: jira
    auth: basic
    token_env: JIRA_TOKEN
)";

TEST(LlmConfigTest, ParsesAFullFile) {
  StatusOr<LlmConfig> config = ParseLlmConfig("llm.yaml", kGoodFile);
  ASSERT_TRUE(config.ok()) << config.status().message();
  EXPECT_EQ(config->default_profile, "azure-prod");
  EXPECT_EQ(config->deadline, Millis(45'000));
  EXPECT_EQ(config->retry.base, Millis(200));
  EXPECT_EQ(config->retry.cap, Millis(4'000));
  EXPECT_EQ(config->retry.max_retry_after, Millis(20'000));
  EXPECT_EQ(config->breaker.failures, 3u);
  EXPECT_EQ(config->breaker.cooldown, Millis(60'000));
  ASSERT_EQ(config->profiles.size(), 2u);
  const ProviderProfile& azure = config->profiles[0];
  EXPECT_EQ(azure.dialect, Dialect::kAzure);
  EXPECT_EQ(azure.base_url, "https://example.openai.azure.com");  // trailing slash dropped
  EXPECT_EQ(azure.deployment, "gpt-4o");
  EXPECT_EQ(azure.auth, AuthKind::kApiKey);
  EXPECT_EQ(azure.api_key_env, "AZURE_OPENAI_API_KEY");
  EXPECT_EQ(azure.connect_timeout, Millis(5'000));
  EXPECT_EQ(azure.total_timeout, Millis(30'000));
  EXPECT_EQ(azure.max_attempts, 2u);
  EXPECT_EQ(azure.fallbacks, std::vector<std::string>{"local"});
  EXPECT_TRUE(azure.capabilities.content_filter.http_400_error);
  const ProviderProfile& local = config->profiles[1];
  EXPECT_EQ(local.auth, AuthKind::kNone);
  EXPECT_FALSE(local.capabilities.json_schema);
  EXPECT_TRUE(local.capabilities.seed);
  EXPECT_EQ(local.capabilities.context_tokens, 8192u);
  EXPECT_EQ(local.max_attempts, 3u);
  ASSERT_EQ(config->webhooks.size(), 1u);
  EXPECT_EQ(config->webhooks[0].shape, workflows::synthesize::WebhookShape::kJira);
  EXPECT_EQ(config->webhooks[0].auth, AuthKind::kBasic);
}

TEST(LlmConfigTest, DefaultsApply) {
  StatusOr<LlmConfig> config = ParseLlmConfig("llm.yaml", R"(version: 1
profiles:
  a: {dialect: azure, base_url: "https://x", model: gpt, api_key_env: K}
)");
  ASSERT_TRUE(config.ok()) << config.status().message();
  EXPECT_EQ(config->default_profile, "a");
  EXPECT_EQ(config->deadline, Millis(60'000));
  EXPECT_EQ(config->profiles[0].deployment, "gpt");  // azure: model doubles as deployment
  EXPECT_EQ(config->profiles[0].api_version, "2024-10-21");
  EXPECT_EQ(config->profiles[0].auth, AuthKind::kApiKey);
  EXPECT_EQ(config->profiles[0].max_attempts, 3u);
}

struct BadFile {
  std::string yaml;
  std::string expected;  // a substring of the error
};

class LlmConfigErrorTest : public ::testing::TestWithParam<BadFile> {};

TEST_P(LlmConfigErrorTest, ReportsWhereAndWhat) {
  StatusOr<LlmConfig> config = ParseLlmConfig("bad.yaml", GetParam().yaml);
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(config.status().message(), HasSubstr("bad.yaml:"));
  EXPECT_THAT(config.status().message(), HasSubstr(GetParam().expected));
}

INSTANTIATE_TEST_SUITE_P(
    BadFiles, LlmConfigErrorTest,
    ::testing::Values(
        BadFile{"version: 2\n", "unsupported version"},
        BadFile{"version: 1\nprofiles:\n  a: {dialect: gpt, base_url: http://x, model: m}\n",
                "unknown dialect `gpt`"},
        BadFile{"version: 1\nprofiles:\n  a: {dialect: openai, base_url: http://x, model: m, "
                "modle: n}\n",
                "unknown key `modle`"},
        BadFile{"version: 1\ndeadline: 5 sec\n", "`5 sec` is not a duration"},
        BadFile{"version: 1\nprofiles:\n  a: {dialect: openai, base_url: http://x, model: m, "
                "timeouts: {connect: fast}}\n",
                "`fast` is not a duration"},
        BadFile{"version: 1\nprofiles:\n  a: {dialect: openai, base_url: http://x, model: m, "
                "max_attempts: 5}\n",
                "not a number in [1, 3]"},
        BadFile{"version: 1\nprofiles:\n  a: {dialect: openai, base_url: ftp://x, model: m}\n",
                "must start with http:// or https://"},
        BadFile{"version: 1\nprofiles:\n  a: {dialect: openai, base_url: http://x}\n",
                "names no model"},
        BadFile{"version: 1\nprofiles:\n  a: {dialect: openai, base_url: http://x, model: m, "
                "auth: bearer}\n",
                "has no `api_key_env`"},
        BadFile{"version: 1\nprofiles:\n  a: {dialect: openai, base_url: http://x, model: m, "
                "fallbacks: [b]}\n  b: {dialect: vllm, base_url: http://y, model: m, "
                "fallbacks: [a]}\n",
                "lead back to it"},
        BadFile{"version: 1\nprofiles:\n  a: {dialect: openai, base_url: http://x, model: m, "
                "fallbacks: [nope]}\n",
                "fallback `nope` is not a profile"},
        BadFile{"version: 1\ndefault: missing\nprofiles:\n  a: {dialect: openai, base_url: "
                "http://x, model: m}\n",
                "names no profile `missing`"},
        BadFile{"version: 1\nwebhooks:\n  t: {url: http://x, shape: trello}\n",
                "unknown shape `trello`"},
        BadFile{"version: 1\nwebhooks:\n  t: {url: http://x, auth: bearer}\n",
                "has auth but no `token_env`"},
        BadFile{"version: 1\nprofiles:\n  a: {dialect: openai, base_url: http://x, model: m, "
                "capabilities: {seed: maybe}}\n",
                "expected true or false"},
        BadFile{"version: 1\nprofiles: [\n", "bad.yaml"}));

TEST(LlmConfigTest, AllProblemsAreReportedInOnePass) {
  StatusOr<LlmConfig> config = ParseLlmConfig("bad.yaml", R"(version: 1
deadline: soon
profiles:
  a: {dialect: gpt, base_url: http://x, model: m}
)");
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.status().message(), HasSubstr("bad.yaml:2:"));
  EXPECT_THAT(config.status().message(), HasSubstr("bad.yaml:4:"));
}

TEST(LlmConfigTest, ParsesDurations) {
  EXPECT_EQ(*ParseDuration("250ms"), Millis(250));
  EXPECT_EQ(*ParseDuration("30s"), Millis(30'000));
  EXPECT_EQ(*ParseDuration("2m"), Millis(120'000));
  for (const char* bad : {"", "s", "10", "1.5s", "-1s", "10h", "99999999999s"}) {
    EXPECT_FALSE(ParseDuration(bad).ok()) << bad;
  }
}

TEST(LlmConfigTest, ChainFollowsFallbacksDepthFirstOnce) {
  StatusOr<LlmConfig> config = ParseLlmConfig("llm.yaml", R"(version: 1
profiles:
  a: {dialect: openai, base_url: http://x, model: m, fallbacks: [b, c]}
  b: {dialect: vllm, base_url: http://y, model: m, fallbacks: [d]}
  c: {dialect: vllm, base_url: http://z, model: m, fallbacks: [d]}
  d: {dialect: ollama, base_url: http://w, model: m}
)");
  ASSERT_TRUE(config.ok()) << config.status().message();
  StatusOr<std::vector<const ProviderProfile*>> chain = ProviderChain(*config, "a");
  ASSERT_TRUE(chain.ok());
  std::vector<std::string> names;
  for (const ProviderProfile* p : *chain) names.push_back(p->name);
  EXPECT_EQ(names, (std::vector<std::string>{"a", "b", "d", "c"}));
  EXPECT_EQ(ProviderChain(*config, "zz").status().code(), StatusCode::kNotFound);
}

TEST(LlmConfigTest, EnvironmentAloneIsEnough) {
  StatusOr<std::optional<LlmConfig>> config =
      LlmConfigFromEnvironment(MapEnv({{"DOCKET_LLM_BASE_URL", "https://example.openai.azure.com/"},
                                       {"DOCKET_LLM_API_KEY", "sk-test"},
                                       {"DOCKET_LLM_DEPLOYMENT", "gpt-4o"}}));
  ASSERT_TRUE(config.ok()) << config.status().message();
  ASSERT_TRUE(config->has_value());
  const ProviderProfile& p = (*config)->profiles.at(0);
  EXPECT_EQ(p.name, "env");
  EXPECT_EQ(p.dialect, Dialect::kAzure);  // a deployment implies Azure
  EXPECT_EQ(p.deployment, "gpt-4o");
  EXPECT_EQ(p.api_version, "2024-10-21");
  EXPECT_EQ(p.auth, AuthKind::kApiKey);
  EXPECT_EQ(p.api_key_env, "DOCKET_LLM_API_KEY");  // the name, never the value
  EXPECT_EQ(p.base_url, "https://example.openai.azure.com");
}

TEST(LlmConfigTest, EnvironmentDialectsAndErrors) {
  StatusOr<std::optional<LlmConfig>> openai =
      LlmConfigFromEnvironment(MapEnv({{"DOCKET_LLM_BASE_URL", "http://h"},
                                       {"DOCKET_LLM_MODEL", "m"},
                                       {"DOCKET_LLM_API_KEY", "k"}}));
  ASSERT_TRUE(openai.ok() && openai->has_value());
  EXPECT_EQ((*openai)->profiles[0].dialect, Dialect::kOpenAi);
  EXPECT_EQ((*openai)->profiles[0].auth, AuthKind::kBearer);

  StatusOr<std::optional<LlmConfig>> local =
      LlmConfigFromEnvironment(MapEnv({{"DOCKET_LLM_BASE_URL", "http://h"},
                                       {"DOCKET_LLM_MODEL", "m"},
                                       {"DOCKET_LLM_DIALECT", "llamacpp"}}));
  ASSERT_TRUE(local.ok() && local->has_value());
  EXPECT_EQ((*local)->profiles[0].dialect, Dialect::kLlamaCpp);
  EXPECT_EQ((*local)->profiles[0].auth, AuthKind::kNone);

  StatusOr<std::optional<LlmConfig>> none = LlmConfigFromEnvironment(MapEnv({}));
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());

  StatusOr<std::optional<LlmConfig>> bad_dialect =
      LlmConfigFromEnvironment(MapEnv({{"DOCKET_LLM_BASE_URL", "http://h"},
                                       {"DOCKET_LLM_MODEL", "m"},
                                       {"DOCKET_LLM_DIALECT", "bard"}}));
  EXPECT_THAT(bad_dialect.status().message(), HasSubstr("DOCKET_LLM_DIALECT"));
  StatusOr<std::optional<LlmConfig>> no_model =
      LlmConfigFromEnvironment(MapEnv({{"DOCKET_LLM_BASE_URL", "http://h"}}));
  EXPECT_THAT(no_model.status().message(), HasSubstr("DOCKET_LLM_MODEL"));
  StatusOr<std::optional<LlmConfig>> bad_url =
      LlmConfigFromEnvironment(MapEnv({{"DOCKET_LLM_BASE_URL", "h:1"}, {"DOCKET_LLM_MODEL", "m"}}));
  EXPECT_THAT(bad_url.status().message(), HasSubstr("DOCKET_LLM_BASE_URL"));
}

}  // namespace
}  // namespace docket::adapters::llm
