// Tests for replay/verify_run (with recorded_run, entry_proofs and recorded_effects): a
// small workflow of fake steps runs on the real executor into a temporary ledger through
// the real LedgerEventSink and EffectRecorder; the replay rebuilds it from the ledger
// alone. The same steps replay IDENTICAL; a changed step, a changed model answer path
// and erased inputs are each caught and reported where they happen.
#include "replay/verify_run.h"

#include <google/protobuf/util/json_util.h>
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
#include "replay/compat_replay.h"
#include "replay/entry_proofs.h"
#include "replay/recorded_effects.h"
#include "replay/recorded_run.h"
#include "ledger/log/ledger_index.h"
#include "ledger/proto/entry.pb.h"
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
  prompt:
    kind: test.text
  policy:
    kind: test.text
steps:
  - id: up
    type: test.upper
    inputs:
      in: inputs.words
  - id: size
    type: test.length
    inputs:
      in: inputs.words
  - id: ask
    type: test.ask
    inputs:
      text: up.out
      prompt: inputs.prompt
  - id: gate
    type: test.gate
    inputs:
      text: ask.out
      policy: inputs.policy
    config:
      max_words: 3
outputs:
  decision: gate.decision
)";

// The knobs a "code change" turns between the run and its replay.
struct Behaviour {
  std::string ask_prefix;  // put before the prompt file in what test.ask sends
  std::string gate_suffix;                 // appended to the gate's decision
};

StatusOr<engine::StepOutputs> Ask(engine::StepContext& ctx, const Behaviour& b) {
  DOCKET_ASSIGN_OR_RETURN(std::string answer,
                          ctx.effects().Call({ctx.step_id(), "llm.chat",
                                              b.ask_prefix + ctx.inputs("prompt")[0].data() +
                                                  ctx.inputs("text")[0].data()}));
  return engine::StepOutputs{{"out", test::TextArtifact(answer)}};
}

// BLOCKs when the answer has more words than max_words plus the policy's allowance.
StatusOr<engine::StepOutputs> Gate(engine::StepContext& ctx, const Behaviour& b) {
  const std::string& text = ctx.inputs("text")[0].data();
  const int64_t words = 1 + std::count(text.begin(), text.end(), ' ');
  const int64_t allowance = std::stoll(ctx.inputs("policy")[0].data());
  const bool block = words > ctx.config().GetInt("max_words") + allowance;
  const std::string doc = std::string(R"({"verdict": ")") + (block ? "BLOCK" : "APPROVE") +
                          R"(", "release": {"id": ")" + ctx.params().at("release") +
                          R"("}, "why": ")" + text + b.gate_suffix + "\"}";
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
    EXPECT_TRUE(test::RegisterFnStep(*registry, "test.ask",
                                     {test::TextIn("text"), test::TextIn("prompt")},
                                     {test::TextOut("out")},
                                     [b](engine::StepContext& c) { return Ask(c, *b); })
                    .ok());
    engine::ConfigSchema schema;
    schema.fields = {{.name = "max_words", .type = engine::ConfigType::kInt, .required = true}};
    EXPECT_TRUE(test::RegisterFnStep(*registry, "test.gate",
                                     {test::TextIn("text"), test::TextIn("policy")},
                                     {{.name = "decision", .kind = "gate.decision"}},
                                     [b](engine::StepContext& c) { return Gate(c, *b); }, schema)
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
    request.inputs["prompt"].push_back(test::TextArtifact("summarise: ", "prompt.txt"));
    request.inputs["policy"].push_back(test::TextArtifact("0", "policy.txt"));
    adapters::LedgerArtifactStore store(home_->vault());
    adapters::LedgerEventSink sink(home_->writer(), home_->vault(), &store, *plan, request,
                                   "build-A");
    LiveModel model;
    adapters::EffectRecorder effects(&model, home_->writer(), home_->vault(), sink.facts());
    engine::Executor executor({.threads = 2, .clock = &clock_, .effects = &effects,
                               .sink = &sink, .store = &store, .engine_build_id = "build-A"});
    StatusOr<engine::RunResult> result = executor.Run(*plan, request);
    EXPECT_TRUE(result.ok());
    // The manifest as `docket run` records it (compat replay reads its input digests).
    std::string manifest;
    google::protobuf::util::JsonPrintOptions json_options;
    json_options.preserve_proto_field_names = true;
    EXPECT_TRUE(
        google::protobuf::util::MessageToJsonString(result->manifest, &manifest, json_options)
            .ok());
    EXPECT_TRUE(sink.Finish(*result, manifest).ok());
    EXPECT_TRUE(home_->writer()->RequestCheckpoint().get().ok());
    return run_id;
  }


 public:
  using Mutation = std::function<void(RecordedRun&, std::string& model_suffix)>;

 protected:
  // Replays `run_id` after `mutate` changed the loaded record (and, through
  // `model_suffix`, every recorded model answer).
  StatusOr<VerifyReport> Replay(const std::string& run_id, const Behaviour& behaviour,
                                int threads = 1, const Mutation& mutate = nullptr) {
    DOCKET_ASSIGN_OR_RETURN(RecordedRun run,
                            LoadRecordedRun(home_->store(), *home_->vault(), run_id));
    std::string model_suffix;
    if (mutate) mutate(run, model_suffix);
    DOCKET_ASSIGN_OR_RETURN(std::unique_ptr<RecordedEffects> effects,
                            LoadRecordedEffects(home_->store(), *home_->vault(), run_id));
    if (!model_suffix.empty()) effects = MutatedEffects(run_id, model_suffix);
    std::unique_ptr<engine::StepRegistry> registry = Registry(&behaviour);
    return VerifyRecordedRun(run, *registry,
                             {.threads = threads, .clock = &clock_, .effects = effects.get(),
                              .engine_build_id = "build-A", .vault = home_->vault()});
  }

  StatusOr<CompatReport> Compat(const std::string& run_id, const Behaviour& behaviour,
                                const Mutation& mutate = nullptr,
                                engine::StepRegistry* registry_override = nullptr) {
    DOCKET_ASSIGN_OR_RETURN(RecordedRun run,
                            LoadRecordedRun(home_->store(), *home_->vault(), run_id));
    std::string unused;
    if (mutate) mutate(run, unused);
    DOCKET_ASSIGN_OR_RETURN(std::unique_ptr<RecordedEffects> effects,
                            LoadRecordedEffects(home_->store(), *home_->vault(), run_id));
    std::unique_ptr<engine::StepRegistry> registry = Registry(&behaviour);
    return CompatReplay(run, registry_override ? *registry_override : *registry,
                        {.threads = 2, .clock = &clock_, .effects = effects.get(),
                         .engine_build_id = "build-B", .vault = home_->vault()});
  }

  // The run's recordings with `suffix` appended to every answer.
  std::unique_ptr<RecordedEffects> MutatedEffects(const std::string& run_id,
                                                  const std::string& suffix) {
    auto effects = std::make_unique<RecordedEffects>();
    StatusOr<std::vector<uint64_t>> indices =
        ledger::LookupIndex(home_->store(), {ledger::IndexKind::kRun, run_id});
    for (uint64_t i : indices.ok() ? *indices : std::vector<uint64_t>{}) {
      ledger::LedgerEntry e;
      EXPECT_TRUE(e.ParseFromString(*home_->store().EntryAt(i)));
      if (e.type() != ledger::LedgerEntry::EFFECT) continue;
      effects->Add(e.attributes().at("kind"), e.attributes().at("request_digest"),
                   *home_->vault()->Get(e.blobs(1).digest()) + suffix);
    }
    return effects;
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
    EXPECT_THAT(report->identical_steps, ElementsAre("up", "size", "ask", "gate"));
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
  EXPECT_EQ(run->inputs.at("policy")[0].data(), "0");
  EXPECT_EQ(run->verdict, "BLOCK");
  ASSERT_EQ(run->steps.size(), 4u);
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
  EXPECT_THAT(report->identical_steps, ElementsAre("up", "size", "ask"));
  ASSERT_TRUE(report->first_divergence.has_value());
  EXPECT_EQ(report->first_divergence->step_id, "gate");
  EXPECT_EQ(report->first_divergence->kind, DivergenceKind::kOutput);
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
  EXPECT_EQ(report->first_divergence->kind, DivergenceKind::kStatus);
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
  // What remains still verifies: every step output (up, size, ask, gate) hashes as
  // recorded; this workflow's gate reads no policy file, so it is not re-derived.
  EXPECT_EQ(report->remaining.artifacts_verified, 4u);
  EXPECT_TRUE(report->remaining.artifacts_unreadable.empty());
  EXPECT_FALSE(report->remaining.gate_consistent.has_value());
}

// Replace the first `from` in `text` with `to` (the mutation must apply).
void ReplaceOnce(std::string& text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  ASSERT_NE(at, std::string::npos) << from;
  text.replace(at, from.size(), to);
}

engine::Artifact Reworded(const engine::Artifact& a, std::string bytes) {
  return engine::Artifact::Make(a.kind, a.media_type, a.name, std::move(bytes));
}

struct MutationCase {
  std::string name;
  VerifyRunTest::Mutation mutate;
  std::string step;  // the expected first divergent step
  DivergenceKind kind;
};

TEST_F(VerifyRunTest, EveryMutationIsCaughtAtItsFirstDivergentStep) {
  const std::string run_id = RecordRun("run-00000000000000c6", "ship it now");
  const std::vector<MutationCase> cases = {
      {"rename a step",
       [](RecordedRun& r, std::string&) {
         ReplaceOnce(r.workflow_bytes, "id: size", "id: length");
       },
       "size", DivergenceKind::kMissing},
      {"reorder independent steps",
       [](RecordedRun& r, std::string&) {
         ReplaceOnce(r.workflow_bytes,
                     "  - id: up\n    type: test.upper\n    inputs:\n      in: inputs.words\n", "");
         ReplaceOnce(r.workflow_bytes, "  - id: ask\n",
                     "  - id: up\n    type: test.upper\n    inputs:\n      in: inputs.words\n"
                     "  - id: ask\n");
       },
       "size", DivergenceKind::kSeed},  // first in the replayed order; seeds cover the file
      {"change a config value",
       [](RecordedRun& r, std::string&) { ReplaceOnce(r.workflow_bytes, "max_words: 3", "max_words: 4"); },
       "gate", DivergenceKind::kConfig},
      {"change a seed",
       [](RecordedRun& r, std::string&) { r.steps[2].seed = "0123456789abcdef"; },
       "ask", DivergenceKind::kSeed},
      {"change the prompt",
       [](RecordedRun& r, std::string&) {
         r.inputs["prompt"][0] = Reworded(r.inputs["prompt"][0], "summarise briefly: ");
       },
       "ask", DivergenceKind::kStatus},
      {"change a policy threshold",
       [](RecordedRun& r, std::string&) {
         r.inputs["policy"][0] = Reworded(r.inputs["policy"][0], "100");
       },
       "gate", DivergenceKind::kOutput},
      {"change a recorded model response",
       [](RecordedRun&, std::string& suffix) { suffix = " (edited)"; },
       "ask", DivergenceKind::kOutput},
      {"change an input record",
       [](RecordedRun& r, std::string&) {
         r.inputs["words"][0] = Reworded(r.inputs["words"][0], "ship it later");
       },
       "up", DivergenceKind::kOutput},
  };
  int caught = 0;
  for (const MutationCase& c : cases) {
    for (int threads : {1, 4}) {
      StatusOr<VerifyReport> report = Replay(run_id, behaviour_, threads, c.mutate);
      ASSERT_TRUE(report.ok()) << c.name << ": " << report.status().ToString();
      ASSERT_EQ(report->status, ReplayStatus::kDiverged) << c.name;
      ASSERT_TRUE(report->first_divergence.has_value()) << c.name;
      EXPECT_EQ(report->first_divergence->step_id, c.step) << c.name;
      EXPECT_EQ(DivergenceKindName(report->first_divergence->kind), DivergenceKindName(c.kind))
          << c.name;
      if (report->first_divergence->step_id == c.step) ++caught;
    }
  }
  EXPECT_EQ(caught, 2 * static_cast<int>(cases.size()));  // 100%, with 1 and 4 threads
  // And without a mutation, no false divergence with either thread count.
  for (int threads : {1, 4}) {
    EXPECT_EQ(Replay(run_id, behaviour_, threads)->status, ReplayStatus::kIdentical);
  }
}

TEST_F(VerifyRunTest, CompatReplayClassifiesChangesInsteadOfStopping) {
  const std::string run_id = RecordRun("run-00000000000000c7", "ship it now");
  StatusOr<CompatReport> same = Compat(run_id, behaviour_);
  ASSERT_TRUE(same.ok()) << same.status().ToString();
  EXPECT_EQ(same->status, ReplayStatus::kIdentical);
  EXPECT_TRUE(same->changes.empty());
  EXPECT_EQ(same->recorded_build, "build-A");
  EXPECT_EQ(same->replay_build, "build-B");

  // A gate that decides differently on the same evidence: a policy change, the root.
  Behaviour gate_changed = behaviour_;
  gate_changed.gate_suffix = " (v2)";
  StatusOr<CompatReport> policy = Compat(run_id, gate_changed);
  ASSERT_TRUE(policy.ok());
  EXPECT_EQ(policy->status, ReplayStatus::kDiverged);
  ASSERT_EQ(policy->changes.size(), 1u);
  EXPECT_EQ(policy->changes[0].step_id, "gate");
  EXPECT_EQ(ChangeClassName(policy->changes[0].change), "policy change");
  EXPECT_FALSE(policy->changes[0].propagated);

  // A step whose request has no recording now fails (a step change), and the gate
  // after it does not run (propagated, not a cause).
  Behaviour ask_changed = behaviour_;
  ask_changed.ask_prefix = "v2 ";
  StatusOr<CompatReport> step = Compat(run_id, ask_changed);
  ASSERT_TRUE(step.ok());
  ASSERT_EQ(step->changes.size(), 2u);
  EXPECT_EQ(step->changes[0].step_id, "ask");
  EXPECT_EQ(ChangeClassName(step->changes[0].change), "step change");
  EXPECT_EQ(step->changes[0].divergence.kind, DivergenceKind::kStatus);
  EXPECT_EQ(step->changes[1].step_id, "gate");
  EXPECT_EQ(step->verdict_before, "BLOCK");
  EXPECT_EQ(step->verdict_after, "");

  // A step type this build no longer has: the workflow does not build, a step change.
  engine::StepRegistry bare;
  ASSERT_TRUE(test::RegisterTestSteps(bare).ok());
  StatusOr<CompatReport> gone = Compat(run_id, behaviour_, nullptr, &bare);
  ASSERT_TRUE(gone.ok());
  ASSERT_EQ(gone->changes.size(), 1u);
  EXPECT_EQ(gone->changes[0].step_id, "(workflow)");
  EXPECT_THAT(gone->changes[0].divergence.difference, HasSubstr("test.ask"));
}

}  // namespace
}  // namespace docket::replay
