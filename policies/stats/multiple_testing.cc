#include "policies/stats/multiple_testing.h"

#include <algorithm>
#include <cstddef>
#include <numeric>
#include <string>

#include "policies/stats/internal/validate.h"

namespace docket::policies::stats {

StatusOr<std::vector<double>> BenjaminiHochberg(std::span<const double> p_values) {
  const size_t m = p_values.size();
  for (size_t i = 0; i < m; ++i) {
    DOCKET_RETURN_IF_ERROR(
        internal::CheckClosedUnit("p_values[" + std::to_string(i) + "]", p_values[i]));
  }
  // R: o <- order(p, decreasing = TRUE) (stable), then cummin(n/i * p[o]) with
  // i = n..1. The stable order makes the result independent of sort internals.
  std::vector<size_t> order(m);
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return p_values[a] > p_values[b]; });
  std::vector<double> q(m);
  double running_min = 1;
  const double total = static_cast<double>(m);
  for (size_t k = 0; k < m; ++k) {
    const double rank = static_cast<double>(m - k);
    const double adjusted = total / rank * p_values[order[k]];
    running_min = k == 0 ? adjusted : std::min(running_min, adjusted);
    q[order[k]] = std::min(1.0, running_min);
  }
  return q;
}

}  // namespace docket::policies::stats
