#include "workflows/synthesize/chat_call.h"

#include <gtest/gtest.h>

namespace docket::workflows::synthesize {
namespace {

ChatRequest SampleRequest() {
  ChatRequest r;
  r.task = "theme_summaries";
  r.prompt = {"theme_summary", "1", "sha256:" + std::string(64, 'a')};
  r.messages = {{"system", "You summarise."}, {"user", "Theme t1: \"card declined\" ×12"}};
  r.schema_id = "docket.synthesis.theme_summary.v1";
  r.schema_json = R"({"type":"object","additionalProperties":false})";
  r.temperature_milli = 200;
  r.seed = 18446744073709551615ull;
  r.max_tokens = 800;
  r.attempt = 2;
  return r;
}

TEST(ChatCallTest, RequestRoundTripsAndIsCanonical) {
  StatusOr<std::string> bytes = SerializeChatRequest(SampleRequest());
  ASSERT_TRUE(bytes.ok()) << bytes.status().message();
  StatusOr<ChatRequest> back = ParseChatRequest(*bytes);
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(back->task, "theme_summaries");
  EXPECT_EQ(back->prompt.digest, SampleRequest().prompt.digest);
  ASSERT_EQ(back->messages.size(), 2u);
  EXPECT_EQ(back->messages[1].content, "Theme t1: \"card declined\" ×12");
  EXPECT_EQ(back->seed, 18446744073709551615ull);
  EXPECT_EQ(back->attempt, 2u);
  EXPECT_EQ(back->schema_json, R"({"type":"object","additionalProperties":false})");
  // Same request, same bytes: the recording key depends on it.
  EXPECT_EQ(*SerializeChatRequest(*back), *bytes);
  EXPECT_EQ(bytes->find("host"), std::string::npos);
}

TEST(ChatCallTest, RequestRejectsASchemaThatIsNotAnObject) {
  ChatRequest r = SampleRequest();
  r.schema_json = "[1]";
  EXPECT_EQ(SerializeChatRequest(r).status().code(), StatusCode::kInvalidArgument);
}

TEST(ChatCallTest, ParseNamesTheBadField) {
  StatusOr<ChatRequest> r = ParseChatRequest(R"({"format":"docket.llm_chat_request.v1","task":1})");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("`task`"), std::string::npos) << r.status().message();
  EXPECT_FALSE(ParseChatRequest(R"({"format":"other"})").ok());
  EXPECT_FALSE(ParseChatRequest("not json").ok());
}

TEST(ChatCallTest, ResponseRoundTripsEveryOutcome) {
  for (ChatOutcome o : {ChatOutcome::kOk, ChatOutcome::kTruncated, ChatOutcome::kContentFilter,
                        ChatOutcome::kRefusal, ChatOutcome::kUnavailable, ChatOutcome::kRejected,
                        ChatOutcome::kInvalidResponse, ChatOutcome::kCircuitOpen,
                        ChatOutcome::kDeadlineExceeded, ChatOutcome::kNotConfigured}) {
    ChatResponse r{.outcome = o, .content = "{\"a\":1}", .finish_reason = "stop",
                   .provider = "azure-prod", .dialect = "azure", .model = "gpt-4o",
                   .attempts = 3, .detail = "HTTP 429 three times", .prompt_tokens = 10,
                   .completion_tokens = 5};
    StatusOr<ChatResponse> back = ParseChatResponse(SerializeChatResponse(r));
    ASSERT_TRUE(back.ok()) << back.status().message();
    EXPECT_EQ(back->outcome, o);
    EXPECT_EQ(ChatOutcomeFromName(ChatOutcomeName(o)), o);
    EXPECT_EQ(back->content, r.content);
    EXPECT_EQ(back->attempts, 3u);
    EXPECT_EQ(back->completion_tokens, 5u);
  }
  EXPECT_FALSE(ParseChatResponse(
                   R"({"format":"docket.llm_chat_response.v1","outcome":"maybe","content":"",)"
                   R"("finish_reason":"","provider":"","dialect":"","model":"","attempts":0,)"
                   R"("detail":"","usage":{"prompt_tokens":0,"completion_tokens":0}})")
                   .ok());
}

TEST(ChatCallTest, WebhookRoundTrips) {
  WebhookRequest w{.sink = "tickets", .shape = WebhookShape::kJira,
                   .body_json = R"({"fields":{"summary":"Checkout spike"}})",
                   .idempotency_key = "rc-1/t3"};
  StatusOr<std::string> bytes = SerializeWebhookRequest(w);
  ASSERT_TRUE(bytes.ok());
  StatusOr<WebhookRequest> back = ParseWebhookRequest(*bytes);
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(back->shape, WebhookShape::kJira);
  EXPECT_EQ(back->body_json, w.body_json);
  EXPECT_EQ(back->idempotency_key, "rc-1/t3");
  WebhookResponse resp{.outcome = ChatOutcome::kOk, .http_status = 201, .attempts = 1,
                       .detail = "", .created_ref = "OPS-12"};
  StatusOr<WebhookResponse> rb = ParseWebhookResponse(SerializeWebhookResponse(resp));
  ASSERT_TRUE(rb.ok());
  EXPECT_EQ(rb->created_ref, "OPS-12");
  EXPECT_EQ(rb->http_status, 201u);
}

}  // namespace
}  // namespace docket::workflows::synthesize
