// Resilience for outgoing HTTP calls: the time source and sleeper they wait with, a
// circuit breaker per endpoint, full-jitter backoff that honours retry-after-ms /
// retry-after, and RunAttempts, the bounded attempt loop the LLM client and the webhook
// poster share. Everything that waits goes through RetryTimer, so tests run on a fake
// clock without sleeping. CircuitBreakers and Backoff are thread-safe; RunAttempts is
// reentrant (its shared state is those two).
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "adapters/llm/http_transport.h"
#include "adapters/llm/profile.h"
#include "engine/base/clock.h"

namespace docket::adapters::llm {

// A monotonic clock and a way to wait on it. Must be thread-safe.
class RetryTimer {
 public:
  virtual ~RetryTimer() = default;
  virtual MonoTime Now() = 0;
  virtual void SleepFor(Millis wait) = 0;
};

// std::chrono::steady_clock and std::this_thread::sleep_for: the one production timer.
class SteadyRetryTimer final : public RetryTimer {
 public:
  MonoTime Now() override;
  void SleepFor(Millis wait) override;
};

enum class BreakerState { kClosed, kOpen, kHalfOpen };

class CircuitBreakers {
 public:
  explicit CircuitBreakers(BreakerPolicy policy) : policy_(policy) {}

  // Whether a request to `endpoint` may go out now. An open breaker whose cooldown has
  // passed lets exactly one probe through (half-open) and refuses the rest until the
  // probe's result is recorded.
  bool Admit(const std::string& endpoint, MonoTime now);
  void RecordSuccess(const std::string& endpoint);
  void RecordFailure(const std::string& endpoint, MonoTime now);
  BreakerState State(const std::string& endpoint, MonoTime now);

 private:
  struct Endpoint {
    uint32_t failures = 0;
    bool open = false;
    bool probing = false;
    MonoTime open_until{0};
  };
  const BreakerPolicy policy_;
  std::mutex mu_;
  std::map<std::string, Endpoint> endpoints_;
};

// Full jitter from a seeded PRNG: uniform in [0, min(cap, base × 2^(retry-1))].
class Backoff {
 public:
  Backoff(RetryPolicy policy, uint64_t seed) : policy_(policy), prng_(seed) {}
  Millis Jitter(uint32_t retry);

 private:
  const RetryPolicy policy_;
  std::mutex mu_;
  std::mt19937_64 prng_;
};

// The provider's own wait: retry-after-ms (milliseconds, fractions allowed), else
// retry-after (delta seconds; HTTP dates are ignored). nullopt if neither parses.
std::optional<Millis> ServerRetryDelay(const TransportResult& result);

// Everything one endpoint's attempt loop needs. The references outlive the call.
struct AttemptContext {
  HttpTransport& transport;
  RetryTimer& timer;
  CircuitBreakers& breakers;
  Backoff& backoff;
  RetryPolicy retry;
  MonoTime deadline{0};  // the run deadline on timer's clock
};

enum class AttemptsEnd {
  kAnswered,           // `last` is the final answer (any status not retried) or a
                       // transport failure that retrying would not fix
  kExhausted,          // every attempt failed retryably
  kCircuitOpen,        // the breaker refused (before the first or a later attempt)
  kDeadline,           // the run deadline passed or the next wait would pass it
  kRetryAfterTooLong,  // the provider asked for a wait over max_retry_after
};

struct AttemptsResult {
  AttemptsEnd end = AttemptsEnd::kExhausted;
  TransportResult last;
  uint32_t attempts = 0;  // requests sent
  std::string detail;     // e.g. "HTTP 429 ×3, retry-after honoured"
};

// Sends `post` to `endpoint` up to `max_attempts` times: retries 408/409/429/5xx and
// connect failures/timeouts, waits between attempts (server delay, else jitter), never
// past ctx.deadline; each attempt's total timeout is min(post's, time left).
AttemptsResult RunAttempts(AttemptContext& ctx, const std::string& endpoint, HttpPost post,
                           uint32_t max_attempts);

}  // namespace docket::adapters::llm
