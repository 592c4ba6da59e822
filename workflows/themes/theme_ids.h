// Theme ids that survive reruns: a theme found again keeps the id it had in an earlier
// run, so trends, tickets and approvals can follow it. Themes are compared by their
// label signatures (c-TF-IDF term weights, labels.h), which mean the same in every run;
// embeddings do not (each run fits its own LSA). Matching is greedy by decreasing
// cosine similarity of the signatures (ties: earlier id, then lower new index), one
// earlier theme per new theme, at least `min_similarity`; a new theme left over gets a
// fresh id "t<n>", numbered after the largest "t<n>" seen before. Pure; thread-safe.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace docket::workflows::themes {

using Signature = std::vector<std::pair<std::string, double>>;

struct PriorTheme {
  std::string id;
  Signature signature;
};

struct ThemeIdMatch {
  std::string id;
  double similarity = 0;  // to the earlier theme it continues; 0 for a new id
  bool continued = false;
};

// Cosine similarity of two signatures (terms compared exactly).
double SignatureSimilarity(const Signature& a, const Signature& b);

// One id per entry of `current`, in order.
std::vector<ThemeIdMatch> AssignThemeIds(const std::vector<Signature>& current,
                                         const std::vector<PriorTheme>& prior,
                                         double min_similarity);

}  // namespace docket::workflows::themes
