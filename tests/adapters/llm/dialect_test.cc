#include "adapters/llm/dialect.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "tests/adapters/llm/llm_test_support.h"

namespace docket::adapters::llm {
namespace {

namespace json = boost::json;
using ::testing::HasSubstr;
using testing::SampleProfile;
using testing::SampleRequest;
using workflows::synthesize::ChatOutcome;
using workflows::synthesize::ChatResponse;
using workflows::synthesize::WebhookShape;

std::string HeaderOf(const HttpPost& post, const std::string& name) {
  for (const auto& [n, v] : post.headers) {
    if (n == name) return v;
  }
  return "";
}

TEST(DialectTest, UrlsPerDialect) {
  EXPECT_EQ(ChatUrl(SampleProfile(Dialect::kAzure, "https://r.example")),
            "https://r.example/openai/deployments/gpt-4o-prod/chat/completions"
            "?api-version=2024-10-21");
  EXPECT_EQ(ChatUrl(SampleProfile(Dialect::kAzureV1, "https://r.example")),
            "https://r.example/openai/v1/chat/completions");
  for (Dialect d : {Dialect::kOpenAi, Dialect::kOllama, Dialect::kLlamaCpp, Dialect::kVllm}) {
    EXPECT_EQ(ChatUrl(SampleProfile(d, "http://h:1")), "http://h:1/v1/chat/completions");
  }
}

TEST(DialectTest, AuthHeaders) {
  HttpPost azure =
      BuildChatPost(SampleProfile(Dialect::kAzure, "https://r"), SampleRequest(), "K1");
  EXPECT_EQ(HeaderOf(azure, "api-key"), "K1");
  EXPECT_EQ(HeaderOf(azure, "Authorization"), "");
  ProviderProfile bearer_azure = SampleProfile(Dialect::kAzureV1, "https://r");
  bearer_azure.auth = AuthKind::kBearer;
  EXPECT_EQ(HeaderOf(BuildChatPost(bearer_azure, SampleRequest(), "T"), "Authorization"),
            "Bearer T");
  HttpPost openai =
      BuildChatPost(SampleProfile(Dialect::kOpenAi, "https://o"), SampleRequest(), "K2");
  EXPECT_EQ(HeaderOf(openai, "Authorization"), "Bearer K2");
  HttpPost local = BuildChatPost(SampleProfile(Dialect::kOllama, "http://l"), SampleRequest(), "");
  EXPECT_EQ(HeaderOf(local, "Authorization"), "");
  EXPECT_EQ(HeaderOf(local, "Content-Type"), "application/json");
}

TEST(DialectTest, BodyCarriesTheRequest) {
  const std::string body = ChatBody(SampleProfile(Dialect::kOpenAi, "https://o"), SampleRequest());
  EXPECT_THAT(body, HasSubstr("\"temperature\":0.2,"));
  const json::object o = json::parse(body).as_object();
  EXPECT_EQ(o.at("model"), "test-model");
  EXPECT_EQ(o.at("messages").as_array().size(), 2u);
  EXPECT_EQ(o.at("messages").as_array()[1].at("content"), "Theme t1: card declined x12");
  EXPECT_EQ(o.at("max_tokens").to_number<int>(), 800);
  EXPECT_EQ(o.at("seed").to_number<int>(), 42);
  const json::object& format = o.at("response_format").as_object();
  EXPECT_EQ(format.at("type"), "json_schema");
  EXPECT_EQ(format.at("json_schema").at("name"), "docket_synthesis_theme_summary_v1");
  EXPECT_EQ(format.at("json_schema").at("strict"), true);
  EXPECT_EQ(format.at("json_schema").at("schema").at("type"), "object");
}

TEST(DialectTest, AzureDeploymentUrlsOmitTheModelAndV1SendsTheDeployment) {
  const json::object azure =
      json::parse(ChatBody(SampleProfile(Dialect::kAzure, "https://r"), SampleRequest()))
          .as_object();
  EXPECT_FALSE(azure.contains("model"));
  const json::object v1 =
      json::parse(ChatBody(SampleProfile(Dialect::kAzureV1, "https://r"), SampleRequest()))
          .as_object();
  EXPECT_EQ(v1.at("model"), "gpt-4o-prod");
}

TEST(DialectTest, CapabilitiesShapeTheBody) {
  ProviderProfile p = SampleProfile(Dialect::kLlamaCpp, "http://l");
  p.capabilities.json_schema = false;
  p.capabilities.seed = false;
  workflows::synthesize::ChatRequest r = SampleRequest();
  r.max_tokens = 0;
  r.temperature_milli = 1250;
  const std::string body = ChatBody(p, r);
  EXPECT_THAT(body, HasSubstr("\"temperature\":1.25,"));
  const json::object o = json::parse(body).as_object();
  EXPECT_EQ(o.at("response_format").at("type"), "json_object");
  EXPECT_FALSE(o.contains("seed"));
  EXPECT_FALSE(o.contains("max_tokens"));
  r.temperature_milli = 0;
  EXPECT_THAT(ChatBody(p, r), HasSubstr("\"temperature\":0,"));
}

TEST(DialectTest, SeedIsReducedSoEveryServerAcceptsIt) {
  workflows::synthesize::ChatRequest r = SampleRequest();
  r.seed = 18446744073709551615ull;
  const json::object o =
      json::parse(ChatBody(SampleProfile(Dialect::kVllm, "http://v"), r)).as_object();
  EXPECT_EQ(o.at("seed").to_number<uint64_t>(), 2147483647u);
}

TEST(DialectTest, ClassifiesAnswers) {
  const std::string ok = R"({"model":"gpt-4o-2024","choices":[{"message":{"role":"assistant",)"
                         R"("content":"{\"a\":1}"},"finish_reason":"stop"}],)"
                         R"("usage":{"prompt_tokens":5,"completion_tokens":7}})";
  ChatResponse r = ClassifyChatAnswer(200, ok);
  EXPECT_EQ(r.outcome, ChatOutcome::kOk);
  EXPECT_EQ(r.content, "{\"a\":1}");
  EXPECT_EQ(r.model, "gpt-4o-2024");
  EXPECT_EQ(r.finish_reason, "stop");
  EXPECT_EQ(r.prompt_tokens, 5u);
  EXPECT_EQ(r.completion_tokens, 7u);

  r = ClassifyChatAnswer(
      200, R"({"choices":[{"message":{"content":"{\"a\""},"finish_reason":"length"}]})");
  EXPECT_EQ(r.outcome, ChatOutcome::kTruncated);
  EXPECT_EQ(r.content, "{\"a\"");

  r = ClassifyChatAnswer(
      200, R"({"choices":[{"message":{"content":null},"finish_reason":"content_filter"}]})");
  EXPECT_EQ(r.outcome, ChatOutcome::kContentFilter);

  r = ClassifyChatAnswer(400, R"({"error":{"code":"content_filter","message":"filtered"}})");
  EXPECT_EQ(r.outcome, ChatOutcome::kContentFilter);
  r = ClassifyChatAnswer(
      400, R"({"error":{"code":"x","innererror":{"code":"ResponsibleAIPolicyViolation"}}})");
  EXPECT_EQ(r.outcome, ChatOutcome::kContentFilter);

  r = ClassifyChatAnswer(
      200,
      R"({"choices":[{"message":{"content":null,"refusal":"I can't."},"finish_reason":"stop"}]})");
  EXPECT_EQ(r.outcome, ChatOutcome::kRefusal);
  EXPECT_EQ(r.content, "I can't.");

  r = ClassifyChatAnswer(401, R"({"error":{"code":"invalid_api_key","message":"key sk-123 bad"}})");
  EXPECT_EQ(r.outcome, ChatOutcome::kRejected);
  EXPECT_EQ(r.detail, "HTTP 401 (invalid_api_key)");  // the message is never quoted

  r = ClassifyChatAnswer(404, "<html>not found at host.example</html>");
  EXPECT_EQ(r.outcome, ChatOutcome::kRejected);
  EXPECT_EQ(r.detail, "HTTP 404");
}

TEST(DialectTest, InvalidAnswers) {
  for (const char* body :
       {"{not json", "[]", R"({"object":"list","data":[]})", R"({"choices":[]})",
        R"({"choices":[{"finish_reason":"stop"}]})", R"({"choices":[{"message":{"content":7}}]})",
        R"({"choices":[{"message":{"content":""},"finish_reason":"stop"}]})",
        R"({"choices":[{"message":{"content":"x"},"finish_reason":"tool_calls"}]})",
        R"({"choices":[{"message":{"content":"x"},"finish_reason":"weird"}]})",
        R"({"choices":[{"message":{"content":"x"},"finish_reason":3}]})"}) {
    ChatResponse r = ClassifyChatAnswer(200, body);
    EXPECT_EQ(r.outcome, ChatOutcome::kInvalidResponse) << body;
    EXPECT_FALSE(r.detail.empty()) << body;
  }
}

TEST(DialectTest, MissingFinishReasonWithContentIsServed) {
  ChatResponse r = ClassifyChatAnswer(200, R"({"choices":[{"message":{"content":"hi"}}]})");
  EXPECT_EQ(r.outcome, ChatOutcome::kOk);
}

TEST(DialectTest, WebhookPostsAndReferences) {
  WebhookProfile sink;
  sink.name = "gh";
  sink.url = "https://api.example/repos/o/r/issues";
  sink.shape = WebhookShape::kGithub;
  sink.auth = AuthKind::kBearer;
  workflows::synthesize::WebhookRequest request{"gh", WebhookShape::kGithub, R"({"title":"t"})",
                                                "draft-1"};
  HttpPost post = BuildWebhookPost(sink, request, "ghp_x");
  EXPECT_EQ(post.url, sink.url);
  EXPECT_EQ(post.body, R"({"title":"t"})");
  EXPECT_EQ(HeaderOf(post, "Idempotency-Key"), "draft-1");
  EXPECT_EQ(HeaderOf(post, "Authorization"), "Bearer ghp_x");
  EXPECT_EQ(HeaderOf(post, "Accept"), "application/vnd.github+json");
  sink.auth = AuthKind::kBasic;
  EXPECT_EQ(HeaderOf(BuildWebhookPost(sink, request, "me:tok"), "Authorization"), "Basic bWU6dG9r");

  EXPECT_EQ(CreatedRef(WebhookShape::kJira, R"({"id":"10000","key":"ED-24","self":"x"})"), "ED-24");
  EXPECT_EQ(CreatedRef(WebhookShape::kGithub, R"({"id":1,"number":1347})"), "1347");
  EXPECT_EQ(CreatedRef(WebhookShape::kGeneric, R"({"id":"t-9"})"), "t-9");
  EXPECT_EQ(CreatedRef(WebhookShape::kGeneric, R"({"id":77})"), "77");
  EXPECT_EQ(CreatedRef(WebhookShape::kGeneric, R"({"ok":true})"), "");
  EXPECT_EQ(CreatedRef(WebhookShape::kJira, "not json"), "");
}

}  // namespace
}  // namespace docket::adapters::llm
