// Near-duplicate detection speed for issue #5, on the labelled evaluation set's short
// feedback texts (tests/golden/near_duplicates/near_duplicates.jsonl, 224 bytes and ~550
// shingles on average).
// Stages, per short text (docs/s per core), each reusing its buffers as FindDuplicates does:
//   BM_Tokenize             FoldTokens: the one token walk the shingles start from
//   BM_Shingle              Shingler::Hashes (token walk + XXH3 of every shingle)
//   BM_ShingleSet           Shingler::Set: shingles sorted and deduplicated (exact checks)
//   BM_Sign/<scheme>        signing precomputed shingles, one permutation vs K
//                           multiply-shift hashes (K = 128): the scheme choice in minhash.h
//   BM_ExactKeys            ExactDuplicateKey of every text (stage 1 of FindDuplicates)
//   BM_Candidates           CandidatePairs (LSH banding) over the set's signatures
// Pipelines:
//   BM_MinHashLsh           FindDuplicates over the whole set, one thread: docs/s per core
//                           for shingles + signatures + LSH + verification + union-find
//   BM_Group100k/<threads>  FindDuplicates over 100k texts (the set's sentences recombined
//                           into distinct texts, every tenth text a one-word edit of an
//                           earlier one)
//   BM_Sample2k/<method>    a 2,000-text sample: FindDuplicates vs the naive baseline, exact
//                           Jaccard of every pair of shingle sets (2M pairs); the ratio of
//                           their times is the speed-up
// Benchmarks read the wall clock; nothing here feeds an artifact.
#include <benchmark/benchmark.h>

#include <random>
#include <span>
#include <string>
#include <vector>

#include "tests/golden/near_duplicates/near_dup_set.h"
#include "workflows/themes/minhash.h"
#include "workflows/themes/near_duplicates.h"
#include "workflows/themes/tokens.h"

namespace docket::workflows::themes {
namespace {

const std::vector<std::string>& ShortTexts() {
  static const std::vector<std::string> texts = [] {
    std::string error;
    auto set = golden::near_duplicates::ReadNearDuplicateSet(
        std::string(DOCKET_SOURCE_DIR) + "/tests/golden/near_duplicates/near_duplicates.jsonl",
        error);
    std::vector<std::string> out;
    if (set) {
      for (auto& t : *set) out.push_back(std::move(t.text));
    }
    return out;
  }();
  return texts;
}

std::vector<std::string_view> Views(const std::vector<std::string>& texts) {
  return {texts.begin(), texts.end()};
}

// Sentences of the set, recombined: two or three random sentences per text.
std::vector<std::string> RecombinedTexts(size_t n) {
  std::vector<std::string> sentences;
  for (const std::string& t : ShortTexts()) {
    size_t begin = 0;
    for (size_t end = t.find_first_of(".!\n"); end != std::string::npos;
         end = t.find_first_of(".!\n", begin)) {
      if (end > begin + 10) sentences.push_back(t.substr(begin, end + 1 - begin));
      begin = end + 1;
    }
  }
  std::mt19937_64 rng(5);  // fixed: the same corpus every run
  std::vector<std::string> out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    if (i % 10 == 9) {  // a near-duplicate of an earlier text: one word replaced
      std::string t = out[rng() % out.size()];
      const size_t space = t.find(' ', t.size() / 2);
      if (space != std::string::npos) t.insert(space, " really");
      out.push_back(std::move(t));
      continue;
    }
    std::string t;
    const size_t parts = 2 + rng() % 2;
    for (size_t p = 0; p < parts; ++p) t += sentences[rng() % sentences.size()];
    out.push_back(std::move(t));
  }
  return out;
}

void BM_Shingle(benchmark::State& state) {
  const auto& texts = ShortTexts();
  Shingler shingler{ShingleOptions{}};
  std::vector<uint64_t> shingles;
  size_t i = 0;
  for (auto _ : state) {
    shingler.Hashes(texts[i++ % texts.size()], shingles);
    benchmark::DoNotOptimize(shingles.data());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Shingle);

void BM_Tokenize(benchmark::State& state) {
  const auto& texts = ShortTexts();
  FoldedTokens walked;
  size_t i = 0;
  for (auto _ : state) {
    FoldTokens(texts[i++ % texts.size()], walked);
    benchmark::DoNotOptimize(walked.folded.data());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Tokenize);

void BM_ShingleSet(benchmark::State& state) {
  const auto& texts = ShortTexts();
  Shingler shingler{ShingleOptions{}};
  std::vector<uint64_t> set;
  size_t i = 0;
  for (auto _ : state) {
    shingler.Set(texts[i++ % texts.size()], set);
    benchmark::DoNotOptimize(set.data());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ShingleSet);

void BM_ExactKeys(benchmark::State& state) {
  const auto& texts = ShortTexts();
  size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(ExactDuplicateKey(texts[i++ % texts.size()]));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ExactKeys);

void BM_Candidates(benchmark::State& state) {
  const auto& texts = ShortTexts();
  const NearDuplicateOptions options;
  const MinHasher hasher(options.num_hashes, options.scheme, options.seed);
  const size_t k = static_cast<size_t>(options.num_hashes);
  std::vector<uint32_t> signatures(texts.size() * k);
  std::vector<uint64_t> shingles;
  for (size_t t = 0; t < texts.size(); ++t) {
    ShingleHashes(texts[t], options.shingles, shingles);
    hasher.Sign(shingles, std::span(signatures).subspan(t * k, k));
  }
  std::vector<uint32_t> members(texts.size());
  for (size_t t = 0; t < members.size(); ++t) members[t] = static_cast<uint32_t>(t);
  const LshBanding banding = ChooseBanding(options.num_hashes, options.threshold);
  size_t pairs = 0;
  for (auto _ : state) {
    pairs = CandidatePairs(signatures, options.num_hashes, members, banding).size();
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(texts.size()));
  state.counters["candidates"] = static_cast<double>(pairs);
}
BENCHMARK(BM_Candidates)->Unit(benchmark::kMillisecond);

void BM_Sign(benchmark::State& state) {
  const auto scheme = static_cast<MinHashScheme>(state.range(0));
  const auto& texts = ShortTexts();
  std::vector<std::vector<uint64_t>> shingles(texts.size());
  for (size_t t = 0; t < texts.size(); ++t) ShingleHashes(texts[t], ShingleOptions{}, shingles[t]);
  const MinHasher hasher(128, scheme, 1);
  std::vector<uint32_t> signature(128);
  size_t i = 0;
  for (auto _ : state) {
    hasher.Sign(shingles[i++ % shingles.size()], signature);
    benchmark::DoNotOptimize(signature.data());
  }
  state.SetItemsProcessed(state.iterations());
  state.SetLabel(scheme == MinHashScheme::kOnePermutation ? "one-permutation" : "multiply-shift");
}
BENCHMARK(BM_Sign)
    ->Arg(static_cast<int>(MinHashScheme::kOnePermutation))
    ->Arg(static_cast<int>(MinHashScheme::kMultiplyShift));

void BM_MinHashLsh(benchmark::State& state) {
  const std::vector<std::string_view> views = Views(ShortTexts());
  for (auto _ : state) benchmark::DoNotOptimize(FindDuplicates(views, NearDuplicateOptions{}));
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(views.size()));
}
BENCHMARK(BM_MinHashLsh)->Unit(benchmark::kMillisecond);

void BM_Group100k(benchmark::State& state) {
  static const std::vector<std::string> texts = RecombinedTexts(100'000);
  const std::vector<std::string_view> views = Views(texts);
  NearDuplicateOptions options;
  options.threads = static_cast<int>(state.range(0));
  DuplicateReport report;
  for (auto _ : state) report = FindDuplicates(views, options);
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(views.size()));
  state.counters["near"] = static_cast<double>(report.near_duplicates);
  state.counters["exact"] = static_cast<double>(report.exact_duplicates);
  state.counters["candidates"] = static_cast<double>(report.candidate_pairs);
}
BENCHMARK(BM_Group100k)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_Sample2k(benchmark::State& state) {
  static const std::vector<std::string> texts = RecombinedTexts(2'000);
  const std::vector<std::string_view> views = Views(texts);
  const NearDuplicateOptions options;
  const bool naive = state.range(0) == 1;
  uint64_t found = 0;
  for (auto _ : state) {
    if (!naive) {
      found = FindDuplicates(views, options).near_duplicates;
      continue;
    }
    std::vector<std::vector<uint64_t>> sets;
    sets.reserve(views.size());
    for (std::string_view v : views) sets.push_back(ShingleSet(v, options.shingles));
    found = 0;
    for (size_t a = 0; a < sets.size(); ++a) {
      for (size_t b = a + 1; b < sets.size(); ++b) {
        found += ExactJaccard(sets[a], sets[b]) >= options.threshold ? 1 : 0;
      }
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(views.size()));
  state.counters["found"] = static_cast<double>(found);
  state.SetLabel(naive ? "naive exact pairwise Jaccard" : "MinHash + LSH");
}
BENCHMARK(BM_Sample2k)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace docket::workflows::themes
