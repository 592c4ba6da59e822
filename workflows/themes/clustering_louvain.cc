// LouvainCommunities: modularity optimization on the kNN graph; see clustering.h.
#include <algorithm>
#include <cstdint>
#include <tuple>
#include <utility>

#include "workflows/themes/clustering.h"

namespace docket::workflows::themes {
namespace {

// Symmetric weighted graph in compressed rows, without self loops (they do not change
// which move is best), plus each node's strength (weighted degree, self loops included).
struct Graph {
  size_t nodes = 0;
  std::vector<size_t> start;
  std::vector<uint32_t> to;
  std::vector<double> weight;
  std::vector<double> strength;
  double total = 0;  // sum of strengths (2m)
};

Graph FromEdges(size_t nodes, std::vector<std::tuple<uint32_t, uint32_t, double>> edges,
                std::vector<double> strength) {
  std::sort(edges.begin(), edges.end());
  Graph g;
  g.nodes = nodes;
  g.start.assign(nodes + 1, 0);
  uint32_t previous_a = UINT32_MAX;
  uint32_t previous_b = UINT32_MAX;
  for (const auto& [a, b, w] : edges) {
    if (a == previous_a && b == previous_b) {
      g.weight.back() += w;  // parallel edges are adjacent once sorted
      continue;
    }
    g.to.push_back(b);
    g.weight.push_back(w);
    ++g.start[a + 1];
    previous_a = a;
    previous_b = b;
  }
  for (size_t i = 1; i <= nodes; ++i) g.start[i] += g.start[i - 1];
  g.strength = std::move(strength);
  for (double s : g.strength) g.total += s;
  return g;
}

// The union of kNN edges, weighted by similarity (the larger of the two directions).
Graph KnnGraph(const Neighbours& neighbours, size_t nodes) {
  std::vector<std::tuple<uint32_t, uint32_t, double>> pairs;
  for (size_t i = 0; i < nodes; ++i) {
    for (size_t j = 0; j < neighbours.k; ++j) {
      const uint32_t other = neighbours.index[i * neighbours.k + j];
      const double w = neighbours.similarity[i * neighbours.k + j];
      if (other == UINT32_MAX || w <= 0) continue;
      pairs.emplace_back(std::min<uint32_t>(static_cast<uint32_t>(i), other),
                         std::max<uint32_t>(static_cast<uint32_t>(i), other), w);
    }
  }
  std::sort(pairs.begin(), pairs.end());
  std::vector<std::tuple<uint32_t, uint32_t, double>> edges;
  std::vector<double> strength(nodes, 0);
  for (size_t p = 0; p < pairs.size(); ++p) {
    const auto& [a, b, w] = pairs[p];
    if (p + 1 < pairs.size() && std::get<0>(pairs[p + 1]) == a && std::get<1>(pairs[p + 1]) == b) {
      continue;  // the later duplicate carries the larger weight (sorted ascending)
    }
    edges.emplace_back(a, b, w);
    edges.emplace_back(b, a, w);
    strength[a] += w;
    strength[b] += w;
  }
  return FromEdges(nodes, std::move(edges), std::move(strength));
}

// One level of local moving. Returns true when any node changed community.
bool MoveNodes(const Graph& g, double resolution, std::vector<uint32_t>& community) {
  std::vector<double> totals(g.nodes, 0);
  for (size_t i = 0; i < g.nodes; ++i) totals[community[i]] += g.strength[i];
  std::vector<double> link(g.nodes, 0);
  std::vector<uint32_t> touched;
  bool any_move = false;
  constexpr int kMaxSweeps = 100;
  for (int sweep = 0; sweep < kMaxSweeps; ++sweep) {
    bool moved = false;
    for (size_t i = 0; i < g.nodes; ++i) {
      const uint32_t current = community[i];
      touched.clear();
      for (size_t e = g.start[i]; e < g.start[i + 1]; ++e) {
        const uint32_t c = community[g.to[e]];
        if (link[c] == 0) touched.push_back(c);
        link[c] += g.weight[e];
      }
      const double k = g.strength[i];
      totals[current] -= k;
      const double scale = resolution * k / g.total;
      uint32_t best = current;
      double best_gain = link[current] - scale * totals[current];
      for (uint32_t c : touched) {
        const double gain = link[c] - scale * totals[c];
        if (gain > best_gain || (gain == best_gain && c < best)) {
          best = c;
          best_gain = gain;
        }
      }
      for (uint32_t c : touched) link[c] = 0;
      totals[best] += k;
      if (best != current) {
        community[i] = best;
        moved = true;
        any_move = true;
      }
    }
    if (!moved) break;
  }
  return any_move;
}

// Renumbers `community` densely in order of first appearance; returns the count.
size_t Renumber(std::vector<uint32_t>& community) {
  std::vector<uint32_t> id(community.size(), UINT32_MAX);
  uint32_t next = 0;
  for (uint32_t& c : community) {
    if (id[c] == UINT32_MAX) id[c] = next++;
    c = id[c];
  }
  return next;
}

Graph Aggregate(const Graph& g, const std::vector<uint32_t>& community, size_t count) {
  std::vector<std::tuple<uint32_t, uint32_t, double>> edges;
  std::vector<double> strength(count, 0);
  for (size_t i = 0; i < g.nodes; ++i) {
    strength[community[i]] += g.strength[i];
    for (size_t e = g.start[i]; e < g.start[i + 1]; ++e) {
      const uint32_t a = community[i];
      const uint32_t b = community[g.to[e]];
      if (a != b) edges.emplace_back(a, b, g.weight[e]);
    }
  }
  return FromEdges(count, std::move(edges), std::move(strength));
}

}  // namespace

std::vector<int32_t> LouvainCommunities(const Neighbours& neighbours, double resolution) {
  const size_t n = neighbours.k == 0 ? 0 : neighbours.index.size() / neighbours.k;
  std::vector<uint32_t> membership(n);
  for (size_t i = 0; i < n; ++i) membership[i] = static_cast<uint32_t>(i);
  Graph g = KnnGraph(neighbours, n);
  constexpr int kMaxLevels = 32;
  for (int level = 0; level < kMaxLevels && g.total > 0; ++level) {
    std::vector<uint32_t> community(g.nodes);
    for (size_t i = 0; i < g.nodes; ++i) community[i] = static_cast<uint32_t>(i);
    if (!MoveNodes(g, resolution, community)) break;
    const size_t count = Renumber(community);
    for (uint32_t& m : membership) m = community[m];
    g = Aggregate(g, community, count);
  }
  std::vector<uint32_t> dense = membership;
  Renumber(dense);
  return std::vector<int32_t>(dense.begin(), dense.end());
}

}  // namespace docket::workflows::themes
