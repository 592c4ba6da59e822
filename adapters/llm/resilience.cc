// Timer, breakers, backoff and the attempt loop; see resilience.h.
#include "adapters/llm/resilience.h"

#include <algorithm>
#include <charconv>
#include <thread>

#include "adapters/llm/dialect.h"

namespace docket::adapters::llm {

MonoTime SteadyRetryTimer::Now() {
  return std::chrono::duration_cast<MonoTime>(std::chrono::steady_clock::now().time_since_epoch());
}

void SteadyRetryTimer::SleepFor(Millis wait) { std::this_thread::sleep_for(wait); }

bool CircuitBreakers::Admit(const std::string& endpoint, MonoTime now) {
  std::lock_guard lock(mu_);
  Endpoint& e = endpoints_[endpoint];
  if (!e.open) return true;
  if (e.probing || now < e.open_until) return false;
  e.probing = true;  // half-open: this caller is the probe
  return true;
}

void CircuitBreakers::RecordSuccess(const std::string& endpoint) {
  std::lock_guard lock(mu_);
  endpoints_[endpoint] = Endpoint{};
}

void CircuitBreakers::RecordFailure(const std::string& endpoint, MonoTime now) {
  std::lock_guard lock(mu_);
  Endpoint& e = endpoints_[endpoint];
  ++e.failures;
  if (e.probing || e.failures >= policy_.failures) {
    e.open = true;
    e.probing = false;
    e.open_until = now + policy_.cooldown;
  }
}

BreakerState CircuitBreakers::State(const std::string& endpoint, MonoTime now) {
  std::lock_guard lock(mu_);
  const Endpoint& e = endpoints_[endpoint];
  if (!e.open) return BreakerState::kClosed;
  return e.probing || now >= e.open_until ? BreakerState::kHalfOpen : BreakerState::kOpen;
}

Millis Backoff::Jitter(uint32_t retry) {
  const uint32_t doublings = std::min<uint32_t>(retry > 0 ? retry - 1 : 0, 20);
  const int64_t ceiling =
      std::min<int64_t>(policy_.cap.count(), policy_.base.count() * (int64_t{1} << doublings));
  std::lock_guard lock(mu_);
  std::uniform_int_distribution<int64_t> pick(0, std::max<int64_t>(ceiling, 0));
  return Millis(pick(prng_));
}

namespace {

std::optional<uint64_t> Digits(std::string_view text) {
  uint64_t value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size() || value > 86'400'000) {
    return std::nullopt;
  }
  return value;
}

}  // namespace

std::optional<Millis> ServerRetryDelay(const TransportResult& result) {
  if (!result.retry_after_ms.empty()) {
    const std::string_view text = result.retry_after_ms;
    const size_t dot = text.find('.');
    std::optional<uint64_t> whole = Digits(text.substr(0, dot));
    const bool fraction_ok = dot == std::string_view::npos || Digits(text.substr(dot + 1));
    // A fraction of a millisecond rounds up, so the wait is never shorter than asked.
    if (whole && fraction_ok) {
      const bool has_fraction =
          dot != std::string_view::npos &&
          text.substr(dot + 1).find_first_not_of('0') != std::string_view::npos;
      return Millis(*whole + (has_fraction ? 1 : 0));
    }
  }
  if (std::optional<uint64_t> seconds = Digits(result.retry_after)) {
    return Millis(*seconds * 1000);
  }
  return std::nullopt;
}

namespace {

// "HTTP 429 ×3" / "HTTP 503, timed out ×2": consecutive equal failures folded.
std::string Tally(const std::vector<std::string>& failures) {
  std::string out;
  for (size_t i = 0; i < failures.size();) {
    size_t j = i;
    while (j < failures.size() && failures[j] == failures[i]) ++j;
    if (!out.empty()) out += ", ";
    out += failures[i];
    if (j - i > 1) out += " \u00d7" + std::to_string(j - i);
    i = j;
  }
  return out;
}

std::string FailureLabel(const TransportResult& r) {
  if (r.error != TransportError::kNone) return std::string(TransportErrorName(r.error));
  return "HTTP " + std::to_string(r.status);
}

bool IsRetryableFailure(const TransportResult& r) {
  return r.error == TransportError::kNone ? IsRetryableStatus(r.status) : IsRetryable(r.error);
}

// How long to wait before retry number `retry`, or an end if the loop should stop.
std::optional<AttemptsEnd> PlanWait(AttemptContext& ctx, const TransportResult& last,
                                    uint32_t retry, Millis& wait, bool& honoured) {
  const std::optional<Millis> server = ServerRetryDelay(last);
  if (server && *server > ctx.retry.max_retry_after) return AttemptsEnd::kRetryAfterTooLong;
  wait = server ? *server : ctx.backoff.Jitter(retry);
  if (ctx.timer.Now() + wait >= ctx.deadline) return AttemptsEnd::kDeadline;
  honoured = honoured || server.has_value();
  return std::nullopt;
}

std::string EndNote(AttemptsEnd end, uint32_t attempts) {
  switch (end) {
    case AttemptsEnd::kCircuitOpen:
      return attempts == 0 ? "circuit open, no request sent" : "then the circuit opened";
    case AttemptsEnd::kDeadline:
      return "the run deadline stopped further attempts";
    case AttemptsEnd::kRetryAfterTooLong:
      return "retry-after longer than the allowed wait";
    default:
      return "";
  }
}

}  // namespace

AttemptsResult RunAttempts(AttemptContext& ctx, const std::string& endpoint, HttpPost post,
                           uint32_t max_attempts) {
  AttemptsResult out;
  std::vector<std::string> failures;
  bool honoured = false;
  const Millis total = post.total_timeout;
  const Millis connect = post.connect_timeout;
  const auto finish = [&](AttemptsEnd end) {
    out.end = end;
    std::string detail = Tally(failures);
    if (honoured) detail += ", retry-after honoured";
    const std::string note = EndNote(end, out.attempts);
    if (!note.empty()) detail += (detail.empty() ? "" : "; ") + note;
    out.detail = detail;
    return out;
  };
  for (uint32_t attempt = 1;; ++attempt) {
    const MonoTime now = ctx.timer.Now();
    if (now >= ctx.deadline) return finish(AttemptsEnd::kDeadline);
    if (!ctx.breakers.Admit(endpoint, now)) return finish(AttemptsEnd::kCircuitOpen);
    const Millis left = std::chrono::ceil<Millis>(ctx.deadline - now);
    post.total_timeout = std::max(Millis(1), std::min(total, left));
    post.connect_timeout = std::min(connect, post.total_timeout);
    out.last = ctx.transport.Post(post);
    ++out.attempts;
    if (!IsRetryableFailure(out.last)) {
      if (out.last.error == TransportError::kNone) {
        ctx.breakers.RecordSuccess(endpoint);
      } else {
        ctx.breakers.RecordFailure(endpoint, ctx.timer.Now());
      }
      return finish(AttemptsEnd::kAnswered);
    }
    ctx.breakers.RecordFailure(endpoint, ctx.timer.Now());
    failures.push_back(FailureLabel(out.last));
    if (ctx.timer.Now() >= ctx.deadline) return finish(AttemptsEnd::kDeadline);
    if (attempt >= max_attempts) return finish(AttemptsEnd::kExhausted);
    Millis wait{0};
    if (std::optional<AttemptsEnd> end = PlanWait(ctx, out.last, attempt, wait, honoured)) {
      return finish(*end);
    }
    ctx.timer.SleepFor(wait);
  }
}

}  // namespace docket::adapters::llm
