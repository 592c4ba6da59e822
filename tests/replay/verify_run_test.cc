// Tests for replay/verify_run (with recorded_run, entry_proofs and recorded_effects): a
// small workflow of fake steps runs on the real executor into a temporary ledger through
// the real LedgerEventSink and EffectRecorder; the replay rebuilds it from the ledger
// alone. The same steps replay IDENTICAL; a changed step, a changed model answer path
// and erased inputs are each caught and reported where they happen.
#include "replay/verify_run.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "adapters/ledger/ledger_home.h"
#include "adapters/sinks/effect_recorder.h"
#include "adapters/sinks/ledger_event_sink.h"
#include "adapters/store/ledger_artifact_store.h"
#include "engine/base/time_format.h"
#include "engine/executor.h"
#include "replay/entry_proofs.h"
#include "replay/recorded_effects.h"
#include "replay/recorded_run.h"
#include "tests/testing/test_steps.h"

namespace docket::replay {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr char kWorkflow[] = R"(version: 1
name: tiny
params:
  release:
    default: rc-1
inputs:
  words:
    kind: test.text
steps:
  - id: up
    type: test.upper
    inputs:
      in: inputs.words
  - id: ask
    type: test.ask
    inputs:
      text: up.out
  - id: gate
    type: test.gate
    inputs:
      text: ask.out
outputs:
  decision: gate.decision
)";

// The knobs a "code change" turns between the run and its replay.
struct Behaviour {
  std::string ask_prefix = "summarise: ";  // what test.ask sends to the model
  std::string gate_suffix;                 // appended to the gate's decision
};

StatusOr<engine::StepOutputs> Ask(engine::StepContext& ctx, const Behaviour& b) {
  DOCKET_ASSIGN_OR_RETURN(std::string answer,
                          ctx.effects().Call({ctx.step_id(), "llm.chat",
                                              b.ask_prefix + ctx.inputs("text")[0].data()}));
  return engine::StepOutputs{{"out", test::TextArtifact(answer)}};
}

StatusOr<engine::StepOutputs> Gate(engine::StepContext& ctx, const Behaviour& b) {
  const std::string doc = R"({"verdict": "BLOCK", "release": {"id": ")" +
                          ctx.params().at("release") + R"("}, "why": ")" +
                          ctx.inputs("text")[0].data() + b.gate_suffix + "\"}";
  return engine::StepOutputs{
      {"decision", engine::Artifact::Make("gate.decision", "application/json", "decision.json", doc)}};
}

// A model whose answers are not a function of the request: replay must use the record.
class LiveModel final : public engine::Effects {
 public:
  StatusOr<std::string> Call(const engine::EffectCall& call) override {
    return "answer " + std::to_string(++n_) + " to " + call.canonical_request;
  }

 private:
  std::atomic<int> n_{0};
};

class VerifyRunTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device rd;
    dir_ = fs::temp_directory_path() / ("docket-verify-run-" + std::to_string(rd()));
    StatusOr<std::unique_ptr<adapters::LedgerHome>> home =
        adapters::LedgerHome::OpenForWriting(dir_);
    ASSERT_TRUE(home.ok()) << home.status().ToString();
    home_ = *std::move(home);
  }
  void TearDown() override {
    home_.reset();
    fs::remove_all(dir_);
  }

  std::unique_ptr<engine::StepRegistry> Registry(const Behaviour* b) {
    auto registry = std::make_unique<engine::StepRegistry>();
    EXPECT_TRUE(test::RegisterTestSteps(*registry).ok());
    EXPECT_TRUE(test::RegisterFnStep(*registry, "test.ask", {test::TextIn("text")},
                                     {test::TextOut("out")},
                                     [b](engine::StepContext& c) { return Ask(c, *b); })
                    .ok());
    EXPECT_TRUE(test::RegisterFnStep(*registry, "test.gate", {test::TextIn("text")},
                                     {{.name = "decision", .kind = "gate.decision"}},
                                     [b](engine::StepContext& c) { return Gate(c, *b); })
                    .ok());
    return registry;
  }

  // Runs the workflow with `behaviour_` and records it; returns the run id.
  std::string RecordRun(const std::string& run_id, const std::string& words) {
    std::unique_ptr<engine::StepRegistry> registry = Registry(&behaviour_);
    StatusOr<engine::Plan> plan = test::PlanFromYaml(kWorkflow, *registry);
    EXPECT_TRUE(plan.ok());
    engine::RunRequest request{.run_id = run_id,
                               .logical_time = *ParseRfc3339("2026-11-20T00:00:00Z")};
    request.inputs["words"].push_back(test::TextArtifact(words, "words.txt"));
    adapters::LedgerArtifactStore store(home_->vault());
    adapters::LedgerEventSink sink(home_->writer(), home_->vault(), &store, *plan, request,
                                   "build-A");
    LiveModel model;
    adapters::EffectRecorder effects(&model, home_->writer(), home_->vault(), sink.facts());
    engine::Executor executor({.threads = 2, .clock = &clock_, .effects = &effects,
                               .sink = &sink, .store = &store, .engine_build_id = "build-A"});
    StatusOr<engine::RunResult> result = executor.Run(*plan, request);
    EXPECT_TRUE(result.ok());
    EXPECT_TRUE(sink.Finish(*result, "{}").ok());
    EXPECT_TRUE(home_->writer()->RequestCheckpoint().get().ok());
    return run_id;
  }

  StatusOr<VerifyReport> Replay(const std::string& run_id, const Behaviour& behaviour,
                                int threads = 1) {
    DOCKET_ASSIGN_OR_RETURN(RecordedRun run,
                            LoadRecordedRun(home_->store(), *home_->vault(), run_id));
    DOCKET_ASSIGN_OR_RETURN(std::unique_ptr<RecordedEffects> effects,
                            LoadRecordedEffects(home_->store(), *home_->vault(), run_id));
    std::unique_ptr<engine::StepRegistry> registry = Registry(&behaviour);
    return VerifyRecordedRun(run, *registry,
                             {.threads = threads, .clock = &clock_, .effects = effects.get(),
                              .engine_build_id = "build-A", .vault = home_->vault()});
  }

  fs::path dir_;
  std::unique_ptr<adapters::LedgerHome> home_;
  Behaviour behaviour_;
  FakeClock clock_{*ParseRfc3339("2026-11-29T12:00:00Z")};
};

TEST_F(VerifyRunTest, TheSameBuildReplaysIdenticalWithOneAndFourThreads) {
  const std::string run_id = RecordRun("run-00000000000000c1", "ship it");
  for (int threads : {1, 4}) {
    StatusOr<VerifyReport> report = Replay(run_id, behaviour_, threads);
    ASSERT_TRUE(report.ok()) << report.status().ToString();
    EXPECT_EQ(report->status, ReplayStatus::kIdentical);
    EXPECT_THAT(report->identical_steps, ElementsAre("up", "ask", "gate"));
    EXPECT_FALSE(report->recorded_decision_digest.empty());
    EXPECT_EQ(report->replayed_decision_digest, report->recorded_decision_digest);
    EXPECT_EQ(report->recorded_build, "build-A");
  }
}

TEST_F(VerifyRunTest, TheRunIsRebuiltFromTheLedgerAlone) {
  const std::string run_id = RecordRun("run-00000000000000c2", "ship it");
  StatusOr<RecordedRun> run = LoadRecordedRun(home_->store(), *home_->vault(), run_id);
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  EXPECT_EQ(run->decision_id, "dec-00000000000000c2");
  EXPECT_EQ(run->workflow_name, "tiny");
  EXPECT_EQ(run->workflow_bytes, kWorkflow);
  EXPECT_EQ(run->params.at("release"), "rc-1");
  EXPECT_EQ(run->logical_time_text, "2026-11-20T00:00:00Z");
  ASSERT_EQ(run->inputs.at("words").size(), 1u);
  EXPECT_EQ(run->inputs.at("words")[0].data(), "ship it");
  EXPECT_EQ(run->verdict, "BLOCK");
  ASSERT_EQ(run->steps.size(), 3u);
  StatusOr<std::optional<ledger::StoredCheckpoint>> latest = home_->store().LatestCheckpoint();
  ASSERT_TRUE(latest.ok() && latest->has_value());
  StatusOr<ledger::Verifier> key = home_->DirVerifier();
  ASSERT_TRUE(key.ok());
  StatusOr<ledger::Checkpoint> proven =
      CheckEntriesIncluded(home_->store(), run->entry_indices, {*key}, home_->origin());
  ASSERT_TRUE(proven.ok()) << proven.status().ToString();
  EXPECT_GE(proven->size, run->entry_indices.back() + 1);
  EXPECT_EQ(RunIdOfDecision("dec-00000000000000c2").value(), run_id);
  EXPECT_FALSE(RunIdOfDecision("dec-xyz").ok());
}

TEST_F(VerifyRunTest, AChangedStepIsTheFirstDivergenceWithADiff) {
  const std::string run_id = RecordRun("run-00000000000000c3", "ship it");
  Behaviour changed = behaviour_;
  changed.gate_suffix = " (new rule)";
  StatusOr<VerifyReport> report = Replay(run_id, changed);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->status, ReplayStatus::kDiverged);
  EXPECT_THAT(report->identical_steps, ElementsAre("up", "ask"));
  ASSERT_TRUE(report->first_divergence.has_value());
  EXPECT_EQ(report->first_divergence->step_id, "gate");
  EXPECT_EQ(report->first_divergence->port, "decision");
  EXPECT_NE(report->first_divergence->recorded, report->first_divergence->replayed);
  EXPECT_THAT(report->first_divergence->difference, HasSubstr("(new rule)"));
}

TEST_F(VerifyRunTest, ARequestWithoutARecordingFailsTheStepNeverCallsLive) {
  const std::string run_id = RecordRun("run-00000000000000c4", "ship it");
  Behaviour changed = behaviour_;
  changed.ask_prefix = "summarise (prompt v2): ";  // a changed prompt
  StatusOr<VerifyReport> report = Replay(run_id, changed);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->status, ReplayStatus::kDiverged);
  ASSERT_TRUE(report->first_divergence.has_value());
  EXPECT_EQ(report->first_divergence->step_id, "ask");
  EXPECT_EQ(report->first_divergence->recorded, "SUCCEEDED");
  EXPECT_EQ(report->first_divergence->replayed, "FAILED");
  EXPECT_THAT(report->first_divergence->difference, HasSubstr("no recording for effect"));
}

TEST_F(VerifyRunTest, ErasedInputsAreNamedNotReplayed) {
  const std::string run_id = RecordRun("run-00000000000000c5", "ship it");
  const std::string subject = "input:sha256:" + test::TextArtifact("ship it").digest.Hex();
  ASSERT_TRUE(home_->vault()->EraseSubject(subject, 0).ok());
  StatusOr<RecordedRun> run = LoadRecordedRun(home_->store(), *home_->vault(), run_id);
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  ASSERT_EQ(run->erased.size(), 1u);
  EXPECT_EQ(run->erased[0].input, "words");
  EXPECT_EQ(run->erased[0].name, "words.txt");
  EXPECT_THAT(run->erased[0].reason, HasSubstr("erased"));
  StatusOr<VerifyReport> report = Replay(run_id, behaviour_);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->status, ReplayStatus::kErased);
}

}  // namespace
}  // namespace docket::replay
