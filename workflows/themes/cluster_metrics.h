// Cluster-agreement metrics: normalized mutual information and the adjusted Rand index
// between two labelings of the same items, as used to score themes against labelled
// data (docs/benchmarks.md, "Themes quality"). Labels are arbitrary integers; only
// equality matters, so an "unthemed" label is just one more cluster. Pure functions;
// thread-safe.
#pragma once

#include <cstdint>
#include <vector>

namespace docket::workflows::themes {

// NMI with arithmetic-mean normalization: I(A;B) / ((H(A) + H(B)) / 2), natural log.
// Matches scikit-learn's normalized_mutual_info_score (average_method="arithmetic").
// Two labelings that are each a single cluster (both entropies zero) score 1.0.
// Precondition: equal sizes (checked); empty input scores 1.0.
double NormalizedMutualInformation(const std::vector<int64_t>& truth,
                                   const std::vector<int64_t>& predicted);

// Hubert and Arabie's adjusted Rand index (scikit-learn's adjusted_rand_score).
// 1.0 for identical partitions up to renaming, about 0 for random ones, and 1.0 for the
// degenerate cases where both labelings are all-one-cluster or all-singletons.
double AdjustedRandIndex(const std::vector<int64_t>& truth,
                         const std::vector<int64_t>& predicted);

}  // namespace docket::workflows::themes
