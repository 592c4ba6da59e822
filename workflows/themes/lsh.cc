// Banding LSH; see lsh.h.
#include "workflows/themes/lsh.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <limits>

#include "workflows/themes/internal/fixed_partition.h"
#include "workflows/themes/internal/sort_u64.h"
#include "workflows/themes/minhash.h"

namespace docket::workflows::themes {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// The midpoint grid of ChooseBanding's two integrals (200 steps each, deterministic and
// precise enough to rank bandings) and s^r at its points for one r: computed once per r
// rather than once per banding.
struct CostGrid {
  static constexpr int kSteps = 200;
  CostGrid(double t, int rows) : fn_step((1.0 - t) / kSteps), fp_step((t - 0.0) / kSteps) {
    for (int i = 0; i < kSteps; ++i) {
      fn_power[i] = std::pow(std::clamp(t + (i + 0.5) * fn_step, 0.0, 1.0), rows);
      fp_power[i] = std::pow(std::clamp(0.0 + (i + 0.5) * fp_step, 0.0, 1.0), rows);
    }
  }
  double fn_step;
  double fp_step;
  std::array<double, kSteps> fn_power;  // s^r at t + (i + 0.5) * fn_step
  std::array<double, kSteps> fp_power;  // s^r at (i + 0.5) * fp_step
};

// The ChooseBanding cost w * ∫_t^1 (1 - P(s)) ds + (1 - w) * ∫_0^t P(s) ds of `bands`
// bands of the grid's rows, with P(s) = 1 - (1 - s^r)^b exactly as CandidateProbability
// computes it -- or +inf as soon as the cost is sure to exceed `bound`. The two sums are
// accumulated side by side; their terms are non-negative and floating-point addition and
// scaling are monotone, so the cost of partial sums never exceeds the full cost, and
// giving up when it strictly exceeds `bound` never drops a banding of least cost.
double BandingCost(const CostGrid& grid, int bands, double w, double bound) {
  double fn_sum = 0;
  double fp_sum = 0;
  for (int i = 0; i < CostGrid::kSteps; ++i) {
    fn_sum += 1.0 - (1.0 - std::pow(1.0 - grid.fn_power[i], bands));
    fp_sum += 1.0 - std::pow(1.0 - grid.fp_power[i], bands);
    const double cost = w * (fn_sum * grid.fn_step) + (1.0 - w) * (fp_sum * grid.fp_step);
    if (cost > bound) return kInfinity;
  }
  return w * (fn_sum * grid.fn_step) + (1.0 - w) * (fp_sum * grid.fp_step);
}

// Candidate pairs are collected as (first << shift) | second in one uint64_t, so that
// sorting and deduplicating them is a radix sort of integers.
struct PairCodec {
  int shift;
  uint64_t Encode(uint32_t a, uint32_t b) const { return (uint64_t{a} << shift) | b; }
  CandidatePair Decode(uint64_t v) const {
    return {static_cast<uint32_t>(v >> shift),
            static_cast<uint32_t>(v & ((uint64_t{1} << shift) - 1))};
  }
};

// The members of one band bucket (equal band keys), found by open addressing on the
// key; members are linked in the order they were added (ascending documents).
class BandBuckets {
 public:
  explicit BandBuckets(size_t members)
      : slots_(std::bit_ceil(std::max<size_t>(2 * members, 16))), next_(members) {}

  // Starts a new band: every bucket empty (only the slots used are reset).
  void Clear() {
    for (uint32_t i : used_) slots_[i] = Slot{};
    used_.clear();
    shared_.clear();
  }

  // Adds member `m` (positions 0, 1, ... in increasing order) with band key `key`.
  void Add(uint64_t key, uint32_t m) {
    const size_t mask = slots_.size() - 1;
    size_t i = static_cast<size_t>(key) & mask;
    while (slots_[i].size != 0 && slots_[i].key != key) i = (i + 1) & mask;
    Slot& slot = slots_[i];
    if (slot.size == 0) {
      slot = {key, m, m, 1};
      used_.push_back(static_cast<uint32_t>(i));
      return;
    }
    next_[slot.tail] = m;
    slot.tail = m;
    if (++slot.size == 2) shared_.push_back(static_cast<uint32_t>(i));
  }

  // Calls fn(members) for each bucket of two or more, members ascending. `members` is a
  // scratch vector owned by the caller.
  template <typename Fn>
  void ForEachShared(std::vector<uint32_t>& members, Fn fn) const {
    for (uint32_t i : shared_) {
      const Slot& slot = slots_[i];
      members.clear();
      for (uint32_t m = slot.head;; m = next_[m]) {
        members.push_back(m);
        if (m == slot.tail) break;
      }
      fn(std::span<const uint32_t>(members));
    }
  }

 private:
  struct Slot {
    uint64_t key = 0;
    uint32_t head = 0;
    uint32_t tail = 0;
    uint32_t size = 0;
  };
  std::vector<Slot> slots_;
  std::vector<uint32_t> next_;    // next member of the same bucket
  std::vector<uint32_t> used_;    // slots of non-empty buckets
  std::vector<uint32_t> shared_;  // slots of buckets with two or more members
};

// Appends the pairs of one bucket (documents ascending) to `out`.
void AppendBucketPairs(std::span<const uint32_t> docs, size_t max_bucket, PairCodec codec,
                       std::vector<uint64_t>& out) {
  if (docs.size() <= max_bucket) {
    for (size_t a = 0; a < docs.size(); ++a) {
      for (size_t b = a + 1; b < docs.size(); ++b) out.push_back(codec.Encode(docs[a], docs[b]));
    }
    return;
  }
  for (size_t b = 1; b < docs.size(); ++b) {
    out.push_back(codec.Encode(docs[0], docs[b]));
    if (b > 1) out.push_back(codec.Encode(docs[b - 1], docs[b]));
  }
}

// The encoded candidate pairs of bands [first, last), sorted and distinct.
std::vector<uint64_t> BandRangePairs(std::span<const uint32_t> signatures, size_t k, size_t rows,
                                     std::span<const uint32_t> live, size_t first, size_t last,
                                     size_t max_bucket, PairCodec codec) {
  std::vector<uint64_t> out;
  BandBuckets buckets(live.size());
  std::vector<uint32_t> members;
  std::vector<uint32_t> docs;
  for (size_t band = first; band < last; ++band) {
    buckets.Clear();
    for (size_t m = 0; m < live.size(); ++m) {
      const uint32_t* slots = signatures.data() + live[m] * k + band * rows;
      buckets.Add(XXH3_64bits_withSeed(slots, rows * sizeof(uint32_t), band),
                  static_cast<uint32_t>(m));
    }
    buckets.ForEachShared(members, [&](std::span<const uint32_t> bucket) {
      docs.clear();
      for (uint32_t m : bucket) docs.push_back(live[m]);
      AppendBucketPairs(docs, max_bucket, codec, out);
    });
  }
  std::vector<uint64_t> scratch;
  internal::SortDistinctKeys(out, 2 * codec.shift, scratch);
  return out;
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
  double best_cost = kInfinity;
  // Rows outside, so s^r is computed once per r; the first banding in (bands, rows)
  // order wins a tie, as documented. Bandings that use (nearly) every slot are costed
  // first, for a bound that lets most others be given up on early: with both, the
  // search takes ~2.5 ms rather than ~11 for K = 128 (it runs once per FindDuplicates).
  std::vector<CostGrid> grids;
  grids.reserve(static_cast<size_t>(std::max(num_hashes, 0)));
  for (int r = 1; r <= num_hashes; ++r) {
    grids.emplace_back(t, r);
    const LshBanding candidate{num_hashes / r, r};
    const double cost = BandingCost(grids.back(), candidate.bands, w, best_cost);
    if (cost < best_cost || (cost == best_cost && candidate.bands < best.bands)) {
      best_cost = cost;
      best = candidate;
    }
  }
  for (int r = 1; r <= num_hashes; ++r) {
    for (int b = 1; b < num_hashes / r; ++b) {
      const double cost = BandingCost(grids[static_cast<size_t>(r - 1)], b, w, best_cost);
      if (cost < best_cost ||
          (cost == best_cost && (b < best.bands || (b == best.bands && r < best.rows)))) {
        best_cost = cost;
        best = {b, r};
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
  std::vector<uint32_t> live;    // members that have shingles, ascending: buckets list
  live.reserve(members.size());  // their documents in order
  for (uint32_t doc : members) {
    if (!IsEmptySignature(signatures.subspan(doc * k, k))) live.push_back(doc);
  }
  std::sort(live.begin(), live.end());
  const PairCodec codec{live.empty() ? 1
                                     : std::max(1, static_cast<int>(std::bit_width(live.back())))};
  std::vector<std::vector<uint64_t>> per_range(internal::RangeCount(bands, threads));
  internal::ForEachRange(bands, threads, [&](size_t range, size_t first, size_t last) {
    per_range[range] = BandRangePairs(signatures, k, rows, live, first, last, max_bucket, codec);
  });
  std::vector<uint64_t> encoded = std::move(per_range[0]);
  if (per_range.size() > 1) {
    for (size_t r = 1; r < per_range.size(); ++r) {
      encoded.insert(encoded.end(), per_range[r].begin(), per_range[r].end());
    }
    std::vector<uint64_t> scratch;
    internal::SortDistinctKeys(encoded, 2 * codec.shift, scratch);
  }
  std::vector<CandidatePair> pairs(encoded.size());
  for (size_t p = 0; p < encoded.size(); ++p) pairs[p] = codec.Decode(encoded[p]);
  return pairs;
}

}  // namespace docket::workflows::themes
