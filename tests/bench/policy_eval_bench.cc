// policy_eval_bench: the gate's evaluation cost (issue #6 target: a full policy over 200
// feature areas x 3 severities in under 100 ms on one core).
//   BM_TrendScreen/600      the exact rate-ratio screen with BH over 600 units
//   BM_EvaluatePolicy/N     the bundled mobile_app policy plus a per-area-and-severity
//                           key rule over N feature areas (N x 3 area_severity instances)
//   BM_EvaluateWithJson/N   the same, plus rendering the decision JSON (what the step writes)
#include <benchmark/benchmark.h>

#include <boost/json.hpp>
#include <fstream>
#include <random>
#include <sstream>

#include "policies/decision_json.h"
#include "policies/evaluator.h"
#include "policies/policy_parser.h"
#include "policies/stats/trend_screen.h"

namespace docket::policies {
namespace {

using expr::Value;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

Policy BenchPolicy() {
  std::string text = ReadFile(std::string(DOCKET_SOURCE_DIR) + "/policies/mobile_app.yaml");
  text += R"(
  - id: area-severity-spike
    for_each: area_severity
    where: "instance != 'unassigned/unrated'"
    fail: "observed >= 5 and rate_ratio >= 2 and q < 0.01"
    warn: "observed >= 5 and rate_ratio >= 1.5 and q < 0.05"
    key: true
    on_missing_data: inconclusive
)";
  StatusOr<Policy> policy = ParsePolicy("mobile_app.yaml", text);
  if (!policy.ok()) std::abort();
  return *policy;
}

// N areas with seeded counts, screened like the trends step does.
Evidence MakeEvidence(int areas) {
  std::mt19937_64 rng(7);
  std::poisson_distribution<int> base(40);
  const char* severities[] = {"high", "low", "medium"};
  std::vector<stats::TrendUnit> units;
  std::vector<std::string> keys;
  for (int a = 0; a < areas; ++a) {
    for (const char* s : severities) {
      keys.push_back("area" + std::to_string(1000 + a) + "/" + s);
      units.push_back({base(rng) / 7, 48, base(rng) * 2, 336});
    }
  }
  Evidence e;
  const std::vector<stats::TrendFinding> findings = *stats::TrendScreen(units);
  auto& dim = e.dimensions["area_severity"];
  auto& areas_dim = e.dimensions["feature_area"];
  for (size_t i = 0; i < units.size(); ++i) {
    const stats::TrendFinding& f = findings[i];
    EvidenceInstance instance{.key = keys[i]};
    instance.metrics = {{"observed", Value::Number(static_cast<double>(f.observed))},
                        {"baseline", Value::Number(static_cast<double>(f.baseline))},
                        {"expected", Value::Number(f.expected)},
                        {"rate_ratio", Value::Number(f.rate_ratio)},
                        {"p", Value::Number(f.p)},
                        {"q", Value::Number(f.q)}};
    if (i % 3 == 0) {
      EvidenceInstance area = instance;
      area.key = keys[i].substr(0, keys[i].find('/'));
      areas_dim.push_back(std::move(area));
    }
    dim.push_back(std::move(instance));
  }
  e.dimensions["severity"] = {{"high", {{"observed", Value::Number(9)}}}};
  e.globals["signals.regression.failed"] = Value::Number(0);
  e.globals["signals.regression.errors"] = Value::Number(0);
  e.globals["signals.regression.skipped"] = Value::Number(0);
  e.globals["signals.regression.tests"] = Value::Number(100);
  e.records_current = 5000;
  return e;
}

const Timestamp kNow{std::chrono::seconds(1'794'182'400)};

void BM_TrendScreen(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  std::vector<stats::TrendUnit> units;
  std::mt19937_64 rng(7);
  std::poisson_distribution<int> base(40);
  for (int i = 0; i < n; ++i) units.push_back({base(rng) / 7, 48, base(rng) * 2, 336});
  for (auto _ : state) benchmark::DoNotOptimize(stats::TrendScreen(units));
  state.counters["units"] = n;
}
BENCHMARK(BM_TrendScreen)->Arg(600)->Unit(benchmark::kMillisecond);

void BM_EvaluatePolicy(benchmark::State& state) {
  const Policy policy = BenchPolicy();
  const Evidence evidence = MakeEvidence(static_cast<int>(state.range(0)));
  size_t instances = 0;
  for (auto _ : state) {
    const Decision d = Evaluate(policy, evidence, kNow);
    instances = d.rules.size();
    benchmark::DoNotOptimize(d);
  }
  state.counters["rule_instances"] = static_cast<double>(instances);
}
BENCHMARK(BM_EvaluatePolicy)->Arg(200)->Unit(benchmark::kMillisecond);

void BM_EvaluateWithJson(benchmark::State& state) {
  const Policy policy = BenchPolicy();
  const Evidence evidence = MakeEvidence(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    const Decision d = Evaluate(policy, evidence, kNow);
    benchmark::DoNotOptimize(boost::json::serialize(DecisionToJson(policy, d)));
  }
}
BENCHMARK(BM_EvaluateWithJson)->Arg(200)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace docket::policies
