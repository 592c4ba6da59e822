// End-to-end tests of `docket replay` (verify mode) on the bundled sample workflow:
// `docket run` records a decision in a temporary ledger, then replay rebuilds it from the
// ledger alone. In-process, temp directories, fake clock.
#include "adapters/cli/replay_command.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <random>
#include <sstream>

#include "adapters/cli/exit_codes.h"
#include "adapters/cli/run_command.h"
#include "engine/base/time_format.h"

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
  EXPECT_THAT(out_.str(), HasSubstr("steps identical: 8"));
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
  EXPECT_EQ(r.at("identical_steps").as_array().size(), 8u);
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

}  // namespace
}  // namespace docket::adapters
