// The bundled policies (policies/*.yaml) parse, and evaluate golden evidence cases to
// the checked-in decisions (tests/golden/policies/<policy>/<case>.{evidence,decision}.json).
// DOCKET_UPDATE_GOLDEN=1 rewrites the decisions; review the diff before committing.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "policies/decision_json.h"
#include "policies/evaluator.h"
#include "policies/evidence_json.h"
#include "policies/policy_parser.h"

namespace docket::policies {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

fs::path Source() { return fs::path(DOCKET_SOURCE_DIR); }

const Timestamp kEvaluatedAt{std::chrono::seconds(1'794'182'400)};  // 2026-11-09T00:00:00Z

class BundledPolicyTest : public ::testing::TestWithParam<std::string> {};

TEST_P(BundledPolicyTest, ParsesAndMatchesItsGoldenDecisions) {
  const fs::path file = Source() / "policies" / (GetParam() + ".yaml");
  StatusOr<Policy> policy = ParsePolicy("policies/" + GetParam() + ".yaml", ReadFile(file));
  ASSERT_TRUE(policy.ok()) << policy.status().message();
  const fs::path cases = Source() / "tests/golden/policies" / GetParam();
  ASSERT_TRUE(fs::is_directory(cases)) << cases;
  std::vector<fs::path> evidence_files;
  for (const auto& entry : fs::directory_iterator(cases)) {
    const std::string name = entry.path().filename().string();
    if (name.size() > 14 && name.ends_with(".evidence.json")) evidence_files.push_back(entry.path());
  }
  std::sort(evidence_files.begin(), evidence_files.end());
  ASSERT_GE(evidence_files.size(), 3u);
  const bool update = std::getenv("DOCKET_UPDATE_GOLDEN") != nullptr;
  for (const fs::path& path : evidence_files) {
    SCOPED_TRACE(path.filename().string());
    StatusOr<Evidence> evidence = ParseEvidenceJson(path.string(), ReadFile(path));
    ASSERT_TRUE(evidence.ok()) << evidence.status().message();
    const Decision decision = Evaluate(*policy, *evidence, kEvaluatedAt);
    const std::string actual = boost::json::serialize(DecisionToJson(*policy, decision)) + "\n";
    std::string golden_name = path.filename().string();
    golden_name.replace(golden_name.size() - 14, 14, ".decision.json");
    const fs::path golden = path.parent_path() / golden_name;
    if (update) {
      std::ofstream(golden, std::ios::binary) << actual;
      continue;
    }
    EXPECT_EQ(ReadFile(golden), actual) << "rerun with DOCKET_UPDATE_GOLDEN=1 and review";
  }
}

INSTANTIATE_TEST_SUITE_P(Policies, BundledPolicyTest,
                         ::testing::Values("mobile_app", "web_checkout"));

}  // namespace
}  // namespace docket::policies
