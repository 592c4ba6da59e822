// ClusterPoints and SphericalKMeans; see clustering.h.
#include "workflows/themes/clustering.h"

#include <Eigen/Dense>

#include <algorithm>
#include <numeric>
#include <utility>

#include "workflows/themes/clustering_parallel.h"

namespace docket::workflows::themes {
namespace {

using RowMajor = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using ConstRows = Eigen::Map<const RowMajor>;

constexpr size_t kAssignBlock = 1024;

bool IsZero(const float* row, size_t dims) {
  return std::all_of(row, row + dims, [](float v) { return v == 0; });
}

// Most similar centroid per point (ties: lower id); kUnthemed for zero points.
std::vector<int32_t> Assign(const Embedding& points, const Embedding& centroids, int threads) {
  std::vector<int32_t> assignment(points.rows, kUnthemed);
  if (centroids.rows == 0 || points.dims == 0) return assignment;
  const ConstRows x(points.values.data(), static_cast<Eigen::Index>(points.rows),
                    static_cast<Eigen::Index>(points.dims));
  const ConstRows c(centroids.values.data(), static_cast<Eigen::Index>(centroids.rows),
                    static_cast<Eigen::Index>(centroids.dims));
  internal::ForEachBlock(points.rows, kAssignBlock, threads, [&](size_t begin, size_t end) {
    const RowMajor sims = x.middleRows(static_cast<Eigen::Index>(begin),
                                       static_cast<Eigen::Index>(end - begin)) *
                          c.transpose();
    for (size_t i = begin; i < end; ++i) {
      if (IsZero(points.Row(i), points.dims)) continue;
      Eigen::Index best = 0;
      sims.row(static_cast<Eigen::Index>(i - begin)).maxCoeff(&best);  // first maximum
      assignment[i] = static_cast<int32_t>(best);
    }
  });
  return assignment;
}

// Normalized mean of each cluster's members, summed in point order; clusters without
// members keep their row of `centroids`.
void UpdateCentroids(const Embedding& points, const std::vector<int32_t>& assignment,
                     Embedding& centroids) {
  std::vector<double> sums(centroids.rows * centroids.dims, 0);
  std::vector<size_t> counts(centroids.rows, 0);
  for (size_t i = 0; i < points.rows; ++i) {
    if (assignment[i] == kUnthemed) continue;
    const size_t c = static_cast<size_t>(assignment[i]);
    ++counts[c];
    const float* row = points.Row(i);
    for (size_t d = 0; d < points.dims; ++d) sums[c * points.dims + d] += row[d];
  }
  for (size_t c = 0; c < centroids.rows; ++c) {
    if (counts[c] == 0) continue;
    float* out = centroids.Row(c);
    for (size_t d = 0; d < centroids.dims; ++d) {
      out[d] = static_cast<float>(sums[c * centroids.dims + d]);
    }
  }
  NormalizeRows(centroids);
}

Embedding SelectRows(const Embedding& points, const std::vector<size_t>& rows) {
  Embedding out;
  out.rows = rows.size();
  out.dims = points.dims;
  out.values.reserve(out.rows * out.dims);
  for (size_t r : rows) {
    out.values.insert(out.values.end(), points.Row(r), points.Row(r) + points.dims);
  }
  return out;
}

// The points that build the graph: all non-zero points, or a seeded uniform sample of
// kGraphSampleLimit of them (partial Fisher-Yates with SplitMix64), in index order.
std::vector<size_t> GraphPoints(std::vector<size_t> candidates, uint64_t seed) {
  if (candidates.size() <= kGraphSampleLimit) return candidates;
  uint64_t state = seed;
  const auto next = [&state] {
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  };
  for (size_t i = 0; i < kGraphSampleLimit; ++i) {
    const size_t j = i + static_cast<size_t>(next() % (candidates.size() - i));
    std::swap(candidates[i], candidates[j]);
  }
  candidates.resize(kGraphSampleLimit);
  std::sort(candidates.begin(), candidates.end());
  return candidates;
}

// Initial theme centres: the centroids of the graph communities with at least
// `min_size` members, in community order.
Embedding CommunityCentroids(const Embedding& graph_points, const std::vector<int32_t>& community,
                             size_t min_size) {
  const size_t count =
      community.empty() ? 0 : static_cast<size_t>(*std::max_element(community.begin(),
                                                                     community.end())) + 1;
  std::vector<size_t> sizes(count, 0);
  for (int32_t c : community) ++sizes[static_cast<size_t>(c)];
  std::vector<int32_t> kept(count, kUnthemed);
  int32_t next = 0;
  for (size_t c = 0; c < count; ++c) {
    if (sizes[c] >= std::max<size_t>(min_size, 1)) kept[c] = next++;
  }
  std::vector<int32_t> assignment(community.size());
  for (size_t i = 0; i < community.size(); ++i) {
    assignment[i] = kept[static_cast<size_t>(community[i])];
  }
  Embedding centroids;
  centroids.rows = static_cast<size_t>(next);
  centroids.dims = graph_points.dims;
  centroids.values.assign(centroids.rows * centroids.dims, 0);
  UpdateCentroids(graph_points, assignment, centroids);
  return centroids;
}

// Sends clusters below `min_size` to kUnthemed and numbers the rest by size (largest
// first, ties by smallest member index); fills sizes and centroids.
void Finalize(const Embedding& points, size_t min_size, Clustering& result) {
  size_t count = 0;
  for (int32_t a : result.assignment) count = std::max(count, static_cast<size_t>(a + 1));
  std::vector<size_t> sizes(count, 0);
  std::vector<size_t> first(count, SIZE_MAX);
  for (size_t i = 0; i < result.assignment.size(); ++i) {
    if (result.assignment[i] == kUnthemed) continue;
    const size_t c = static_cast<size_t>(result.assignment[i]);
    ++sizes[c];
    first[c] = std::min(first[c], i);
  }
  std::vector<size_t> order;
  for (size_t c = 0; c < count; ++c) {
    if (sizes[c] > 0 && sizes[c] >= min_size) order.push_back(c);
  }
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return sizes[a] > sizes[b] || (sizes[a] == sizes[b] && first[a] < first[b]);
  });
  std::vector<int32_t> renamed(count, kUnthemed);
  for (size_t rank = 0; rank < order.size(); ++rank) {
    renamed[order[rank]] = static_cast<int32_t>(rank);
  }
  result.unthemed = 0;
  for (int32_t& a : result.assignment) {
    if (a != kUnthemed) a = renamed[static_cast<size_t>(a)];
    if (a == kUnthemed) ++result.unthemed;
  }
  result.cluster_count = order.size();
  result.sizes.clear();
  for (size_t c : order) result.sizes.push_back(sizes[c]);
  result.centroids.rows = order.size();
  result.centroids.dims = points.dims;
  result.centroids.values.assign(order.size() * points.dims, 0);
  UpdateCentroids(points, result.assignment, result.centroids);
}

}  // namespace

std::vector<int32_t> SphericalKMeans(const Embedding& points, Embedding& centroids,
                                     int iterations, int threads) {
  std::vector<int32_t> assignment = Assign(points, centroids, threads);
  for (int round = 0; round < iterations; ++round) {
    UpdateCentroids(points, assignment, centroids);
    std::vector<int32_t> next = Assign(points, centroids, threads);
    if (next == assignment) break;
    assignment = std::move(next);
  }
  return assignment;
}

Clustering ClusterPoints(const Embedding& points, const ClusteringOptions& options) {
  Clustering result;
  result.assignment.assign(points.rows, kUnthemed);
  std::vector<size_t> nonzero;
  for (size_t i = 0; i < points.rows; ++i) {
    if (!IsZero(points.Row(i), points.dims)) nonzero.push_back(i);
  }
  const std::vector<size_t> graph_rows = GraphPoints(std::move(nonzero), options.seed);
  if (!graph_rows.empty()) {
    const Embedding graph_points = SelectRows(points, graph_rows);
    const int k = static_cast<int>(
        std::min<size_t>(static_cast<size_t>(std::max(options.neighbors, 1)),
                         graph_rows.size() - 1));
    std::vector<int32_t> community(graph_rows.size(), 0);
    if (k > 0) {
      community = LouvainCommunities(NearestNeighbours(graph_points, k, options.threads),
                                     options.resolution);
    }
    Embedding centroids = CommunityCentroids(graph_points, community, options.min_cluster_size);
    if (centroids.rows > 0) {
      result.assignment =
          SphericalKMeans(points, centroids, options.refine_iterations, options.threads);
    }
  }
  Finalize(points, options.min_cluster_size, result);
  return result;
}

Embedding EmbedTexts(const std::vector<std::string>& texts, const Lexicon& lexicon,
                     const ThemeModelOptions& options, uint64_t seed) {
  TermWeightOptions term_options = options.terms;
  term_options.threads = options.clustering.threads;
  const TermMatrix terms = WeighTerms(texts, term_options, lexicon);
  LsaOptions lsa = options.lsa;
  lsa.seed = seed;
  return ReduceLsa(terms.weights, lsa).points;
}

Clustering ClusterEmbedded(const Embedding& points, const ThemeModelOptions& options,
                           uint64_t seed) {
  ClusteringOptions clustering = options.clustering;
  clustering.seed = seed ^ 0xC2B2AE3D27D4EB4Full;  // a different stream from the LSA's
  return ClusterPoints(points, clustering);
}

Clustering ClusterTexts(const std::vector<std::string>& texts, const Lexicon& lexicon,
                        const ThemeModelOptions& options, uint64_t seed) {
  return ClusterEmbedded(EmbedTexts(texts, lexicon, options, seed), options, seed);
}

}  // namespace docket::workflows::themes
