// End-to-end tests of `docket run` and `docket validate` on the bundled sample workflow,
// in-process, with temp directories and a fake clock.
#include "adapters/cli/run_command.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <valijson/adapters/boost_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <random>
#include <set>
#include <sstream>

#include "adapters/cli/exit_codes.h"
#include "adapters/cli/ledger_command.h"
#include "adapters/ledger/ledger_home.h"
#include "engine/base/encoding.h"
#include "engine/base/time_format.h"
#include "ledger/checkpoint.h"
#include "ledger/merkle.h"

namespace docket::adapters {
namespace {

namespace fs = std::filesystem;

std::string Str(const boost::json::value& v) { return std::string(v.as_string()); }

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), {});
}

class RunCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device rd;
    dir_ = fs::temp_directory_path() / ("docket-run-test-" + std::to_string(rd()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  RunCommandOptions Options(const std::string& name) {
    RunCommandOptions o;
    o.workflow = fs::path(DOCKET_SOURCE_DIR) / "workflows" / "preprod_gate.yaml";
    o.out_dir = dir_ / name / "out";
    o.ledger_dir = dir_ / name / "ledger";
    o.as_of = "2026-11-20T00:00:00Z";
    o.quiet = true;
    o.build_id = "test-build";
    return o;
  }

  int Run(const RunCommandOptions& o, std::function<void(std::function<void()>)> hook = nullptr) {
    out_.str("");
    err_.str("");
    RunCommandEnv env{.clock = &clock_, .out = &out_, .err = &err_, .on_cancellable = hook};
    return RunWorkflowCommand(o, env);
  }

  static boost::json::value Json(const fs::path& p) { return boost::json::parse(Slurp(p)); }

  // The manifest without the facts that legitimately differ between runs.
  static boost::json::value StableManifest(const fs::path& p) {
    boost::json::value m = Json(p);
    m.as_object().erase("metadata");
    return m;
  }

  fs::path dir_;
  FakeClock clock_{*ParseRfc3339("2026-11-29T12:00:00Z")};
  std::ostringstream out_;
  std::ostringstream err_;
};

TEST_F(RunCommandTest, SampleLatestReleaseIsBlockedWithEvidence) {
  RunCommandOptions o = Options("latest");
  ASSERT_EQ(Run(o), kExitBlock) << err_.str();
  EXPECT_NE(out_.str().find("verdict: BLOCK"), std::string::npos) << out_.str();
  for (const char* f : {"decision.json", "report.md", "release-notes.md", "quarantine.jsonl",
                        "manifest.json"}) {
    EXPECT_TRUE(fs::exists(o.out_dir / f)) << f;
    EXPECT_NE(out_.str().find((o.out_dir / f).string()), std::string::npos) << f;
  }
  const boost::json::value d = Json(o.out_dir / "decision.json");
  EXPECT_EQ(d.at("verdict"), "BLOCK");
  EXPECT_EQ(d.at("release").at("id"), "rc-4.3.0");
  EXPECT_EQ(d.at("policy").at("name"), "mobile-app");
  bool checkout_failed = false;
  for (const auto& rule : d.at("rules").as_array()) {
    if (rule.at("id") == "area-spike" && rule.at("instance") == "checkout") {
      checkout_failed = rule.at("outcome") == "fail" && rule.at("contribution") == "BLOCK";
      EXPECT_GT(rule.at("evidence").at("observed").to_number<int64_t>(), 25);
      EXPECT_GE(rule.at("evidence").at("rate_ratio").to_number<double>(), 2.0);
    } else if (rule.at("id") == "area-spike") {
      EXPECT_EQ(rule.at("outcome"), "pass") << rule;  // no other area rose
    }
  }
  EXPECT_TRUE(checkout_failed);
  EXPECT_GT(d.at("data_quality").at("quarantined_rows").to_number<int64_t>(), 0);
  const std::string report = Slurp(o.out_dir / "report.md");
  EXPECT_NE(report.find("**Verdict: BLOCK**"), std::string::npos);
  EXPECT_NE(report.find("| checkout (flagged) |"), std::string::npos) << report;
  // Every quarantined row says where it was and why.
  std::istringstream q(Slurp(o.out_dir / "quarantine.jsonl"));
  std::string line;
  while (std::getline(q, line)) {
    const boost::json::value e = boost::json::parse(line);
    EXPECT_FALSE(e.at("file").as_string().empty());
    EXPECT_GT(e.at("line").to_number<int64_t>(), 0);
    EXPECT_FALSE(e.at("reason").as_string().empty());
  }
  EXPECT_TRUE(fs::exists(o.ledger_dir / "db"));
  EXPECT_TRUE(fs::exists(o.ledger_dir / "keys" / "verifier.vkey"));
  // The sample's PII (e.g. k.sato@example.org in nps.csv) reaches no output.
  const std::string sample_email = "k.sato@example.org";
  ASSERT_NE(Slurp(fs::path(DOCKET_SOURCE_DIR) / "workflows" / "sample" / "data" / "nps.csv")
                .find(sample_email),
            std::string::npos);
  for (const auto& f : fs::directory_iterator(o.out_dir)) {
    const std::string bytes = Slurp(f.path());
    EXPECT_EQ(bytes.find(sample_email), std::string::npos) << f.path();
    EXPECT_EQ(bytes.find("@example."), std::string::npos) << f.path();
  }
}

TEST_F(RunCommandTest, HealthyReleaseIsApproved) {
  RunCommandOptions o = Options("healthy");
  o.release = "rc-4.2.0";
  ASSERT_EQ(Run(o), kExitApprove) << err_.str();
  EXPECT_EQ(Json(o.out_dir / "decision.json").at("verdict"), "APPROVE");
}

TEST_F(RunCommandTest, SameInputsGiveIdenticalBytesWithOneAndFourThreads) {
  RunCommandOptions a = Options("a");
  a.threads = 1;
  RunCommandOptions b = Options("b");
  b.threads = 4;
  // Two ledgers have two master keys, hence two derived pseudonym keys; one tenant key
  // (DOCKET_REDACTION_KEY) makes the redacted records, and so the manifests, agree.
  a.redaction_key = b.redaction_key = "tenant-key";
  ASSERT_EQ(Run(a), kExitBlock) << err_.str();
  ASSERT_EQ(Run(b), kExitBlock) << err_.str();
  for (const char* f : {"decision.json", "report.md", "release-notes.md", "quarantine.jsonl"}) {
    EXPECT_EQ(Slurp(a.out_dir / f), Slurp(b.out_dir / f)) << f;
  }
  EXPECT_EQ(StableManifest(a.out_dir / "manifest.json"),
            StableManifest(b.out_dir / "manifest.json"));
  // Run ids are metadata and differ.
  EXPECT_NE(Json(a.out_dir / "manifest.json").at("metadata").at("run_id"),
            Json(b.out_dir / "manifest.json").at("metadata").at("run_id"));
}

TEST_F(RunCommandTest, AsOfDefaultsToTheClockReadOnce) {
  RunCommandOptions o = Options("clock");
  o.as_of.reset();
  ASSERT_EQ(Run(o), kExitBlock) << err_.str();
  EXPECT_EQ(Json(o.out_dir / "manifest.json").at("logical_time"), "2026-11-29T12:00:00Z");
}

TEST_F(RunCommandTest, CancelledRunWritesNoOutputs) {
  RunCommandOptions o = Options("cancel");
  // Cancel as soon as the run becomes cancellable: before any step can finish.
  const int code = Run(o, [](std::function<void()> cancel) {
    if (cancel) cancel();
  });
  EXPECT_EQ(code, kExitCancelled) << err_.str();
  EXPECT_FALSE(fs::exists(o.out_dir / "decision.json"));
  EXPECT_FALSE(fs::exists(o.out_dir / "report.md"));
}

TEST_F(RunCommandTest, TruncatedInputIsAnInputErrorNamingTheFile) {
  const fs::path bad = dir_ / "tickets_cut.csv";
  std::ofstream(bad) << "ticket_id,created_at\r\n1,\"2026-10-01T00:00:00Z";
  RunCommandOptions o = Options("truncated");
  o.inputs = {"feedback=" + bad.string()};
  EXPECT_EQ(Run(o), kExitUsage);
  EXPECT_NE(err_.str().find("tickets_cut.csv"), std::string::npos) << err_.str();
  EXPECT_FALSE(fs::exists(o.out_dir / "decision.json"));
}

TEST_F(RunCommandTest, MissingInputFileAndBadAsOfAreUsageErrors) {
  RunCommandOptions o = Options("missing");
  o.inputs = {dir_ / "nope.csv"};
  EXPECT_EQ(Run(o), kExitUsage);
  EXPECT_NE(err_.str().find("nope.csv"), std::string::npos);
  RunCommandOptions t = Options("asof");
  t.as_of = "yesterday";
  EXPECT_EQ(Run(t), kExitUsage);
  EXPECT_NE(err_.str().find("--as-of"), std::string::npos);
  RunCommandOptions r = Options("release");
  r.release = "rc-9.9.9";
  EXPECT_EQ(Run(r), kExitUsage);
  EXPECT_NE(err_.str().find("rc-9.9.9"), std::string::npos) << err_.str();
}

TEST_F(RunCommandTest, ALedgerThatCannotBeOpenedFailsTheRunWithExit4) {
  RunCommandOptions o = Options("unwritable");
  fs::create_directories(o.ledger_dir.parent_path());
  std::ofstream(o.ledger_dir) << "a file, not a directory";
  EXPECT_EQ(Run(o), kExitInternal);
  EXPECT_NE(err_.str().find("opening the ledger " + o.ledger_dir.string()), std::string::npos)
      << err_.str();
  EXPECT_FALSE(fs::exists(o.out_dir / "decision.json"));
  // A ledger held by another writer (RocksDB's lock) is refused the same way.
  RunCommandOptions held = Options("held");
  auto home = LedgerHome::OpenForWriting(held.ledger_dir);
  ASSERT_TRUE(home.ok()) << home.status().ToString();
  EXPECT_EQ(Run(held), kExitInternal);
  EXPECT_NE(err_.str().find("opening the ledger"), std::string::npos) << err_.str();
}

TEST_F(RunCommandTest, JsonSummaryOnStdout) {
  RunCommandOptions o = Options("json");
  o.json = true;
  ASSERT_EQ(Run(o), kExitBlock);
  const boost::json::value s = boost::json::parse(out_.str());
  EXPECT_EQ(s.at("verdict"), "BLOCK");
  EXPECT_EQ(s.at("status"), "SUCCEEDED");
  EXPECT_EQ(s.at("exit_code").to_number<int>(), kExitBlock);
  EXPECT_EQ(Str(s.at("decision_id")), "dec-" + Str(s.at("run_id")).substr(4));
  // RUN_STARTED, 25 input snapshots (3 feedback files, releases, policy, JUnit report,
  // flags, telemetry, the report template, 10 prompt files, 6 synthesis templates), 9
  // step results (ingest … synthesize), the policy evaluation, 12 EFFECTs (the synthesis
  // model calls, answered "not configured"), DECISION and RUN_FINISHED.
  EXPECT_EQ(s.at("checkpoint_size").to_number<uint64_t>(), 50u);
  EXPECT_EQ(Str(s.at("ledger")), o.ledger_dir.string());
}

// The value printed after `label: ` on a line of `text`.
std::string PrintedValue(const std::string& text, const std::string& label) {
  const size_t at = text.find("\n" + label + ": ");
  if (at == std::string::npos) return "";
  const size_t begin = at + label.size() + 3;
  return text.substr(begin, text.find_first_of(" \n", begin) - begin);
}

ledger::Hash HashFromB64(const boost::json::value& v) {
  std::string bytes;
  EXPECT_TRUE(Base64Decode(std::string(v.as_string()), bytes));
  ledger::Hash h;
  if (bytes.size() == h.bytes.size()) std::copy(bytes.begin(), bytes.end(), h.bytes.begin());
  return h;
}

TEST_F(RunCommandTest, SampleRunIsRecordedInTheSignedLedger) {
  RunCommandOptions o = Options("ledger");
  ASSERT_EQ(Run(o), kExitBlock) << err_.str();
  const std::string printed = out_.str();
  const std::string decision_id = PrintedValue(printed, "decision id");
  const uint64_t checkpoint_size = std::stoull(PrintedValue(printed, "ledger checkpoint"));
  const std::string run_id =
      std::string(Json(o.out_dir / "manifest.json").at("metadata").at("run_id").as_string());
  EXPECT_EQ(decision_id, "dec-" + run_id.substr(4));
  std::ostringstream out, err;
  ASSERT_EQ(LedgerVerifyCommand({.ledger_dir = o.ledger_dir}, out, err), 0) << err.str();

  out.str("");
  ASSERT_EQ(LedgerShowCommand({.ledger_dir = o.ledger_dir, .run = run_id}, out, err), 0);
  std::vector<boost::json::value> lines;
  std::istringstream in(out.str());
  for (std::string line; std::getline(in, line);) lines.push_back(boost::json::parse(line));
  ASSERT_EQ(lines.size(), checkpoint_size);
  EXPECT_EQ(lines.front().at("entry").at("type"), "RUN_STARTED");
  EXPECT_EQ(lines.back().at("entry").at("type"), "RUN_FINISHED");

  auto home = LedgerHome::OpenForWriting(o.ledger_dir);  // for the vault's master key
  ASSERT_TRUE(home.ok()) << home.status().ToString();
  const ledger::BlobVault& vault = *(*home)->vault();
  const boost::json::value manifest = Json(o.out_dir / "manifest.json");
  std::set<std::string> input_digests;
  for (const auto& f : manifest.at("inputs").as_array()) {
    input_digests.insert(std::string(f.at("digest").as_string()));
  }
  std::set<std::string> snapshot_digests;
  std::optional<uint64_t> decision_index;
  int redact_outputs = 0;
  for (const boost::json::value& line : lines) {
    const boost::json::object& e = line.at("entry").as_object();
    const std::string type(e.at("type").as_string());
    if (type == "INPUT_SNAPSHOT") {
      const auto& blob = e.at("blobs").as_array()[0];
      StatusOr<std::string> bytes = vault.Get(std::string(blob.at("digest").as_string()));
      ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
      const std::string digest(e.at("attributes").at("digest").as_string());
      EXPECT_EQ("sha256:" + Sha256(*bytes).Hex(), digest);
      EXPECT_EQ(Str(blob.at("data_subject")), "input:" + digest);
      if (e.at("attributes").at("name") == "tickets.csv") {
        EXPECT_EQ(*bytes, Slurp(fs::path(DOCKET_SOURCE_DIR) / "workflows" / "sample" / "data" /
                                "tickets.csv"));
      }
      snapshot_digests.insert(digest);
    } else if (type == "STEP_RESULT") {
      for (const auto& blob : e.at("blobs").as_array()) {
        const std::string port = std::string(blob.at("role").as_string()).substr(7);
        StatusOr<std::string> bytes = vault.Get(std::string(blob.at("digest").as_string()));
        ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
        if (e.at("attributes").at("step_type") == "redact") {
          ++redact_outputs;
          EXPECT_EQ(bytes->find("k.sato@example.org"), std::string::npos) << port;
          EXPECT_EQ(bytes->find("@example."), std::string::npos) << port;
        }
        EXPECT_EQ("sha256:" + Sha256(*bytes).Hex(),
                  Str(e.at("attributes").at("output." + port + ".digest")));
      }
    } else if (type == "POLICY_EVALUATION") {
      // The evaluation names the policy it applied, by name and by the file's digest.
      EXPECT_EQ(e.at("attributes").at("policy"), "mobile-app");
      EXPECT_EQ(Str(e.at("attributes").at("policy_digest")).rfind("sha256:", 0), 0u);
    } else if (type == "DECISION") {
      decision_index = line.at("index").to_number<uint64_t>();
      EXPECT_EQ(Str(e.at("decision_id")), decision_id);
      EXPECT_EQ(e.at("attributes").at("release"), "rc-4.3.0");
      EXPECT_EQ(e.at("attributes").at("verdict"), "BLOCK");
    }
  }
  EXPECT_EQ(redact_outputs, 2);  // records and evidence
  EXPECT_EQ(snapshot_digests, input_digests);
  EXPECT_EQ(input_digests.size(), 25u);
  ASSERT_TRUE(decision_index.has_value());
  (*home)->CloseWriter();
  home->reset();

  // The decision entry's inclusion proof verifies against the printed checkpoint.
  out.str("");
  ASSERT_EQ(LedgerCheckpointCommand(o.ledger_dir, out, err), 0);
  const std::string note = out.str();
  StatusOr<ledger::Verifier> key = ReadVerifierFile(o.ledger_dir / "keys" / "verifier.vkey");
  ASSERT_TRUE(key.ok());
  std::string origin = Slurp(o.ledger_dir / "origin");
  origin.pop_back();
  StatusOr<ledger::Checkpoint> checkpoint = ledger::OpenCheckpoint(note, {*key}, origin);
  ASSERT_TRUE(checkpoint.ok()) << checkpoint.status().ToString();
  EXPECT_EQ(checkpoint->size, checkpoint_size);
  out.str("");
  ASSERT_EQ(LedgerProofCommand({.ledger_dir = o.ledger_dir, .index = *decision_index}, out, err),
            0);
  const boost::json::value proof = boost::json::parse(out.str());
  std::vector<ledger::Hash> path;
  for (const auto& h : proof.at("hashes").as_array()) path.push_back(HashFromB64(h));
  EXPECT_TRUE(ledger::VerifyInclusion(HashFromB64(proof.at("leaf_hash")), *decision_index,
                                      checkpoint->size, path, checkpoint->root)
                  .ok());
}

// Verdicts and formats (exit_codes.h, docs/cli.md): the healthy candidate under small
// policies that give WARN or NEEDS_HUMAN, so every verdict is reached hermetically.
constexpr char kWarnPolicy[] = R"(version: 1
name: always-warn
rules:
  - id: advisory-check
    fail: "signals.regression.tests >= 0"
    mode: advisory
    on_missing_data: fail
)";

// A data guard no sample can meet lifts APPROVE to NEEDS_HUMAN.
constexpr char kNeedsHumanPolicy[] = R"(version: 1
name: too-few-records
guards:
  min_records: 1000000
rules:
  - id: regression
    fail: "signals.regression.failed > 0"
    key: true
    on_missing_data: pass
)";

class RunVerdictTest : public RunCommandTest {
 protected:
  RunCommandOptions WithPolicy(const std::string& name, const char* policy) {
    RunCommandOptions o = Options(name);
    o.release = "rc-4.2.0";
    const fs::path file = dir_ / (name + ".policy.yaml");
    std::ofstream(file) << policy;
    o.inputs = {"policy=" + file.string()};
    return o;
  }
};

std::string SchemaErrors(const boost::json::value& doc) {
  const boost::json::value schema_doc = boost::json::parse(
      Slurp(fs::path(DOCKET_SOURCE_DIR) / "docs" / "schemas" / "decision.v2.schema.json"));
  valijson::Schema schema;
  valijson::SchemaParser(valijson::SchemaParser::kDraft7)
      .populateSchema(valijson::adapters::BoostJsonAdapter(schema_doc), schema);
  valijson::ValidationResults results;
  if (valijson::Validator().validate(schema, valijson::adapters::BoostJsonAdapter(doc), &results)) {
    return "";
  }
  std::string errors;
  valijson::ValidationResults::Error error;
  while (results.popError(error)) {
    for (const std::string& part : error.context) errors += part;
    errors += ": " + error.description + "\n";
  }
  return errors;
}

TEST_F(RunVerdictTest, WarnExitsZeroWithANoteUnlessFailOnWarn) {
  RunCommandOptions o = WithPolicy("warn", kWarnPolicy);
  o.fail_on = FailOn::kWarn;
  o.format = DecisionFormat::kJson;
  o.quiet = false;  // the run summary then goes to stderr
  ASSERT_EQ(Run(o), kExitWarn) << err_.str();
  // stdout is the decision alone, valid against the published schema.
  const boost::json::value d = boost::json::parse(out_.str());
  EXPECT_EQ(d.at("verdict"), "WARN");
  EXPECT_EQ(d.at("effective_verdict"), "WARN");
  EXPECT_EQ(Str(d.at("decision_id")).rfind("dec-", 0), 0u);
  EXPECT_EQ(SchemaErrors(d), "");
  EXPECT_NE(err_.str().find("verdict: WARN"), std::string::npos) << err_.str();
  o = WithPolicy("warn-default", kWarnPolicy);
  ASSERT_EQ(Run(o), kExitApprove) << err_.str();
  EXPECT_NE(out_.str().find("verdict: WARN"), std::string::npos) << out_.str();
  EXPECT_NE(err_.str().find("verdict WARN: exit 0 (--fail-on warn would exit 6)"),
            std::string::npos)
      << err_.str();
}

// --fail-on block letting NEEDS_HUMAN pass is covered by VerdictExitTest
// (decision_formats_test.cc); its stderr note takes the same path as WARN's above.
TEST_F(RunVerdictTest, NeedsHumanExitsFiveWithGithubCommandsAndStepSummary) {
  RunCommandOptions o = WithPolicy("human", kNeedsHumanPolicy);
  o.format = DecisionFormat::kGithub;
  o.step_summary = dir_ / "step-summary.md";
  ASSERT_EQ(Run(o), kExitNeedsHuman) << err_.str();
  EXPECT_EQ(out_.str().rfind("::", 0), 0u) << out_.str();
  EXPECT_NE(out_.str().find("::warning title=Docket verdict%3A NEEDS_HUMAN::"), std::string::npos)
      << out_.str();
  EXPECT_NE(Slurp(o.step_summary).find("# Docket decision: NEEDS_HUMAN"), std::string::npos);
}

TEST_F(RunVerdictTest, BlockWithJunitFormatAndFormatConflicts) {
  RunCommandOptions o = Options("junit");
  o.format = DecisionFormat::kJunit;
  o.fail_on = FailOn::kBlock;
  ASSERT_EQ(Run(o), kExitBlock) << err_.str();
  EXPECT_EQ(out_.str().rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites", 0), 0u);
  EXPECT_NE(out_.str().find("<failure"), std::string::npos);
  RunCommandOptions both = Options("both");
  both.format = DecisionFormat::kText;
  both.json = true;
  EXPECT_EQ(Run(both), kExitUsage);
  EXPECT_NE(err_.str().find("--format and --json cannot be combined"), std::string::npos);
  EXPECT_FALSE(fs::exists(both.ledger_dir));  // refused before anything is recorded
}

TEST(ValidateCommandTest, SampleWorkflowIsValid) {
  std::ostringstream out, err;
  EXPECT_EQ(ValidateWorkflowCommand(fs::path(DOCKET_SOURCE_DIR) / "workflows" / "preprod_gate.yaml",
                                    false, out, err),
            kExitApprove)
      << err.str();
  EXPECT_NE(out.str().find("valid"), std::string::npos);
}

TEST(ValidateCommandTest, BrokenWorkflowListsEveryErrorWithPosition) {
  const fs::path path = fs::temp_directory_path() / "docket-validate-broken.yaml";
  std::ofstream(path) << "version: 1\nname: broken\nsteps:\n  - id: a\n    type: nope\n"
                         "  - id: a\n    type: normalize\n    inputs:\n      records: b.records\n";
  std::ostringstream out, err;
  EXPECT_EQ(ValidateWorkflowCommand(path, false, out, err), kExitUsage);
  const std::string e = err.str();
  EXPECT_NE(e.find(path.string() + ":5:11: error: unknown step type `nope`"), std::string::npos) << e;
  EXPECT_NE(e.find(":6:5: error: duplicate step id `a`"), std::string::npos) << e;
  EXPECT_NE(e.find("names no step `b`"), std::string::npos) << e;
  fs::remove(path);
}

}  // namespace
}  // namespace docket::adapters
