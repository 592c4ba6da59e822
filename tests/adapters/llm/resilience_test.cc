#include "adapters/llm/resilience.h"

#include <gtest/gtest.h>

#include <deque>

#include "tests/adapters/llm/llm_test_support.h"

namespace docket::adapters::llm {
namespace {

using testing::FakeRetryTimer;

// Answers from a script; counts posts.
class ScriptedTransport final : public HttpTransport {
 public:
  void Add(TransportResult r) { script_.push_back(std::move(r)); }
  TransportResult Post(const HttpPost& post) override {
    timeouts_.push_back(post.total_timeout);
    TransportResult r = script_.front();
    script_.pop_front();
    return r;
  }
  std::vector<Millis> timeouts_;

 private:
  std::deque<TransportResult> script_;
};

TransportResult Status(int status, std::string retry_after_ms = "", std::string retry_after = "") {
  TransportResult r;
  r.status = status;
  r.retry_after_ms = std::move(retry_after_ms);
  r.retry_after = std::move(retry_after);
  return r;
}

TEST(ResilienceTest, BreakerOpensHalfOpensAndCloses) {
  CircuitBreakers breakers({.failures = 3, .cooldown = Millis(10'000)});
  MonoTime t{0};
  EXPECT_TRUE(breakers.Admit("e", t));
  breakers.RecordFailure("e", t);
  breakers.RecordFailure("e", t);
  EXPECT_EQ(breakers.State("e", t), BreakerState::kClosed);
  breakers.RecordFailure("e", t);
  EXPECT_EQ(breakers.State("e", t), BreakerState::kOpen);
  EXPECT_FALSE(breakers.Admit("e", t + Millis(9'999)));
  EXPECT_TRUE(breakers.Admit("other", t));  // per endpoint
  // Cooldown over: exactly one probe.
  EXPECT_TRUE(breakers.Admit("e", t + Millis(10'000)));
  EXPECT_FALSE(breakers.Admit("e", t + Millis(10'000)));
  EXPECT_EQ(breakers.State("e", t + Millis(10'000)), BreakerState::kHalfOpen);
  // The probe fails: open again for a full cooldown.
  breakers.RecordFailure("e", t + Millis(10'000));
  EXPECT_FALSE(breakers.Admit("e", t + Millis(19'999)));
  EXPECT_TRUE(breakers.Admit("e", t + Millis(20'000)));
  breakers.RecordSuccess("e");
  EXPECT_EQ(breakers.State("e", t + Millis(20'000)), BreakerState::kClosed);
  EXPECT_TRUE(breakers.Admit("e", t + Millis(20'000)));
}

TEST(ResilienceTest, JitterStaysUnderTheExponentialCeiling) {
  Backoff backoff({.base = Millis(100), .cap = Millis(1'000)}, 7);
  for (int i = 0; i < 200; ++i) {
    EXPECT_LE(backoff.Jitter(1), Millis(100));
    EXPECT_LE(backoff.Jitter(2), Millis(200));
    EXPECT_LE(backoff.Jitter(3), Millis(400));
    EXPECT_LE(backoff.Jitter(30), Millis(1'000));
  }
  // Seeded: the same seed gives the same waits.
  Backoff a({}, 99), b({}, 99);
  for (uint32_t i = 1; i < 5; ++i) EXPECT_EQ(a.Jitter(i), b.Jitter(i));
}

TEST(ResilienceTest, ServerRetryDelay) {
  EXPECT_EQ(ServerRetryDelay(Status(429, "250")), Millis(250));
  EXPECT_EQ(ServerRetryDelay(Status(429, "12.5")), Millis(13));
  EXPECT_EQ(ServerRetryDelay(Status(429, "250", "9")), Millis(250));  // -ms wins
  EXPECT_EQ(ServerRetryDelay(Status(429, "", "3")), Millis(3'000));
  EXPECT_EQ(ServerRetryDelay(Status(429, "soon", "2")), Millis(2'000));
  EXPECT_EQ(ServerRetryDelay(Status(429, "", "Wed, 21 Oct 2015 07:28:00 GMT")), std::nullopt);
  EXPECT_EQ(ServerRetryDelay(Status(429, "", "-1")), std::nullopt);
  EXPECT_EQ(ServerRetryDelay(Status(429)), std::nullopt);
}

struct LoopFixture : ::testing::Test {
  FakeRetryTimer timer;
  ScriptedTransport transport;
  CircuitBreakers breakers{{.failures = 10, .cooldown = Millis(1'000)}};
  Backoff backoff{{}, 1};
  AttemptContext Ctx(Millis deadline) {
    return {transport, timer, breakers, backoff, RetryPolicy{}, timer.Now() + deadline};
  }
};

TEST_F(LoopFixture, EachAttemptsTimeoutIsClippedToTheDeadline) {
  transport.Add(Status(503, "", "4"));
  transport.Add(Status(200));
  AttemptContext ctx = Ctx(Millis(10'000));
  HttpPost post;
  post.total_timeout = Millis(8'000);
  AttemptsResult r = RunAttempts(ctx, "e", post, 3);
  EXPECT_EQ(r.end, AttemptsEnd::kAnswered);
  EXPECT_EQ(r.attempts, 2u);
  ASSERT_EQ(transport.timeouts_.size(), 2u);
  EXPECT_EQ(transport.timeouts_[0], Millis(8'000));
  EXPECT_EQ(transport.timeouts_[1], Millis(6'000));  // 10 s deadline - 4 s waited
  EXPECT_EQ(r.detail, "HTTP 503, retry-after honoured");
}

TEST_F(LoopFixture, NonRetryableTransportFailuresStop) {
  TransportResult tls;
  tls.error = TransportError::kTls;
  transport.Add(tls);
  AttemptContext ctx = Ctx(Millis(10'000));
  AttemptsResult r = RunAttempts(ctx, "e", HttpPost{}, 3);
  EXPECT_EQ(r.end, AttemptsEnd::kAnswered);
  EXPECT_EQ(r.attempts, 1u);
  EXPECT_TRUE(timer.waits().empty());
}

TEST_F(LoopFixture, RetryableStatuses) {
  for (int status : {408, 409, 429, 500, 502, 503, 504}) {
    transport.Add(Status(status));
    transport.Add(Status(200));
    AttemptContext ctx = Ctx(Millis(60'000));
    EXPECT_EQ(RunAttempts(ctx, "e", HttpPost{}, 3).attempts, 2u) << status;
  }
  for (int status : {400, 401, 403, 404, 422}) {
    transport.Add(Status(status));
    AttemptContext ctx = Ctx(Millis(60'000));
    EXPECT_EQ(RunAttempts(ctx, "e", HttpPost{}, 3).attempts, 1u) << status;
  }
}

}  // namespace
}  // namespace docket::adapters::llm
