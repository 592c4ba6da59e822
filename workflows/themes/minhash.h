// MinHash: fixed-width signatures of a text's shingle set whose slot-wise agreement
// estimates the Jaccard similarity of two sets, for near-duplicate detection (lsh.h,
// near_duplicates.h).
//
// Shingles of a (redacted, NFC) text: word n-grams of Tokenize(text) and character
// n-grams (over code points) of FoldedText(text), both from tokens.h, so case, spacing,
// punctuation, emoji, numbers and the values behind redaction placeholders never tell two
// texts apart. Each shingle is hashed with XXH3-64 under a fixed seed (one seed per kind
// and length, so a word "card" and a character 4-gram "card" are different shingles).
// Texts longer than `max_text_bytes` are cut at a code-point boundary and at most
// `max_shingles` shingles are taken per kind, in text order: a 1 MB text costs what a
// 64 KiB one does, and the same text always gives the same shingles.
//
// Two signature schemes (MinHashScheme) are provided:
//   - kOnePermutation (the default): one-permutation hashing (Li, Owen, Zhang 2012) with
//     optimal densification (Shrivastava 2017): each shingle hash picks one of K bins
//     and keeps the bin's minimum; empty bins borrow from a bin chosen by a fixed
//     per-bin hash sequence. O(shingles + K) per text.
//   - kMultiplyShift: the textbook scheme, K independent multiply-shift hashes of every
//     shingle, O(shingles * K).
// Both estimate Jaccard similarity. Measured on the near-duplicate evaluation set
// (tests/golden/near_duplicates, K = 128, threshold 0.7; docs/benchmarks.md): pairwise
// precision 0.9857 for both, recall 0.9805 (one permutation) vs 0.9788; signing the
// ~550 shingles of a 224-byte text takes ~2.2 us with one permutation and ~73 us with
// 128 multiply-shift hashes (dedupe_bench BM_Sign), so one permutation is the default.
// Shingling the same text takes ~3.5 us with a reused Shingler (BM_Shingle).
//
// Pure functions and immutable objects, thread-safe, no global state; except Shingler,
// which holds buffers and belongs to one thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "workflows/themes/tokens.h"

namespace docket::workflows::themes {

struct ShingleOptions {
  int word_ngram_min = 1;  // word n-grams of Tokenize, n in [min, max]; max 0 = none
  int word_ngram_max = 3;
  int char_ngram_min = 4;  // code-point n-grams of FoldedText, n in [min, max]; max 0 = none
  int char_ngram_max = 5;
  size_t max_shingles = 4096;         // per kind (word, char), the first in text order
  size_t max_text_bytes = 64 * 1024;  // longer texts are cut at a code-point boundary
};

// Checks the ranges (1 <= min <= max <= 8, or max 0 to switch a kind off; at least one
// kind on; max_shingles >= 1). Returns a message naming the bad field, or "" when fine.
std::string_view ShingleOptionsError(const ShingleOptions& options);

// Appends the hash of every shingle of `text` to `out` (cleared first), in text order,
// duplicates included. Empty for a text without letters or digits (emoji-only, "").
void ShingleHashes(std::string_view text, const ShingleOptions& options,
                   std::vector<uint64_t>& out);

// The distinct shingle hashes of `text`, sorted: the set whose Jaccard similarity
// signatures estimate.
std::vector<uint64_t> ShingleSet(std::string_view text, const ShingleOptions& options);

// ShingleHashes and ShingleSet with the buffers kept between texts (the folded text,
// token hashes, code-point offsets, sort scratch), so that a thread shingling a stream
// of texts allocates only while they grow. Not thread-safe: one per thread.
class Shingler {
 public:
  explicit Shingler(const ShingleOptions& options) : options_(options) {}

  // ShingleHashes(text, options, out).
  void Hashes(std::string_view text, std::vector<uint64_t>& out);
  // ShingleSet(text, options), into `out`.
  void Set(std::string_view text, std::vector<uint64_t>& out);

 private:
  void AppendWordShingles(std::vector<uint64_t>& out);
  void AppendCharShingles(std::vector<uint64_t>& out);

  ShingleOptions options_;
  FoldedTokens walked_;
  std::vector<uint64_t> token_hashes_;
  std::vector<uint32_t> starts_;  // byte offset of each code point of a non-ASCII text
  std::vector<uint64_t> scratch_;
};

// |a ∩ b| / |a ∪ b| of two sorted, distinct sets; 0 when both are empty.
double ExactJaccard(std::span<const uint64_t> a, std::span<const uint64_t> b);

enum class MinHashScheme { kOnePermutation, kMultiplyShift };

// The slot value of a signature with no shingles. Such a signature matches nothing,
// not even another empty one (see EstimatedJaccard).
inline constexpr uint32_t kEmptySlot = 0xFFFFFFFFu;

class MinHasher {
 public:
  // `num_hashes` (K) slots per signature, 1..4096.
  MinHasher(int num_hashes, MinHashScheme scheme, uint64_t seed);

  int num_hashes() const { return num_hashes_; }
  MinHashScheme scheme() const { return scheme_; }

  // Writes the signature of a shingle multiset (duplicates do not matter) to `out`,
  // which must hold num_hashes() slots. All slots are kEmptySlot iff `shingles` is empty.
  void Sign(std::span<const uint64_t> shingles, std::span<uint32_t> out) const;

 private:
  void SignOnePermutation(std::span<const uint64_t> shingles, std::span<uint32_t> out) const;
  void SignMultiplyShift(std::span<const uint64_t> shingles, std::span<uint32_t> out) const;

  int num_hashes_;
  MinHashScheme scheme_;
  uint64_t seed_;
  std::vector<uint64_t> multipliers_;  // kMultiplyShift: odd a_k
  std::vector<uint64_t> offsets_;      // kMultiplyShift: b_k
};

// The fraction of slots on which `a` and `b` agree: an unbiased estimate of the Jaccard
// similarity of their shingle sets (standard error sqrt(J(1-J)/K)). 0 when either
// signature is empty, so texts without shingles are never near-duplicates.
double EstimatedJaccard(std::span<const uint32_t> a, std::span<const uint32_t> b);

// True when a signature came from an empty shingle set.
bool IsEmptySignature(std::span<const uint32_t> signature);

}  // namespace docket::workflows::themes
