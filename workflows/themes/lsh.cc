// Banding LSH; see lsh.h.
#include "workflows/themes/lsh.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

#include <algorithm>
#include <cmath>

#include "workflows/themes/internal/fixed_partition.h"
#include "workflows/themes/minhash.h"

namespace docket::workflows::themes {
namespace {

// ∫_lo^hi f(s) ds by the midpoint rule on a fixed grid: deterministic and precise
// enough to rank bandings.
template <typename F>
double Integrate(F f, double lo, double hi) {
  constexpr int kSteps = 200;
  const double step = (hi - lo) / kSteps;
  double sum = 0;
  for (int i = 0; i < kSteps; ++i) sum += f(lo + (i + 0.5) * step);
  return sum * step;
}

struct BandEntry {
  uint64_t key;
  uint32_t doc;
  bool operator<(const BandEntry& o) const { return key != o.key ? key < o.key : doc < o.doc; }
};

// Appends the pairs of one run of equal band keys (docs ascending) to `out`.
void AppendBucketPairs(std::span<const BandEntry> run, size_t max_bucket,
                       std::vector<CandidatePair>& out) {
  if (run.size() <= max_bucket) {
    for (size_t a = 0; a < run.size(); ++a) {
      for (size_t b = a + 1; b < run.size(); ++b) out.emplace_back(run[a].doc, run[b].doc);
    }
    return;
  }
  for (size_t b = 1; b < run.size(); ++b) {
    out.emplace_back(run[0].doc, run[b].doc);
    if (b > 1) out.emplace_back(run[b - 1].doc, run[b].doc);
  }
}

void SortUnique(std::vector<CandidatePair>& pairs) {
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
}

}  // namespace

double CandidateProbability(double similarity, LshBanding banding) {
  if (banding.bands <= 0 || banding.rows <= 0) return 0.0;
  const double s = std::clamp(similarity, 0.0, 1.0);
  return 1.0 - std::pow(1.0 - std::pow(s, banding.rows), banding.bands);
}

LshBanding ChooseBanding(int num_hashes, double threshold, double false_negative_weight) {
  const double t = std::clamp(threshold, 0.0, 1.0);
  const double w = std::clamp(false_negative_weight, 0.0, 1.0);
  LshBanding best{1, std::max(num_hashes, 1)};
  double best_cost = INFINITY;
  for (int b = 1; b <= num_hashes; ++b) {
    for (int r = 1; b * r <= num_hashes; ++r) {
      const LshBanding candidate{b, r};
      const double false_positive =
          Integrate([&](double s) { return CandidateProbability(s, candidate); }, 0.0, t);
      const double false_negative =
          Integrate([&](double s) { return 1.0 - CandidateProbability(s, candidate); }, t, 1.0);
      const double cost = w * false_negative + (1.0 - w) * false_positive;
      if (cost < best_cost) {
        best_cost = cost;
        best = candidate;
      }
    }
  }
  return best;
}

std::vector<CandidatePair> CandidatePairs(std::span<const uint32_t> signatures, int num_hashes,
                                          std::span<const uint32_t> members, LshBanding banding,
                                          size_t max_bucket, int threads) {
  const size_t k = static_cast<size_t>(num_hashes);
  const size_t rows = static_cast<size_t>(std::max(banding.rows, 1));
  const size_t bands = std::min(static_cast<size_t>(std::max(banding.bands, 0)), k / rows);
  std::vector<uint32_t> live;  // members that have shingles
  live.reserve(members.size());
  for (uint32_t doc : members) {
    if (!IsEmptySignature(signatures.subspan(doc * k, k))) live.push_back(doc);
  }
  std::vector<std::vector<CandidatePair>> per_range(internal::RangeCount(bands, threads));
  internal::ForEachRange(bands, threads, [&](size_t range, size_t first, size_t last) {
    std::vector<BandEntry> entries(live.size());
    std::vector<CandidatePair>& out = per_range[range];
    for (size_t band = first; band < last; ++band) {
      for (size_t m = 0; m < live.size(); ++m) {
        const uint32_t* slots = signatures.data() + live[m] * k + band * rows;
        entries[m] = {XXH3_64bits_withSeed(slots, rows * sizeof(uint32_t), band), live[m]};
      }
      std::sort(entries.begin(), entries.end());
      for (size_t begin = 0; begin < entries.size();) {
        size_t end = begin + 1;
        while (end < entries.size() && entries[end].key == entries[begin].key) ++end;
        if (end - begin > 1) {
          AppendBucketPairs(std::span(entries).subspan(begin, end - begin), max_bucket, out);
        }
        begin = end;
      }
    }
    SortUnique(out);
  });
  std::vector<CandidatePair> pairs;
  for (std::vector<CandidatePair>& part : per_range) {
    pairs.insert(pairs.end(), part.begin(), part.end());
  }
  SortUnique(pairs);
  return pairs;
}

}  // namespace docket::workflows::themes
