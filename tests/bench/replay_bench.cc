// replay_bench: point and bulk what-if replay (issue #8 targets: a gate-level point
// replay in <= 10 ms p99 warm on a 1M-entry ledger; bulk what-if over 10,000 recorded
// decisions at >= 1,000 decisions/s on 2 cores).
//
// The ledger is built once per process in a temp dir: 10,000 recorded gate runs (each
// RUN_STARTED, the trends STEP_RESULT with its evidence blob, the gate STEP_RESULT with
// its decision blob, DECISION; every evidence distinct: 20 areas x 3 severities with
// seeded counts) spread among filler entries up to 1,000,000 entries, checkpointed.
//   BM_PointWhatIf       one decision: load the gate record, prove its 4 entries against
//                        the signed checkpoint (opened once: warm), re-evaluate under a
//                        changed policy, diff. Counters p50_ms / p99_ms over the run.
//   BM_BulkWhatIf/T      all 10,000 decisions as `docket replay --since … --policy
//                        --threads T` does: re-evaluated on T workers, each diff appended
//                        to a simulation ledger in decision order, checkpoint at the end.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "adapters/ledger/ledger_home.h"
#include "adapters/sinks/run_entries.h"
#include "engine/base/sha256.h"
#include "engine/base/time_format.h"
#include "engine/json_exact.h"
#include "ledger/proto/entry.pb.h"
#include "policies/decision_json.h"
#include "policies/evaluator.h"
#include "policies/evidence_json.h"
#include "policies/policy_parser.h"
#include "replay/entry_proofs.h"
#include "replay/gate_what_if.h"
#include "replay/recorded_run.h"

namespace docket::replay {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
using ledger::LedgerEntry;

constexpr int kDecisions = 10'000;
constexpr uint64_t kEntries = 1'000'000;
constexpr char kTime[] = "2026-11-20T00:00:00Z";

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

policies::Policy LoadPolicy(std::string_view from, std::string_view to) {
  std::string text = ReadText(std::string(DOCKET_SOURCE_DIR) + "/policies/mobile_app.yaml");
  if (!from.empty()) text.replace(text.find(from), from.size(), to);
  StatusOr<policies::Policy> p = policies::ParsePolicy("mobile_app.yaml", text);
  if (!p.ok()) std::abort();
  return *p;
}

std::string EvidenceJson(std::mt19937_64& rng) {
  std::poisson_distribution<int> count(30);
  policies::Evidence e;
  for (int a = 0; a < 20; ++a) {
    for (const char* s : {"high", "low", "medium"}) {
      const double observed = count(rng), baseline = count(rng) * 7.0;
      policies::EvidenceInstance i{.key = "area" + std::to_string(a) + "/" + s};
      i.metrics = {{"observed", policies::expr::Value::Number(observed)},
                   {"baseline", policies::expr::Value::Number(baseline)},
                   {"expected", policies::expr::Value::Number(baseline / 7)},
                   {"rate_ratio", policies::expr::Value::Number(7 * observed / (baseline + 1))},
                   {"q", policies::expr::Value::Number(observed > 40 ? 0.001 : 0.5)}};
      e.dimensions["area_severity"].push_back(i);
      if (std::string(s) == "high") {
        i.key = "area" + std::to_string(a);
        e.dimensions["feature_area"].push_back(i);
      }
    }
  }
  std::sort(e.dimensions["area_severity"].begin(), e.dimensions["area_severity"].end(),
            [](const auto& x, const auto& y) { return x.key < y.key; });
  std::sort(e.dimensions["feature_area"].begin(), e.dimensions["feature_area"].end(),
            [](const auto& x, const auto& y) { return x.key < y.key; });
  e.dimensions["severity"] = {{"high", {{"observed", policies::expr::Value::Number(9)}}}};
  e.globals["signals.regression.failed"] = policies::expr::Value::Number(0);
  e.globals["signals.regression.errors"] = policies::expr::Value::Number(0);
  e.globals["signals.regression.skipped"] = policies::expr::Value::Number(0);
  e.globals["signals.regression.tests"] = policies::expr::Value::Number(100);
  e.records_current = 5000;
  return json::serialize(policies::EvidenceToJson(e));
}

void Append(adapters::LedgerHome& home, const LedgerEntry& e) {
  for (;;) {
    auto f = home.writer()->Append(adapters::EntryBytes(e), adapters::IndexTermsOf(e));
    if (f.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
      StatusOr<uint64_t> r = f.get();
      if (r.ok()) return;
      if (r.status().code() != StatusCode::kResourceExhausted) std::abort();
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
      continue;
    }
    return;  // pending: durable with its batch
  }
}

LedgerEntry Entry(LedgerEntry::Type type, const std::string& run) {
  LedgerEntry e;
  e.set_type(type);
  e.set_run_id(run);
  e.set_logical_time(kTime);
  return e;
}

void AddOutput(adapters::LedgerHome& home, LedgerEntry& e, const std::string& port,
               const std::string& kind, const std::string& bytes) {
  const ledger::BlobRef ref = *home.vault()->Put(bytes);
  (*e.mutable_attributes())["output." + port + ".kind"] = kind;
  (*e.mutable_attributes())["output." + port + ".digest"] = "sha256:" + Sha256(bytes).Hex();
  *e.add_blobs() = adapters::MakeBlob("output:" + port, ref, "application/json");
}

struct Fixture {
  fs::path dir;
  std::unique_ptr<adapters::LedgerHome> home;
  std::vector<std::string> decisions;
  ledger::Checkpoint checkpoint;
};

Fixture& Ledger() {
  static Fixture* f = [] {
    auto* fx = new Fixture;
    fx->dir = fs::temp_directory_path() / ("docket-replay-bench-" + std::to_string(getpid()));
    fx->home = *adapters::LedgerHome::OpenForWriting(fx->dir);
    const policies::Policy policy = LoadPolicy("", "");
    std::mt19937_64 rng(42);
    const uint64_t filler_per_run = kEntries / kDecisions - 4;
    for (int d = 0; d < kDecisions; ++d) {
      char hex[17];
      std::snprintf(hex, sizeof hex, "%016x", d);
      const std::string run = std::string("run-") + hex;
      const std::string evidence = EvidenceJson(rng);
      const policies::Decision decided =
          policies::Evaluate(policy, *policies::ParseEvidenceJson("e", evidence),
                             *ParseRfc3339(kTime));
      const std::string decision = json::serialize(policies::DecisionToJson(policy, decided));
      Append(*fx->home, Entry(LedgerEntry::RUN_STARTED, run));
      LedgerEntry trends = Entry(LedgerEntry::STEP_RESULT, run);
      trends.set_step_id("trends");
      AddOutput(*fx->home, trends, "evidence", "gate.evidence", evidence);
      Append(*fx->home, trends);
      LedgerEntry gate = Entry(LedgerEntry::STEP_RESULT, run);
      gate.set_step_id("gate");
      AddOutput(*fx->home, gate, "decision", "gate.decision", decision);
      Append(*fx->home, gate);
      LedgerEntry dec = Entry(LedgerEntry::DECISION, run);
      dec.set_decision_id(std::string("dec-") + hex);
      (*dec.mutable_attributes())["release"] = "rc-" + std::to_string(d % 50);
      Append(*fx->home, dec);
      fx->decisions.push_back(dec.decision_id());
      for (uint64_t i = 0; i < filler_per_run; ++i) {
        Append(*fx->home, Entry(LedgerEntry::SCHEDULE_TICK, "tick-" + std::to_string(d)));
      }
    }
    const uint64_t size = *fx->home->writer()->RequestCheckpoint().get();
    fx->checkpoint = *OpenLatestCheckpoint(fx->home->store(), {*fx->home->DirVerifier()},
                                           fx->home->origin());
    std::fprintf(stderr, "replay_bench: ledger of %llu entries, %d decisions\n",
                 static_cast<unsigned long long>(size), kDecisions);
    return fx;
  }();
  return *f;
}

// One gate-level what-if, as `docket replay DECISION --policy` does it (minus printing).
DecisionDiff PointWhatIf(const Fixture& fx, const std::string& decision,
                         const policies::Policy& policy) {
  const std::string run = *RunIdOfDecision(decision);
  const RecordedGate gate = *LoadRecordedGate(fx.home->store(), *fx.home->vault(), run);
  if (!CheckIncluded(fx.home->store(), gate.entry_indices, fx.checkpoint).ok()) std::abort();
  const json::object after = *ReevaluateGate(policy, gate);
  const json::value before = *engine::ParseJsonExact(gate.decision_json, 64);
  return DiffDecisions(before.get_object(), after);
}

void BM_PointWhatIf(benchmark::State& state) {
  Fixture& fx = Ledger();
  const policies::Policy policy = LoadPolicy("rate_ratio >= 2 and q < 0.01", "rate_ratio >= 3 and q < 0.01");
  std::mt19937_64 rng(1);
  std::vector<double> ms;
  for (auto _ : state) {
    const std::string& d = fx.decisions[rng() % fx.decisions.size()];
    const auto start = std::chrono::steady_clock::now();
    benchmark::DoNotOptimize(PointWhatIf(fx, d, policy));
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(ms.begin(), ms.end());
  state.counters["p50_ms"] = ms[ms.size() / 2];
  state.counters["p99_ms"] = ms[std::min(ms.size() - 1, ms.size() * 99 / 100)];
  state.counters["ledger_entries"] = static_cast<double>(fx.checkpoint.size);
}
BENCHMARK(BM_PointWhatIf)->Unit(benchmark::kMillisecond)->Iterations(2000);

// As `docket replay --since … --policy … --threads N`: re-evaluation on N workers, then
// every diff appended to a fresh simulation ledger in decision order, checkpoint signed.
void BM_BulkWhatIf(benchmark::State& state) {
  Fixture& fx = Ledger();
  const policies::Policy policy = LoadPolicy("rate_ratio >= 2 and q < 0.01", "rate_ratio >= 3 and q < 0.01");
  int changed = 0;
  for (auto _ : state) {
    const fs::path sim_dir = fx.dir.string() + "-sim";
    fs::remove_all(sim_dir);
    std::unique_ptr<adapters::LedgerHome> sim = *adapters::LedgerHome::OpenForWriting(sim_dir);
    const std::vector<WhatIfResult> all =
        *ReevaluateDecisions(fx.home->store(), *fx.home->vault(), fx.checkpoint, policy,
                             fx.decisions, static_cast<int>(state.range(0)));
    changed = 0;
    for (const WhatIfResult& w : all) {
      changed += w.diff.changed();
      const ledger::BlobRef blob = *sim->vault()->Put(json::serialize(DiffToJson(w.diff)));
      const adapters::RunFacts facts{.run_id = w.run_id, .decision_id = w.decision_id,
                                     .logical_time = w.logical_time};
      Append(*sim, adapters::SimulationEntry(facts, w.release, "policy", policy.name, policy.digest,
                                             w.diff.verdict_before, w.diff.verdict_after,
                                             adapters::MakeBlob("diff", blob, "application/json"))
                       .entry);
    }
    if (!sim->writer()->RequestCheckpoint().get().ok()) std::abort();
  }
  state.counters["decisions_per_s"] = benchmark::Counter(
      static_cast<double>(fx.decisions.size()) * state.iterations(), benchmark::Counter::kIsRate);
  state.counters["verdicts_changed"] = changed;
}
BENCHMARK(BM_BulkWhatIf)->Arg(1)->Arg(2)->Unit(benchmark::kSecond)->Iterations(1)->UseRealTime();

}  // namespace
}  // namespace docket::replay
