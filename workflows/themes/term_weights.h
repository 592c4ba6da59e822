// Term weights: the sparse, TF-IDF-weighted bag of features that theme representation
// starts from. Each text contributes word 1..n-grams (Tokenize, after the lexicon maps
// synonyms to canonical terms) and character n-grams of its folded text (so "refund",
// "refunded" and "refunds" share most features, and scripts without spaces get useful
// features too). Features are hashed to 64 bits (xxHash3, seeded) and then numbered
// densely in hash order, so column numbers depend only on the corpus, not on input
// order of first appearance. Weights: sublinear TF (1 + ln tf), smoothed IDF fitted on
// the corpus being weighted (ln((1 + n) / (1 + df)) + 1), each block (words,
// characters) L2-normalized and scaled by its weight, then each row L2-normalized.
// A text with no surviving feature is an all-zero row. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "workflows/themes/lexicon.h"

namespace docket::workflows::themes {

struct TermWeightOptions {
  int word_ngram_max = 2;  // 0 disables word features
  int char_ngram_min = 3;  // in code points of the folded text, padded with a space
  int char_ngram_max = 5;  // 0 disables character features
  double word_block_weight = 1.0;
  double char_block_weight = 2.0;  // characters carry morphology and typos; see benchmarks.md
  // Features seen in fewer documents than this are dropped (they cannot link two texts);
  // lowered to the document count for tiny corpora.
  uint32_t min_document_frequency = 2;
  uint64_t hash_seed = 0;
  // Threads for per-text feature extraction; results do not depend on it.
  int threads = 1;
};

// Compressed sparse rows; columns sorted within each row.
struct SparseRows {
  size_t rows = 0;
  size_t cols = 0;
  std::vector<size_t> row_start;  // rows + 1 offsets into column/value
  std::vector<uint32_t> column;
  std::vector<float> value;
};

struct TermMatrix {
  SparseRows weights;                 // one L2-normalized row per text
  std::vector<uint64_t> feature_hash;  // per column: its 64-bit feature hash (ascending)
  std::vector<float> idf;              // per column
};

// Weighs `texts` (redacted, NFC). `lexicon` may be empty.
TermMatrix WeighTerms(const std::vector<std::string>& texts, const TermWeightOptions& options,
                      const Lexicon& lexicon);

}  // namespace docket::workflows::themes
