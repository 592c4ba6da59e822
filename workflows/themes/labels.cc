// Theme labels; see labels.h.
#include "workflows/themes/labels.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <map>

#include "workflows/themes/tokens.h"

namespace docket::workflows::themes {
namespace {

// Sorted by bytes for binary search (checked by a test).
constexpr std::string_view kStopWords[] = {
    "a",     "aber",  "about", "after", "again", "al",   "algo",  "all",   "also", "am",   "an",
    "and",   "any",   "app",   "are",   "as",    "at",   "au",    "auch",  "auf",  "aus",  "aux",
    "be",    "been",  "bei",   "but",   "by",    "can",  "ce",    "cela",  "com",  "como", "con",
    "could", "d",     "da",    "das",   "dass",  "de",   "dem",   "den",   "der",  "des",  "di",
    "die",   "do",    "does",  "du",    "e",     "ein",  "eine",  "einen", "el",   "em",   "en",
    "er",    "es",    "est",   "et",    "eu",    "for",  "from",  "get",   "had",  "has",  "hat",
    "have",  "he",    "her",   "his",   "how",   "i",    "ich",   "if",    "il",   "im",   "in",
    "is",    "ist",   "it",    "its",   "j",     "je",   "just",  "l",     "la",   "las",  "le",
    "les",   "lo",    "los",   "m",     "me",    "mein", "meine", "mi",    "mich", "mir",  "mit",
    "mon",   "my",    "n",     "na",    "nach",  "no",   "não",   "o",     "of",   "on",   "or",
    "os",    "ou",    "our",   "par",   "para",  "pas",  "per",   "por",   "pour", "que",  "qui",
    "s",     "se",    "she",   "sich",  "sie",   "so",   "su",    "sur",   "t",    "that", "the",
    "their", "them",  "then",  "there", "they",  "this", "to",    "tu",    "um",   "un",   "una",
    "und",   "une",   "uno",   "up",    "us",    "very", "von",   "was",   "we",   "were", "what",
    "when",  "where", "which", "who",   "why",   "will", "with",  "would", "y",    "ya",   "yo",
    "you",   "your",  "zu",    "zum",   "zur",   "à",    "é",
};

bool Labelable(std::string_view token) {
  if (token.empty() || token.front() == '<') return false;  // placeholders, <num>
  if (IsStopWord(token)) return false;
  // One byte (a letter of a spaced script) says nothing; one character of an unspaced
  // script (Han, Kana, Thai: 3 bytes) may.
  return token.size() > 1;
}

double Cosine(const float* a, const float* b, size_t dims) {
  double dot = 0;
  for (size_t d = 0; d < dims; ++d) dot += static_cast<double>(a[d]) * b[d];
  return dot;  // rows and centroids are unit length
}

}  // namespace

bool IsStopWord(std::string_view token) {
  return std::binary_search(std::begin(kStopWords), std::end(kStopWords), token);
}

std::vector<ThemeLabel> LabelThemes(const std::vector<std::string>& texts, const Embedding& points,
                                    const Clustering& clustering, const Lexicon& lexicon,
                                    const LabelOptions& options) {
  const size_t themes = clustering.cluster_count;
  std::vector<ThemeLabel> labels(themes);
  if (themes == 0) return labels;

  // Term counts per theme and over all themes (unthemed texts are not a class).
  std::vector<std::map<std::string, double>> counts(themes);
  std::map<std::string, double> total;
  std::vector<double> words(themes, 0);
  for (size_t i = 0; i < texts.size() && i < clustering.assignment.size(); ++i) {
    const int32_t theme = clustering.assignment[i];
    if (theme < 0 || static_cast<size_t>(theme) >= themes) continue;
    std::vector<std::string> tokens = Tokenize(texts[i]);
    lexicon.Apply(tokens);
    auto& theme_counts = counts[static_cast<size_t>(theme)];
    const auto count = [&](const std::string& term) {
      theme_counts[term] += 1;
      total[term] += 1;
      words[static_cast<size_t>(theme)] += 1;
    };
    for (size_t t = 0; t < tokens.size(); ++t) {
      if (!Labelable(tokens[t])) continue;
      count(tokens[t]);
      if (t + 1 < tokens.size() && Labelable(tokens[t + 1])) count(tokens[t] + " " + tokens[t + 1]);
    }
  }
  double all_words = 0;
  for (double w : words) all_words += w;
  const double average = all_words / static_cast<double>(themes);

  for (size_t c = 0; c < themes; ++c) {
    std::vector<std::pair<std::string, double>> weighted;
    for (const auto& [term, tf] : counts[c]) {
      // A term seen once in a theme says little about it.
      if (tf < 2 && counts[c].size() > options.signature_terms) continue;
      weighted.emplace_back(term, tf * std::log(1 + average / total[term]));
    }
    std::sort(weighted.begin(), weighted.end(), [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    if (weighted.size() > options.signature_terms) weighted.resize(options.signature_terms);
    ThemeLabel& label = labels[c];
    label.signature = std::move(weighted);
    for (size_t t = 0; t < label.signature.size() && label.terms.size() < options.label_terms;
         ++t) {
      label.terms.push_back(label.signature[t].first);
    }
  }

  // Representatives: members nearest the centroid (ties by index).
  std::vector<std::vector<std::pair<double, size_t>>> members(themes);
  for (size_t i = 0; i < clustering.assignment.size() && i < points.rows; ++i) {
    const int32_t theme = clustering.assignment[i];
    if (theme < 0 || static_cast<size_t>(theme) >= themes ||
        clustering.centroids.dims != points.dims) {
      continue;
    }
    members[static_cast<size_t>(theme)].emplace_back(
        Cosine(points.Row(i), clustering.centroids.Row(static_cast<size_t>(theme)), points.dims),
        i);
  }
  for (size_t c = 0; c < themes; ++c) {
    auto& m = members[c];
    const size_t keep = std::min(options.representatives, m.size());
    std::partial_sort(m.begin(), m.begin() + static_cast<ptrdiff_t>(keep), m.end(),
                      [](const auto& a, const auto& b) {
                        return a.first != b.first ? a.first > b.first : a.second < b.second;
                      });
    for (size_t r = 0; r < keep; ++r) labels[c].representatives.push_back(m[r].second);
  }
  return labels;
}

}  // namespace docket::workflows::themes
