// LSA: latent semantic analysis of a term matrix by randomized truncated SVD (Halko,
// Martinsson and Tropp 2011, algorithm 4.4 with subspace iteration): a Gaussian test
// matrix from a seeded SplitMix64 + Box-Muller generator, a few power iterations
// re-orthonormalized by Householder QR, then an exact SVD of the small projected
// matrix. Each text becomes a dense row (U * S^p; p = 0 by default, i.e. U), L2-
// normalized, so dot products are cosine similarities. Zero rows stay zero. Large
// inputs are fitted on a sample (kLsaFitLimit). Eigen stays
// private to the implementation. Pure function of its arguments (same seed, same build
// -> identical bytes); single-threaded; thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "workflows/themes/term_weights.h"

namespace docket::workflows::themes {

// Past this many rows the SVD is fitted on a seeded uniform sample of this many and all
// rows are projected onto it (the fit is the costly part; a sample of 20k short texts
// already pins down the top directions).
inline constexpr size_t kLsaFitLimit = 20000;

// Dense row-major points, one row per text.
struct Embedding {
  size_t rows = 0;
  size_t dims = 0;
  std::vector<float> values;  // rows * dims

  const float* Row(size_t i) const { return values.data() + i * dims; }
  float* Row(size_t i) { return values.data() + i * dims; }
};

struct LsaOptions {
  int dimensions = 100;       // capped at min(rows, cols)
  int oversampling = 10;      // extra random directions (Halko's p)
  int power_iterations = 3;   // Halko's q
  // Exponent of the singular values that scale each dimension: 1 gives U*S (classic
  // LSA), 0 gives U (every retained direction equally weighted, so the few dominant
  // directions of very frequent words do not swamp the rest; measured better for
  // clustering, docs/benchmarks.md).
  double singular_value_power = 0.0;
  uint64_t seed = 0;
};

struct LsaResult {
  Embedding points;                      // L2-normalized rows
  std::vector<double> singular_values;   // descending, `points.dims` of them
};

LsaResult ReduceLsa(const SparseRows& matrix, const LsaOptions& options);

// Normalizes each row of `points` to unit length (zero rows stay zero).
void NormalizeRows(Embedding& points);

}  // namespace docket::workflows::themes
