// Stable theme ids; see theme_ids.h.
#include "workflows/themes/theme_ids.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace docket::workflows::themes {
namespace {

// The number of an id of the form "t<digits>", or 0.
uint64_t IdNumber(const std::string& id) {
  if (id.size() < 2 || id.size() > 12 || id[0] != 't') return 0;
  uint64_t n = 0;
  for (size_t i = 1; i < id.size(); ++i) {
    if (id[i] < '0' || id[i] > '9') return 0;
    n = n * 10 + static_cast<uint64_t>(id[i] - '0');
  }
  return n;
}

}  // namespace

double SignatureSimilarity(const Signature& a, const Signature& b) {
  std::map<std::string_view, double> weights;
  double norm_a = 0, norm_b = 0, dot = 0;
  for (const auto& [term, w] : a) {
    weights[term] += w;
    norm_a += w * w;
  }
  for (const auto& [term, w] : b) {
    norm_b += w * w;
    if (auto it = weights.find(term); it != weights.end()) dot += it->second * w;
  }
  if (norm_a <= 0 || norm_b <= 0) return 0;
  return dot / (std::sqrt(norm_a) * std::sqrt(norm_b));
}

std::vector<ThemeIdMatch> AssignThemeIds(const std::vector<Signature>& current,
                                         const std::vector<PriorTheme>& prior,
                                         double min_similarity) {
  // Candidate pairs, best first: similarity desc, earlier id asc, new index asc.
  std::vector<std::tuple<double, size_t, size_t>> pairs;  // (similarity, prior, current)
  for (size_t p = 0; p < prior.size(); ++p) {
    for (size_t c = 0; c < current.size(); ++c) {
      const double s = SignatureSimilarity(current[c], prior[p].signature);
      if (s >= min_similarity && s > 0) pairs.emplace_back(s, p, c);
    }
  }
  std::sort(pairs.begin(), pairs.end(), [&](const auto& x, const auto& y) {
    if (std::get<0>(x) != std::get<0>(y)) return std::get<0>(x) > std::get<0>(y);
    if (prior[std::get<1>(x)].id != prior[std::get<1>(y)].id) {
      return prior[std::get<1>(x)].id < prior[std::get<1>(y)].id;
    }
    return std::get<2>(x) < std::get<2>(y);
  });
  std::vector<ThemeIdMatch> out(current.size());
  std::vector<bool> prior_used(prior.size(), false), current_done(current.size(), false);
  for (const auto& [similarity, p, c] : pairs) {
    if (prior_used[p] || current_done[c]) continue;
    prior_used[p] = current_done[c] = true;
    out[c] = {.id = prior[p].id, .similarity = similarity, .continued = true};
  }
  uint64_t next = 0;
  for (const PriorTheme& t : prior) next = std::max(next, IdNumber(t.id));
  for (size_t c = 0; c < current.size(); ++c) {
    if (!current_done[c]) out[c] = {.id = "t" + std::to_string(++next)};
  }
  return out;
}

}  // namespace docket::workflows::themes
