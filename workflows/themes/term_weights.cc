// WeighTerms; see term_weights.h.
#include "workflows/themes/term_weights.h"

#include <xxhash.h>

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "workflows/themes/clustering_parallel.h"
#include "workflows/themes/tokens.h"

namespace docket::workflows::themes {
namespace {

// The top bit of a feature hash says which block it belongs to.
constexpr uint64_t kCharBlock = uint64_t{1} << 63;

struct Feature {
  uint64_t hash;
  uint32_t count;
};

uint64_t Hash(std::string_view bytes, uint64_t seed) {
  return XXH3_64bits_withSeed(bytes.data(), bytes.size(), seed);
}

void AddWordFeatures(const std::vector<std::string>& tokens, int max_n, uint64_t seed,
                     std::vector<uint64_t>& out) {
  std::string gram;
  for (size_t i = 0; i < tokens.size(); ++i) {
    gram.clear();
    for (int n = 1; n <= max_n && i + static_cast<size_t>(n) <= tokens.size(); ++n) {
      if (n > 1) gram += '\x1f';  // a byte no token contains
      gram += tokens[i + static_cast<size_t>(n) - 1];
      out.push_back(Hash(gram, seed) & ~kCharBlock);
    }
  }
}

// Character n-grams over code points of " text ", so word starts and ends are features.
void AddCharFeatures(std::string_view folded, int min_n, int max_n, uint64_t seed,
                     std::vector<uint64_t>& out) {
  std::string padded;
  padded.reserve(folded.size() + 2);
  padded += ' ';
  padded += folded;
  padded += ' ';
  std::vector<size_t> starts;  // byte offset of each code point, plus the end
  for (size_t i = 0; i < padded.size(); ++i) {
    if ((static_cast<unsigned char>(padded[i]) & 0xC0) != 0x80) starts.push_back(i);
  }
  const size_t points = starts.size();
  starts.push_back(padded.size());
  const std::string_view view(padded);
  for (size_t i = 0; i < points; ++i) {
    for (int n = min_n; n <= max_n && i + static_cast<size_t>(n) <= points; ++n) {
      const size_t end = starts[i + static_cast<size_t>(n)];
      out.push_back(Hash(view.substr(starts[i], end - starts[i]), seed) | kCharBlock);
    }
  }
}

// Sorted, counted features of one text.
std::vector<Feature> ExtractFeatures(const std::string& text, const TermWeightOptions& options,
                                     const Lexicon& lexicon) {
  std::vector<uint64_t> hashes;
  std::vector<std::string> tokens = Tokenize(text);
  lexicon.Apply(tokens);
  if (options.word_ngram_max > 0) {
    AddWordFeatures(tokens, options.word_ngram_max, options.hash_seed, hashes);
  }
  if (options.char_ngram_max > 0 && options.char_ngram_min > 0) {
    std::string folded;
    if (lexicon.empty()) {
      folded = FoldedText(text);
    } else {
      // Synonyms must share character features too: rebuild the folded text from the
      // mapped tokens.
      for (const std::string& token : tokens) {
        if (!folded.empty()) folded += ' ';
        folded += token;
      }
    }
    AddCharFeatures(folded, options.char_ngram_min, options.char_ngram_max,
                    options.hash_seed ^ 0x9E3779B97F4A7C15ull, hashes);
  }
  std::sort(hashes.begin(), hashes.end());
  std::vector<Feature> features;
  for (uint64_t h : hashes) {
    if (!features.empty() && features.back().hash == h) {
      ++features.back().count;
    } else {
      features.push_back({h, 1});
    }
  }
  return features;
}

// Scales the entries of one block so that together they have unit norm times `weight`.
void NormalizeBlock(std::vector<float>& values, size_t begin, size_t end, double weight) {
  double sum = 0;
  for (size_t i = begin; i < end; ++i) sum += double{values[i]} * values[i];
  if (sum <= 0) return;
  const double scale = weight / std::sqrt(sum);
  for (size_t i = begin; i < end; ++i) values[i] = static_cast<float>(values[i] * scale);
}

}  // namespace

TermMatrix WeighTerms(const std::vector<std::string>& texts, const TermWeightOptions& options,
                      const Lexicon& lexicon) {
  std::vector<std::vector<Feature>> documents(texts.size());
  constexpr size_t kBlock = 512;
  internal::ForEachBlock(texts.size(), kBlock, options.threads, [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) documents[i] = ExtractFeatures(texts[i], options, lexicon);
  });
  // Counting is order-independent; the map is only read by key, never iterated into output
  // order (columns are sorted below).
  std::unordered_map<uint64_t, uint32_t> document_frequency;
  for (const std::vector<Feature>& document : documents) {
    for (const Feature& f : document) ++document_frequency[f.hash];
  }
  const uint32_t min_df = std::max<uint32_t>(
      1, std::min<uint32_t>(options.min_document_frequency, static_cast<uint32_t>(texts.size())));

  TermMatrix matrix;
  for (const auto& [hash, df] : document_frequency) {
    if (df >= min_df) matrix.feature_hash.push_back(hash);
  }
  std::sort(matrix.feature_hash.begin(), matrix.feature_hash.end());
  const double n = static_cast<double>(texts.size());
  matrix.idf.reserve(matrix.feature_hash.size());
  for (uint64_t hash : matrix.feature_hash) {
    const double df = document_frequency.at(hash);
    matrix.idf.push_back(static_cast<float>(std::log((1 + n) / (1 + df)) + 1));
  }

  SparseRows& rows = matrix.weights;
  rows.rows = texts.size();
  rows.cols = matrix.feature_hash.size();
  rows.row_start.push_back(0);
  for (std::vector<Feature>& document : documents) {
    // Features are sorted by hash, and columns are numbered in hash order, so the row
    // comes out sorted by column; word features (top bit clear) precede char features.
    size_t column = 0;
    size_t char_begin = rows.value.size();
    for (const Feature& f : document) {
      column = static_cast<size_t>(
          std::lower_bound(matrix.feature_hash.begin() + static_cast<std::ptrdiff_t>(column),
                           matrix.feature_hash.end(), f.hash) -
          matrix.feature_hash.begin());
      if (column == matrix.feature_hash.size() || matrix.feature_hash[column] != f.hash) {
        continue;
      }
      if ((f.hash & kCharBlock) == 0) char_begin = rows.value.size() + 1;
      rows.column.push_back(static_cast<uint32_t>(column));
      rows.value.push_back(
          static_cast<float>((1 + std::log(static_cast<double>(f.count))) * matrix.idf[column]));
    }
    const size_t begin = rows.row_start.back();
    const size_t end = rows.value.size();
    char_begin = std::clamp(char_begin, begin, end);
    NormalizeBlock(rows.value, begin, char_begin, options.word_block_weight);
    NormalizeBlock(rows.value, char_begin, end, options.char_block_weight);
    NormalizeBlock(rows.value, begin, end, 1.0);
    rows.row_start.push_back(end);
    document.clear();
    document.shrink_to_fit();
  }
  return matrix;
}

}  // namespace docket::workflows::themes
