// `docket policy lint` and `docket policy eval` on the bundled policies, golden evidence
// and broken files, in a temp dir.
#include "adapters/cli/policy_command.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "adapters/cli/exit_codes.h"

namespace docket::adapters {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

class PolicyCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("docket_policy_cmd_" + std::string(::testing::UnitTest::GetInstance()
                                                    ->current_test_info()
                                                    ->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& text) {
    const fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }
  static std::string Source(const std::string& rel) {
    return (fs::path(DOCKET_SOURCE_DIR) / rel).string();
  }

  fs::path dir_;
  std::ostringstream out_;
  std::ostringstream err_;
};

TEST_F(PolicyCommandTest, TheBundledPoliciesLintClean) {
  PolicyLintOptions o{.files = {Source("policies/mobile_app.yaml"),
                                Source("policies/web_checkout.yaml")},
                      .strict = true};
  EXPECT_EQ(PolicyLintCommand(o, out_, err_), kExitApprove) << out_.str() << err_.str();
  EXPECT_THAT(out_.str(), HasSubstr("mobile_app.yaml: 7 rules, 0 errors, 0 warnings"));
  EXPECT_THAT(out_.str(), HasSubstr("web_checkout.yaml: 6 rules, 0 errors, 0 warnings"));
}

TEST_F(PolicyCommandTest, LintFindingsFailAndUnreadableFilesAreUsageErrors) {
  const std::string typo = Write("typo.yaml", R"(version: 1
name: t
rules:
  - {id: a, for_each: feature_area, fail: "rate_ration > 2", key: true, on_missing_data: fail}
)");
  PolicyLintOptions o{.files = {typo}};
  EXPECT_EQ(PolicyLintCommand(o, out_, err_), kExitBlock);
  EXPECT_THAT(out_.str(), HasSubstr("typo.yaml:4:5: error: rule `a`"));
  EXPECT_THAT(out_.str(), HasSubstr("did you mean 'rate_ratio'?"));

  const std::string warn_only = Write("warn.yaml", R"(version: 1
name: t
rules:
  - {id: a, warn: "records.current < 10", key: true, on_missing_data: inconclusive}
)");
  std::ostringstream out2;
  EXPECT_EQ(PolicyLintCommand({.files = {warn_only}}, out2, err_), kExitApprove);
  EXPECT_EQ(PolicyLintCommand({.files = {warn_only}, .strict = true}, out2, err_), kExitBlock);

  std::ostringstream err3;
  EXPECT_EQ(PolicyLintCommand({.files = {Write("broken.yaml", "version: 1\nname: [\n")}}, out2,
                              err3),
            kExitUsage);
  EXPECT_THAT(err3.str(), HasSubstr("broken.yaml:"));
  EXPECT_EQ(PolicyLintCommand({.files = {(dir_ / "missing.yaml").string()}}, out2, err3),
            kExitUsage);
}

TEST_F(PolicyCommandTest, EvalGivesTheVerdictAndItsExitCode) {
  const std::string golden = "tests/golden/policies/mobile_app/";
  PolicyEvalOptions o{.policy = Source("policies/mobile_app.yaml"),
                      .evidence = Source(golden + "02_checkout_spike.evidence.json"),
                      .at = "2026-11-09T00:00:00Z"};
  EXPECT_EQ(PolicyEvalCommand(o, out_, err_), kExitBlock) << err_.str();
  EXPECT_THAT(out_.str(), HasSubstr("verdict: BLOCK"));
  EXPECT_THAT(out_.str(), HasSubstr("area-spike[checkout] fail -> BLOCK"));

  std::ostringstream out2;
  o.evidence = Source(golden + "03_no_regression_report.evidence.json");
  o.json = true;
  EXPECT_EQ(PolicyEvalCommand(o, out2, err_), kExitNeedsHuman);
  EXPECT_THAT(out2.str(), HasSubstr("\"verdict\":\"NEEDS_HUMAN\""));

  std::ostringstream out3;
  o.evidence = Source(golden + "01_quiet.evidence.json");
  o.json = false;
  EXPECT_EQ(PolicyEvalCommand(o, out3, err_), kExitApprove);
  EXPECT_THAT(out3.str(), HasSubstr("verdict: APPROVE"));
}

TEST_F(PolicyCommandTest, EvalNeedsATimeAndValidFiles) {
  const std::string evidence = Write("e.json", R"({"schema": "docket.evidence.v1"})");
  PolicyEvalOptions o{.policy = Source("policies/mobile_app.yaml"), .evidence = evidence};
  EXPECT_EQ(PolicyEvalCommand(o, out_, err_), kExitUsage);
  EXPECT_THAT(err_.str(), HasSubstr("no release.evaluate_at; pass --at"));
  std::ostringstream err2;
  o.at = "yesterday";
  EXPECT_EQ(PolicyEvalCommand(o, out_, err2), kExitUsage);
  EXPECT_THAT(err2.str(), HasSubstr("--at"));
  std::ostringstream err3;
  o.at = "2026-11-09T00:00:00Z";
  o.evidence = Write("bad.json", R"({"schema": "docket.evidence.v1", "globals": 3})");
  EXPECT_EQ(PolicyEvalCommand(o, out_, err3), kExitUsage);
  EXPECT_THAT(err3.str(), HasSubstr("bad.json: evidence globals"));
}

}  // namespace
}  // namespace docket::adapters
