// ForEachRange: splits [0, n) into `threads` fixed contiguous ranges and runs one on each
// thread (the caller's thread takes the first). Callers write results into slots owned
// by their range and merge them in range order afterwards, so a result never depends on
// the number of threads or on scheduling. Used by near-duplicate detection.
#pragma once

#include <algorithm>
#include <cstddef>
#include <thread>
#include <vector>

namespace docket::workflows::themes::internal {

// The number of ranges ForEachRange uses for `n` items and `threads` requested.
inline size_t RangeCount(size_t n, int threads) {
  return std::max<size_t>(1, std::min<size_t>(n, static_cast<size_t>(std::max(threads, 1))));
}

// Calls fn(range_index, begin, end) for each range; returns when all have finished.
template <typename Fn>
void ForEachRange(size_t n, int threads, Fn fn) {
  const size_t ranges = RangeCount(n, threads);
  const auto bounds = [&](size_t r) { return n * r / ranges; };
  std::vector<std::thread> workers;
  workers.reserve(ranges - 1);
  for (size_t r = 1; r < ranges; ++r) {
    workers.emplace_back([&fn, r, begin = bounds(r), end = bounds(r + 1)] { fn(r, begin, end); });
  }
  fn(size_t{0}, bounds(0), bounds(1));
  for (std::thread& w : workers) w.join();
}

}  // namespace docket::workflows::themes::internal
