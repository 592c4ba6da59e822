// ReduceLsa; see lsa.h.
#include "workflows/themes/lsa.h"

#include <Eigen/Dense>
#include <Eigen/SparseCore>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace docket::workflows::themes {
namespace {

using Dense = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using Sparse = Eigen::SparseMatrix<float, Eigen::RowMajor, int64_t>;

// SplitMix64 (Steele, Lea and Flood 2014): tiny, seedable, identical everywhere, unlike
// std::normal_distribution whose algorithm is left to the library.
class SeededNormal {
 public:
  explicit SeededNormal(uint64_t seed) : state_(seed) {}

  float Next() {
    if (has_spare_) {
      has_spare_ = false;
      return spare_;
    }
    // Box-Muller on two uniforms in (0, 1].
    const double u1 = (static_cast<double>(NextBits() >> 11) + 1) * 0x1.0p-53;
    const double u2 = static_cast<double>(NextBits() >> 11) * 0x1.0p-53;
    const double radius = std::sqrt(-2 * std::log(u1));
    spare_ = static_cast<float>(radius * std::sin(2 * std::numbers::pi * u2));
    has_spare_ = true;
    return static_cast<float>(radius * std::cos(2 * std::numbers::pi * u2));
  }

 private:
  uint64_t NextBits() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }

  uint64_t state_;
  float spare_ = 0;
  bool has_spare_ = false;
};

// Copies the compressed rows straight into Eigen's own arrays (already sorted).
Sparse ToEigen(const SparseRows& m) {
  Sparse sparse(static_cast<int64_t>(m.rows), static_cast<int64_t>(m.cols));
  sparse.resizeNonZeros(static_cast<Eigen::Index>(m.value.size()));
  for (size_t r = 0; r <= m.rows; ++r) {
    sparse.outerIndexPtr()[r] = static_cast<int64_t>(m.row_start[r]);
  }
  for (size_t k = 0; k < m.value.size(); ++k) {
    sparse.innerIndexPtr()[k] = static_cast<int64_t>(m.column[k]);
    sparse.valuePtr()[k] = m.value[k];
  }
  return sparse;
}

// An orthonormal basis of the columns of `y`. CholeskyQR2 (two rounds of Q = Y R^-1
// with R from the Cholesky factor of Y^T Y, accumulated in double) costs two small
// products instead of a Householder sweep over the tall matrix; when Y^T Y is not
// positive definite (rank-deficient input such as many identical texts) it falls back
// to Householder QR.
Dense Orthonormalize(const Dense& y) {
  Dense q = y;
  for (int round = 0; round < 2; ++round) {
    const Eigen::MatrixXd gram = (q.transpose() * q).cast<double>();
    Eigen::LLT<Eigen::MatrixXd> llt(gram);
    const Eigen::MatrixXd r = llt.matrixU();
    const bool conditioned = llt.info() == Eigen::Success &&
                             r.diagonal().minCoeff() > 1e-3 * r.diagonal().maxCoeff();
    if (!conditioned) {
      Eigen::HouseholderQR<Dense> qr(y);
      return qr.householderQ() * Dense::Identity(y.rows(), y.cols());
    }
    const Dense r_inverse = r.triangularView<Eigen::Upper>()
                                .solve(Eigen::MatrixXd::Identity(r.rows(), r.cols()))
                                .cast<float>();
    q = q * r_inverse;
  }
  return q;
}

// Rows `rows` of `m`, in that order.
SparseRows SelectRows(const SparseRows& m, const std::vector<size_t>& rows) {
  SparseRows out;
  out.rows = rows.size();
  out.cols = m.cols;
  out.row_start.push_back(0);
  for (size_t r : rows) {
    out.column.insert(out.column.end(), m.column.begin() + static_cast<std::ptrdiff_t>(m.row_start[r]),
                      m.column.begin() + static_cast<std::ptrdiff_t>(m.row_start[r + 1]));
    out.value.insert(out.value.end(), m.value.begin() + static_cast<std::ptrdiff_t>(m.row_start[r]),
                     m.value.begin() + static_cast<std::ptrdiff_t>(m.row_start[r + 1]));
    out.row_start.push_back(out.column.size());
  }
  return out;
}

// A seeded uniform sample of `limit` of `count` row numbers, ascending.
std::vector<size_t> SampleRows(size_t count, size_t limit, uint64_t seed) {
  std::vector<size_t> rows(count);
  for (size_t i = 0; i < count; ++i) rows[i] = i;
  uint64_t state = seed;
  for (size_t i = 0; i < limit; ++i) {
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    std::swap(rows[i], rows[i + static_cast<size_t>(z % (count - i))]);
  }
  rows.resize(limit);
  std::sort(rows.begin(), rows.end());
  return rows;
}

// Directions whose singular value is negligible next to the largest are rounding noise
// (a corpus of rank below k): they get weight zero whatever the power, or identical
// texts would land at different random points.
bool Usable(const std::vector<double>& s, size_t d) { return s[d] > 1e-4 * s[0]; }

struct Factors {
  Dense u;                  // left singular vectors, rows x k
  std::vector<double> s;    // k singular values, descending
};

// The top `k` singular triplets of `a` (Halko et al. 2011, algorithm 4.4), `l` >= k
// random directions.
Factors RandomizedSvd(const Sparse& a, size_t k, size_t l, const LsaOptions& options) {
  SeededNormal normal(options.seed);
  Dense omega(a.cols(), static_cast<Eigen::Index>(l));
  for (Eigen::Index c = 0; c < omega.cols(); ++c) {
    for (Eigen::Index r = 0; r < omega.rows(); ++r) omega(r, c) = normal.Next();
  }
  Dense q = Orthonormalize(a * omega);
  for (int i = 0; i < options.power_iterations; ++i) {
    const Dense z = Orthonormalize(a.transpose() * q);
    q = Orthonormalize(a * z);
  }
  // A ~= Q B with B = Q^T A. Factor B^T = Q2 R, R = Ur S Vr^T, so A ~= (Q Vr) S (Q2 Ur)^T.
  const Dense bt = a.transpose() * q;
  Eigen::HouseholderQR<Dense> qr(bt);
  const Dense r = qr.matrixQR().topRows(static_cast<Eigen::Index>(l))
                      .template triangularView<Eigen::Upper>();
  Eigen::JacobiSVD<Eigen::MatrixXd> svd(r.cast<double>(), Eigen::ComputeFullV);
  Factors f;
  f.u = q * svd.matrixV().leftCols(static_cast<Eigen::Index>(k)).cast<float>();
  for (size_t d = 0; d < k; ++d) f.s.push_back(svd.singularValues()(static_cast<Eigen::Index>(d)));
  return f;
}

}  // namespace

void NormalizeRows(Embedding& points) {
  for (size_t i = 0; i < points.rows; ++i) {
    float* row = points.Row(i);
    double sum = 0;
    for (size_t d = 0; d < points.dims; ++d) sum += double{row[d]} * row[d];
    if (sum <= 0) continue;
    const double scale = 1 / std::sqrt(sum);
    for (size_t d = 0; d < points.dims; ++d) row[d] = static_cast<float>(row[d] * scale);
  }
}

LsaResult ReduceLsa(const SparseRows& matrix, const LsaOptions& options) {
  LsaResult result;
  result.points.rows = matrix.rows;
  const bool sampled = matrix.rows > kLsaFitLimit;
  const size_t fit_rows = sampled ? kLsaFitLimit : matrix.rows;
  const size_t rank_cap = std::min(fit_rows, matrix.cols);
  const size_t k = std::min(rank_cap, static_cast<size_t>(std::max(options.dimensions, 0)));
  if (k == 0) return result;
  const size_t l = std::min(rank_cap, k + static_cast<size_t>(std::max(options.oversampling, 0)));
  const Sparse a = ToEigen(matrix);

  Dense points;  // U * S^power, rows x k
  if (!sampled) {
    const Factors f = RandomizedSvd(a, k, l, options);
    result.singular_values = f.s;
    points = f.u;
    for (size_t d = 0; d < k; ++d) {
      points.col(static_cast<Eigen::Index>(d)) *=
          Usable(f.s, d) ? static_cast<float>(std::pow(f.s[d], options.singular_value_power))
                         : 0.0f;
    }
  } else {
    // Fit on a sample, then project every row: U S^p = A V S^(p-1), V = A_s^T U_s S^-1.
    const Sparse fit = ToEigen(SelectRows(matrix, SampleRows(matrix.rows, fit_rows,
                                                             options.seed ^ 0x5851F42D4C957F2Dull)));
    const Factors f = RandomizedSvd(fit, k, l, options);
    result.singular_values = f.s;
    Dense u_scaled = f.u;
    for (size_t d = 0; d < k; ++d) {
      u_scaled.col(static_cast<Eigen::Index>(d)) *=
          Usable(f.s, d) ? static_cast<float>(std::pow(f.s[d], options.singular_value_power - 2)) : 0.0f;
    }
    const Dense v = fit.transpose() * u_scaled;  // V S^(p-1), cols x k
    points = a * v;
  }
  result.points.dims = k;
  result.points.values.assign(points.data(), points.data() + points.size());  // row-major
  for (size_t r = 0; r < matrix.rows; ++r) {
    // A text without features has no direction; rounding must not invent one.
    if (matrix.row_start[r] == matrix.row_start[r + 1]) {
      std::fill(result.points.Row(r), result.points.Row(r) + k, 0.0f);
    }
  }
  NormalizeRows(result.points);
  return result;
}

}  // namespace docket::workflows::themes
