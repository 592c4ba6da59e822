// Clustering: groups embedded texts into themes and decides how many there are.
//
// Method (fixed order; the only randomness is the seeded sample of large
// inputs):
//   1. k nearest neighbours by cosine similarity, exact, among all points or, past
//      kGraphSampleLimit points, among a seeded uniform sample of that many (the
//      graph step is quadratic; the other points join at step 4);
//   2. a symmetric kNN graph weighted by similarity;
//   3. Louvain modularity optimization (Blondel et al. 2008) with a resolution
//      parameter, nodes visited in index order, ties broken towards the lower community
//      id; the number of communities falls out of the modularity optimum;
//   4. spherical k-means started from the centroids of the communities that reach
//      `min_cluster_size`: every point goes to its nearest theme centre, then a few
//      rounds move boundary points and centres (Lloyd's iterations);
//   5. clusters smaller than `min_cluster_size`, and points with an all-zero embedding,
//      go to the explicit kUnthemed bucket (never dropped).
// Cluster ids are numbered by size (largest first), ties by the smallest member index.
// Work split across `threads` writes disjoint rows and every sum runs in a fixed order,
// so the result is identical for any thread count. Thread-safe (no shared state).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include <string>

#include "workflows/themes/lexicon.h"
#include "workflows/themes/lsa.h"
#include "workflows/themes/term_weights.h"

namespace docket::workflows::themes {

inline constexpr int32_t kUnthemed = -1;
inline constexpr size_t kGraphSampleLimit = 16384;

struct ClusteringOptions {
  int neighbors = 10;             // k of the kNN graph
  double resolution = 1.0;        // Louvain gamma: higher gives more, smaller themes
  int refine_iterations = 10;     // spherical k-means rounds after the first assignment
  size_t min_cluster_size = 3;    // smaller clusters become unthemed
  int threads = 1;                // for the neighbour search and assignments
  uint64_t seed = 0;              // for the graph sample of large inputs
};

struct Clustering {
  std::vector<int32_t> assignment;  // per point: 0..cluster_count-1 or kUnthemed
  size_t cluster_count = 0;
  std::vector<size_t> sizes;        // per cluster
  Embedding centroids;              // per cluster, L2-normalized mean of its members
  size_t unthemed = 0;
};

Clustering ClusterPoints(const Embedding& points, const ClusteringOptions& options);

// The whole representation + clustering pipeline with one configuration.
struct ThemeModelOptions {
  TermWeightOptions terms;
  LsaOptions lsa;
  ClusteringOptions clustering;
};

// Weighs `texts`, reduces them with LSA and clusters them. `seed` (from the step's
// context) replaces the seeds in `options.lsa` and `options.clustering`, so equal
// texts, options and seed give identical results.
Clustering ClusterTexts(const std::vector<std::string>& texts, const Lexicon& lexicon,
                        const ThemeModelOptions& options, uint64_t seed);

// The two halves of ClusterTexts, for callers that need the embedding too (labels'
// representative texts): the texts' LSA embedding, and its clustering.
Embedding EmbedTexts(const std::vector<std::string>& texts, const Lexicon& lexicon,
                     const ThemeModelOptions& options, uint64_t seed);
Clustering ClusterEmbedded(const Embedding& points, const ThemeModelOptions& options,
                           uint64_t seed);

// Lower-level pieces, exposed for tests and benchmarks.

// The `k` most similar other points of each point (row-major, n * k; when n <= k the
// tail is padding: UINT32_MAX), most similar first, ties by lower index. Exact.
struct Neighbours {
  size_t k = 0;
  std::vector<uint32_t> index;  // n * k, UINT32_MAX for padding
  std::vector<float> similarity;
};
Neighbours NearestNeighbours(const Embedding& points, int k, int threads);

// Louvain communities of the symmetric kNN graph built from `neighbours`; returns a
// community id per point (dense, 0-based, in order of first appearance).
std::vector<int32_t> LouvainCommunities(const Neighbours& neighbours, double resolution);

// Spherical k-means from `centroids` (L2-normalized rows): assigns every non-zero point
// to its most similar centroid (ties: lower id), recomputes centroids, `iterations`
// more times or until nothing moves. Zero points get kUnthemed. A centroid that loses
// all its points keeps its last position. Returns the assignment; updates `centroids`.
std::vector<int32_t> SphericalKMeans(const Embedding& points, Embedding& centroids,
                                     int iterations, int threads);

}  // namespace docket::workflows::themes
