// ForEachBlock: runs `work(begin, end)` over [0, count) in fixed-size blocks on up to
// `threads` std::threads. Block boundaries do not depend on the thread count and each
// block must write only its own rows, so results are identical for any thread count.
// Module-private helper of clustering*.cc.
#pragma once

#include <algorithm>
#include <cstddef>
#include <thread>
#include <vector>

namespace docket::workflows::themes::internal {

template <typename Work>
void ForEachBlock(size_t count, size_t block, int threads, const Work& work) {
  const size_t blocks = (count + block - 1) / block;
  const size_t workers = std::min<size_t>(static_cast<size_t>(std::max(threads, 1)), blocks);
  const auto run = [&](size_t worker) {
    for (size_t b = worker; b < blocks; b += workers) {
      work(b * block, std::min(count, (b + 1) * block));
    }
  };
  if (workers <= 1) {
    if (blocks > 0) run(0);
    return;
  }
  std::vector<std::thread> pool;
  for (size_t w = 1; w < workers; ++w) pool.emplace_back(run, w);
  run(0);
  for (std::thread& t : pool) t.join();
}

}  // namespace docket::workflows::themes::internal
