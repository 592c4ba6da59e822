// Tests for adapters/sinks/ledger_event_sink (with run_entries and the ledger artifact
// store): a tiny workflow of test steps and a fake gate runs on the real executor into a
// temporary ledger; the tests read the entries back through the indexes and check what
// each carries, that attributes are deterministic, that blobs resolve, that input files
// are erasable, and that a full writer queue drops nothing.
#include "adapters/sinks/ledger_event_sink.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "adapters/ledger/ledger_home.h"
#include "adapters/store/ledger_artifact_store.h"
#include "engine/base/time_format.h"
#include "engine/executor.h"
#include "ledger/log/ledger_index.h"
#include "ledger/log/verify_ledger.h"
#include "ledger/proto/entry.pb.h"
#include "tests/testing/test_steps.h"

namespace docket::adapters {
namespace {

namespace fs = std::filesystem;
using ledger::IndexKind;
using ledger::LedgerEntry;
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
  - id: gate
    type: test.gate
    inputs:
      text: up.out
    config:
      max_words: 3
outputs:
  decision: gate.decision
  upper: up.out
)";

// BLOCKs when the text has more than max_words words; names params.release.
StatusOr<engine::StepOutputs> FakeGate(engine::StepContext& ctx) {
  const std::string& text = ctx.inputs("text")[0].data();
  const int64_t words = 1 + std::count(text.begin(), text.end(), ' ');
  const bool block = words > ctx.config().GetInt("max_words");
  const std::string doc = std::string(R"({"verdict": ")") + (block ? "BLOCK" : "APPROVE") +
                          R"(", "release": {"id": ")" + ctx.params().at("release") + R"("}})";
  return engine::StepOutputs{
      {"decision",
       engine::Artifact::Make("gate.decision", "application/json", "decision.json", doc)}};
}

struct Recorded {
  engine::RunResult result;
  LedgerRunRecord record;
  std::vector<LedgerEntry> entries;  // the run's entries in log order
};

class LedgerEventSinkTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device rd;
    dir_ = fs::temp_directory_path() / ("docket-sink-test-" + std::to_string(rd()));
    ASSERT_TRUE(test::RegisterTestSteps(registry_).ok());
    engine::ConfigSchema schema;
    schema.fields = {{.name = "max_words", .type = engine::ConfigType::kInt, .required = true}};
    ASSERT_TRUE(test::RegisterFnStep(registry_, "test.gate", {test::TextIn("text")},
                                     {{.name = "decision", .kind = "gate.decision"}}, FakeGate,
                                     schema)
                    .ok());
    StatusOr<engine::Plan> plan = test::PlanFromYaml(kWorkflow, registry_);
    ASSERT_TRUE(plan.ok()) << plan.status().ToString();
    plan_.emplace(*std::move(plan));
    StatusOr<std::unique_ptr<LedgerHome>> home = LedgerHome::OpenForWriting(dir_);
    ASSERT_TRUE(home.ok()) << home.status().ToString();
    home_ = *std::move(home);
  }
  void TearDown() override {
    home_.reset();
    fs::remove_all(dir_);
  }

  engine::RunRequest Request(const std::string& run_id, const std::string& text) {
    engine::RunRequest request;
    request.run_id = run_id;
    request.logical_time = *ParseRfc3339("2026-11-20T00:00:00Z");
    request.inputs["words"].push_back(test::TextArtifact(text, "words.txt"));
    return request;
  }

  std::vector<LedgerEntry> EntriesOf(IndexKind kind, const std::string& id) {
    std::vector<LedgerEntry> out;
    StatusOr<std::vector<uint64_t>> indices = ledger::LookupIndex(home_->store(), {kind, id});
    EXPECT_TRUE(indices.ok()) << indices.status().ToString();
    for (uint64_t i : indices.ok() ? *indices : std::vector<uint64_t>{}) {
      LedgerEntry e;
      EXPECT_TRUE(e.ParseFromString(*home_->store().EntryAt(i)));
      out.push_back(e);
    }
    return out;
  }

  Recorded Run(const std::string& run_id, const std::string& text) {
    Recorded r;
    LedgerArtifactStore store(home_->vault());
    const engine::RunRequest request = Request(run_id, text);
    LedgerEventSink sink(home_->writer(), home_->vault(), &store, *plan_, request, "test-build");
    engine::NoEffects effects;
    engine::Executor executor({.threads = 2,
                               .clock = &clock_,
                               .effects = &effects,
                               .sink = &sink,
                               .store = &store,
                               .engine_build_id = "test-build"});
    StatusOr<engine::RunResult> result = executor.Run(*plan_, request);
    EXPECT_TRUE(result.ok()) << result.status().ToString();
    if (!result.ok()) return r;
    r.result = *std::move(result);
    StatusOr<LedgerRunRecord> record = sink.Finish(r.result, "{\"manifest\": true}");
    EXPECT_TRUE(record.ok()) << record.status().ToString();
    if (record.ok()) r.record = *record;
    r.entries = EntriesOf(IndexKind::kRun, run_id);
    return r;
  }

  static std::vector<std::string> Types(const std::vector<LedgerEntry>& entries) {
    std::vector<std::string> types;
    for (const LedgerEntry& e : entries) types.push_back(LedgerEntry::Type_Name(e.type()));
    return types;
  }

  fs::path dir_;
  engine::StepRegistry registry_;
  std::optional<engine::Plan> plan_;
  std::unique_ptr<LedgerHome> home_;
  FakeClock clock_{*ParseRfc3339("2026-11-29T12:00:00Z")};
};

TEST_F(LedgerEventSinkTest, ARunWritesItsTypedEntriesInOrder) {
  Recorded r = Run("run-00000000000000aa", "one two three four");
  ASSERT_EQ(r.result.status, engine::RunStatus::kSucceeded);
  EXPECT_THAT(Types(r.entries),
              ElementsAre("RUN_STARTED", "INPUT_SNAPSHOT", "STEP_RESULT", "STEP_RESULT",
                          "POLICY_EVALUATION", "DECISION", "RUN_FINISHED"));
  EXPECT_EQ(r.record.decision_id, "dec-00000000000000aa");
  EXPECT_EQ(r.record.first_index, 0u);
  EXPECT_EQ(r.record.last_index, 6u);
  EXPECT_EQ(r.record.decision_index, 5u);
  for (const LedgerEntry& e : r.entries) {
    EXPECT_EQ(e.run_id(), "run-00000000000000aa");
    EXPECT_EQ(e.logical_time(), "2026-11-20T00:00:00Z");
  }
  const LedgerEntry& started = r.entries[0];
  EXPECT_EQ(started.attributes().at("workflow_name"), "tiny");
  EXPECT_EQ(started.attributes().at("workflow_digest"), "sha256:" + plan_->definition.digest.Hex());
  EXPECT_EQ(started.attributes().at("engine_build_id"), "test-build");
  EXPECT_EQ(started.attributes().at("param.release"), "rc-1");  // the declared default
  ASSERT_EQ(started.blobs_size(), 1);
  EXPECT_EQ(*home_->vault()->Get(started.blobs(0).digest()), plan_->definition.bytes);

  const LedgerEntry& gate_result = r.entries[3];
  EXPECT_EQ(gate_result.step_id(), "gate");
  EXPECT_EQ(gate_result.attributes().at("status"), "SUCCEEDED");
  EXPECT_EQ(gate_result.attributes().at("attempts"), "1");
  const engine::StepRecord& gate_record = r.result.manifest.steps(1);
  EXPECT_EQ(gate_result.attributes().at("seed"), gate_record.seed());
  EXPECT_EQ(gate_result.attributes().at("config_digest"), gate_record.config_digest());

  const LedgerEntry& evaluation = r.entries[4];
  EXPECT_EQ(evaluation.decision_id(), "dec-00000000000000aa");
  EXPECT_EQ(evaluation.attributes().at("config.max_words"), "3");
  EXPECT_EQ(evaluation.attributes().at("verdict"), "BLOCK");

  const LedgerEntry& decision = r.entries[5];
  EXPECT_EQ(decision.attributes().at("verdict"), "BLOCK");
  EXPECT_EQ(decision.attributes().at("release"), "rc-1");
  EXPECT_EQ(*home_->vault()->Get(decision.blobs(0).digest()),
            r.result.outputs.at("decision").data());
  EXPECT_THAT(Types(EntriesOf(IndexKind::kRelease, "rc-1")),
              ElementsAre("POLICY_EVALUATION", "DECISION"));
  EXPECT_THAT(Types(EntriesOf(IndexKind::kDecision, "dec-00000000000000aa")),
              ElementsAre("POLICY_EVALUATION", "DECISION"));

  const LedgerEntry& finished = r.entries[6];
  EXPECT_EQ(finished.attributes().at("run_status"), "SUCCEEDED");
  EXPECT_EQ(*home_->vault()->Get(finished.blobs(0).digest()), "{\"manifest\": true}");
  home_->CloseWriter();
  StatusOr<ledger::Checkpoint> verified =
      ledger::VerifyLedger(home_->store(), {*home_->DirVerifier()}, home_->origin());
  ASSERT_TRUE(verified.ok()) << verified.status().ToString();
  EXPECT_EQ(verified->size, 7u);
}

TEST_F(LedgerEventSinkTest, StepOutputsAreBlobsTiedToTheirEngineDigests) {
  Recorded r = Run("run-00000000000000bb", "a b");
  ASSERT_EQ(r.result.status, engine::RunStatus::kSucceeded);
  // A fresh store, as in a replay, learns the blobs from the ledger alone.
  LedgerArtifactStore replay(home_->vault());
  ASSERT_TRUE(replay.LoadRecordedRun(home_->store(), "run-00000000000000bb").ok());
  int outputs = 0;
  for (const LedgerEntry& e : r.entries) {
    if (e.type() != LedgerEntry::STEP_RESULT) continue;
    for (const ledger::BlobDigest& blob : e.blobs()) {
      const std::string port = blob.role().substr(std::string("output:").size());
      const std::string engine_digest = e.attributes().at("output." + port + ".digest");
      StatusOr<std::string> bytes = home_->vault()->Get(blob.digest());
      ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
      EXPECT_EQ("sha256:" + Sha256(*bytes).Hex(), engine_digest);
      Sha256Digest digest;
      ASSERT_TRUE(ParseSha256Hex(engine_digest.substr(7), digest));
      EXPECT_EQ(*replay.Get(digest), *bytes);
      ++outputs;
    }
  }
  EXPECT_EQ(outputs, 2);
  EXPECT_EQ(r.entries[5].attributes().at("verdict"), "APPROVE");
}

TEST_F(LedgerEventSinkTest, AttributesAreDeterministicAcrossRuns) {
  Recorded a = Run("run-00000000000000c1", "same words");
  Recorded b = Run("run-00000000000000c2", "same words");
  ASSERT_EQ(a.entries.size(), b.entries.size());
  for (size_t i = 0; i < a.entries.size(); ++i) {
    LedgerEntry x = a.entries[i];
    LedgerEntry y = b.entries[i];
    for (LedgerEntry* e : {&x, &y}) {
      e->clear_run_id();
      e->clear_decision_id();
      // Input blobs are encrypted under a fresh nonce: equal plaintexts, other bytes.
      if (e->type() == LedgerEntry::INPUT_SNAPSHOT) e->mutable_blobs(0)->clear_digest();
    }
    EXPECT_EQ(EntryBytes(x), EntryBytes(y)) << LedgerEntry::Type_Name(x.type());
  }
  // Serialization sorts attribute keys whatever the insertion order.
  LedgerEntry p;
  (*p.mutable_attributes())["b"] = "2";
  (*p.mutable_attributes())["a"] = "1";
  LedgerEntry q;
  (*q.mutable_attributes())["a"] = "1";
  (*q.mutable_attributes())["b"] = "2";
  EXPECT_EQ(EntryBytes(p), EntryBytes(q));
}

TEST_F(LedgerEventSinkTest, InputFilesAreEncryptedPerSubjectAndErasable) {
  Recorded r = Run("run-00000000000000dd", "private words");
  const LedgerEntry& input = r.entries[1];
  ASSERT_EQ(input.type(), LedgerEntry::INPUT_SNAPSHOT);
  const engine::Artifact file = test::TextArtifact("private words", "words.txt");
  EXPECT_EQ(input.attributes().at("input"), "words");
  EXPECT_EQ(input.attributes().at("name"), "words.txt");
  EXPECT_EQ(input.attributes().at("digest"), "sha256:" + file.digest.Hex());
  const ledger::BlobDigest& blob = input.blobs(0);
  EXPECT_EQ(blob.data_subject(), "input:sha256:" + file.digest.Hex());
  EXPECT_EQ(*home_->vault()->Get(blob.digest()), "private words");
  for (const LedgerEntry& e : r.entries) {
    for (const auto& [key, value] : e.attributes()) {
      EXPECT_THAT(value, ::testing::Not(HasSubstr("private"))) << key;
    }
  }
  ASSERT_TRUE(home_->vault()->EraseSubject(blob.data_subject(), 99).ok());
  StatusOr<std::string> erased = home_->vault()->Get(blob.digest());
  ASSERT_FALSE(erased.ok());
  EXPECT_THAT(erased.status().message(), HasSubstr("erased"));
  home_->CloseWriter();
  EXPECT_TRUE(ledger::VerifyLedger(home_->store(), {*home_->DirVerifier()}, home_->origin()).ok());
}

TEST_F(LedgerEventSinkTest, FailedStepsAreRecordedWithoutTheirMessage) {
  engine::StepRegistry registry;
  ASSERT_TRUE(test::RegisterTestSteps(registry).ok());
  ASSERT_TRUE(test::RegisterFnStep(registry, "test.fail", {test::TextIn("text")},
                                   {test::TextOut("out")},
                                   [](engine::StepContext&) -> StatusOr<engine::StepOutputs> {
                                     return InvalidArgumentError("row 3 says SECRET");
                                   })
                  .ok());
  StatusOr<engine::Plan> plan = test::PlanFromYaml(
      "version: 1\nname: failing\ninputs:\n  words:\n    kind: test.text\nsteps:\n"
      "  - id: bad\n    type: test.fail\n    inputs:\n      text: inputs.words\n"
      "  - id: after\n    type: test.upper\n    inputs:\n      in: bad.out\n",
      registry);
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  LedgerArtifactStore store(home_->vault());
  const engine::RunRequest request = Request("run-00000000000000ee", "x");
  LedgerEventSink sink(home_->writer(), home_->vault(), &store, *plan, request, "test-build");
  engine::NoEffects effects;
  engine::Executor executor(
      {.threads = 1, .clock = &clock_, .effects = &effects, .sink = &sink, .store = &store});
  StatusOr<engine::RunResult> result = executor.Run(*plan, request);
  ASSERT_TRUE(result.ok());
  ASSERT_EQ(result->status, engine::RunStatus::kFailed);
  StatusOr<LedgerRunRecord> record = sink.Finish(*result, "{}");
  ASSERT_TRUE(record.ok()) << record.status().ToString();
  EXPECT_TRUE(record->decision_id.empty());
  std::vector<LedgerEntry> entries = EntriesOf(IndexKind::kRun, "run-00000000000000ee");
  EXPECT_THAT(Types(entries), ElementsAre("RUN_STARTED", "INPUT_SNAPSHOT", "STEP_RESULT",
                                          "STEP_RESULT", "RUN_FINISHED"));
  EXPECT_EQ(entries[2].attributes().at("status"), "FAILED");
  EXPECT_EQ(entries[2].attributes().at("error_code"), "INVALID_ARGUMENT");
  EXPECT_EQ(entries[3].step_id(), "after");
  EXPECT_EQ(entries[3].attributes().at("attempts"), "0");
  for (const LedgerEntry& e : entries) {
    for (const auto& [key, value] : e.attributes()) {
      EXPECT_THAT(value, ::testing::Not(HasSubstr("SECRET"))) << key;
    }
  }
  EXPECT_EQ(entries[4].attributes().at("run_status"), "FAILED");
}

TEST_F(LedgerEventSinkTest, AFullWriterQueueDropsNothing) {
  // A second store and writer whose queue holds one entry: the sink must back off.
  home_.reset();
  fs::remove_all(dir_);
  fs::create_directories(dir_);
  StatusOr<std::unique_ptr<ledger::LedgerStore>> store =
      ledger::LedgerStore::Open((dir_ / "db").string());
  ASSERT_TRUE(store.ok());
  StatusOr<ledger::Signer> signer = ledger::Signer::FromSeed("docket-ledger", std::string(32, 's'));
  ASSERT_TRUE(signer.ok());
  auto writer = ledger::LedgerWriter::Start(
      store->get(),
      {.origin = "docket.test/sink", .signer = &*signer, .queue_capacity = 1, .max_batch = 1});
  ASSERT_TRUE(writer.ok()) << writer.status().ToString();
  auto vault = ledger::BlobVault::Open(store->get(), std::string(32, 'm'));
  ASSERT_TRUE(vault.ok());
  LedgerArtifactStore artifacts(vault->get());
  const engine::RunRequest request = Request("run-00000000000000ff", "a b c d e");
  LedgerEventSink sink(writer->get(), vault->get(), &artifacts, *plan_, request, "b");
  engine::NoEffects effects;
  engine::Executor executor(
      {.threads = 2, .clock = &clock_, .effects = &effects, .sink = &sink, .store = &artifacts});
  StatusOr<engine::RunResult> result = executor.Run(*plan_, request);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  StatusOr<LedgerRunRecord> record = sink.Finish(*result, "{}");
  ASSERT_TRUE(record.ok()) << record.status().ToString();
  EXPECT_EQ(record->last_index, 6u);
  StatusOr<std::vector<uint64_t>> indices =
      ledger::LookupIndex(**store, {IndexKind::kRun, "run-00000000000000ff"});
  ASSERT_TRUE(indices.ok());
  EXPECT_EQ(indices->size(), 7u);
  (*writer)->Close();
}

}  // namespace
}  // namespace docket::adapters
