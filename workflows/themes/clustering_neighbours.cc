// NearestNeighbours: exact cosine kNN by blocked matrix products; see clustering.h.
#include <Eigen/Dense>

#include <algorithm>
#include <cstdint>
#include <numeric>

#include "workflows/themes/clustering.h"
#include "workflows/themes/clustering_parallel.h"

namespace docket::workflows::themes {
namespace {

using RowMajor = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using ConstRows = Eigen::Map<const RowMajor>;

constexpr size_t kQueryBlock = 256;

}  // namespace

Neighbours NearestNeighbours(const Embedding& points, int k, int threads) {
  Neighbours result;
  const size_t n = points.rows;
  result.k = static_cast<size_t>(std::max(k, 0));
  result.index.assign(n * result.k, UINT32_MAX);
  result.similarity.assign(n * result.k, 0);
  if (n == 0 || result.k == 0 || points.dims == 0) return result;
  const ConstRows all(points.values.data(), static_cast<Eigen::Index>(n),
                      static_cast<Eigen::Index>(points.dims));
  internal::ForEachBlock(n, kQueryBlock, threads, [&](size_t begin, size_t end) {
    const RowMajor sims = all.middleRows(static_cast<Eigen::Index>(begin),
                                         static_cast<Eigen::Index>(end - begin)) *
                          all.transpose();
    std::vector<uint32_t> order(n);
    for (size_t q = begin; q < end; ++q) {
      const float* row = sims.row(static_cast<Eigen::Index>(q - begin)).data();
      order.resize(n);
      std::iota(order.begin(), order.end(), 0u);
      order.erase(order.begin() + static_cast<std::ptrdiff_t>(q));  // not itself
      const size_t take = std::min(result.k, order.size());
      std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(take),
                        order.end(), [row](uint32_t a, uint32_t b) {
                          return row[a] > row[b] || (row[a] == row[b] && a < b);
                        });
      for (size_t j = 0; j < take; ++j) {
        result.index[q * result.k + j] = order[j];
        result.similarity[q * result.k + j] = row[order[j]];
      }
    }
  });
  return result;
}

}  // namespace docket::workflows::themes
