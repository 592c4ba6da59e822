// Sorting helpers for near-duplicate detection's 64-bit keys, faster than std::sort on
// the two shapes it sorts: a text's shingle hashes (a few hundred uniformly spread
// values, sorted and deduplicated for exact Jaccard) and LSH candidate pairs (millions
// of small integers). Both give exactly what std::sort + std::unique would. Pure
// functions; thread-safe (the scratch buffers belong to the caller).
#pragma once

#include <cstdint>
#include <vector>

namespace docket::workflows::themes::internal {

// Sorts `values` ascending and removes repeats. Fast when the values are spread evenly
// over the 64-bit range (hashes): one counting pass on the top bits, then small sorts
// per bucket. Any input is sorted correctly; a skewed one only costs more.
// `scratch` is a buffer reused between calls.
void SortDistinctHashes(std::vector<uint64_t>& values, std::vector<uint64_t>& scratch);

// Sorts `values`, each below 2^key_bits (1..64), ascending and removes repeats: least
// significant digit radix sort, 11 bits per pass. `scratch` is reused between calls.
void SortDistinctKeys(std::vector<uint64_t>& values, int key_bits, std::vector<uint64_t>& scratch);

}  // namespace docket::workflows::themes::internal
