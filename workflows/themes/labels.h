// Theme labels: what each theme is about, for people and for the model that later names
// themes. Per theme:
//   - its distinctive terms by class-based TF-IDF (c-TF-IDF, as in BERTopic) over word
//     unigrams and bigrams of its texts after the lexicon: weight(t, theme) =
//     tf(t, theme) * ln(1 + average words per theme / frequency of t over all themes),
//     leaving out placeholders ("<email>"), numbers, single characters of spaced scripts
//     and stop words (English, German, French, Spanish, Portuguese);
//   - the texts nearest its centroid (cosine in the clustering's embedding).
// The term weights also identify a theme across runs (theme_ids.h): unlike the
// embedding, words mean the same in every run. Ties are broken by term and by index, so
// labels are a pure function of the inputs. Thread-safe (no shared state).
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "workflows/themes/clustering.h"
#include "workflows/themes/lexicon.h"
#include "workflows/themes/lsa.h"

namespace docket::workflows::themes {

struct ThemeLabel {
  // The theme's strongest terms with their c-TF-IDF weights, heaviest first (ties by
  // term), at most `LabelOptions::signature_terms`.
  std::vector<std::pair<std::string, double>> signature;
  std::vector<std::string> terms;       // the first `label_terms` of the signature
  std::vector<size_t> representatives;  // text indices, nearest the centroid first
};

struct LabelOptions {
  size_t label_terms = 8;
  size_t signature_terms = 50;
  size_t representatives = 5;
};

// One label per cluster of `clustering` (in cluster id order). `points` is the embedding
// the clustering was computed from (one row per text).
std::vector<ThemeLabel> LabelThemes(const std::vector<std::string>& texts,
                                    const Embedding& points, const Clustering& clustering,
                                    const Lexicon& lexicon, const LabelOptions& options);

// True for the stop words labels leave out (already case-folded tokens).
bool IsStopWord(std::string_view token);

}  // namespace docket::workflows::themes
