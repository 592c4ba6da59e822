// SortDistinctHashes and SortDistinctKeys; see sort_u64.h.
#include "workflows/themes/internal/sort_u64.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <utility>

namespace docket::workflows::themes::internal {
namespace {

// Below this, a bucket is sorted by insertion; above, by std::sort (a skewed input such
// as one shingle repeated thousands of times must not go quadratic).
constexpr size_t kInsertionLimit = 24;

// Sorts [first, last): by insertion when it holds at most `limit` values (or when the
// caller knows no value is far from its place), else by std::sort.
void SortSmall(uint64_t* first, uint64_t* last, size_t limit = kInsertionLimit) {
  if (last - first > static_cast<ptrdiff_t>(limit)) {
    std::sort(first, last);
    return;
  }
  for (uint64_t* i = first + 1; i < last; ++i) {
    const uint64_t v = *i;
    uint64_t* j = i;
    for (; j > first && *(j - 1) > v; --j) *j = *(j - 1);
    *j = v;
  }
}

void EraseRepeats(std::vector<uint64_t>& values) {
  values.erase(std::unique(values.begin(), values.end()), values.end());
}

}  // namespace

void SortDistinctHashes(std::vector<uint64_t>& values, std::vector<uint64_t>& scratch) {
  const size_t n = values.size();
  if (n <= kInsertionLimit) {
    SortSmall(values.data(), values.data() + n);
    EraseRepeats(values);
    return;
  }
  // About one value per bucket on even input.
  constexpr int kMaxBits = 12;
  const int bits = std::min(kMaxBits, static_cast<int>(std::bit_width(n)));
  const int shift = 64 - bits;
  const size_t buckets = size_t{1} << bits;
  std::array<uint32_t, size_t{1} << kMaxBits> ends;
  std::fill_n(ends.begin(), buckets, 0);
  uint32_t largest = 0;
  for (uint64_t v : values) largest = std::max(largest, ++ends[v >> shift]);
  uint32_t sum = 0;
  for (size_t b = 0; b < buckets; ++b) sum += std::exchange(ends[b], sum);
  scratch.resize(n);
  for (uint64_t v : values) scratch[ends[v >> shift]++] = v;  // ends[b]: end of bucket b
  if (largest <= kInsertionLimit) {
    // Buckets are in order and small: one insertion pass only moves values within theirs.
    SortSmall(scratch.data(), scratch.data() + n, /*limit=*/n);
  } else {
    for (size_t b = 0, begin = 0; b < buckets; begin = ends[b++]) {
      if (ends[b] - begin > 1) SortSmall(&scratch[begin], &scratch[0] + ends[b]);
    }
  }
  values.swap(scratch);
  EraseRepeats(values);
}

void SortDistinctKeys(std::vector<uint64_t>& values, int key_bits, std::vector<uint64_t>& scratch) {
  constexpr int kDigitBits = 11;
  constexpr size_t kDigits = size_t{1} << kDigitBits;
  if (values.size() <= kInsertionLimit) {
    SortSmall(values.data(), values.data() + values.size());
    EraseRepeats(values);
    return;
  }
  scratch.resize(values.size());
  std::array<size_t, kDigits> counts{};
  for (int shift = 0; shift < std::clamp(key_bits, 1, 64); shift += kDigitBits) {
    counts.fill(0);
    for (uint64_t v : values) ++counts[(v >> shift) & (kDigits - 1)];
    size_t sum = 0;
    for (size_t& c : counts) sum += std::exchange(c, sum);
    for (uint64_t v : values) scratch[counts[(v >> shift) & (kDigits - 1)]++] = v;
    values.swap(scratch);
  }
  EraseRepeats(values);
}

}  // namespace docket::workflows::themes::internal
