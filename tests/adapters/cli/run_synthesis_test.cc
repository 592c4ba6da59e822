// End-to-end: `docket run` of the sample workflow with a model endpoint that is dead or
// stalls, through the real LLM client (libcurl, loopback), the EffectRecorder and the
// egress guard. The run must still end with its decision, every synthesis artifact
// marked as the template fallback with the reason, each model call recorded as an
// EFFECT; and the recorded run must replay IDENTICAL with no network at all.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>

#include "adapters/cli/exit_codes.h"
#include "adapters/cli/replay_command.h"
#include "adapters/cli/run_command.h"
#include "adapters/ledger/ledger_home.h"
#include "engine/base/time_format.h"
#include "ledger/log/ledger_index.h"
#include "ledger/proto/entry.pb.h"
#include "tests/adapters/llm/llm_test_support.h"
#include "tests/testing/fake_llm_server.h"
#include "workflows/synthesize/chat_call.h"

namespace docket::adapters {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
using ::testing::AnyOf;
using ::testing::Contains;

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), {});
}

class RunSynthesisTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { llm::testing::EnsureCurl(); }
  void SetUp() override {
    std::random_device rd;
    dir_ = fs::temp_directory_path() / ("docket-run-synthesis-" + std::to_string(rd()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  RunCommandOptions Options() {
    RunCommandOptions o;
    o.workflow = fs::path(DOCKET_SOURCE_DIR) / "workflows" / "preprod_gate.yaml";
    o.out_dir = dir_ / "out";
    o.ledger_dir = dir_ / "ledger";
    o.as_of = "2026-11-20T00:00:00Z";
    o.quiet = true;
    o.json = true;
    o.build_id = "test-build";
    return o;
  }

  int Run(const RunCommandOptions& o, llm::GetEnv getenv, llm::ModelEffectsDeps deps) {
    RunCommandEnv env{.clock = &clock_, .out = &out_, .err = &err_,
                      .getenv = std::move(getenv), .model_deps = deps};
    return RunWorkflowCommand(o, env);
  }

  // The reason of every synthesis artifact (synthesis.json), which must all be fallbacks.
  std::set<std::string> FallbackReasons() {
    const json::value m = json::parse(Slurp(dir_ / "out" / "synthesis.json"));
    std::set<std::string> reasons;
    for (const json::value& t : m.at("tasks").as_array()) {
      EXPECT_EQ(t.at("source"), "fallback") << t;
      reasons.insert(std::string(t.at("reason").as_string()));
    }
    return reasons;
  }

  // The outcomes recorded in the run's EFFECT entries.
  std::multiset<std::string> RecordedOutcomes() {
    std::multiset<std::string> outcomes;
    StatusOr<std::unique_ptr<LedgerHome>> home = LedgerHome::OpenForBlobReading(dir_ / "ledger");
    EXPECT_TRUE(home.ok());
    StatusOr<std::vector<uint64_t>> rows =
        ledger::LookupIndex((*home)->store(), {ledger::IndexKind::kType, "EFFECT"});
    for (uint64_t i : rows.ok() ? *rows : std::vector<uint64_t>{}) {
      ledger::LedgerEntry e;
      EXPECT_TRUE(e.ParseFromString(*(*home)->store().EntryAt(i)));
      EXPECT_EQ(e.attributes().at("kind"), "llm.chat");
      const std::string request = *(*home)->vault()->Get(e.blobs(0).digest());
      const std::string response = *(*home)->vault()->Get(e.blobs(1).digest());
      StatusOr<workflows::synthesize::ChatResponse> r =
          workflows::synthesize::ParseChatResponse(response);
      EXPECT_TRUE(r.ok());
      if (r.ok()) outcomes.insert(std::string(workflows::synthesize::ChatOutcomeName(r->outcome)));
      // The endpoint's host is recorded nowhere.
      EXPECT_EQ(request.find("127.0.0.1"), std::string::npos);
      EXPECT_EQ(response.find("127.0.0.1"), std::string::npos) << response;
    }
    return outcomes;
  }

  static constexpr char kSecret[] = "sk-test-9f8e7d6c5b4a39281706";

  // The API key is in no output file, no console line and no ledger entry or blob.
  void ExpectSecretNowhere() {
    EXPECT_EQ(out_.str().find(kSecret), std::string::npos);
    EXPECT_EQ(err_.str().find(kSecret), std::string::npos);
    for (const auto& f : fs::directory_iterator(dir_ / "out")) {
      EXPECT_EQ(Slurp(f.path()).find(kSecret), std::string::npos) << f.path();
    }
    StatusOr<std::unique_ptr<LedgerHome>> home = LedgerHome::OpenForBlobReading(dir_ / "ledger");
    ASSERT_TRUE(home.ok());
    StatusOr<uint64_t> size = (*home)->store().Size();
    ASSERT_TRUE(size.ok());
    for (uint64_t i = 0; i < *size; ++i) {
      const std::string bytes = *(*home)->store().EntryAt(i);
      EXPECT_EQ(bytes.find(kSecret), std::string::npos) << "entry " << i;
      ledger::LedgerEntry e;
      ASSERT_TRUE(e.ParseFromString(bytes));
      for (const ledger::BlobDigest& b : e.blobs()) {
        StatusOr<std::string> blob = (*home)->vault()->Get(b.digest());
        if (blob.ok()) {
          EXPECT_EQ(blob->find(kSecret), std::string::npos) << b.digest();
        }
      }
    }
  }

  // The decision id from the run's JSON summary (the last line of stdout).
  static std::string DecisionIdOf(const std::string& out) {
    const size_t start = out.find('{');
    return std::string(json::parse(out.substr(start)).at("decision_id").as_string());
  }

  void ExpectReplayIdentical() {
    const std::string id = DecisionIdOf(out_.str());
    std::ostringstream out, err;
    ReplayCommandOptions o{.decision_id = id, .ledger_dir = dir_ / "ledger", .threads = 2,
                           .build_id = "test-build"};
    EXPECT_EQ(ReplayCommand(o, clock_, out, err), kExitApprove) << out.str() << err.str();
    EXPECT_THAT(out.str(), ::testing::HasSubstr(": IDENTICAL"));
  }

  fs::path dir_;
  FakeClock clock_{*ParseRfc3339("2026-11-29T12:00:00Z")};
  std::ostringstream out_;
  std::ostringstream err_;
};

TEST_F(RunSynthesisTest, ADeadEndpointFallsBackAndTheDecisionStands) {
  std::string url;
  {
    testing::FakeLlmServer server;  // killed before the run reaches synthesis
    url = server.base_url();
  }
  llm::testing::FakeRetryTimer timer;  // backoff without waiting
  RunCommandOptions o = Options();
  o.quiet = false;  // the progress lines are output too: scanned for the key below
  ASSERT_EQ(Run(o,
                llm::testing::MapEnv({{"DOCKET_LLM_BASE_URL", url},
                                      {"DOCKET_LLM_MODEL", "test-model"},
                                      {"DOCKET_LLM_DIALECT", "openai"},
                                      {"DOCKET_LLM_API_KEY", kSecret}}),
                {.timer = &timer}),
            kExitBlock)
      << err_.str();
  ExpectSecretNowhere();
  EXPECT_EQ(json::parse(Slurp(dir_ / "out" / "decision.json")).at("verdict"), "BLOCK");
  const std::set<std::string> reasons = FallbackReasons();
  for (const std::string& r : reasons) EXPECT_THAT(r, AnyOf("unavailable", "circuit_open"));
  EXPECT_THAT(reasons, Contains("circuit_open"));  // the breaker opened on repeated failures
  const std::multiset<std::string> outcomes = RecordedOutcomes();
  EXPECT_EQ(outcomes.size(), 12u);
  EXPECT_GT(outcomes.count("unavailable"), 0u);
  EXPECT_THAT(Slurp(dir_ / "out" / "release-notes.md"), ::testing::HasSubstr("template fallback"));
  ExpectReplayIdentical();
}

TEST_F(RunSynthesisTest, AStalledEndpointIsCutOffByTheRunDeadline) {
  testing::FakeLlmServer server;
  for (int i = 0; i < 64; ++i) {
    server.Enqueue({.status = 200, .body = std::string(4096, ' '),
                    .mode = testing::FakeReply::Mode::kStallBody});
  }
  const fs::path profiles = dir_ / "llm.yaml";
  std::ofstream(profiles) << "version: 1\ndefault: local\ndeadline: 3s\n"
                             "breaker: {failures: 100, cooldown: 30s}\n"
                             "profiles:\n  local:\n    dialect: ollama\n    base_url: "
                          << server.base_url()
                          << "\n    model: test-model\n    timeouts: {connect: 1s, total: 1s}\n";
  RunCommandOptions o = Options();
  o.llm_profiles = profiles.string();
  ASSERT_EQ(Run(o, llm::testing::MapEnv({}), {}), kExitBlock) << err_.str();
  const std::set<std::string> reasons = FallbackReasons();
  for (const std::string& r : reasons) EXPECT_THAT(r, AnyOf("unavailable", "deadline_exceeded"));
  EXPECT_THAT(reasons, Contains("deadline_exceeded"));
  EXPECT_EQ(RecordedOutcomes().size(), 12u);
  ExpectReplayIdentical();
}

}  // namespace
}  // namespace docket::adapters
