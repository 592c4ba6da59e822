// synthesis_bench: the synthesize step's template fallback (issue #7 target: all
// artifacts for 200 groups in under 50 ms).
//   BM_FallbackStep/N   the whole step with use_model: false over N feature areas (every
//                       fifth one failing a key rule, so it also drafts tickets and
//                       rollback guidance) with 20 redacted records each; inputs parsed,
//                       prompts loaded, every artifact rendered.
//   BM_SlowModelStep/N  the same with use_model: true against a door that answers every
//                       call after 250 ms (outcome unavailable, so each task makes one
//                       call and falls back): wall time shows the bounded concurrency
//                       (default 4 calls in flight). The run deadline that caps this in
//                       production is the LLM client's (adapters/llm), not measured here.
#include <benchmark/benchmark.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>

#include <atomic>
#include <chrono>
#include <thread>

#include "engine/base/time_format.h"
#include "engine/step_registry.h"
#include "engine/workflow_parser.h"
#include "workflows/steps/artifact_kinds.h"
#include "workflows/steps/records_artifact.h"
#include "workflows/steps/register.h"
#include "workflows/synthesize/chat_call.h"

namespace docket::workflows {
namespace {

namespace json = boost::json;

std::vector<engine::Artifact> FilesUnder(const std::string& dir, const char* kind) {
  std::vector<std::filesystem::path> paths;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) paths.push_back(e.path());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<engine::Artifact> out;
  for (const auto& p : paths) {
    std::ifstream in(p, std::ios::binary);
    out.push_back(engine::Artifact::Make(kind, "application/octet-stream", p.filename().string(),
                                         std::string(std::istreambuf_iterator<char>(in), {})));
  }
  return out;
}

std::map<std::string, std::vector<engine::Artifact>> Inputs(int areas) {
  json::array dims, rules;
  FeedbackBatch batch;
  const int64_t start_us = std::chrono::duration_cast<std::chrono::microseconds>(
                               ParseRfc3339("2026-11-01T00:00:00Z")->time_since_epoch())
                               .count();
  for (int a = 0; a < areas; ++a) {
    const std::string key = "area" + std::to_string(a);
    const bool failing = a % 5 == 0;
    dims.push_back(json::object{{"key", key},
                                {"metrics", json::object{{"observed", 20},
                                                         {"baseline", 100},
                                                         {"expected", 7.5},
                                                         {"rate_ratio", failing ? 2.6666 : 0.9},
                                                         {"q", failing ? 1e-5 : 0.7},
                                                         {"flagged", failing},
                                                         {"high", 4}}}});
    rules.push_back(json::object{{"id", "area-spike"},
                                 {"instance", key},
                                 {"for_each", "feature_area"},
                                 {"outcome", failing ? "fail" : "pass"},
                                 {"key", true},
                                 {"mode", "enforce"}});
    for (int r = 0; r < 20; ++r) {
      FeedbackRecord* rec = batch.add_records();
      rec->set_id(key + "-" + std::to_string(r));
      rec->set_feature_area(key);
      rec->set_release_version("9.0.0");
      rec->set_created_at_us(start_us + int64_t{r} * 3600'000'000);
      rec->set_customer_tier(r % 2 ? "pro" : "free");
      rec->set_channel(r % 3 ? "review" : "ticket");
      rec->set_request_id("req-" + std::to_string(a * 100 + r));
      rec->set_error_code(r % 4 ? "" : "E" + std::to_string(r));
      rec->set_severity(r % 3 ? "low" : "high");
      rec->set_severity_score(r % 7);
      rec->set_text("The " + key + " screen fails after the update, <EMAIL> got no answer");
    }
  }
  const json::object evidence{
      {"schema", "docket.evidence.v1"},
      {"globals", json::object{{"release.id", "rc-9"},
                               {"release.version", "9.0.0"},
                               {"product", "Acme"},
                               {"window.current_start", "2026-11-01T00:00:00Z"},
                               {"release.evaluate_at", "2026-11-03T00:00:00Z"}}},
      {"dimensions", json::object{{"feature_area", std::move(dims)}}}};
  const json::object decision{{"verdict", "BLOCK"}, {"rules", std::move(rules)}};
  std::map<std::string, std::vector<engine::Artifact>> in;
  in["evidence"] = {engine::Artifact::Make(kKindEvidence, kMediaJson, "evidence.json",
                                           json::serialize(evidence))};
  in["decision"] = {engine::Artifact::Make(kKindDecision, kMediaJson, "decision.json",
                                           json::serialize(decision))};
  in["records"] = {MakeRecordsArtifact(batch)};
  in["prompts"] =
      FilesUnder(std::string(DOCKET_SOURCE_DIR) + "/workflows/prompts", kKindPromptFile);
  in["templates"] = FilesUnder(std::string(DOCKET_SOURCE_DIR) + "/workflows/templates/synthesis",
                               kKindTemplateFile);
  return in;
}

// The synthesize step over `areas` groups with `use_model`, run against `effects`.
struct StepUnderTest {
  StepUnderTest(int areas, bool use_model) : inputs(Inputs(areas)) {
    if (!RegisterFeedbackSteps(registry).ok()) std::abort();
    const engine::StepType* type = registry.Find("synthesize");
    std::vector<engine::Diagnostic> diagnostics;
    const std::string yaml = std::string("use_model: ") + (use_model ? "true" : "false") +
                             "\nmax_themes: " + std::to_string(areas) + "\n";
    auto node = engine::ParseYamlTree("config.yaml", yaml, diagnostics);
    config.emplace(*engine::StepConfig::Build(type->spec.config, *node, {"config.yaml", 1, 1},
                                              diagnostics));
    step = type->factory(*config, diagnostics);
  }
  StatusOr<engine::StepOutputs> Run(engine::Effects& effects) {
    std::atomic<bool> cancelled{false};
    engine::StepContext ctx("synthesize", *ParseRfc3339("2026-11-03T00:00:00Z"), 7, params,
                            *config, inputs, effects, cancelled);
    return step->Run(ctx);
  }

  engine::StepRegistry registry;
  std::optional<engine::StepConfig> config;
  std::unique_ptr<engine::Step> step;
  const std::map<std::string, std::vector<engine::Artifact>> inputs;
  const std::map<std::string, std::string> params;
};

void BM_FallbackStep(benchmark::State& state) {
  StepUnderTest under_test(static_cast<int>(state.range(0)), /*use_model=*/false);
  engine::NoEffects effects;
  for (auto _ : state) {
    StatusOr<engine::StepOutputs> out = under_test.Run(effects);
    if (!out.ok()) return state.SkipWithError(out.status().message().c_str());
    benchmark::DoNotOptimize(out->at("summaries").bytes);
  }
}
BENCHMARK(BM_FallbackStep)->Arg(20)->Arg(200)->Unit(benchmark::kMillisecond);

class SlowModel final : public engine::Effects {
 public:
  StatusOr<std::string> Call(const engine::EffectCall&) override {
    ++calls;
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
    return synthesize::SerializeChatResponse(
        {.outcome = synthesize::ChatOutcome::kUnavailable, .attempts = 1});
  }
  std::atomic<int> calls{0};
};

void BM_SlowModelStep(benchmark::State& state) {
  StepUnderTest under_test(static_cast<int>(state.range(0)), /*use_model=*/true);
  SlowModel model;
  for (auto _ : state) {
    StatusOr<engine::StepOutputs> out = under_test.Run(model);
    if (!out.ok()) return state.SkipWithError(out.status().message().c_str());
  }
  state.counters["model_calls"] = model.calls.load() / static_cast<double>(state.iterations());
}
BENCHMARK(BM_SlowModelStep)->Arg(20)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

}  // namespace
}  // namespace docket::workflows
