// LlmClient against the loopback fake server through the real libcurl transport, on a
// fake clock: each fault matrix cell asserts the outcome, the attempt count, the waits
// and what the server saw.
#include "adapters/llm/llm_client.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <thread>

#include "adapters/llm/curl_transport.h"
#include "tests/adapters/llm/llm_test_support.h"
#include "tests/testing/fake_llm_server.h"

namespace docket::adapters::llm {
namespace {

namespace json = boost::json;
using docket::testing::BlackholeListener;
using docket::testing::ClosedPort;
using docket::testing::FakeLlmServer;
using docket::testing::FakeReply;
using ::testing::ElementsAre;
using testing::FakeRetryTimer;
using ::testing::HasSubstr;
using testing::SampleProfile;
using testing::SampleRequest;
using workflows::synthesize::ChatOutcome;
using workflows::synthesize::ChatResponse;

constexpr char kKey[] = "sk-test-0123456789";

class LlmClientTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { testing::EnsureCurl(); }

  ResilienceOptions Options() {
    ResilienceOptions o;
    o.retry = {.base = Millis(100), .cap = Millis(1'000), .max_retry_after = Millis(30'000)};
    o.breaker = {.failures = 100, .cooldown = Millis(30'000)};
    o.deadline = Millis(60'000);
    return o;
  }
  std::unique_ptr<LlmClient> Client(std::vector<ProviderProfile> chain,
                                    std::optional<ResilienceOptions> options = std::nullopt) {
    std::vector<ResolvedProvider> resolved;
    for (ProviderProfile& p : chain) {
      const std::string secret = p.auth == AuthKind::kNone ? "" : kKey;
      resolved.push_back({std::move(p), secret});
    }
    return std::make_unique<LlmClient>(std::move(resolved), options ? *options : Options(),
                                       transport_, timer_);
  }
  std::unique_ptr<LlmClient> Client(Dialect dialect = Dialect::kOpenAi) {
    return Client({SampleProfile(dialect, server_.base_url())});
  }

  FakeLlmServer server_;
  FakeRetryTimer timer_;
  CurlTransport transport_;
};

std::string Ok(const std::string& content = R"({"summary":"cards declined"})") {
  return FakeLlmServer::Completion(content, "stop", "served-model");
}

struct DialectCase {
  Dialect dialect;
  std::string path;
  std::string auth_header;
  std::string auth_value;
  bool body_has_model;
};

class LlmClientDialectTest : public LlmClientTest,
                             public ::testing::WithParamInterface<DialectCase> {};

TEST_P(LlmClientDialectTest, SendsTheDialectsRequestAndReadsItsAnswer) {
  const DialectCase& c = GetParam();
  server_.Enqueue(200, Ok());
  ChatResponse r = Client(c.dialect)->Chat(SampleRequest());
  EXPECT_EQ(r.outcome, ChatOutcome::kOk) << r.detail;
  EXPECT_EQ(r.content, R"({"summary":"cards declined"})");
  EXPECT_EQ(r.model, "served-model");
  EXPECT_EQ(r.provider, "primary");
  EXPECT_EQ(r.dialect, DialectName(c.dialect));
  EXPECT_EQ(r.attempts, 1u);
  EXPECT_EQ(r.prompt_tokens, 12u);
  EXPECT_EQ(r.completion_tokens, 34u);

  const auto seen = server_.Received();
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].method, "POST");
  EXPECT_EQ(seen[0].target, c.path);
  if (!c.auth_header.empty()) {
    EXPECT_EQ(seen[0].Header(c.auth_header), c.auth_value);
  }
  EXPECT_EQ(seen[0].Header("authorization").empty() && seen[0].Header("api-key").empty(),
            c.auth_header.empty());
  EXPECT_EQ(seen[0].Header("content-type"), "application/json");
  const json::object body = json::parse(seen[0].body).as_object();
  EXPECT_EQ(body.contains("model"), c.body_has_model);
  EXPECT_EQ(body.at("messages").as_array().size(), 2u);
  EXPECT_EQ(body.at("response_format").at("type"), "json_schema");
  EXPECT_EQ(body.at("seed").to_number<int>(), 42);
  EXPECT_EQ(body.at("max_tokens").to_number<int>(), 800);
  EXPECT_DOUBLE_EQ(body.at("temperature").to_number<double>(), 0.2);
}

INSTANTIATE_TEST_SUITE_P(
    Dialects, LlmClientDialectTest,
    ::testing::Values(
        DialectCase{Dialect::kAzure,
                    "/openai/deployments/gpt-4o-prod/chat/completions?api-version=2024-10-21",
                    "api-key", kKey, false},
        DialectCase{Dialect::kAzureV1, "/openai/v1/chat/completions", "api-key", kKey, true},
        DialectCase{Dialect::kOpenAi, "/v1/chat/completions", "authorization",
                    std::string("Bearer ") + kKey, true},
        DialectCase{Dialect::kOllama, "/v1/chat/completions", "", "", true},
        DialectCase{Dialect::kLlamaCpp, "/v1/chat/completions", "", "", true},
        DialectCase{Dialect::kVllm, "/v1/chat/completions", "", "", true}),
    [](const ::testing::TestParamInfo<DialectCase>& param_info) {
      std::string name(DialectName(param_info.param.dialect));
      std::erase(name, '-');
      return name;
    });

TEST_F(LlmClientTest, Http429WithRetryAfterMsIsHonoured) {
  server_.Enqueue(429, R"({"error":{"code":"429"}})", {{"retry-after-ms", "250"}});
  server_.Enqueue(200, Ok());
  ChatResponse r = Client()->Chat(SampleRequest());
  EXPECT_EQ(r.outcome, ChatOutcome::kOk);
  EXPECT_EQ(r.attempts, 2u);
  EXPECT_THAT(timer_.waits(), ElementsAre(Millis(250)));
  EXPECT_EQ(r.detail, "HTTP 429, retry-after honoured, then served");
}

TEST_F(LlmClientTest, Http429WithRetryAfterSecondsIsHonoured) {
  server_.Enqueue(429, "{}", {{"Retry-After", "2"}});
  server_.Enqueue(429, "{}", {{"Retry-After", "3"}});
  server_.Enqueue(200, Ok());
  ChatResponse r = Client()->Chat(SampleRequest());
  EXPECT_EQ(r.outcome, ChatOutcome::kOk);
  EXPECT_EQ(r.attempts, 3u);
  EXPECT_THAT(timer_.waits(), ElementsAre(Millis(2'000), Millis(3'000)));
}

TEST_F(LlmClientTest, Http429WithoutHeadersBacksOffWithJitterThenGivesUp) {
  for (int i = 0; i < 3; ++i) server_.Enqueue(429, "{}");
  ChatResponse r = Client()->Chat(SampleRequest());
  EXPECT_EQ(r.outcome, ChatOutcome::kUnavailable);
  EXPECT_EQ(r.attempts, 3u);
  EXPECT_EQ(server_.Received().size(), 3u);
  const std::vector<Millis> waits = timer_.waits();
  ASSERT_EQ(waits.size(), 2u);  // no wait after the last attempt
  EXPECT_LE(waits[0], Millis(100));
  EXPECT_LE(waits[1], Millis(200));
  EXPECT_EQ(r.detail, "HTTP 429 \u00d73");
}

TEST_F(LlmClientTest, ServerErrorsAreRetried) {
  server_.Enqueue(503, "{}");
  server_.Enqueue(500, "oops");
  server_.Enqueue(200, Ok());
  ChatResponse r = Client()->Chat(SampleRequest());
  EXPECT_EQ(r.outcome, ChatOutcome::kOk);
  EXPECT_EQ(r.attempts, 3u);
  EXPECT_THAT(r.detail, HasSubstr("HTTP 503, HTTP 500"));
}

TEST_F(LlmClientTest, ConnectFailureIsUnavailableAfterMaxAttempts) {
  ChatResponse r =
      Client({SampleProfile(Dialect::kOpenAi, "http://127.0.0.1:" + std::to_string(ClosedPort()))})
          ->Chat(SampleRequest());
  EXPECT_EQ(r.outcome, ChatOutcome::kUnavailable);
  EXPECT_EQ(r.attempts, 3u);
  EXPECT_EQ(r.detail, "connect failed \u00d73");
  EXPECT_EQ(timer_.waits().size(), 2u);
}

// A listener with a full accept queue drops SYNs, so the connect phase times out; the
// client's connect timeout (200 ms) ends it, not a sleep in the test.
TEST_F(LlmClientTest, ConnectTimeoutIsUnavailable) {
  BlackholeListener blackhole;
  ProviderProfile p =
      SampleProfile(Dialect::kOpenAi, "http://127.0.0.1:" + std::to_string(blackhole.port()));
  p.connect_timeout = Millis(200);
  p.max_attempts = 1;
  ChatResponse r = Client({p})->Chat(SampleRequest());
  EXPECT_EQ(r.outcome, ChatOutcome::kUnavailable);
  EXPECT_EQ(r.attempts, 1u);
  EXPECT_EQ(r.detail, "connect timed out");
}

TEST_F(LlmClientTest, StalledBodyTimesOut) {
  server_.Enqueue(FakeReply{200, {}, R"({"choices":[)", FakeReply::Mode::kStallBody});
  server_.Enqueue(FakeReply{200, {}, R"({"choices":[)", FakeReply::Mode::kStallBody});
  ProviderProfile p = SampleProfile(Dialect::kOpenAi, server_.base_url());
  p.total_timeout = Millis(200);
  p.max_attempts = 2;
  ChatResponse r = Client({p})->Chat(SampleRequest());
  EXPECT_EQ(r.outcome, ChatOutcome::kUnavailable);
  EXPECT_EQ(r.attempts, 2u);
  EXPECT_EQ(r.detail, "timed out \u00d72");
}

TEST_F(LlmClientTest, DroppedConnectionIsNotRetried) {
  server_.Enqueue(FakeReply{200, {}, "", FakeReply::Mode::kDrop});
  ChatResponse r = Client()->Chat(SampleRequest());
  EXPECT_EQ(r.outcome, ChatOutcome::kUnavailable);
  EXPECT_EQ(r.attempts, 1u);
}

struct AnswerCase {
  std::string name;
  int status;
  std::string body;
  ChatOutcome outcome;
  std::string content;
};

class LlmClientAnswerTest : public LlmClientTest,
                            public ::testing::WithParamInterface<AnswerCase> {};

TEST_P(LlmClientAnswerTest, ClassifiesTheAnswerWithoutRetrying) {
  server_.Enqueue(GetParam().status, GetParam().body);
  ChatResponse r = Client(Dialect::kAzure)->Chat(SampleRequest());
  EXPECT_EQ(r.outcome, GetParam().outcome) << r.detail;
  EXPECT_EQ(r.content, GetParam().content);
  EXPECT_EQ(r.attempts, 1u);
  EXPECT_FALSE(r.detail.empty());
  EXPECT_TRUE(timer_.waits().empty());
}

INSTANTIATE_TEST_SUITE_P(
    Answers, LlmClientAnswerTest,
    ::testing::Values(
        AnswerCase{"truncated", 200, FakeLlmServer::Completion(R"({"summ)", "length"),
                   ChatOutcome::kTruncated, R"({"summ)"},
        AnswerCase{"filter_400", 400, FakeLlmServer::AzurePromptFiltered(),
                   ChatOutcome::kContentFilter, ""},
        AnswerCase{"filter_200", 200, FakeLlmServer::Completion("", "content_filter"),
                   ChatOutcome::kContentFilter, ""},
        AnswerCase{"refusal", 200, FakeLlmServer::Refusal("I can't help with that."),
                   ChatOutcome::kRefusal, "I can't help with that."},
        AnswerCase{"invalid_json", 200, "{\"choices\": [", ChatOutcome::kInvalidResponse, ""},
        AnswerCase{"not_a_completion", 200, R"({"object":"list","data":[]})",
                   ChatOutcome::kInvalidResponse, ""},
        AnswerCase{"unauthorized", 401, R"({"error":{"code":"401"}})", ChatOutcome::kRejected, ""},
        AnswerCase{"not_found", 404, "<html/>", ChatOutcome::kRejected, ""}),
    [](const ::testing::TestParamInfo<AnswerCase>& param_info) { return param_info.param.name; });

TEST_F(LlmClientTest, FallsBackToTheNextProviderWhenOneCannotAnswer) {
  FakeLlmServer local;
  server_.Enqueue(401, R"({"error":{"code":"invalid_api_key"}})");
  local.Enqueue(200, Ok());
  ProviderProfile primary = SampleProfile(Dialect::kAzure, server_.base_url(), "azure-prod");
  ProviderProfile fallback = SampleProfile(Dialect::kOllama, local.base_url(), "local");
  ChatResponse r = Client({primary, fallback})->Chat(SampleRequest());
  EXPECT_EQ(r.outcome, ChatOutcome::kOk);
  EXPECT_EQ(r.provider, "local");
  EXPECT_EQ(r.dialect, "ollama");
  EXPECT_EQ(r.attempts, 2u);
  EXPECT_EQ(r.detail, "azure-prod: HTTP 401 (invalid_api_key); local: served");
  EXPECT_EQ(local.Received().at(0).Header("authorization"), "");  // its own auth: none
}

TEST_F(LlmClientTest, AFilteredAnswerDoesNotFallBack) {
  FakeLlmServer local;
  server_.Enqueue(400, FakeLlmServer::AzurePromptFiltered());
  ChatResponse r = Client({SampleProfile(Dialect::kAzure, server_.base_url(), "azure-prod"),
                           SampleProfile(Dialect::kOllama, local.base_url(), "local")})
                       ->Chat(SampleRequest());
  EXPECT_EQ(r.outcome, ChatOutcome::kContentFilter);
  EXPECT_EQ(r.provider, "azure-prod");
  EXPECT_TRUE(local.Received().empty());
}

TEST_F(LlmClientTest, BreakerOpensAfterRepeatedFailuresAndHalfOpensAfterCooldown) {
  ResilienceOptions o = Options();
  o.breaker = {.failures = 2, .cooldown = Millis(30'000)};
  o.deadline = Millis(600'000);  // the cooldowns below must not run into it
  ProviderProfile p = SampleProfile(Dialect::kOpenAi, server_.base_url());
  p.max_attempts = 1;
  auto client = Client({p}, o);
  server_.Enqueue(503, "{}");
  server_.Enqueue(503, "{}");
  EXPECT_EQ(client->Chat(SampleRequest()).outcome, ChatOutcome::kUnavailable);
  EXPECT_EQ(client->Chat(SampleRequest()).outcome, ChatOutcome::kUnavailable);
  ChatResponse open = client->Chat(SampleRequest());
  EXPECT_EQ(open.outcome, ChatOutcome::kCircuitOpen);
  EXPECT_EQ(open.attempts, 0u);
  EXPECT_EQ(open.detail, "circuit open, no request sent");
  EXPECT_EQ(server_.Received().size(), 2u);  // nothing sent while open

  timer_.Advance(Millis(29'999));
  EXPECT_EQ(client->Chat(SampleRequest()).outcome, ChatOutcome::kCircuitOpen);
  timer_.Advance(Millis(1));
  server_.Enqueue(503, "{}");  // the half-open probe fails: open again
  EXPECT_EQ(client->Chat(SampleRequest()).outcome, ChatOutcome::kUnavailable);
  EXPECT_EQ(client->Chat(SampleRequest()).outcome, ChatOutcome::kCircuitOpen);
  timer_.Advance(Millis(30'000));
  server_.Enqueue(200, Ok());  // the probe succeeds: closed
  EXPECT_EQ(client->Chat(SampleRequest()).outcome, ChatOutcome::kOk);
  server_.Enqueue(200, Ok());
  EXPECT_EQ(client->Chat(SampleRequest()).outcome, ChatOutcome::kOk);
  EXPECT_EQ(server_.Received().size(), 5u);
}

TEST_F(LlmClientTest, ABreakerOpeningMidCallStopsTheAttempts) {
  ResilienceOptions o = Options();
  o.breaker = {.failures = 2, .cooldown = Millis(30'000)};
  for (int i = 0; i < 3; ++i) server_.Enqueue(500, "{}");
  ChatResponse r =
      Client({SampleProfile(Dialect::kOpenAi, server_.base_url())}, o)->Chat(SampleRequest());
  EXPECT_EQ(r.outcome, ChatOutcome::kUnavailable);
  EXPECT_EQ(r.attempts, 2u);
  EXPECT_EQ(r.detail, "HTTP 500 \u00d72; then the circuit opened");
}

TEST_F(LlmClientTest, TheDeadlineStopsRetries) {
  ResilienceOptions o = Options();
  o.deadline = Millis(10'000);
  server_.Enqueue(429, "{}", {{"retry-after", "20"}});
  ChatResponse r =
      Client({SampleProfile(Dialect::kOpenAi, server_.base_url())}, o)->Chat(SampleRequest());
  EXPECT_EQ(r.outcome, ChatOutcome::kDeadlineExceeded);
  EXPECT_EQ(r.attempts, 1u);
  EXPECT_TRUE(timer_.waits().empty());  // never waits past the deadline
  EXPECT_EQ(r.detail, "HTTP 429; the run deadline stopped further attempts");
}

TEST_F(LlmClientTest, APassedDeadlineSendsNothingAndSkipsFallbacks) {
  ResilienceOptions o = Options();
  o.deadline = Millis(10'000);
  FakeLlmServer local;
  auto client = Client({SampleProfile(Dialect::kOpenAi, server_.base_url(), "a"),
                        SampleProfile(Dialect::kVllm, local.base_url(), "b")},
                       o);
  timer_.Advance(Millis(10'000));
  ChatResponse r = client->Chat(SampleRequest());
  EXPECT_EQ(r.outcome, ChatOutcome::kDeadlineExceeded);
  EXPECT_EQ(r.attempts, 0u);
  EXPECT_EQ(r.provider, "a");
  EXPECT_TRUE(server_.Received().empty());
  EXPECT_TRUE(local.Received().empty());
}

TEST_F(LlmClientTest, ARetryAfterOverTheLimitMovesOn) {
  FakeLlmServer local;
  server_.Enqueue(429, "{}", {{"retry-after", "120"}});
  local.Enqueue(200, Ok());
  ChatResponse r = Client({SampleProfile(Dialect::kOpenAi, server_.base_url(), "a"),
                           SampleProfile(Dialect::kVllm, local.base_url(), "b")})
                       ->Chat(SampleRequest());
  EXPECT_EQ(r.outcome, ChatOutcome::kOk);
  EXPECT_EQ(r.provider, "b");
  EXPECT_EQ(r.attempts, 2u);
  EXPECT_THAT(r.detail, HasSubstr("a: HTTP 429; retry-after longer than the allowed wait"));
  EXPECT_TRUE(timer_.waits().empty());
}

TEST_F(LlmClientTest, ConcurrentCallsAreServed) {
  constexpr int kCalls = 6;
  for (int i = 0; i < kCalls; ++i) server_.Enqueue(200, Ok());
  auto client = Client();
  std::vector<std::thread> threads;
  std::vector<ChatOutcome> outcomes(kCalls);
  for (int i = 0; i < kCalls; ++i) {
    threads.emplace_back([&, i] { outcomes[i] = client->Chat(SampleRequest()).outcome; });
  }
  for (std::thread& t : threads) t.join();
  for (ChatOutcome o : outcomes) EXPECT_EQ(o, ChatOutcome::kOk);
  EXPECT_EQ(server_.Received().size(), static_cast<size_t>(kCalls));
}

TEST_F(LlmClientTest, TheEffectsDoorSpeaksCanonicalBytes) {
  server_.Enqueue(200, Ok());
  auto client = Client();
  StatusOr<std::string> bytes =
      client->Call({"synthesize", "llm.chat", testing::SampleRequestBytes()});
  ASSERT_TRUE(bytes.ok()) << bytes.status().message();
  StatusOr<ChatResponse> r = workflows::synthesize::ParseChatResponse(*bytes);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->outcome, ChatOutcome::kOk);

  EXPECT_EQ(client->Call({"synthesize", "llm.chat", "{}"}).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(
      client->Call({"synthesize", "embeddings", testing::SampleRequestBytes()}).status().code(),
      StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace docket::adapters::llm
