// Exact and near-duplicate grouping; see near_duplicates.h.
#include "workflows/themes/near_duplicates.h"

#include <utf8proc.h>
#define XXH_INLINE_ALL
#include <xxhash.h>

#include <algorithm>
#include <array>
#include <numeric>

#include "workflows/themes/internal/fixed_partition.h"

namespace docket::workflows::themes {
namespace {

struct KeyHash {
  uint64_t high;
  uint64_t low;
  auto operator<=>(const KeyHash&) const = default;
};

KeyHash HashKey(std::string_view text) {
  const std::string key = ExactDuplicateKey(text);
  const XXH128_hash_t h = XXH3_128bits(key.data(), key.size());
  return {h.high64, h.low64};
}

bool IsSpace(utf8proc_int32_t c) {
  return c == ' ' || (c >= '\t' && c <= '\r') || utf8proc_category(c) == UTF8PROC_CATEGORY_ZS ||
         utf8proc_category(c) == UTF8PROC_CATEGORY_ZL ||
         utf8proc_category(c) == UTF8PROC_CATEGORY_ZP;
}

// Union-find whose root is always the smallest index of its set.
class SmallestRootSets {
 public:
  explicit SmallestRootSets(size_t n) : parent_(n) {
    std::iota(parent_.begin(), parent_.end(), uint32_t{0});
  }
  uint32_t Find(uint32_t x) {
    while (parent_[x] != x) {
      parent_[x] = parent_[parent_[x]];  // path halving
      x = parent_[x];
    }
    return x;
  }
  void Join(uint32_t a, uint32_t b) {
    a = Find(a);
    b = Find(b);
    if (a == b) return;
    if (b < a) std::swap(a, b);
    parent_[b] = a;
  }

 private:
  std::vector<uint32_t> parent_;
};

// For each text, the index of the first text with the same exact key.
std::vector<uint32_t> ExactCanonicals(std::span<const std::string_view> texts, int threads) {
  const size_t n = texts.size();
  std::vector<std::pair<KeyHash, uint32_t>> keyed(n);
  internal::ForEachRange(n, threads, [&](size_t, size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) keyed[i] = {HashKey(texts[i]), static_cast<uint32_t>(i)};
  });
  std::sort(keyed.begin(), keyed.end());
  std::vector<uint32_t> canonical(n);
  for (size_t begin = 0; begin < n;) {
    size_t end = begin + 1;
    while (end < n && keyed[end].first == keyed[begin].first) ++end;
    for (size_t j = begin; j < end; ++j) canonical[keyed[j].second] = keyed[begin].second;
    begin = end;
  }
  return canonical;
}

// Signatures of texts[reps[p]] at signatures[p * K], shingled and signed per fixed range.
std::vector<uint32_t> SignTexts(std::span<const std::string_view> texts,
                                std::span<const uint32_t> reps, const NearDuplicateOptions& o) {
  const size_t k = static_cast<size_t>(o.num_hashes);
  const MinHasher hasher(o.num_hashes, o.scheme, o.seed);
  std::vector<uint32_t> signatures(reps.size() * k);
  internal::ForEachRange(reps.size(), o.threads, [&](size_t, size_t begin, size_t end) {
    Shingler shingler(o.shingles);
    std::vector<uint64_t> shingles;
    for (size_t p = begin; p < end; ++p) {
      shingler.Hashes(texts[reps[p]], shingles);
      hasher.Sign(shingles, std::span(signatures).subspan(p * k, k));
    }
  });
  return signatures;
}

enum class Decision : uint8_t { kRejected, kAccepted, kExactCheck };

struct Verification {
  std::vector<Decision> decisions;  // per candidate pair, kExactCheck resolved
  uint64_t exact_checks = 0;
};

// Decides each pair by its estimate, leaving those within the margin as kExactCheck.
std::vector<Decision> Estimate(std::span<const CandidatePair> pairs,
                               std::span<const uint32_t> signatures,
                               const NearDuplicateOptions& o) {
  const size_t k = static_cast<size_t>(o.num_hashes);
  std::vector<Decision> decisions(pairs.size(), Decision::kRejected);
  internal::ForEachRange(pairs.size(), o.threads, [&](size_t, size_t begin, size_t end) {
    for (size_t p = begin; p < end; ++p) {
      const auto [a, b] = pairs[p];
      const double estimate =
          EstimatedJaccard(signatures.subspan(a * k, k), signatures.subspan(b * k, k));
      if (estimate >= o.threshold + o.exact_margin) {
        decisions[p] = Decision::kAccepted;
      } else if (estimate >= o.threshold - o.exact_margin) {
        decisions[p] = Decision::kExactCheck;
      }
    }
  });
  return decisions;
}

// Decides the kExactCheck pairs listed in `window` by the exact Jaccard similarity of
// their texts' shingle sets, each set built once (`needed`: the window's texts).
void ExactChecks(std::span<const CandidatePair> pairs, std::span<const uint32_t> window,
                 std::span<const uint32_t> needed, std::span<const uint32_t> set_of,
                 std::span<const uint32_t> reps, std::span<const std::string_view> texts,
                 const NearDuplicateOptions& o, std::span<Decision> decisions) {
  std::vector<std::vector<uint64_t>> sets(needed.size());
  internal::ForEachRange(needed.size(), o.threads, [&](size_t, size_t begin, size_t end) {
    Shingler shingler(o.shingles);
    for (size_t i = begin; i < end; ++i) shingler.Set(texts[reps[needed[i]]], sets[i]);
  });
  internal::ForEachRange(window.size(), o.threads, [&](size_t, size_t begin, size_t end) {
    for (size_t w = begin; w < end; ++w) {
      const auto [a, b] = pairs[window[w]];
      const double exact = ExactJaccard(sets[set_of[a]], sets[set_of[b]]);
      decisions[window[w]] = exact >= o.threshold ? Decision::kAccepted : Decision::kRejected;
    }
  });
}

// Verifies candidate pairs: by estimated Jaccard similarity, and near the threshold by
// the exact similarity of the shingle sets. Exact checks go in windows of consecutive
// pairs (sorted by first text, so a text's pairs are mostly in one window) whose texts
// add up to at most kTextBytesPerWindow: a set is built once per window, and memory
// stays bounded however many pairs there are. With the default n-gram ranges a text
// yields ~2.5 shingle hashes of 8 bytes per byte (at worst ~8, digits that become
// "<num>"), so a window's sets take ~20 MiB (at worst ~64 MiB); the evaluation set's
// 1,042 exact checks fit in one window.
Verification VerifyPairs(std::span<const CandidatePair> pairs, std::span<const uint32_t> signatures,
                         std::span<const uint32_t> reps, std::span<const std::string_view> texts,
                         const NearDuplicateOptions& o) {
  constexpr size_t kTextBytesPerWindow = size_t{1} << 20;
  const auto cost = [&](uint32_t rep) {
    return std::min(texts[reps[rep]].size(), o.shingles.max_text_bytes) + 1;
  };
  Verification v{Estimate(pairs, signatures, o), 0};
  std::vector<uint32_t> set_of(reps.size(), UINT32_MAX);  // rep -> index into the window's sets
  std::vector<uint32_t> needed;
  std::vector<uint32_t> window;
  for (size_t p = 0; p < pairs.size();) {
    size_t window_bytes = 0;
    for (; p < pairs.size(); ++p) {
      if (v.decisions[p] != Decision::kExactCheck) continue;
      const auto [a, b] = pairs[p];
      const size_t added = (set_of[a] == UINT32_MAX ? cost(a) : 0) +
                           (set_of[b] == UINT32_MAX && b != a ? cost(b) : 0);
      if (!window.empty() && window_bytes + added > kTextBytesPerWindow) break;
      window_bytes += added;
      for (uint32_t rep : {a, b}) {
        if (set_of[rep] != UINT32_MAX) continue;
        set_of[rep] = static_cast<uint32_t>(needed.size());
        needed.push_back(rep);
      }
      window.push_back(static_cast<uint32_t>(p));
    }
    ExactChecks(pairs, window, needed, set_of, reps, texts, o, v.decisions);
    v.exact_checks += window.size();
    for (uint32_t rep : needed) set_of[rep] = UINT32_MAX;
    needed.clear();
    window.clear();
  }
  return v;
}

}  // namespace

std::string ExactDuplicateKey(std::string_view text) {
  std::string key;
  key.reserve(text.size());
  bool pending_space = false;
  size_t pos = 0;
  while (pos < text.size()) {
    const unsigned char byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80 && byte != ' ' && (byte < '\t' || byte > '\r')) {  // ASCII fast path
      if (pending_space) key.push_back(' ');
      pending_space = false;
      key.push_back(byte >= 'A' && byte <= 'Z' ? static_cast<char>(byte - 'A' + 'a')
                                               : static_cast<char>(byte));
      ++pos;
      continue;
    }
    utf8proc_int32_t c = 0;
    const utf8proc_ssize_t n =
        utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos),
                         static_cast<utf8proc_ssize_t>(text.size() - pos), &c);
    if (n <= 0) {  // an invalid byte is kept as it is: it still tells texts apart
      if (pending_space) key.push_back(' ');
      pending_space = false;
      key.push_back(text[pos++]);
      continue;
    }
    pos += static_cast<size_t>(n);
    if (IsSpace(c)) {
      pending_space = !key.empty();
      continue;
    }
    if (pending_space) key.push_back(' ');
    pending_space = false;
    std::array<utf8proc_uint8_t, 4> bytes{};
    const utf8proc_ssize_t len = utf8proc_encode_char(utf8proc_tolower(c), bytes.data());
    key.append(reinterpret_cast<const char*>(bytes.data()), static_cast<size_t>(len));
  }
  return key;
}

std::string OptionsError(const NearDuplicateOptions& o) {
  if (!(o.threshold > 0.0 && o.threshold <= 1.0)) return "threshold must be in (0, 1]";
  if (o.num_hashes < 1 || o.num_hashes > 4096) return "num_hashes must be in 1..4096";
  if (o.banding.bands < 0 || o.banding.rows < 0 ||
      o.banding.bands * o.banding.rows > o.num_hashes) {
    return "bands * rows must not exceed num_hashes";
  }
  if (o.exact_margin < 0.0) return "exact_margin must not be negative";
  if (o.max_bucket < 2) return "max_bucket must be at least 2";
  if (o.threads < 1 || o.threads > 64) return "threads must be in 1..64";
  return std::string(ShingleOptionsError(o.shingles));
}

DuplicateReport FindDuplicates(std::span<const std::string_view> texts,
                               const NearDuplicateOptions& options) {
  NearDuplicateOptions o = options;
  o.threads = std::clamp(o.threads, 1, 64);
  o.num_hashes = std::clamp(o.num_hashes, 1, 4096);
  DuplicateReport report;
  const size_t n = texts.size();
  report.matches.resize(n);
  if (n == 0) return report;

  const std::vector<uint32_t> exact = ExactCanonicals(texts, o.threads);
  std::vector<uint32_t> reps;                // first text of each exact group
  std::vector<uint32_t> rep_position(n, 0);  // text index -> position in reps
  for (uint32_t i = 0; i < n; ++i) {
    if (exact[i] == i) {
      rep_position[i] = static_cast<uint32_t>(reps.size());
      reps.push_back(i);
    }
  }

  const size_t k = static_cast<size_t>(o.num_hashes);
  std::vector<uint32_t> signatures;
  SmallestRootSets groups(reps.size());
  if (o.near_duplicates) {
    signatures = SignTexts(texts, reps, o);
    const LshBanding banding = o.banding.bands > 0 && o.banding.rows > 0
                                   ? o.banding
                                   : ChooseBanding(o.num_hashes, o.threshold);
    std::vector<uint32_t> members(reps.size());
    std::iota(members.begin(), members.end(), uint32_t{0});
    const std::vector<CandidatePair> pairs =
        CandidatePairs(signatures, o.num_hashes, members, banding, o.max_bucket, o.threads);
    const Verification verified = VerifyPairs(pairs, signatures, reps, texts, o);
    for (size_t p = 0; p < pairs.size(); ++p) {
      if (verified.decisions[p] != Decision::kAccepted) continue;
      groups.Join(pairs[p].first, pairs[p].second);
      ++report.verified_pairs;
    }
    report.candidate_pairs = pairs.size();
    report.exact_checks = verified.exact_checks;
  }

  for (uint32_t i = 0; i < n; ++i) {
    const uint32_t own = rep_position[exact[i]];
    const uint32_t root = groups.Find(own);
    DuplicateMatch& m = report.matches[i];
    m.canonical = reps[root];
    if (m.canonical == i) continue;  // kCanonical, similarity 1
    if (root == own) {
      m.kind = DuplicateKind::kExact;
      ++report.exact_duplicates;
    } else {
      m.kind = DuplicateKind::kNear;
      m.similarity = EstimatedJaccard(std::span(signatures).subspan(own * k, k),
                                      std::span(signatures).subspan(root * k, k));
      ++report.near_duplicates;
    }
  }
  return report;
}

}  // namespace docket::workflows::themes
