// Dialects: how a chat request becomes an HTTP POST for each provider (URL, headers,
// JSON body) and how the provider's answer becomes a ChatResponse; the same for ticket
// webhooks. Pure functions, no I/O; thread-safe. The answer parsers read outside bytes:
// strict, size-limited, never crash, and their `detail` strings never quote the answer
// beyond a short provider error code.
//
//   azure     {base}/openai/deployments/{deployment}/chat/completions?api-version={v}
//   azure-v1  {base}/openai/v1/chat/completions            body "model" = deployment
//   openai, ollama, llamacpp, vllm
//             {base}/v1/chat/completions                    body "model" = model
#pragma once

#include <string>
#include <string_view>

#include "adapters/llm/http_transport.h"
#include "adapters/llm/profile.h"
#include "workflows/synthesize/chat_call.h"

namespace docket::adapters::llm {

inline constexpr size_t kMaxAnswerBytes = 4 << 20;

// The chat completions URL for `profile`.
std::string ChatUrl(const ProviderProfile& profile);

// The JSON body: messages, temperature (temperature_milli / 1000), max_tokens when set,
// seed (reduced modulo 2^31, which every server accepts) when the profile supports it,
// the model unless the URL names an Azure deployment, and response_format json_schema
// (strict) when supported, else json_object.
std::string ChatBody(const ProviderProfile& profile,
                     const workflows::synthesize::ChatRequest& request);

// URL, headers (content type, auth from `secret`) and body; timeouts from the profile.
HttpPost BuildChatPost(const ProviderProfile& profile,
                       const workflows::synthesize::ChatRequest& request, std::string_view secret);

// 408, 409, 429 and 5xx: worth another attempt.
bool IsRetryableStatus(int status);

// Classifies a final HTTP answer (any status that is not retried): kOk, kTruncated,
// kContentFilter (HTTP 400 error.code "content_filter" / innererror
// "ResponsibleAIPolicyViolation", or finish_reason "content_filter"), kRefusal,
// kRejected (other 4xx and anything else not 2xx) or kInvalidResponse (a 2xx that is not
// a chat completion). Fills content, finish_reason, model, usage and detail; the caller
// fills provider, dialect and attempts.
workflows::synthesize::ChatResponse ClassifyChatAnswer(int status, std::string_view body);

// The webhook POST: the body as given, JSON headers, Idempotency-Key, auth from
// `secret` (bearer token, or "user:token" for basic), GitHub's Accept and API version.
HttpPost BuildWebhookPost(const WebhookProfile& sink,
                          const workflows::synthesize::WebhookRequest& request,
                          std::string_view secret);

// What the tracker created: Jira `key`, GitHub `number`, generic `id` (string or
// integer); "" when the answer does not say. Never fails.
std::string CreatedRef(workflows::synthesize::WebhookShape shape, std::string_view body);

}  // namespace docket::adapters::llm
