#include "adapters/llm/webhook_poster.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "adapters/llm/curl_transport.h"
#include "tests/adapters/llm/llm_test_support.h"
#include "tests/testing/fake_llm_server.h"

namespace docket::adapters::llm {
namespace {

using docket::testing::FakeLlmServer;
using ::testing::ElementsAre;
using testing::FakeRetryTimer;
using workflows::synthesize::ChatOutcome;
using workflows::synthesize::WebhookRequest;
using workflows::synthesize::WebhookResponse;
using workflows::synthesize::WebhookShape;

class WebhookPosterTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { testing::EnsureCurl(); }

  std::unique_ptr<WebhookPoster> Poster(WebhookShape shape, AuthKind auth, std::string secret) {
    WebhookProfile sink;
    sink.name = "tracker";
    sink.url = server_.base_url() + "/rest/api/2/issue";
    sink.shape = shape;
    sink.auth = auth;
    sink.token_env = "TOKEN";
    ResilienceOptions options;
    options.retry = {.base = Millis(100), .cap = Millis(1'000)};
    return std::make_unique<WebhookPoster>(std::vector<ResolvedWebhook>{{sink, std::move(secret)}},
                                           options, transport_, timer_);
  }
  static WebhookRequest Draft(WebhookShape shape) {
    return {"tracker", shape, R"({"fields":{"summary":"Checkout failures"}})", "rc-42/t1"};
  }

  FakeLlmServer server_;
  FakeRetryTimer timer_;
  CurlTransport transport_;
};

TEST_F(WebhookPosterTest, JiraIssueIsCreatedWithAuthAndIdempotencyKey) {
  server_.Enqueue(201, R"({"id":"10000","key":"ED-24","self":"https://x/rest/api/2/issue/10000"})");
  StatusOr<WebhookResponse> r = Poster(WebhookShape::kJira, AuthKind::kBasic, "me@example.com:tok")
                                    ->Post(Draft(WebhookShape::kJira));
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->outcome, ChatOutcome::kOk);
  EXPECT_EQ(r->created_ref, "ED-24");
  EXPECT_EQ(r->http_status, 201u);
  EXPECT_EQ(r->attempts, 1u);
  EXPECT_EQ(r->detail, "HTTP 201, created ED-24");
  const auto seen = server_.Received();
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].target, "/rest/api/2/issue");
  EXPECT_EQ(seen[0].Header("idempotency-key"), "rc-42/t1");
  EXPECT_EQ(seen[0].Header("authorization"), "Basic bWVAZXhhbXBsZS5jb206dG9r");
  EXPECT_EQ(seen[0].body, R"({"fields":{"summary":"Checkout failures"}})");
}

TEST_F(WebhookPosterTest, GithubIssueNumberAfterARetry) {
  server_.Enqueue(503, "{}", {{"retry-after", "1"}});
  server_.Enqueue(201, R"({"id":99,"number":1347,"title":"t"})");
  StatusOr<WebhookResponse> r =
      Poster(WebhookShape::kGithub, AuthKind::kBearer, "ghp_x")->Post(Draft(WebhookShape::kGithub));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->outcome, ChatOutcome::kOk);
  EXPECT_EQ(r->created_ref, "1347");
  EXPECT_EQ(r->attempts, 2u);
  EXPECT_THAT(timer_.waits(), ElementsAre(Millis(1'000)));
  const auto seen = server_.Received();
  ASSERT_EQ(seen.size(), 2u);
  // The same key on the retry, so the tracker can drop the duplicate.
  EXPECT_EQ(seen[1].Header("idempotency-key"), "rc-42/t1");
  EXPECT_EQ(seen[1].Header("authorization"), "Bearer ghp_x");
  EXPECT_EQ(seen[1].Header("accept"), "application/vnd.github+json");
}

TEST_F(WebhookPosterTest, GenericIdAndRejections) {
  server_.Enqueue(200, R"({"id":"t-1"})");
  server_.Enqueue(422, R"({"message":"Validation Failed"})");
  auto poster = Poster(WebhookShape::kGeneric, AuthKind::kNone, "");
  EXPECT_EQ(poster->Post(Draft(WebhookShape::kGeneric))->created_ref, "t-1");
  StatusOr<WebhookResponse> rejected = poster->Post(Draft(WebhookShape::kGeneric));
  EXPECT_EQ(rejected->outcome, ChatOutcome::kRejected);
  EXPECT_EQ(rejected->http_status, 422u);
  EXPECT_EQ(rejected->attempts, 1u);
  EXPECT_EQ(server_.Received()[0].Header("authorization"), "");
}

TEST_F(WebhookPosterTest, UnavailableAfterMaxAttempts) {
  for (int i = 0; i < 3; ++i) server_.Enqueue(502, "{}");
  StatusOr<WebhookResponse> r =
      Poster(WebhookShape::kGeneric, AuthKind::kNone, "")->Post(Draft(WebhookShape::kGeneric));
  EXPECT_EQ(r->outcome, ChatOutcome::kUnavailable);
  EXPECT_EQ(r->attempts, 3u);
  EXPECT_EQ(r->http_status, 502u);
}

TEST_F(WebhookPosterTest, UnknownSinkAndWrongKind) {
  auto poster = Poster(WebhookShape::kGeneric, AuthKind::kNone, "");
  WebhookRequest other = Draft(WebhookShape::kGeneric);
  other.sink = "nowhere";
  StatusOr<WebhookResponse> r = poster->Post(other);
  EXPECT_EQ(r.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_THAT(r.status().message(), ::testing::HasSubstr("`nowhere`"));
  EXPECT_EQ(poster->Call({"tickets", "llm.chat", "{}"}).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(poster->Call({"tickets", "webhook.post", "{}"}).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_TRUE(server_.Received().empty());
}

}  // namespace
}  // namespace docket::adapters::llm
