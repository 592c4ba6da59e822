// Executor overhead per step: runs plans of trivial steps (each copies a 16-byte input
// to its output) as a chain and as a fan-out, and reports time per step. Also a
// baseline: the same number of bare function calls through std::function, to show what
// the per-step bookkeeping (events, digests, pool hand-off) costs on top.
#include <benchmark/benchmark.h>

#include <functional>
#include <string>

#include "engine/artifact_store.h"
#include "engine/base/check.h"
#include "engine/base/clock.h"
#include "engine/event_sink.h"
#include "engine/executor.h"
#include "engine/workflow_parser.h"

namespace docket::engine {
namespace {

class PassStep final : public Step {
 public:
  StatusOr<StepOutputs> Run(StepContext& ctx) override {
    const auto& in = ctx.inputs("in");
    std::string bytes = in.empty() ? std::string(16, 'x') : in.front().data();
    return StepOutputs{{"out", Artifact::Make("blob", "application/octet-stream", "", bytes)}};
  }
};

// Counts events without keeping them, so the sink's cost stays flat across iterations.
class CountingSink final : public EventSink {
 public:
  Status Emit(const RunEvent&) override {
    ++events_;
    return Status::Ok();
  }
  uint64_t events_ = 0;
};

StepRegistry MakeRegistry() {
  StepRegistry r;
  StepTypeSpec spec;
  spec.type = "pass";
  spec.inputs = {{.name = "in", .kind = "blob", .multiple = true, .optional = true}};
  spec.outputs = {{.name = "out", .kind = "blob"}};
  DOCKET_CHECK(r.Register(spec, [](const StepConfig&, std::vector<Diagnostic>&) {
                  return std::make_unique<PassStep>();
                }).ok());
  return r;
}

std::string Workflow(int steps, bool chain) {
  std::string y = "version: 1\nname: bench\nsteps:\n";
  for (int i = 0; i < steps; ++i) {
    y += "  - id: s" + std::to_string(i) + "\n    type: pass\n";
    if (chain && i > 0) y += "    inputs: {in: s" + std::to_string(i - 1) + ".out}\n";
  }
  return y;
}

void RunPlan(benchmark::State& state, bool chain) {
  const int steps = static_cast<int>(state.range(0));
  const int threads = static_cast<int>(state.range(1));
  StepRegistry registry = MakeRegistry();
  std::vector<Diagnostic> diags;
  auto def = ParseWorkflow("bench.yaml", Workflow(steps, chain), diags);
  auto plan = BuildPlan(std::move(*def), registry, diags);
  DOCKET_CHECK(plan.has_value());
  SystemClock clock;
  NoEffects effects;
  CountingSink sink;
  MemoryArtifactStore store;
  for (auto _ : state) {
    Executor executor({.threads = threads, .clock = &clock, .effects = &effects, .sink = &sink,
                       .store = &store, .engine_build_id = "bench"});
    auto result = executor.Run(*plan, RunRequest{.run_id = "r"});
    DOCKET_CHECK(result.ok() && result->status == RunStatus::kSucceeded);
  }
  // items_per_second = steps per second; overhead per step = 1 / that.
  state.SetItemsProcessed(state.iterations() * steps);
}

void BM_ExecutorChain(benchmark::State& state) { RunPlan(state, true); }
void BM_ExecutorFanOut(benchmark::State& state) { RunPlan(state, false); }

BENCHMARK(BM_ExecutorChain)->Args({200, 1})->Args({200, 2})->Args({200, 4})->UseRealTime();
BENCHMARK(BM_ExecutorFanOut)->Args({200, 1})->Args({200, 2})->Args({200, 4})->UseRealTime();

// Baseline: the step bodies alone, called directly.
void BM_BareStepCalls(benchmark::State& state) {
  const int steps = static_cast<int>(state.range(0));
  std::function<std::string(const std::string&)> body = [](const std::string& in) {
    return Artifact::Make("blob", "application/octet-stream", "", in).data();
  };
  std::string x(16, 'x');
  for (auto _ : state) {
    for (int i = 0; i < steps; ++i) x = body(x);
    benchmark::DoNotOptimize(x);
  }
  state.SetItemsProcessed(state.iterations() * steps);
}
BENCHMARK(BM_BareStepCalls)->Arg(200);

}  // namespace
}  // namespace docket::engine
