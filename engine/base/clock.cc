#include "engine/base/clock.h"

#include <algorithm>

namespace docket {

Timestamp SystemClock::Now() {
  return std::chrono::time_point_cast<std::chrono::microseconds>(
      std::chrono::system_clock::now());
}

MonoTime SystemClock::MonotonicNow() {
  return std::chrono::duration_cast<MonoTime>(
      std::chrono::steady_clock::now().time_since_epoch());
}

void SystemClock::WaitUntil(std::condition_variable& cv, std::unique_lock<std::mutex>& lock,
                            MonoTime deadline) {
  if (deadline == MonoTime::max()) {
    cv.wait(lock);
    return;
  }
  cv.wait_until(lock, std::chrono::steady_clock::time_point(
                          std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                              deadline)));
}

Timestamp FakeClock::Now() {
  std::lock_guard<std::mutex> guard(mu_);
  return now_;
}

MonoTime FakeClock::MonotonicNow() {
  std::lock_guard<std::mutex> guard(mu_);
  return mono_;
}

void FakeClock::WaitUntil(std::condition_variable& cv, std::unique_lock<std::mutex>& lock,
                          MonoTime deadline) {
  {
    std::lock_guard<std::mutex> guard(mu_);
    if (mono_ >= deadline) return;
    if (auto_advance_ && deadline != MonoTime::max()) {
      now_ += std::chrono::duration_cast<std::chrono::microseconds>(deadline - mono_);
      mono_ = deadline;
      return;
    }
    waiters_.push_back({&cv, lock.mutex()});
  }
  // Advance() takes the waiter's mutex before notifying, so this wait cannot miss it.
  cv.wait(lock);
  std::lock_guard<std::mutex> guard(mu_);
  auto it = std::find_if(waiters_.begin(), waiters_.end(),
                         [&](const Waiter& w) { return w.cv == &cv; });
  if (it != waiters_.end()) waiters_.erase(it);
}

void FakeClock::Advance(std::chrono::microseconds delta) {
  std::vector<Waiter> waiters;
  {
    std::lock_guard<std::mutex> guard(mu_);
    now_ += delta;
    mono_ += delta;
    waiters = waiters_;
  }
  for (const Waiter& w : waiters) {
    std::lock_guard<std::mutex> guard(*w.mu);
    w.cv->notify_all();
  }
}

}  // namespace docket
