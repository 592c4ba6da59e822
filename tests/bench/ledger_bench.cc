// Ledger figures for issue #3 with 1 KiB incompressible entries, on one ledger of
// DOCKET_BENCH_LEDGER_ENTRIES entries (default 1,048,576) built once per process:
//   BM_DurableAppends     sustained durable appends (4 threads, 256 in flight each),
//                         with the slowest 64k-entry window as `min_window_per_s`;
//   BM_SubmitToDurable    latency from Append to acknowledgement at 5,000/s offered
//                         (p50/p99/max counters), on a fresh ledger;
//   BM_InclusionProof     proofs from the stored tiles, random leaves, cold cache
//                         object per proof (what a `docket ledger proof` call pays);
//   BM_VerifyLedger       full offline verification;
//   BM_OverheadPerEntry   bytes on disk beyond the payload after a full compaction.
// Benchmarks read the wall clock; nothing here feeds an artifact.
#include <benchmark/benchmark.h>
#include <rocksdb/db.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "engine/base/check.h"
#include "ledger/log/ledger_store.h"
#include "ledger/log/ledger_writer.h"
#include "ledger/log/verify_ledger.h"
#include "ledger/merkle.h"
#include "ledger/note_key.h"

namespace docket::ledger {
namespace {

using Clock = std::chrono::steady_clock;

constexpr size_t kEntryBytes = 1024;
constexpr int kThreads = 4;
constexpr int kWindow = 256;  // appends each thread keeps in flight
constexpr char kOrigin[] = "bench.docket/ledger";

int64_t LedgerEntries() {
  const char* env = std::getenv("DOCKET_BENCH_LEDGER_ENTRIES");
  return env != nullptr ? std::atoll(env) : int64_t{1} << 20;
}

const Signer& BenchSigner() {
  static const Signer signer = *Signer::FromSeed("bench", std::string(32, '\x07'));
  return signer;
}

std::filesystem::path FreshDir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("docket-ledger-bench-" + name);
  std::filesystem::remove_all(dir);
  return dir;
}

std::string RandomEntry(std::mt19937_64& rng) {
  std::string entry(kEntryBytes, '\0');
  for (size_t i = 0; i < kEntryBytes; i += 8) {
    const uint64_t v = rng();
    std::memcpy(entry.data() + i, &v, 8);
  }
  return entry;
}

// The shared ledger, with the fill's own figures.
struct SharedLedger {
  std::filesystem::path dir;
  std::unique_ptr<LedgerStore> store;
  int64_t entries = 0;
  double fill_seconds = 0;
  double min_window_per_s = 0;
};

SharedLedger& Shared() {
  static SharedLedger* shared = [] {
    auto* s = new SharedLedger;
    s->dir = FreshDir("shared");
    s->store = *LedgerStore::Open(s->dir.string());
    s->entries = LedgerEntries();
    auto writer = LedgerWriter::Start(s->store.get(), {.origin = kOrigin,
                                                      .signer = &BenchSigner(),
                                                      .queue_capacity = kThreads * kWindow * 2,
                                                      .max_batch = 1024});
    DOCKET_CHECK(writer.ok());
    constexpr int64_t kReportEvery = 65536;
    std::atomic<int64_t> done{0};
    std::mutex mu;
    std::vector<Clock::time_point> marks;  // when each kReportEvery-th ack arrived
    const Clock::time_point start = Clock::now();
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&, t] {
        std::mt19937_64 rng(t);
        std::vector<std::future<StatusOr<uint64_t>>> window;
        auto drain = [&] {
          for (auto& f : window) {
            DOCKET_CHECK(f.get().ok());
            if (++done % kReportEvery == 0) {
              std::lock_guard<std::mutex> lock(mu);
              marks.push_back(Clock::now());
            }
          }
          window.clear();
        };
        for (int64_t i = t; i < s->entries; i += kThreads) {
          window.push_back((*writer)->Append(RandomEntry(rng)));
          if (window.size() == kWindow) drain();
        }
        drain();
      });
    }
    for (auto& th : threads) th.join();
    (*writer)->Close();
    s->fill_seconds = std::chrono::duration<double>(Clock::now() - start).count();
    // The read benchmarks run on a reopened store, as `docket ledger verify|proof` do.
    writer->reset();
    s->store.reset();
    s->store = *LedgerStore::Open(s->dir.string());
    std::sort(marks.begin(), marks.end());
    s->min_window_per_s = 1e18;
    Clock::time_point prev = start;
    for (const auto& m : marks) {
      const double secs = std::chrono::duration<double>(m - prev).count();
      s->min_window_per_s = std::min(s->min_window_per_s, kReportEvery / secs);
      prev = m;
    }
    return s;
  }();
  return *shared;
}

void BM_DurableAppends(benchmark::State& state) {
  for (auto _ : state) {
    SharedLedger& s = Shared();
    state.SetIterationTime(s.fill_seconds);
    state.counters["entries"] = static_cast<double>(s.entries);
    state.counters["per_s"] = s.entries / s.fill_seconds;
    state.counters["min_window_per_s"] = s.min_window_per_s;
  }
}
BENCHMARK(BM_DurableAppends)->Unit(benchmark::kSecond)->UseManualTime()->Iterations(1);

void BM_SubmitToDurable(benchmark::State& state) {
  const int64_t rate = state.range(0);
  const int64_t total = rate * 10;  // ten seconds offered
  for (auto _ : state) {
    const auto dir = FreshDir("latency");
    auto store = *LedgerStore::Open(dir.string());
    auto writer = *LedgerWriter::Start(store.get(), {.origin = kOrigin, .signer = &BenchSigner()});
    std::vector<Clock::time_point> submitted(total);
    std::vector<double> latency_us(total);
    std::vector<std::future<StatusOr<uint64_t>>> futures(total);
    std::atomic<int64_t> issued{0};
    std::thread collector([&] {
      for (int64_t i = 0; i < total; ++i) {
        while (issued.load(std::memory_order_acquire) <= i) std::this_thread::yield();
        DOCKET_CHECK(futures[i].get().ok());
        latency_us[i] =
            std::chrono::duration<double, std::micro>(Clock::now() - submitted[i]).count();
      }
    });
    std::mt19937_64 rng(1);
    const Clock::time_point start = Clock::now();
    for (int64_t i = 0; i < total; ++i) {
      std::this_thread::sleep_until(start + std::chrono::microseconds(i * 1'000'000 / rate));
      std::string entry = RandomEntry(rng);
      submitted[i] = Clock::now();
      futures[i] = writer->Append(std::move(entry));
      issued.store(i + 1, std::memory_order_release);
    }
    collector.join();
    writer->Close();
    std::sort(latency_us.begin(), latency_us.end());
    state.counters["p50_us"] = latency_us[total / 2];
    state.counters["p99_us"] = latency_us[total * 99 / 100];
    state.counters["max_us"] = latency_us.back();
    writer.reset();
    store.reset();
    std::filesystem::remove_all(dir);
  }
}
BENCHMARK(BM_SubmitToDurable)->Arg(5000)->Unit(benchmark::kSecond)->UseRealTime()->Iterations(1);

void BM_InclusionProof(benchmark::State& state) {
  SharedLedger& s = Shared();
  const uint64_t size = static_cast<uint64_t>(s.entries);
  std::mt19937_64 rng(3);
  for (auto _ : state) {
    const CachedTileSource source(*s.store);
    benchmark::DoNotOptimize(*InclusionProof(source, rng() % size, size));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_InclusionProof)->Unit(benchmark::kMicrosecond);

void BM_ConsistencyProof(benchmark::State& state) {
  SharedLedger& s = Shared();
  const uint64_t size = static_cast<uint64_t>(s.entries);
  std::mt19937_64 rng(4);
  for (auto _ : state) {
    const CachedTileSource source(*s.store);
    benchmark::DoNotOptimize(*ConsistencyProof(source, 1 + rng() % (size - 1), size));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ConsistencyProof)->Unit(benchmark::kMicrosecond);

void BM_VerifyLedger(benchmark::State& state) {
  SharedLedger& s = Shared();
  for (auto _ : state) {
    auto verified = VerifyLedger(*s.store, {BenchSigner().verifier()}, kOrigin);
    DOCKET_CHECK(verified.ok());
  }
  state.SetItemsProcessed(state.iterations() * s.entries);
}
BENCHMARK(BM_VerifyLedger)->Unit(benchmark::kSecond)->UseRealTime()->Iterations(1);

// Closes the shared ledger, compacts every family fully and counts the bytes of the
// database files beyond n * 1 KiB of payload. Must run last.
void BM_OverheadPerEntry(benchmark::State& state) {
  SharedLedger& s = Shared();
  for (auto _ : state) {
    s.store.reset();
    std::vector<std::string> names;
    DOCKET_CHECK(rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), s.dir.string(), &names).ok());
    std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
    for (const auto& name : names) descriptors.emplace_back(name, rocksdb::ColumnFamilyOptions());
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    rocksdb::DB* db = nullptr;
    DOCKET_CHECK(rocksdb::DB::Open(rocksdb::DBOptions(), s.dir.string(), descriptors, &handles, &db).ok());
    for (auto* h : handles) {
      DOCKET_CHECK(db->Flush(rocksdb::FlushOptions(), h).ok());
      DOCKET_CHECK(db->CompactRange(rocksdb::CompactRangeOptions(), h, nullptr, nullptr).ok());
    }
    for (auto* h : handles) DOCKET_CHECK(db->DestroyColumnFamilyHandle(h).ok());
    DOCKET_CHECK(db->Close().ok());
    delete db;
    uint64_t bytes = 0;
    for (const auto& f : std::filesystem::directory_iterator(s.dir)) {
      const std::string ext = f.path().extension().string();
      if (ext == ".sst" || ext == ".log") bytes += f.file_size();
    }
    const double payload = static_cast<double>(s.entries) * kEntryBytes;
    state.counters["db_bytes_per_entry"] = bytes / static_cast<double>(s.entries);
    state.counters["overhead_bytes_per_entry"] = (bytes - payload) / s.entries;
  }
  std::filesystem::remove_all(s.dir);
}
BENCHMARK(BM_OverheadPerEntry)->Iterations(1);

}  // namespace
}  // namespace docket::ledger
