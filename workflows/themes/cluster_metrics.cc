// NMI and ARI from a contingency table; see cluster_metrics.h.
#include "workflows/themes/cluster_metrics.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

#include "engine/base/check.h"

namespace docket::workflows::themes {
namespace {

// Dense ids 0..k-1 for the labels in order of first appearance.
std::vector<size_t> DenseIds(const std::vector<int64_t>& labels, size_t& count) {
  std::map<int64_t, size_t> ids;
  std::vector<size_t> dense(labels.size());
  for (size_t i = 0; i < labels.size(); ++i) {
    dense[i] = ids.emplace(labels[i], ids.size()).first->second;
  }
  count = ids.size();
  return dense;
}

struct Contingency {
  std::vector<double> rows;                   // sizes of the truth classes
  std::vector<double> cols;                   // sizes of the predicted clusters
  std::map<std::pair<size_t, size_t>, double> cells;  // sparse joint counts
  double n = 0;
};

Contingency Count(const std::vector<int64_t>& truth, const std::vector<int64_t>& predicted) {
  DOCKET_CHECK(truth.size() == predicted.size());
  size_t row_count = 0;
  size_t col_count = 0;
  const std::vector<size_t> a = DenseIds(truth, row_count);
  const std::vector<size_t> b = DenseIds(predicted, col_count);
  Contingency table;
  table.rows.assign(row_count, 0);
  table.cols.assign(col_count, 0);
  for (size_t i = 0; i < a.size(); ++i) {
    table.rows[a[i]] += 1;
    table.cols[b[i]] += 1;
    table.cells[{a[i], b[i]}] += 1;
  }
  table.n = static_cast<double>(a.size());
  return table;
}

double Entropy(const std::vector<double>& sizes, double n) {
  double h = 0;
  for (double s : sizes) {
    if (s > 0) h -= (s / n) * std::log(s / n);
  }
  return h;
}

double Pairs(double x) { return x * (x - 1) / 2; }

}  // namespace

double NormalizedMutualInformation(const std::vector<int64_t>& truth,
                                   const std::vector<int64_t>& predicted) {
  const Contingency t = Count(truth, predicted);
  if (t.n == 0) return 1.0;
  // One cluster on both sides is perfect agreement; on one side only, no information.
  if (t.rows.size() == t.cols.size() && t.rows.size() <= 1) return 1.0;
  double mi = 0;
  for (const auto& [cell, count] : t.cells) {
    // count/n * log(count * n / (row * col)), summed in sorted cell order.
    mi += (count / t.n) * std::log(count * t.n / (t.rows[cell.first] * t.cols[cell.second]));
  }
  const double mean_entropy = (Entropy(t.rows, t.n) + Entropy(t.cols, t.n)) / 2;
  if (mean_entropy <= 0) return 1.0;
  return std::clamp(mi / mean_entropy, 0.0, 1.0);
}

double AdjustedRandIndex(const std::vector<int64_t>& truth,
                         const std::vector<int64_t>& predicted) {
  const Contingency t = Count(truth, predicted);
  const size_t n = truth.size();
  // Both all-singletons or both one cluster (including n < 2): identical partitions.
  if (n < 2 || (t.rows.size() == t.cols.size() && (t.rows.size() == 1 || t.rows.size() == n))) {
    return 1.0;
  }
  double index = 0;
  for (const auto& [cell, count] : t.cells) index += Pairs(count);
  double sum_rows = 0;
  for (double s : t.rows) sum_rows += Pairs(s);
  double sum_cols = 0;
  for (double s : t.cols) sum_cols += Pairs(s);
  const double expected = sum_rows * sum_cols / Pairs(t.n);
  const double max_index = (sum_rows + sum_cols) / 2;
  if (max_index == expected) return 1.0;
  return (index - expected) / (max_index - expected);
}

}  // namespace docket::workflows::themes
