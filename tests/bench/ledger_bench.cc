// Ledger write and verify throughput with 1 KiB entries: durable appends through the
// group-commit LedgerWriter (4 appender threads, each keeping a window of appends in
// flight), and a full VerifyLedger over what was written. A fresh ledger in a temp
// directory per run; the figures go to docs/benchmarks.md beside `db_bench`.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <future>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "engine/base/check.h"
#include "ledger/log/ledger_store.h"
#include "ledger/log/ledger_writer.h"
#include "ledger/log/verify_ledger.h"
#include "ledger/note_key.h"

namespace docket::ledger {
namespace {

constexpr size_t kEntryBytes = 1024;
constexpr int kThreads = 4;
constexpr int kWindow = 256;  // appends each thread keeps in flight

std::filesystem::path FreshDir() {
  std::random_device rd;
  auto dir = std::filesystem::temp_directory_path() / ("docket-ledger-bench-" + std::to_string(rd()));
  std::filesystem::remove_all(dir);
  return dir;
}

// Appends `total` entries from kThreads threads; returns the store for verification.
void AppendAll(LedgerStore* store, const Signer& signer, int64_t total) {
  auto writer = LedgerWriter::Start(store, {.origin = "bench.docket/ledger", .signer = &signer,
                                            .queue_capacity = kThreads * kWindow * 2,
                                            .max_batch = 1024});
  DOCKET_CHECK(writer.ok());
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      std::string entry(kEntryBytes, static_cast<char>('a' + t));
      std::vector<std::future<StatusOr<uint64_t>>> window;
      for (int64_t i = t; i < total; i += kThreads) {
        entry[0] = static_cast<char>(i);
        entry[1] = static_cast<char>(i >> 8);
        window.push_back((*writer)->Append(entry));
        if (window.size() == kWindow) {
          for (auto& f : window) DOCKET_CHECK(f.get().ok());
          window.clear();
        }
      }
      for (auto& f : window) DOCKET_CHECK(f.get().ok());
    });
  }
  for (auto& th : threads) th.join();
  (*writer)->Close();
}

void BM_DurableAppends(benchmark::State& state) {
  const int64_t total = state.range(0);
  auto signer = Signer::FromSeed("bench", std::string(32, '\x07'));
  DOCKET_CHECK(signer.ok());
  for (auto _ : state) {
    state.PauseTiming();
    const auto dir = FreshDir();
    auto store = LedgerStore::Open(dir.string());
    DOCKET_CHECK(store.ok());
    state.ResumeTiming();
    AppendAll(store->get(), *signer, total);
    state.PauseTiming();
    store->reset();
    std::filesystem::remove_all(dir);
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * total);
  state.SetBytesProcessed(state.iterations() * total * static_cast<int64_t>(kEntryBytes));
}
BENCHMARK(BM_DurableAppends)->Arg(20'000)->Arg(100'000)->Unit(benchmark::kMillisecond)
    ->UseRealTime()->Iterations(1);

void BM_VerifyLedger(benchmark::State& state) {
  const int64_t total = state.range(0);
  auto signer = Signer::FromSeed("bench", std::string(32, '\x07'));
  DOCKET_CHECK(signer.ok());
  const auto dir = FreshDir();
  auto store = LedgerStore::Open(dir.string());
  DOCKET_CHECK(store.ok());
  AppendAll(store->get(), *signer, total);
  for (auto _ : state) {
    auto verified = VerifyLedger(**store, {signer->verifier()}, "bench.docket/ledger");
    DOCKET_CHECK(verified.ok());
  }
  state.SetItemsProcessed(state.iterations() * total);
  store->reset();
  std::filesystem::remove_all(dir);
}
BENCHMARK(BM_VerifyLedger)->Arg(100'000)->Unit(benchmark::kMillisecond)->UseRealTime()
    ->Iterations(1);

}  // namespace
}  // namespace docket::ledger
