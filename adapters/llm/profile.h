// Model provider and webhook sink profiles: what the LLM client knows about each endpoint
// it may call (dialect, base URL, model or deployment, auth, timeouts, attempts,
// fallbacks, capabilities), and the capability profile every dialect starts from. Read
// from a profiles file or the environment (llm_config.h); secrets are never held here,
// only the names of the environment variables that hold them. Value types; thread-safe
// to share once built.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "workflows/synthesize/chat_call.h"

namespace docket::adapters::llm {

using Millis = std::chrono::milliseconds;

enum class Dialect { kAzure, kAzureV1, kOpenAi, kOllama, kLlamaCpp, kVllm };
std::string_view DialectName(Dialect dialect);  // "azure", "azure-v1", "openai", ...
std::optional<Dialect> DialectFromName(std::string_view name);
std::vector<std::string> DialectNames();

// How a request proves who it is. kApiKey is Azure's `api-key` header; kBearer is
// `Authorization: Bearer`; kBasic (webhooks only) is `Authorization: Basic` of the
// secret, which holds "user:token".
enum class AuthKind { kNone, kApiKey, kBearer, kBasic };
std::string_view AuthKindName(AuthKind auth);
std::optional<AuthKind> AuthKindFromName(std::string_view name);

// Which content-filter answers a provider gives. Azure: HTTP 400 with error.code
// "content_filter" for a filtered prompt, HTTP 200 with finish_reason "content_filter"
// for a filtered answer. OpenAI-compatible servers: at most the finish_reason.
struct ContentFilterShapes {
  bool http_400_error = false;
  bool finish_reason = true;
};

// What a dialect supports; the client shapes the request body by it.
struct Capabilities {
  bool json_schema = true;  // response_format json_schema; else json_object
  bool seed = true;         // the `seed` parameter is honoured
  uint32_t context_tokens = 8192;
  ContentFilterShapes content_filter;
};
Capabilities DefaultCapabilities(Dialect dialect);

struct ProviderProfile {
  std::string name;  // the profile's name in the file ("env" for the quick start)
  Dialect dialect = Dialect::kOpenAi;
  std::string base_url;     // scheme://host[:port][/prefix], no trailing slash
  std::string model;        // openai, ollama, llamacpp, vllm
  std::string deployment;   // azure, azure-v1
  std::string api_version;  // azure
  AuthKind auth = AuthKind::kNone;
  std::string api_key_env;  // environment variable holding the secret
  Millis connect_timeout{10'000};
  Millis total_timeout{60'000};
  uint32_t max_attempts = 3;           // 1..3 requests to this provider per call
  std::vector<std::string> fallbacks;  // profile names tried next, in order
  Capabilities capabilities;
  std::string proxy;  // empty: no proxy (the environment's is ignored)

  // The configured model: the deployment for Azure dialects, else the model.
  const std::string& ModelOrDeployment() const;
};

struct WebhookProfile {
  std::string name;
  std::string url;
  workflows::synthesize::WebhookShape shape = workflows::synthesize::WebhookShape::kGeneric;
  AuthKind auth = AuthKind::kNone;  // kNone, kBearer or kBasic
  std::string token_env;
  Millis connect_timeout{10'000};
  Millis total_timeout{30'000};
  uint32_t max_attempts = 3;
  std::string proxy;
};

// Backoff between attempts: full jitter, uniform in [0, min(cap, base × 2^(n-1))], unless
// the provider said how long to wait (retry-after-ms, then retry-after), which is honoured
// up to `max_retry_after`; a longer demand ends the attempts on that provider.
struct RetryPolicy {
  Millis base{500};
  Millis cap{8'000};
  Millis max_retry_after{30'000};
};

// Per endpoint: `failures` consecutive failed requests open the breaker for `cooldown`;
// then one probe is let through (half-open); its success closes the breaker.
struct BreakerPolicy {
  uint32_t failures = 5;
  Millis cooldown{30'000};
};

struct LlmConfig {
  std::string source;                     // the file path, or "environment"
  std::string default_profile;            // may be empty if there are no profiles
  Millis deadline{60'000};                // bounds every model call of one run
  std::vector<ProviderProfile> profiles;  // in file order
  std::vector<WebhookProfile> webhooks;   // in file order
  RetryPolicy retry;
  BreakerPolicy breaker;

  const ProviderProfile* FindProfile(std::string_view name) const;
  const WebhookProfile* FindWebhook(std::string_view name) const;
};

}  // namespace docket::adapters::llm
