// WebhookPoster: serves "webhook.post" effects live: POSTs a ticket draft (already in
// the sink's shape: generic JSON, Jira or GitHub issue) to a configured sink with its
// auth and an Idempotency-Key, with the same bounded attempts, backoff, breaker and
// deadline as the model client, and answers with a serialized WebhookResponse whose
// created_ref is what the tracker made (Jira `key`, GitHub `number`, generic `id`).
// Owns the sinks' secrets; never puts URLs, hosts or tokens into a response. Build one
// per run. Thread-safe.
#pragma once

#include <string>
#include <vector>

#include "adapters/llm/llm_client.h"
#include "engine/effects.h"
#include "workflows/synthesize/chat_call.h"

namespace docket::adapters::llm {

struct ResolvedWebhook {
  WebhookProfile sink;
  std::string secret;  // empty when its auth is none
};

class WebhookPoster final : public engine::Effects {
 public:
  // Borrows `transport` and `timer`, which must outlive the poster.
  WebhookPoster(std::vector<ResolvedWebhook> sinks, ResilienceOptions options,
                HttpTransport& transport, RetryTimer& timer);

  // kind "webhook.post": the serialized WebhookResponse. Errors: kInvalidArgument if the
  // request does not parse; kFailedPrecondition for another kind or an unknown sink.
  [[nodiscard]] StatusOr<std::string> Call(const engine::EffectCall& call) override;

  // The same, typed. Errors: kFailedPrecondition naming an unknown sink.
  [[nodiscard]] StatusOr<workflows::synthesize::WebhookResponse> Post(
      const workflows::synthesize::WebhookRequest& request);

 private:
  const std::vector<ResolvedWebhook> sinks_;
  const ResilienceOptions options_;
  HttpTransport& transport_;
  RetryTimer& timer_;
  const MonoTime deadline_;
  CircuitBreakers breakers_;
  Backoff backoff_;
};

}  // namespace docket::adapters::llm
