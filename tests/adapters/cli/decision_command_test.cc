// End to end: a tiny workflow (evidence + policy file -> policy_gate) recorded in a
// temp ledger, then `docket override`, `approve`, `invalidate` and `decision show`
// in-process with a fake clock: effective verdicts, the trail, expiry, second
// approvers, actor signatures and every refusal (exit 2, nothing appended).
#include "adapters/cli/decision_command.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "adapters/cli/exit_codes.h"
#include "adapters/cli/run_command.h"
#include "adapters/ledger/ledger_home.h"
#include "engine/base/time_format.h"
#include "ledger/log/ledger_index.h"
#include "ledger/note_key.h"
#include "ledger/proto/entry.pb.h"

namespace docket::adapters {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
using std::chrono::hours;

constexpr char kWorkflow[] = R"(version: 1
name: tiny_gate
params:
  excluded_releases:
    default: ""
inputs:
  evidence:
    kind: gate.evidence
  policy:
    kind: file.policy
steps:
  - id: gate
    type: policy_gate
    inputs:
      evidence: inputs.evidence
      policy: inputs.policy
outputs:
  decision: gate.decision
)";

std::string Policy(bool second_approver) {
  return std::string(R"(version: 1
name: tiny
overrides:
  require_reason: true
  require_ticket: true
  require_second_approver: )") +
         (second_approver ? "true" : "false") + R"(
  max_expiry: 72h
rules:
  - id: regression-suite
    fail: "signals.regression.failed > 0"
    warn: "signals.regression.skipped > 0"
    key: true
    on_missing_data: inconclusive
)";
}

std::string Evidence(int failed, int skipped) {
  return R"({"schema": "docket.evidence.v1", "globals": {"release.id": "rc-1", )"
         R"("release.version": "1.0.0", "signals.regression.failed": )" +
         std::to_string(failed) + R"(, "signals.regression.skipped": )" + std::to_string(skipped) +
         R"(}, "dimensions": {}, "guards": {}})";
}

class DecisionCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device rd;
    dir_ = fs::temp_directory_path() / ("docket-decision-test-" + std::to_string(rd()));
    fs::create_directories(dir_);
    std::ofstream(dir_ / "tiny_gate.yaml") << kWorkflow;
    ledger_ = dir_ / "ledger";
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Runs the tiny workflow on evidence with `failed` / `skipped` tests and returns the
  // decision id it recorded.
  std::string RunGate(int failed, int skipped, bool second_approver = false) {
    const std::string name = "run" + std::to_string(runs_++);
    std::ofstream(dir_ / (name + ".policy.yaml")) << Policy(second_approver);
    std::ofstream(dir_ / (name + ".evidence.json")) << Evidence(failed, skipped);
    RunCommandOptions o;
    o.workflow = dir_ / "tiny_gate.yaml";
    o.inputs = {"evidence=" + (dir_ / (name + ".evidence.json")).string(),
                "policy=" + (dir_ / (name + ".policy.yaml")).string()};
    o.out_dir = dir_ / name;
    o.ledger_dir = ledger_;
    o.as_of = "2026-11-29T00:00:00Z";
    o.quiet = true;
    o.build_id = "test-build";
    std::ostringstream out, err;
    RunCommandEnv env{.clock = &clock_, .out = &out, .err = &err};
    const int code = RunWorkflowCommand(o, env);
    EXPECT_NE(code, kExitUsage) << err.str();
    EXPECT_NE(code, kExitInternal) << err.str();
    const std::vector<std::string> ids = DecisionIds();
    return ids.empty() ? "" : ids.back();
  }

  std::vector<std::string> DecisionIds() {
    std::vector<std::string> ids;
    for (const ledger::LedgerEntry& e : Entries("DECISION")) ids.push_back(e.decision_id());
    return ids;
  }

  std::vector<ledger::LedgerEntry> Entries(const std::string& type) {
    StatusOr<std::unique_ptr<LedgerHome>> home = LedgerHome::OpenForReading(ledger_);
    EXPECT_TRUE(home.ok()) << home.status().ToString();
    std::vector<ledger::LedgerEntry> entries;
    if (!home.ok()) return entries;
    StatusOr<std::vector<uint64_t>> indexes =
        ledger::LookupIndex((*home)->store(), {ledger::IndexKind::kType, type});
    EXPECT_TRUE(indexes.ok()) << indexes.status().ToString();
    if (!indexes.ok()) return entries;
    for (uint64_t index : *indexes) {
      ledger::LedgerEntry e;
      EXPECT_TRUE(e.ParseFromString(*(*home)->store().EntryAt(index)));
      entries.push_back(e);
    }
    return entries;
  }

  DecisionActionOptions Action(const std::string& id, const std::string& actor) {
    DecisionActionOptions o;
    o.ledger_dir = ledger_;
    o.decision_id = id;
    o.actor = actor;
    o.reason = "checked the dashboards";
    return o;
  }

  DecisionActionOptions Override(const std::string& id, const std::string& actor,
                                 const std::string& verdict) {
    DecisionActionOptions o = Action(id, actor);
    o.verdict = verdict;
    o.ticket = "OPS-1";
    o.expires = "24h";
    return o;
  }

  int Approve(const DecisionActionOptions& o) { return Call(ApproveCommand, o); }
  int DoOverride(const DecisionActionOptions& o) { return Call(OverrideCommand, o); }
  int Invalidate(const DecisionActionOptions& o) { return Call(InvalidateCommand, o); }

  template <typename Fn>
  int Call(Fn fn, const DecisionActionOptions& o) {
    out_.str("");
    err_.str("");
    return fn(o, clock_, out_, err_);
  }

  std::string ShowText(const std::string& id) {
    out_.str("");
    err_.str("");
    EXPECT_EQ(DecisionShowCommand({.ledger_dir = ledger_, .decision_id = id}, clock_, out_, err_),
              kExitApprove)
        << err_.str();
    return out_.str();
  }

  int ShowExit(const std::string& id, const std::string& fail_on = "needs_human") {
    std::ostringstream out, err;
    return DecisionShowCommand({.ledger_dir = ledger_, .decision_id = id, .exit_code = true,
                                .fail_on = fail_on},
                               clock_, out, err);
  }

  json::object ShowJson(const std::string& id) {
    out_.str("");
    err_.str("");
    EXPECT_EQ(DecisionShowCommand({.ledger_dir = ledger_, .decision_id = id, .json = true}, clock_,
                                  out_, err_),
              kExitApprove)
        << err_.str();
    return json::parse(out_.str()).as_object();
  }

  fs::path dir_;
  fs::path ledger_;
  FakeClock clock_{*ParseRfc3339("2026-11-29T12:00:00Z")};
  std::ostringstream out_;
  std::ostringstream err_;
  int runs_ = 0;
};

TEST_F(DecisionCommandTest, BlockOverriddenWithATicketUntilItExpires) {
  const std::string id = RunGate(/*failed=*/2, /*skipped=*/0);
  ASSERT_FALSE(id.empty());
  EXPECT_NE(ShowText(id).find("verdict: BLOCK"), std::string::npos) << out_.str();

  // What the policy demands: a ticket, an expiry within 72h.
  DecisionActionOptions no_ticket = Override(id, "alice", "WARN");
  no_ticket.ticket.clear();
  EXPECT_EQ(DoOverride(no_ticket), kExitUsage);
  EXPECT_NE(err_.str().find("--ticket"), std::string::npos) << err_.str();
  DecisionActionOptions too_long = Override(id, "alice", "WARN");
  too_long.expires = "4d";
  EXPECT_EQ(DoOverride(too_long), kExitUsage);
  EXPECT_NE(err_.str().find("72h"), std::string::npos) << err_.str();
  EXPECT_TRUE(Entries("OVERRIDE").empty());

  ASSERT_EQ(DoOverride(Override(id, "alice", "WARN")), kExitApprove) << err_.str();
  EXPECT_NE(out_.str().find("effective verdict: WARN"), std::string::npos) << out_.str();
  const std::vector<ledger::LedgerEntry> overrides = Entries("OVERRIDE");
  ASSERT_EQ(overrides.size(), 1u);
  EXPECT_EQ(overrides[0].decision_id(), id);
  EXPECT_EQ(overrides[0].attributes().at("ticket"), "OPS-1");
  EXPECT_EQ(overrides[0].attributes().at("expires_at"), "2026-11-30T12:00:00Z");
  EXPECT_EQ(overrides[0].attributes().at("release"), "rc-1");

  const std::string text = ShowText(id);
  EXPECT_NE(text.find("verdict: BLOCK\n"), std::string::npos) << text;
  EXPECT_NE(text.find("effective verdict: WARN"), std::string::npos) << text;
  EXPECT_NE(text.find("OVERRIDE by alice -> WARN, ticket OPS-1"), std::string::npos) << text;
  EXPECT_NE(text.find("regression-suite"), std::string::npos) << text;

  // The WARN the override set can be approved.
  ASSERT_EQ(Approve(Action(id, "bob")), kExitApprove) << err_.str();
  json::object shown = ShowJson(id);
  EXPECT_EQ(shown.at("verdict"), "BLOCK");
  EXPECT_EQ(shown.at("effective_verdict"), "APPROVE");
  // A pipeline waiting on the approval reads the effective verdict as an exit code.
  EXPECT_EQ(ShowExit(id), kExitApprove);
  ASSERT_EQ(shown.at("trail").as_array().size(), 2u);
  EXPECT_EQ(shown.at("trail").at(0).at("effect"), "applied");
  EXPECT_EQ(shown.at("trail").at(0).at("signed_by"), nullptr);
  EXPECT_EQ(shown.at("trail").at(1).at("actor"), "bob");
  EXPECT_EQ(shown.at("decision").at("verdict"), "BLOCK");

  // After the expiry the verdict falls back; bob approved a WARN that no longer holds.
  clock_.Advance(hours(25));
  shown = ShowJson(id);
  EXPECT_EQ(shown.at("effective_verdict"), "BLOCK");
  EXPECT_EQ(ShowExit(id), kExitBlock);
  EXPECT_EQ(ShowExit(id, "nonsense"), kExitUsage);
  EXPECT_EQ(shown.at("trail").at(0).at("effect"), "expired");
  EXPECT_EQ(shown.at("trail").at(1).at("effect"), "not_applicable");
  // The decision entry itself never changed.
  ASSERT_EQ(Entries("DECISION").size(), 1u);
  EXPECT_EQ(Entries("DECISION")[0].attributes().at("verdict"), "BLOCK");
}

TEST_F(DecisionCommandTest, SecondApproverConfirmsASignedOverride) {
  const std::string id = RunGate(/*failed=*/1, /*skipped=*/0, /*second_approver=*/true);
  ASSERT_FALSE(id.empty());
  const ledger::Signer alice = *ledger::Signer::FromSeed("alice", std::string(32, 'a'));
  std::ofstream(dir_ / "alice.key") << alice.Format() << "\n";
  DecisionActionOptions o = Override(id, "alice", "APPROVE");
  o.key_file = dir_ / "alice.key";
  ASSERT_EQ(DoOverride(o), kExitApprove) << err_.str();
  EXPECT_NE(out_.str().find("signed by alice+"), std::string::npos) << out_.str();
  EXPECT_NE(out_.str().find("pending"), std::string::npos) << out_.str();
  EXPECT_EQ(ShowJson(id).at("effective_verdict"), "BLOCK");

  EXPECT_EQ(Approve(Action(id, "alice")), kExitUsage);
  EXPECT_NE(err_.str().find("second approver"), std::string::npos) << err_.str();
  ASSERT_EQ(Approve(Action(id, "bob")), kExitApprove) << err_.str();

  const json::object shown = ShowJson(id);
  EXPECT_EQ(shown.at("effective_verdict"), "APPROVE");
  EXPECT_EQ(shown.at("trail").at(0).at("signed_by"), json::value(alice.verifier().Format()));
  EXPECT_EQ(shown.at("trail").at(1).at("effect"), "confirmed");
  EXPECT_EQ(shown.at("policy").at("overrides").at("require_second_approver"), true);
  EXPECT_NE(ShowText(id).find("signed by alice+"), std::string::npos) << out_.str();
}

TEST_F(DecisionCommandTest, StaleDigestsAndBadRequestsAreRefusedAndRecordNothing) {
  const std::string id = RunGate(/*failed=*/0, /*skipped=*/3);
  ASSERT_FALSE(id.empty());
  const json::object before = ShowJson(id);
  EXPECT_EQ(before.at("verdict"), "WARN");
  const std::string digest(before.at("decision_digest").as_string());
  ASSERT_EQ(digest.rfind("sha256:", 0), 0u);

  DecisionActionOptions stale = Action(id, "alice");
  stale.digest = "sha256:" + std::string(64, '0');
  EXPECT_EQ(Approve(stale), kExitUsage);
  EXPECT_NE(err_.str().find("stale"), std::string::npos) << err_.str();
  EXPECT_EQ(Approve(Action("dec-ffffffffffffffff", "alice")), kExitUsage);
  EXPECT_NE(err_.str().find("unknown decision id"), std::string::npos) << err_.str();
  EXPECT_EQ(DecisionShowCommand({.ledger_dir = ledger_, .decision_id = "dec-ffffffffffffffff"},
                                clock_, out_, err_),
            kExitUsage);
  EXPECT_EQ(Approve(Action(id, "")), kExitUsage);
  EXPECT_EQ(Approve(Action(id, "bo\x01")), kExitUsage);
  EXPECT_NE(err_.str().find("control"), std::string::npos) << err_.str();
  DecisionActionOptions bad_key = Action(id, "alice");
  std::ofstream(dir_ / "bad.key") << "not a key\n";
  bad_key.key_file = dir_ / "bad.key";
  EXPECT_EQ(Approve(bad_key), kExitUsage);
  EXPECT_TRUE(Entries("APPROVAL").empty());

  DecisionActionOptions current = Action(id, "alice");
  current.digest = digest;
  ASSERT_EQ(Approve(current), kExitApprove) << err_.str();
  EXPECT_NE(out_.str().find("effective verdict: APPROVE"), std::string::npos) << out_.str();
  EXPECT_EQ(Approve(Action(id, "alice")), kExitUsage);  // already approved by alice
  EXPECT_EQ(Entries("APPROVAL").size(), 1u);
  EXPECT_EQ(Entries("APPROVAL")[0].attributes().at("decision_digest"), digest);

  ASSERT_EQ(Invalidate(Action(id, "carol")), kExitApprove) << err_.str();
  EXPECT_EQ(Invalidate(Action(id, "carol")), kExitUsage);
  const json::object after = ShowJson(id);
  EXPECT_TRUE(after.at("invalidated_by").is_number()) << after;
  EXPECT_EQ(Entries("INVALIDATION").size(), 1u);
}

// `docket run` hands the ledger's invalidated candidates to the workflow's
// excluded_releases param (the trends step keeps them out of baselines), and records it.
TEST_F(DecisionCommandTest, InvalidatedCandidatesReachTheNextRunsParam) {
  const std::string id = RunGate(1, 0);
  ASSERT_FALSE(id.empty());
  ASSERT_EQ(Entries("RUN_STARTED").back().attributes().at("param.excluded_releases"), "");
  ASSERT_EQ(Invalidate(Action(id, "carol")), kExitApprove) << err_.str();
  ASSERT_FALSE(RunGate(0, 0).empty());
  EXPECT_EQ(Entries("RUN_STARTED").back().attributes().at("param.excluded_releases"), "rc-1");
}

TEST_F(DecisionCommandTest, AnApproveCannotBeApproved) {
  const std::string id = RunGate(/*failed=*/0, /*skipped=*/0);
  ASSERT_FALSE(id.empty());
  EXPECT_EQ(ShowJson(id).at("verdict"), "APPROVE");
  EXPECT_EQ(Approve(Action(id, "alice")), kExitUsage);
  EXPECT_NE(err_.str().find("nothing to approve"), std::string::npos) << err_.str();
  DecisionActionOptions bad_verdict = Override(id, "alice", "MAYBE");
  EXPECT_EQ(DoOverride(bad_verdict), kExitUsage);
  DecisionActionOptions bad_expiry = Override(id, "alice", "BLOCK");
  bad_expiry.expires = "soon";
  EXPECT_EQ(DoOverride(bad_expiry), kExitUsage);
}

TEST_F(DecisionCommandTest, ADirectoryThatIsNoLedgerIsRefused) {
  ledger_ = dir_;
  EXPECT_EQ(Approve(Action("dec-0000000000000000", "alice")), kExitUsage);
  EXPECT_FALSE(fs::exists(dir_ / "db"));
}

}  // namespace
}  // namespace docket::adapters
