#include "engine/base/clock.h"

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace docket {
namespace {

using namespace std::chrono_literals;

const Timestamp kStart = Timestamp(std::chrono::sys_days(std::chrono::year(2026) / 11 / 29));

TEST(FakeClockTest, StartsWhereToldAndMovesOnlyOnAdvance) {
  FakeClock clock(kStart);
  EXPECT_EQ(clock.Now(), kStart);
  EXPECT_EQ(clock.MonotonicNow(), MonoTime{0});
  EXPECT_EQ(clock.Now(), kStart);
  clock.Advance(1500ms);
  EXPECT_EQ(clock.Now(), kStart + 1500ms);
  EXPECT_EQ(clock.MonotonicNow(), MonoTime(1500ms));
}

TEST(FakeClockTest, WaitUntilPastDeadlineReturnsAtOnce) {
  FakeClock clock(kStart);
  clock.Advance(10s);
  std::mutex mu;
  std::condition_variable cv;
  std::unique_lock<std::mutex> lock(mu);
  clock.WaitUntil(cv, lock, MonoTime(5s));
  clock.WaitUntil(cv, lock, MonoTime(10s));
  EXPECT_TRUE(lock.owns_lock());
  EXPECT_EQ(clock.MonotonicNow(), MonoTime(10s));
}

TEST(FakeClockTest, AutoAdvanceJumpsToTheDeadline) {
  FakeClock clock(kStart, /*auto_advance=*/true);
  std::mutex mu;
  std::condition_variable cv;
  std::unique_lock<std::mutex> lock(mu);
  clock.WaitUntil(cv, lock, MonoTime(5s));
  EXPECT_TRUE(lock.owns_lock());
  EXPECT_EQ(clock.MonotonicNow(), MonoTime(5s));
  EXPECT_EQ(clock.Now(), kStart + 5s);
  clock.WaitUntil(cv, lock, MonoTime(5s + 250ms));
  EXPECT_EQ(clock.MonotonicNow(), MonoTime(5s + 250ms));
  EXPECT_EQ(clock.Now(), kStart + 5s + 250ms);
  // An earlier deadline never moves time backwards.
  clock.WaitUntil(cv, lock, MonoTime(1s));
  EXPECT_EQ(clock.MonotonicNow(), MonoTime(5s + 250ms));
}

// A waiter blocked in WaitUntil on another thread wakes when Advance passes its deadline.
// The test knows the waiter is blocked (not just about to block) because the waiter sets
// `entered` and calls WaitUntil without releasing `mu`; the main thread can take `mu`
// only once the wait has released it.
TEST(FakeClockTest, AdvanceWakesAWaiterOnAnotherThread) {
  FakeClock clock(kStart);
  std::mutex mu;
  std::condition_variable cv;
  bool entered = false;
  int waits = 0;
  MonoTime woke_at{-1};
  std::thread waiter([&] {
    std::unique_lock<std::mutex> lock(mu);
    entered = true;
    const MonoTime deadline = clock.MonotonicNow() + 30s;
    while (clock.MonotonicNow() < deadline) {
      ++waits;
      clock.WaitUntil(cv, lock, deadline);
    }
    woke_at = clock.MonotonicNow();
  });
  auto wait_until_blocked = [&](int min_waits) {
    while (true) {
      std::lock_guard<std::mutex> guard(mu);
      if (entered && waits >= min_waits) return;
      std::this_thread::yield();
    }
  };
  wait_until_blocked(1);
  clock.Advance(10s);  // not far enough: the waiter wakes, re-checks, waits again
  wait_until_blocked(2);
  {
    std::lock_guard<std::mutex> guard(mu);
    EXPECT_EQ(woke_at, MonoTime(-1));
  }
  clock.Advance(20s);
  waiter.join();
  EXPECT_EQ(woke_at, MonoTime(30s));
  EXPECT_GE(waits, 2);
}

TEST(FakeClockTest, AutoAdvanceStillBlocksOnAnInfiniteDeadlineUntilNotified) {
  FakeClock clock(kStart, /*auto_advance=*/true);
  std::mutex mu;
  std::condition_variable cv;
  bool entered = false;
  bool done = false;
  std::thread waiter([&] {
    std::unique_lock<std::mutex> lock(mu);
    entered = true;
    while (!done) clock.WaitUntil(cv, lock, MonoTime::max());
  });
  while (true) {
    std::lock_guard<std::mutex> guard(mu);
    if (entered) {
      done = true;
      cv.notify_all();
      break;
    }
  }
  waiter.join();
  EXPECT_EQ(clock.MonotonicNow(), MonoTime{0});  // an infinite wait does not move time
}

TEST(SystemClockTest, MonotonicNeverGoesBack) {
  SystemClock clock;
  const MonoTime a = clock.MonotonicNow();
  const MonoTime b = clock.MonotonicNow();
  EXPECT_LE(a, b);
  EXPECT_GT(clock.Now().time_since_epoch().count(), 0);
}

}  // namespace
}  // namespace docket
