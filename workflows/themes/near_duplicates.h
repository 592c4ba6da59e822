// FindDuplicates: groups texts that say the same thing and names, for each text, the
// first text of its group in input order (its canonical text).
//
//   1. Exact duplicates: texts whose ExactDuplicateKey (Unicode lower case, whitespace
//      runs collapsed, ends trimmed) is equal, compared by its XXH3-128 hash. Only the
//      first text of each exact group goes on.
//   2. Near-duplicates (when enabled): MinHash signatures of each remaining text's word
//      and character shingles (minhash.h), banding LSH for candidate pairs (lsh.h), each
//      pair verified by estimated Jaccard similarity >= threshold; pairs whose estimate
//      lies within `exact_margin` of the threshold are decided by the exact Jaccard
//      similarity of the two shingle sets instead (each text's set built once, only for
//      texts in such a pair). Verified pairs are joined with union-find; a group's
//      canonical text is its smallest index.
// Texts without shingles (empty, emoji-only) only take part in exact matching. The
// result is a function of the texts and the options alone: the same with 1 or 4 threads
// (work is split into fixed ranges and merged in order; union-find's components and
// "smallest index" do not depend on the order of unions).
//
// Pure function; thread-safe. Spawns `threads - 1` short-lived threads when threads > 1.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "workflows/themes/lsh.h"
#include "workflows/themes/minhash.h"

namespace docket::workflows::themes {

struct NearDuplicateOptions {
  bool near_duplicates = true;  // false: exact duplicates only
  // Jaccard similarity of shingle sets. 0.7: on the evaluation set, labelled pairs have
  // p05 0.69 / median 0.86, hard negatives median 0.38 / p95 0.49 (docs/benchmarks.md).
  double threshold = 0.7;
  ShingleOptions shingles;
  int num_hashes = 128;  // K, slots per signature
  MinHashScheme scheme = MinHashScheme::kOnePermutation;
  LshBanding banding;         // {0, 0}: ChooseBanding(num_hashes, threshold)
  double exact_margin = 0.1;  // estimates within this of the threshold are checked exactly
  size_t max_bucket = 64;     // lsh.h CandidatePairs
  uint64_t seed = 0x646F636B65743035ULL;  // fixed, so similarities are stable across runs
  int threads = 1;
};

enum class DuplicateKind { kCanonical, kExact, kNear };

struct DuplicateMatch {
  uint32_t canonical = 0;  // index of the group's first text; the text's own index if kCanonical
  DuplicateKind kind = DuplicateKind::kCanonical;
  // 1 for kCanonical and kExact; for kNear the estimated Jaccard similarity to the
  // canonical text (below the threshold when the text joined the group through a third
  // text, e.g. A~B and B~C with A, C further apart).
  double similarity = 1.0;
};

struct DuplicateReport {
  std::vector<DuplicateMatch> matches;  // one per text, in input order
  uint64_t exact_duplicates = 0;
  uint64_t near_duplicates = 0;
  uint64_t candidate_pairs = 0;  // proposed by LSH
  uint64_t verified_pairs = 0;   // accepted
  uint64_t exact_checks = 0;     // pairs decided by exact Jaccard
};

// The key two texts must share to be exact duplicates.
std::string ExactDuplicateKey(std::string_view text);

// Checks the options (threshold in (0, 1], num_hashes 1..4096, shingle ranges, threads
// 1..64). Returns a message naming the bad field, or "" when fine.
std::string OptionsError(const NearDuplicateOptions& options);

// Groups `texts`. Requires OptionsError(options) to be empty (a caller bug otherwise;
// bad values are clamped). Empty input gives an empty report.
DuplicateReport FindDuplicates(std::span<const std::string_view> texts,
                               const NearDuplicateOptions& options);

}  // namespace docket::workflows::themes
