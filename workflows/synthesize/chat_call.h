// The contract between the synthesize step and whatever serves its model calls (the LLM
// client in adapters/llm/, a recording in replay, a fake in tests). A step describes a
// chat completion as a ChatRequest and sends its canonical bytes through the
// engine::Effects door as kind "llm.chat"; the handler answers with the canonical bytes
// of a ChatResponse: always an answer, never a transport error, because every outcome
// (served, filtered, refused, truncated, unreachable, not configured) is recorded and a
// replay must take the same path. Errors from Effects::Call itself mean the call could
// not even be attempted (no handler, replay without a recording, egress refused).
//
// The request holds what decides the answer: task, prompt id/version/digest, messages,
// the response JSON Schema, sampling parameters and the attempt number. Never a host, a
// key, a deployment URL or a timestamp: those are the handler's business, and the
// response says which provider and model served it.
//
// Webhook posts (ticket drafts) use the same door as kind "webhook.post" with
// WebhookRequest / WebhookResponse below; the request names a configured sink, never a
// URL or token.
//
// Pure value types and (de)serialization; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/status.h"

namespace docket::workflows::synthesize {

inline constexpr std::string_view kChatEffectKind = "llm.chat";
inline constexpr std::string_view kWebhookEffectKind = "webhook.post";

struct PromptRef {
  std::string id;       // e.g. "theme_summary"
  std::string version;  // e.g. "3"
  std::string digest;   // "sha256:<64 hex>" of the template bytes
};

struct ChatMessage {
  std::string role;  // "system" | "user" | "assistant"
  std::string content;
};

struct ChatRequest {
  std::string task;  // e.g. "theme_summaries", "release_notes", "triage_tickets"
  PromptRef prompt;
  std::vector<ChatMessage> messages;
  std::string schema_id;    // e.g. "docket.synthesis.theme_summary.v1"
  std::string schema_json;  // the response JSON Schema (strict subset), as JSON text
  uint32_t temperature_milli = 0;  // sampling temperature × 1000 (integers hash stably)
  uint64_t seed = 0;               // sent where the provider supports it
  uint32_t max_tokens = 0;         // 0: the provider's default
  uint32_t attempt = 1;            // 1 first try, 2 the repair attempt
};

// Canonical bytes: compact JSON, fixed key order, `schema_json` embedded as a JSON
// object. Same request, same bytes. Errors: kInvalidArgument if schema_json is not a
// JSON object.
[[nodiscard]] StatusOr<std::string> SerializeChatRequest(const ChatRequest& request);
// Errors: kInvalidArgument naming the first missing or mistyped field.
[[nodiscard]] StatusOr<ChatRequest> ParseChatRequest(std::string_view bytes);

enum class ChatOutcome {
  kOk,                // a complete answer; `content` holds it
  kTruncated,         // finish_reason "length": `content` holds the partial answer
  kContentFilter,     // the provider's content filter blocked the prompt or the answer
  kRefusal,           // the model declined; `content` holds the refusal text
  kUnavailable,       // 429/5xx/timeouts/connection failures, attempts exhausted
  kRejected,          // a non-retryable HTTP error (400 other than a filter, 401, 404...)
  kInvalidResponse,   // a 2xx answer that is not a chat completion
  kCircuitOpen,       // the endpoint's breaker is open; no request was sent
  kDeadlineExceeded,  // the run's model deadline passed
  kNotConfigured,     // no model is configured for this run
};
std::string_view ChatOutcomeName(ChatOutcome outcome);  // "ok", "truncated", ...
std::optional<ChatOutcome> ChatOutcomeFromName(std::string_view name);

struct ChatResponse {
  ChatOutcome outcome = ChatOutcome::kNotConfigured;
  std::string content;        // the assistant message (ok, truncated, refusal)
  std::string finish_reason;  // as the provider reported it, when it did
  std::string provider;       // the profile name that served (or tried) the call
  std::string dialect;        // "azure", "azure-v1", "openai", "ollama", "llamacpp", "vllm"
  std::string model;          // the model the provider reported, else the configured one
  uint32_t attempts = 0;      // HTTP requests sent, over all providers
  std::string detail;  // why, for people: "HTTP 429 three times"; never hosts or secrets
  uint64_t prompt_tokens = 0;
  uint64_t completion_tokens = 0;
};

[[nodiscard]] std::string SerializeChatResponse(const ChatResponse& response);
// Errors: kInvalidArgument naming the first missing or mistyped field.
[[nodiscard]] StatusOr<ChatResponse> ParseChatResponse(std::string_view bytes);

enum class WebhookShape { kGeneric, kJira, kGithub };
std::string_view WebhookShapeName(WebhookShape shape);  // "generic", "jira", "github"
std::optional<WebhookShape> WebhookShapeFromName(std::string_view name);

struct WebhookRequest {
  std::string sink;  // a sink name the run's configuration resolves to a URL and auth
  WebhookShape shape = WebhookShape::kGeneric;
  std::string body_json;  // the payload, as JSON text (already in the sink's shape)
  std::string idempotency_key;  // stable per draft, so a retried post is not doubled
};
[[nodiscard]] StatusOr<std::string> SerializeWebhookRequest(const WebhookRequest& request);
[[nodiscard]] StatusOr<WebhookRequest> ParseWebhookRequest(std::string_view bytes);

struct WebhookResponse {
  ChatOutcome outcome = ChatOutcome::kNotConfigured;  // kOk, kUnavailable, kRejected, ...
  uint32_t http_status = 0;  // the last HTTP status seen, 0 if none
  uint32_t attempts = 0;
  std::string detail;
  std::string created_ref;  // e.g. the issue key or number the tracker returned
};
[[nodiscard]] std::string SerializeWebhookResponse(const WebhookResponse& response);
[[nodiscard]] StatusOr<WebhookResponse> ParseWebhookResponse(std::string_view bytes);

}  // namespace docket::workflows::synthesize
