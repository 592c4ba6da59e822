// Clock: the only way Docket code learns the time. SystemClock reads the wall clock
// and is the one class that does (STYLE.md); FakeClock is for tests. Timestamps are UTC
// microseconds since the Unix epoch; monotonic time drives timeouts and backoff.
// Both clocks are thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <vector>

namespace docket {

using Timestamp = std::chrono::sys_time<std::chrono::microseconds>;
using MonoTime = std::chrono::nanoseconds;  // since an arbitrary, clock-specific origin

class Clock {
 public:
  virtual ~Clock() = default;

  // UTC wall time. A run reads this once (its logical clock) and records it.
  virtual Timestamp Now() = 0;

  // Monotonic time for timeouts and backoff; never feeds an artifact.
  virtual MonoTime MonotonicNow() = 0;

  // Blocks on `cv` (whose mutex `lock` holds) until notified, or until
  // MonotonicNow() >= deadline. Spurious returns are allowed: callers re-check.
  virtual void WaitUntil(std::condition_variable& cv, std::unique_lock<std::mutex>& lock,
                         MonoTime deadline) = 0;
};

class SystemClock final : public Clock {
 public:
  Timestamp Now() override;
  MonoTime MonotonicNow() override;
  void WaitUntil(std::condition_variable& cv, std::unique_lock<std::mutex>& lock,
                 MonoTime deadline) override;
};

// A clock that moves only when told. With `auto_advance`, waiting on it jumps time to
// the deadline at once (retry backoff then costs no real time); otherwise waiters sleep
// until Advance() passes their deadline.
class FakeClock final : public Clock {
 public:
  explicit FakeClock(Timestamp start, bool auto_advance = false)
      : now_(start), auto_advance_(auto_advance) {}

  Timestamp Now() override;
  MonoTime MonotonicNow() override;
  void WaitUntil(std::condition_variable& cv, std::unique_lock<std::mutex>& lock,
                 MonoTime deadline) override;

  // Moves both wall and monotonic time forward and wakes every waiter.
  void Advance(std::chrono::microseconds delta);

 private:
  struct Waiter {
    std::condition_variable* cv;
    std::mutex* mu;
  };
  std::mutex mu_;
  Timestamp now_;
  MonoTime mono_{0};
  const bool auto_advance_;
  std::vector<Waiter> waiters_;
};

}  // namespace docket
