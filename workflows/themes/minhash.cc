// Shingling and MinHash signatures; see minhash.h.
#include "workflows/themes/minhash.h"

#define XXH_INLINE_ALL  // shingles are 4-5 bytes: let the compiler inline XXH3
#include <xxhash.h>

#include <algorithm>
#include <array>
#include <string>

#include "workflows/themes/internal/sort_u64.h"

namespace docket::workflows::themes {
namespace {

// Fixed seeds: shingle hashes are part of what a dedupe run records (its similarities),
// so they never change between runs or builds.
constexpr uint64_t kWordSeed = 0x6E6561725F647570ULL;  // "near_dup"
constexpr uint64_t kCharSeed = 0x63686172676D6E73ULL;
constexpr uint64_t kGolden = 0x9E3779B97F4A7C15ULL;
// Probes of optimal densification before falling back to the nearest non-empty bin,
// which bounds the cost of texts with a handful of shingles at O(K * kMaxProbes).
constexpr int kMaxProbes = 32;

// SplitMix64 finalizer: a bijection that spreads every input bit over the output.
uint64_t Mix(uint64_t x) {
  x += kGolden;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

// Byte offsets of code points in a folded text: the identity for an ASCII text, a table
// for any other. Offset(code_points) is the text's size.
struct AsciiOffsets {
  size_t operator()(size_t i) const { return i; }
};
struct TableOffsets {
  const uint32_t* starts;
  size_t operator()(size_t i) const { return starts[i]; }
};

// XXH3 of the code-point n-gram at `begin` (`length` bytes) under the seed of n.
uint64_t CharShingleHash(const char* begin, size_t length, size_t n) {
  return XXH3_64bits_withSeed(begin, length, kCharSeed + n);
}

// out[i * stride] = the hash of the N-code-point gram at code point i, for i < count.
// With N a constant, an all-ASCII gram (length N) is hashed with constant length and
// seed, which the compiler folds into XXH3's secret and branches; iterations are
// independent. The hash is XXH3_64bits_withSeed's either way.
template <size_t N, typename Offsets>
void HashGrams(const char* text, Offsets offset, size_t count, uint64_t* out, size_t stride) {
  for (size_t i = 0; i < count; ++i) {
    const size_t begin = offset(i);
    const size_t length = offset(i + N) - begin;
    out[i * stride] = length == N ? XXH3_64bits_withSeed(text + begin, N, kCharSeed + N)
                                  : CharShingleHash(text + begin, length, N);
  }
}

template <typename Offsets>
void HashGrams(size_t n, const char* text, Offsets offset, size_t count, uint64_t* out,
               size_t stride) {
  switch (n) {
    case 3:
      return HashGrams<3>(text, offset, count, out, stride);
    case 4:
      return HashGrams<4>(text, offset, count, out, stride);
    case 5:
      return HashGrams<5>(text, offset, count, out, stride);
    default:
      for (size_t i = 0; i < count; ++i) {
        out[i * stride] = CharShingleHash(text + offset(i), offset(i + n) - offset(i), n);
      }
  }
}

// Appends the hash of every code-point n-gram, n in [min, max], start-major in text
// order, at most `cap` of them.
template <typename Offsets>
void AppendCharGrams(const char* text, Offsets offset, size_t code_points, size_t min_n,
                     size_t max_n, size_t cap, std::vector<uint64_t>& out) {
  const size_t kinds = max_n - min_n + 1;
  if (code_points >= max_n && kinds * (code_points - max_n + 1) + (kinds - 1) * kinds / 2 <= cap) {
    // Under the cap: the shingles of start i are out[base + i * kinds + (n - min)] for
    // every start with room for all n; the last starts, with room only for the shorter
    // n, follow in order.
    const size_t full = code_points - max_n + 1;
    const size_t base = out.size();
    out.resize(base + kinds * full);
    for (size_t n = min_n; n <= max_n; ++n) {
      HashGrams(n, text, offset, full, out.data() + base + (n - min_n), kinds);
    }
    for (size_t i = full; i + min_n <= code_points; ++i) {
      for (size_t n = min_n; i + n <= code_points; ++n) {
        out.push_back(CharShingleHash(text + offset(i), offset(i + n) - offset(i), n));
      }
    }
    return;
  }
  size_t taken = 0;
  for (size_t i = 0; i < code_points; ++i) {
    for (size_t n = min_n; n <= max_n && i + n <= code_points; ++n) {
      if (taken++ == cap) return;
      out.push_back(CharShingleHash(text + offset(i), offset(i + n) - offset(i), n));
    }
  }
}

std::string_view CutAtCodePoint(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut);
}

}  // namespace

std::string_view ShingleOptionsError(const ShingleOptions& o) {
  const auto bad_range = [](int min, int max) {
    return max != 0 && (min < 1 || min > max || max > 8);
  };
  if (o.word_ngram_max < 0 || bad_range(o.word_ngram_min, o.word_ngram_max)) {
    return "word n-gram sizes must satisfy 1 <= min <= max <= 8 (max 0 switches words off)";
  }
  if (o.char_ngram_max < 0 || bad_range(o.char_ngram_min, o.char_ngram_max)) {
    return "character n-gram sizes must satisfy 1 <= min <= max <= 8 (max 0 switches "
           "characters off)";
  }
  if (o.word_ngram_max == 0 && o.char_ngram_max == 0) {
    return "at least one of word and character n-grams must be on";
  }
  if (o.max_shingles < 1) return "max_shingles must be at least 1";
  return {};
}

void Shingler::Hashes(std::string_view text, std::vector<uint64_t>& out) {
  out.clear();
  FoldTokens(CutAtCodePoint(text, options_.max_text_bytes), walked_);
  AppendWordShingles(out);
  AppendCharShingles(out);
}

void Shingler::Set(std::string_view text, std::vector<uint64_t>& out) {
  Hashes(text, out);
  internal::SortDistinctHashes(out, scratch_);
}

void Shingler::AppendWordShingles(std::vector<uint64_t>& out) {
  if (options_.word_ngram_max <= 0) return;
  token_hashes_.resize(walked_.tokens.size());
  for (size_t i = 0; i < walked_.tokens.size(); ++i) {
    const std::string_view t = walked_.token(i);
    token_hashes_[i] = XXH3_64bits_withSeed(t.data(), t.size(), kWordSeed);
  }
  const size_t max_n = static_cast<size_t>(options_.word_ngram_max);
  const size_t min_n = static_cast<size_t>(options_.word_ngram_min);
  size_t taken = 0;
  for (size_t i = 0; i < token_hashes_.size(); ++i) {
    uint64_t h = token_hashes_[i];
    for (size_t n = 1; n <= max_n && i + n <= token_hashes_.size(); ++n) {
      if (n > 1) h = Mix(h * kGolden + token_hashes_[i + n - 1]);
      if (n < min_n) continue;
      if (taken++ == options_.max_shingles) return;
      out.push_back(Mix(h ^ static_cast<uint64_t>(n)));  // a 1-gram is not the token hash
    }
  }
}

void Shingler::AppendCharShingles(std::vector<uint64_t>& out) {
  if (options_.char_ngram_max <= 0) return;
  const std::string& folded = walked_.folded;
  const size_t min_n = static_cast<size_t>(options_.char_ngram_min);
  const size_t max_n = static_cast<size_t>(options_.char_ngram_max);
  size_t code_points = folded.size();
  if (walked_.ascii) {
    AppendCharGrams(folded.data(), AsciiOffsets{}, code_points, min_n, max_n, options_.max_shingles,
                    out);
  } else {
    starts_.clear();
    for (size_t b = 0; b < folded.size(); ++b) {
      if ((static_cast<unsigned char>(folded[b]) & 0xC0) != 0x80) {
        starts_.push_back(static_cast<uint32_t>(b));
      }
    }
    code_points = starts_.size();
    starts_.push_back(static_cast<uint32_t>(folded.size()));
    AppendCharGrams(folded.data(), TableOffsets{starts_.data()}, code_points, min_n, max_n,
                    options_.max_shingles, out);
  }
  // A text shorter than the smallest n (a lone "ok") is one shingle, so short texts
  // still compare by their characters.
  if (code_points > 0 && code_points < min_n) {
    out.push_back(XXH3_64bits_withSeed(folded.data(), folded.size(), kCharSeed));
  }
}

void ShingleHashes(std::string_view text, const ShingleOptions& options,
                   std::vector<uint64_t>& out) {
  Shingler(options).Hashes(text, out);
}

std::vector<uint64_t> ShingleSet(std::string_view text, const ShingleOptions& options) {
  std::vector<uint64_t> set;
  Shingler(options).Set(text, set);
  return set;
}

double ExactJaccard(std::span<const uint64_t> a, std::span<const uint64_t> b) {
  // Branch-free merge: which side advances is data, not control flow (shingle hashes
  // are random, so a branch here would be mispredicted half the time).
  size_t common = 0;
  size_t i = 0;
  size_t j = 0;
  while (i < a.size() && j < b.size()) {
    const uint64_t x = a[i];
    const uint64_t y = b[j];
    common += x == y ? 1 : 0;
    i += x <= y ? 1 : 0;
    j += y <= x ? 1 : 0;
  }
  const size_t united = a.size() + b.size() - common;
  return united == 0 ? 0.0 : static_cast<double>(common) / static_cast<double>(united);
}

MinHasher::MinHasher(int num_hashes, MinHashScheme scheme, uint64_t seed)
    : num_hashes_(std::clamp(num_hashes, 1, 4096)), scheme_(scheme), seed_(seed) {
  if (scheme_ != MinHashScheme::kMultiplyShift) return;
  multipliers_.resize(static_cast<size_t>(num_hashes_));
  offsets_.resize(static_cast<size_t>(num_hashes_));
  uint64_t state = seed_;
  for (int k = 0; k < num_hashes_; ++k) {
    multipliers_[static_cast<size_t>(k)] = Mix(state++) | 1;  // odd
    offsets_[static_cast<size_t>(k)] = Mix(state++);
  }
}

void MinHasher::Sign(std::span<const uint64_t> shingles, std::span<uint32_t> out) const {
  std::fill(out.begin(), out.end(), kEmptySlot);
  if (shingles.empty()) return;
  if (scheme_ == MinHashScheme::kOnePermutation) {
    SignOnePermutation(shingles, out);
  } else {
    SignMultiplyShift(shingles, out);
  }
}

void MinHasher::SignOnePermutation(std::span<const uint64_t> shingles,
                                   std::span<uint32_t> out) const {
  const uint64_t k = static_cast<uint64_t>(num_hashes_);
  for (uint64_t h : shingles) {
    const uint64_t v = Mix(h ^ seed_);
    const size_t bin = static_cast<size_t>(((v >> 32) * k) >> 32);
    // kEmptySlot marks empty bins; the one value it would collide with moves down.
    const uint32_t value = std::min(static_cast<uint32_t>(v), kEmptySlot - 1);
    out[bin] = std::min(out[bin], value);
  }
  // Optimal densification: empty bin i takes the value of the first non-empty bin on its
  // own fixed probe sequence, so two sets with similar bins borrow alike. Bins filled by
  // borrowing never lend: `empty` remembers which bins the shingles left empty.
  std::array<uint64_t, 4096 / 64> empty{};
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i] == kEmptySlot) empty[i / 64] |= uint64_t{1} << (i % 64);
  }
  const auto is_empty = [&](size_t bin) { return (empty[bin / 64] >> (bin % 64)) & 1; };
  for (size_t i = 0; i < out.size(); ++i) {
    if (!is_empty(i)) continue;
    size_t probe = i;
    bool found = false;
    for (int attempt = 0; attempt < kMaxProbes && !found; ++attempt) {
      const uint64_t r = Mix(seed_ ^ (static_cast<uint64_t>(i) << 32) ^ attempt);
      probe = static_cast<size_t>(((r >> 32) * k) >> 32);
      found = !is_empty(probe);
    }
    // Rare (only a few bins filled): the nearest filled bin after the last probe.
    while (!found) {
      probe = (probe + 1) % out.size();
      found = !is_empty(probe);
    }
    out[i] = out[probe];
  }
}

void MinHasher::SignMultiplyShift(std::span<const uint64_t> shingles,
                                  std::span<uint32_t> out) const {
  for (uint64_t h : shingles) {
    const uint64_t x = h ^ seed_;
    for (size_t k = 0; k < out.size(); ++k) {
      const uint32_t value = std::min(
          static_cast<uint32_t>((multipliers_[k] * x + offsets_[k]) >> 32), kEmptySlot - 1);
      out[k] = std::min(out[k], value);
    }
  }
}

double EstimatedJaccard(std::span<const uint32_t> a, std::span<const uint32_t> b) {
  if (a.empty() || a.size() != b.size() || IsEmptySignature(a) || IsEmptySignature(b)) {
    return 0.0;
  }
  size_t equal = 0;
  for (size_t k = 0; k < a.size(); ++k) equal += a[k] == b[k] ? 1 : 0;
  return static_cast<double>(equal) / static_cast<double>(a.size());
}

bool IsEmptySignature(std::span<const uint32_t> signature) {
  // A signed non-empty set fills every slot with a value below kEmptySlot.
  return signature.empty() || signature[0] == kEmptySlot;
}

}  // namespace docket::workflows::themes
