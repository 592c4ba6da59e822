// Theme pipeline throughput on generated short feedback (no external data): term
// weights, LSA, clustering, and the whole ClusterTexts, for N texts drawn from 40
// seeded topics. Figures and the 100k BANKING77-based run: docs/benchmarks.md,
// "Themes quality (issue #5)".
#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>
#include <vector>

#include "workflows/themes/clustering.h"
#include "workflows/themes/lsa.h"
#include "workflows/themes/term_weights.h"

namespace docket::workflows::themes {
namespace {

uint64_t Next(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// Texts of 6-14 words: half from the topic's 12 words, half from shared filler.
std::vector<std::string> GeneratedTexts(size_t count) {
  static const char* const kFiller[] = {"i", "my", "the", "please", "why", "is", "it", "not",
                                        "again", "today", "app", "help", "can", "you", "still"};
  uint64_t state = 2024;
  std::vector<std::string> texts;
  texts.reserve(count);
  for (size_t i = 0; i < count; ++i) {
    const uint64_t topic = Next(state) % 40;
    const size_t words = 6 + Next(state) % 9;
    std::string text;
    for (size_t w = 0; w < words; ++w) {
      if (!text.empty()) text += ' ';
      if (Next(state) % 2 == 0) {
        text += "t" + std::to_string(topic) + "w" + std::to_string(Next(state) % 12);
      } else {
        text += kFiller[Next(state) % 15];
      }
    }
    texts.push_back(std::move(text));
  }
  return texts;
}

void BM_WeighTerms(benchmark::State& state) {
  const std::vector<std::string> texts = GeneratedTexts(static_cast<size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(WeighTerms(texts, {}, Lexicon()));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_WeighTerms)->Arg(10000)->Unit(benchmark::kMillisecond);

void BM_ReduceLsa(benchmark::State& state) {
  const TermMatrix m = WeighTerms(GeneratedTexts(static_cast<size_t>(state.range(0))), {},
                                  Lexicon());
  for (auto _ : state) benchmark::DoNotOptimize(ReduceLsa(m.weights, {.seed = 1}));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_ReduceLsa)->Arg(10000)->Unit(benchmark::kMillisecond);

void BM_ClusterPoints(benchmark::State& state) {
  const TermMatrix m = WeighTerms(GeneratedTexts(static_cast<size_t>(state.range(0))), {},
                                  Lexicon());
  const LsaResult lsa = ReduceLsa(m.weights, {.seed = 1});
  ClusteringOptions options;
  options.threads = static_cast<int>(state.range(1));
  for (auto _ : state) benchmark::DoNotOptimize(ClusterPoints(lsa.points, options));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_ClusterPoints)->Args({10000, 1})->Args({10000, 2})->Unit(benchmark::kMillisecond);

void BM_ClusterTexts(benchmark::State& state) {
  const std::vector<std::string> texts = GeneratedTexts(static_cast<size_t>(state.range(0)));
  ThemeModelOptions options;
  options.clustering.threads = 2;
  for (auto _ : state) benchmark::DoNotOptimize(ClusterTexts(texts, Lexicon(), options, 7));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_ClusterTexts)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
}  // namespace docket::workflows::themes
