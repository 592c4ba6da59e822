// End-to-end tests of `docket replay` (verify mode) on the bundled sample workflow:
// `docket run` records a decision in a temporary ledger, then replay rebuilds it from the
// ledger alone. In-process, temp directories, fake clock.
#include "adapters/cli/replay_command.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "adapters/cli/exit_codes.h"
#include "adapters/cli/ledger_command.h"
#include "adapters/cli/run_command.h"
#include "adapters/ledger/ledger_home.h"
#include "engine/base/time_format.h"
#include "ledger/log/ledger_index.h"
#include "ledger/log/verify_ledger.h"
#include "ledger/proto/entry.pb.h"

namespace docket::adapters {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

class ReplayCommandTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::random_device rd;
    dir_ = new fs::path(fs::temp_directory_path() / ("docket-replay-test-" + std::to_string(rd())));
    RunCommandOptions o;
    o.workflow = fs::path(DOCKET_SOURCE_DIR) / "workflows" / "preprod_gate.yaml";
    o.out_dir = *dir_ / "out";
    o.ledger_dir = *dir_ / "ledger";
    o.as_of = "2026-11-20T00:00:00Z";
    o.quiet = true;
    o.json = true;
    o.build_id = "test-build";
    std::ostringstream out, err;
    FakeClock clock(*ParseRfc3339("2026-11-29T12:00:00Z"));
    RunCommandEnv env{.clock = &clock, .out = &out, .err = &err};
    ASSERT_EQ(RunWorkflowCommand(o, env), kExitBlock) << err.str();
    decision_ = new std::string(boost::json::parse(out.str()).at("decision_id").as_string());
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
    delete decision_;
  }

  int Replay(ReplayCommandOptions o) {
    out_.str("");
    err_.str("");
    if (o.ledger_dir.empty()) o.ledger_dir = *dir_ / "ledger";
    if (o.build_id.empty()) o.build_id = "test-build";
    return ReplayCommand(o, clock_, out_, err_);
  }

  static fs::path* dir_;
  static std::string* decision_;
  FakeClock clock_{*ParseRfc3339("2026-11-29T13:00:00Z")};
  std::ostringstream out_;
  std::ostringstream err_;
};

fs::path* ReplayCommandTest::dir_ = nullptr;
std::string* ReplayCommandTest::decision_ = nullptr;

TEST_F(ReplayCommandTest, TheSampleDecisionReplaysIdentical) {
  ASSERT_EQ(Replay({.decision_id = *decision_, .threads = 1}), kExitApprove) << err_.str();
  EXPECT_THAT(out_.str(), HasSubstr(": IDENTICAL"));
  EXPECT_THAT(out_.str(), HasSubstr("proven against the signed checkpoint"));
  EXPECT_THAT(out_.str(), HasSubstr("steps identical: 9"));
  EXPECT_THAT(out_.str(), ::testing::Not(HasSubstr("different build")));
}

TEST_F(ReplayCommandTest, JsonReportAndADifferentBuildIsLabelled) {
  ASSERT_EQ(Replay({.decision_id = *decision_, .threads = 4, .json = true, .build_id = "other"}),
            kExitApprove)
      << err_.str();
  const boost::json::value r = boost::json::parse(out_.str());
  EXPECT_EQ(r.at("result"), "IDENTICAL");
  EXPECT_EQ(r.at("verdict"), "BLOCK");
  EXPECT_EQ(r.at("same_build"), false);
  EXPECT_EQ(r.at("recorded_build"), "test-build");
  EXPECT_EQ(r.at("recorded_decision_digest"), r.at("replayed_decision_digest"));
  EXPECT_EQ(r.at("identical_steps").as_array().size(), 9u);
}

TEST_F(ReplayCommandTest, AnotherPseudonymKeyDivergesAtRedact) {
  ASSERT_EQ(Replay({.decision_id = *decision_, .threads = 2, .redaction_key = "not the run's key"}),
            kExitBlock)
      << err_.str();
  EXPECT_THAT(out_.str(), HasSubstr(": DIVERGED"));
  EXPECT_THAT(out_.str(), HasSubstr("first divergent step: redact"));
  EXPECT_THAT(out_.str(), HasSubstr("first difference at byte"));
}

TEST_F(ReplayCommandTest, BadOrUnknownDecisionsAreUsageErrors) {
  EXPECT_EQ(Replay({.decision_id = "dec-nothex"}), kExitUsage);
  EXPECT_THAT(err_.str(), HasSubstr("is not a decision id"));
  EXPECT_EQ(Replay({.decision_id = "dec-0000000000000000"}), kExitUsage);
  EXPECT_THAT(err_.str(), HasSubstr("no entry of run run-0000000000000000"));
}

TEST_F(ReplayCommandTest, CompatReplayOfTheSampleIsIdenticalOrClassified) {
  ASSERT_EQ(Replay({.decision_id = *decision_, .threads = 2, .compat = true}), kExitApprove)
      << err_.str();
  EXPECT_THAT(out_.str(), HasSubstr(*decision_ + ": IDENTICAL"));
  EXPECT_THAT(out_.str(), HasSubstr("1 decisions replayed with test-build: 1 identical, 0 differ"));
  // Another tenant key changes what redact writes from the same inputs: the redact step
  // is the cause (an artifact change), everything after it only follows.
  ASSERT_EQ(Replay({.threads = 2, .json = true, .redaction_key = "another key",
                    .release = "rc-4.3.0", .compat = true}),
            kExitBlock)
      << err_.str();
  const boost::json::value r = boost::json::parse(out_.str());
  EXPECT_EQ(r.at("decisions"), 1);
  EXPECT_EQ(r.at("differing"), 1);
  EXPECT_EQ(r.at("causes").at("artifact change"), 1);
  const boost::json::array& changes = r.at("reports").at(0).at("changes").as_array();
  ASSERT_GE(changes.size(), 2u);
  EXPECT_EQ(changes[0].at("step"), "redact");
  EXPECT_EQ(changes[0].at("propagated"), false);
  for (size_t i = 1; i < changes.size(); ++i) EXPECT_EQ(changes[i].at("propagated"), true);
  EXPECT_EQ(Replay({.decision_id = *decision_, .policy = fs::path("x.yaml"), .compat = true}),
            kExitUsage);
}

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), {});
}

TEST_F(ReplayCommandTest, ErasedFeedbackIsNamedAndWhatRemainsVerifies) {
  const fs::path copy = *dir_ / "ledger-erased";
  fs::copy(*dir_ / "ledger", copy, fs::copy_options::recursive);
  // The subject of the first feedback file, as the run recorded it.
  std::string subject;
  {
    StatusOr<std::unique_ptr<LedgerHome>> home = LedgerHome::OpenForReading(copy);
    ASSERT_TRUE(home.ok());
    StatusOr<std::vector<uint64_t>> rows =
        ledger::LookupIndex((*home)->store(), {ledger::IndexKind::kType, "INPUT_SNAPSHOT"});
    ASSERT_TRUE(rows.ok());
    for (uint64_t i : *rows) {
      ledger::LedgerEntry e;
      ASSERT_TRUE(e.ParseFromString(*(*home)->store().EntryAt(i)));
      if (e.attributes().at("input") == "feedback") {
        subject = e.blobs(0).data_subject();
        break;
      }
    }
  }
  ASSERT_FALSE(subject.empty());
  std::ostringstream o, e;
  ASSERT_EQ(LedgerEraseCommand({.ledger_dir = copy, .subject = subject, .actor = "dpo",
                                .reason = "GDPR request"},
                               clock_, o, e),
            kExitApprove)
      << e.str();
  ASSERT_EQ(Replay({.decision_id = *decision_, .ledger_dir = copy}), kExitReplayErased)
      << err_.str() << out_.str();
  EXPECT_THAT(out_.str(), HasSubstr(": ERASED"));
  EXPECT_THAT(out_.str(), HasSubstr("erased input feedback"));
  EXPECT_THAT(out_.str(), HasSubstr("recorded step outputs hash as recorded"));
  EXPECT_THAT(out_.str(), HasSubstr("gate: consistent (re-derived from the recorded evidence"));
}

TEST_F(ReplayCommandTest, RunWhatIfWithOneChangedStepConfigOrWorkflow) {
  ASSERT_EQ(Replay({.decision_id = *decision_, .threads = 2, .simulation_dir = *dir_ / "sim-set",
                    .set = "trends.window=24h"}),
            kExitApprove)
      << err_.str();
  EXPECT_THAT(out_.str(), HasSubstr("with set trends.window=24h"));
  EXPECT_THAT(out_.str(), HasSubstr("steps whose outputs changed: trends gate"));
  // The changed workflow changes every seed and so every model request: none was made by
  // the recorded run, none goes out; the synthesis falls back.
  EXPECT_THAT(out_.str(), HasSubstr("model calls were never made by the recorded run"));
  EXPECT_THAT(out_.str(), HasSubstr("recorded in the simulation ledger"));

  std::string workflow = Slurp(fs::path(DOCKET_SOURCE_DIR) / "workflows" / "preprod_gate.yaml");
  const size_t at = workflow.find("window: 48h");
  ASSERT_NE(at, std::string::npos);
  workflow.replace(at, 11, "window: 72h");
  const fs::path changed = *dir_ / "wider.yaml";
  std::ofstream(changed) << workflow;
  ASSERT_EQ(Replay({.decision_id = *decision_, .json = true,
                    .simulation_dir = *dir_ / "sim-workflow", .workflow = changed}),
            kExitApprove)
      << err_.str();
  const boost::json::value r = boost::json::parse(out_.str());
  EXPECT_EQ(r.at("substitution"), "workflow");
  EXPECT_EQ(r.at("substituted"), "wider.yaml");
  EXPECT_EQ(r.at("verdict_before"), "BLOCK");
  EXPECT_EQ(r.at("changed_steps").at(0), "trends");

  EXPECT_EQ(Replay({.decision_id = *decision_, .set = "nostep.window=1h"}), kExitUsage);
  EXPECT_THAT(err_.str(), HasSubstr("no step `nostep`"));
  EXPECT_EQ(Replay({.decision_id = *decision_, .set = "gate.nothing=1"}), kExitUsage);
  EXPECT_THAT(err_.str(), HasSubstr("unknown config key `nothing`"));
  EXPECT_EQ(Replay({.decision_id = *decision_, .workflow = changed,
                    .set = "trends.window=1h"}),
            kExitUsage);
  EXPECT_EQ(Replay({.release = "rc-4.3.0", .set = "trends.window=1h"}), kExitUsage);
}


TEST_F(ReplayCommandTest, WhatIfUnderTheSamePolicyChangesNothing) {
  const fs::path policy = fs::path(DOCKET_SOURCE_DIR) / "policies" / "mobile_app.yaml";
  ASSERT_EQ(Replay({.decision_id = *decision_, .json = true, .policy = policy,
                    .simulation_dir = *dir_ / "sim-same"}),
            kExitApprove)
      << err_.str();
  const boost::json::value r = boost::json::parse(out_.str());
  EXPECT_EQ(r.at("decisions"), 1);
  EXPECT_EQ(r.at("verdicts_changed"), 0);
  EXPECT_EQ(r.at("decision").at("verdict_before"), "BLOCK");
  EXPECT_EQ(r.at("decision").at("verdict_after"), "BLOCK");
  EXPECT_TRUE(r.at("decision").at("rule_changes").as_array().empty());
}

TEST_F(ReplayCommandTest, WhatIfUnderALenientPolicyIsADiffInTheSimulationLedgerOnly) {
  std::string policy = Slurp(fs::path(DOCKET_SOURCE_DIR) / "policies" / "mobile_app.yaml");
  for (const std::string from : {"rate_ratio >= 2 and q < 0.01", "rate_ratio >= 1.5 and q < 0.01"}) {
    const size_t at = policy.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    policy.replace(at, from.size(), "rate_ratio >= 4 and q < 0.01");
  }
  const fs::path lenient = *dir_ / "lenient.yaml";
  std::ofstream(lenient) << policy;
  const auto primary_size = [] {
    StatusOr<std::unique_ptr<LedgerHome>> home = LedgerHome::OpenForReading(*dir_ / "ledger");
    if (!home.ok()) return uint64_t{0};
    StatusOr<uint64_t> size = (*home)->store().Size();
    return size.ok() ? *size : uint64_t{0};
  };
  const uint64_t before = primary_size();
  ASSERT_GT(before, 0u);
  ASSERT_EQ(Replay({.decision_id = *decision_, .policy = lenient,
                    .simulation_dir = *dir_ / "sim-lenient"}),
            kExitApprove)
      << err_.str();
  EXPECT_THAT(out_.str(), HasSubstr("verdict BLOCK -> WARN (changed)"));
  EXPECT_THAT(out_.str(), HasSubstr("~ area-spike[checkout]: fail/BLOCK -> warn/WARN"));
  EXPECT_THAT(out_.str(), HasSubstr("recorded in the simulation ledger"));
  EXPECT_EQ(primary_size(), before);
  // The simulation ledger verifies on its own and files the diff under the decision.
  {
    StatusOr<std::unique_ptr<LedgerHome>> sim = LedgerHome::OpenForReading(*dir_ / "sim-lenient");
    ASSERT_TRUE(sim.ok()) << sim.status().ToString();
    StatusOr<ledger::Verifier> key = (*sim)->DirVerifier();
    ASSERT_TRUE(key.ok());
    EXPECT_TRUE(ledger::VerifyLedger((*sim)->store(), {*key}, (*sim)->origin()).ok());
    StatusOr<std::vector<uint64_t>> rows =
        ledger::LookupIndex((*sim)->store(), {ledger::IndexKind::kDecision, *decision_});
    ASSERT_TRUE(rows.ok());
    ASSERT_EQ(rows->size(), 1u);
    ledger::LedgerEntry e;
    ASSERT_TRUE(e.ParseFromString(*(*sim)->store().EntryAt((*rows)[0])));
    EXPECT_EQ(e.type(), ledger::LedgerEntry::SIMULATION);
    EXPECT_EQ(e.attributes().at("verdict_before"), "BLOCK");
    EXPECT_EQ(e.attributes().at("verdict_after"), "WARN");
    EXPECT_EQ(e.attributes().at("verdict_changed"), "true");
  }

  // Bulk over the release: the same one decision, with a summary.
  ASSERT_EQ(Replay({.policy = lenient, .release = "rc-4.3.0",
                    .simulation_dir = *dir_ / "sim-bulk"}),
            kExitApprove)
      << err_.str();
  EXPECT_THAT(out_.str(), HasSubstr("1 decisions, 1 verdicts change"));
  EXPECT_THAT(out_.str(), HasSubstr("BLOCK -> WARN: 1"));
  EXPECT_THAT(out_.str(), HasSubstr("rule area-spike changed in 1"));
  EXPECT_EQ(Replay({.policy = lenient, .since = "2027-01-01T00:00:00Z",
                    .simulation_dir = *dir_ / "sim-none"}),
            kExitUsage);
  EXPECT_THAT(err_.str(), HasSubstr("no recorded decision matches"));
  EXPECT_EQ(Replay({.policy = lenient, .since = "yesterday"}), kExitUsage);
}

}  // namespace
}  // namespace docket::adapters
