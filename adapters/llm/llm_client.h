// LlmClient: serves "llm.chat" effects live. Parses the ChatRequest, tries the provider
// chain (a profile, then its fallbacks) with bounded attempts, backoff, a breaker per
// endpoint and the run deadline, and always answers with a serialized ChatResponse:
// transport failures are outcomes, because every outcome is recorded and replayed.
// Owns its providers' secrets (read once when built) and never lets them, hosts or URLs
// into a response. Build one per run: the run deadline starts at construction.
// Thread-safe: the synthesize step keeps several calls in flight.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "adapters/llm/http_transport.h"
#include "adapters/llm/profile.h"
#include "adapters/llm/resilience.h"
#include "engine/effects.h"
#include "workflows/synthesize/chat_call.h"

namespace docket::adapters::llm {

// A profile and its secret (empty when its auth is none).
struct ResolvedProvider {
  ProviderProfile profile;
  std::string secret;
};

struct ResilienceOptions {
  RetryPolicy retry;
  BreakerPolicy breaker;
  Millis deadline{60'000};                // from construction; bounds every call
  uint64_t jitter_seed = 0x646f636b6574;  // "docket"
};

class LlmClient final : public engine::Effects {
 public:
  // `chain` is tried in order and must not be empty. Borrows `transport` and `timer`,
  // which must outlive the client.
  LlmClient(std::vector<ResolvedProvider> chain, ResilienceOptions options,
            HttpTransport& transport, RetryTimer& timer);

  // kind "llm.chat": the serialized ChatResponse. Errors: kInvalidArgument if the
  // request bytes do not parse; kFailedPrecondition for any other kind.
  [[nodiscard]] StatusOr<std::string> Call(const engine::EffectCall& call) override;

  // The same, typed: one chat completion over the provider chain.
  workflows::synthesize::ChatResponse Chat(const workflows::synthesize::ChatRequest& request);

 private:
  workflows::synthesize::ChatResponse TryProvider(
      const ResolvedProvider& provider, const workflows::synthesize::ChatRequest& request);

  const std::vector<ResolvedProvider> chain_;
  const ResilienceOptions options_;
  HttpTransport& transport_;
  RetryTimer& timer_;
  const MonoTime deadline_;
  CircuitBreakers breakers_;
  Backoff backoff_;
};

}  // namespace docket::adapters::llm
