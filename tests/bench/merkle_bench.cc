// Merkle tree costs over an in-memory leaf source: the tree head of n leaves, appending
// to the incremental accumulator, generating inclusion and consistency proofs (O(n) until
// interior nodes are stored, see ledger/merkle.h) and verifying them (O(log n)).
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "engine/base/check.h"
#include "ledger/merkle.h"

namespace docket::ledger {
namespace {

VectorLeafHashSource MakeSource(uint64_t n) {
  std::vector<Hash> leaves;
  leaves.reserve(n);
  for (uint64_t i = 0; i < n; ++i) leaves.push_back(LeafHash("entry " + std::to_string(i)));
  return VectorLeafHashSource(std::move(leaves));
}

void BM_RootHash(benchmark::State& state) {
  const uint64_t n = state.range(0);
  const VectorLeafHashSource source = MakeSource(n);
  for (auto _ : state) benchmark::DoNotOptimize(*RootHash(source, n));
  state.SetItemsProcessed(state.iterations() * n);  // leaves per second
}
BENCHMARK(BM_RootHash)->Arg(1 << 10)->Arg(1 << 20)->Unit(benchmark::kMillisecond);

void BM_AccumulatorAppend(benchmark::State& state) {
  const Hash leaf = LeafHash("entry");
  MerkleAccumulator acc;
  for (auto _ : state) acc.Append(leaf);
  benchmark::DoNotOptimize(acc.Root());
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_AccumulatorAppend);

void BM_InclusionProof(benchmark::State& state) {
  const uint64_t n = state.range(0);
  const VectorLeafHashSource source = MakeSource(n);
  uint64_t index = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(*InclusionProof(source, index, n));
    index = (index + 7919) % n;
  }
}
BENCHMARK(BM_InclusionProof)->Arg(1 << 10)->Arg(1 << 20)->Unit(benchmark::kMillisecond);

void BM_VerifyInclusion(benchmark::State& state) {
  const uint64_t n = state.range(0);
  const VectorLeafHashSource source = MakeSource(n);
  const uint64_t index = n / 3;
  const Hash root = *RootHash(source, n);
  const std::vector<Hash> proof = *InclusionProof(source, index, n);
  const Hash leaf = *source.LeafHashAt(index);
  for (auto _ : state) {
    DOCKET_CHECK(VerifyInclusion(leaf, index, n, proof, root).ok());
  }
}
BENCHMARK(BM_VerifyInclusion)->Arg(1 << 10)->Arg(1 << 20);

void BM_VerifyConsistency(benchmark::State& state) {
  const uint64_t n = state.range(0);
  const uint64_t old_size = n / 3;
  const VectorLeafHashSource source = MakeSource(n);
  const Hash old_root = *RootHash(source, old_size);
  const Hash new_root = *RootHash(source, n);
  const std::vector<Hash> proof = *ConsistencyProof(source, old_size, n);
  for (auto _ : state) {
    DOCKET_CHECK(VerifyConsistency(old_size, n, old_root, new_root, proof).ok());
  }
}
BENCHMARK(BM_VerifyConsistency)->Arg(1 << 10)->Arg(1 << 20);

}  // namespace
}  // namespace docket::ledger
