// Tests for `docket ledger export`, `verify --bundle`, `erase`, `show --blob` and the
// blob and index checks of `verify` (adapters/cli/ledger_bundle_command.cc,
// ledger_erase_command.cc, ledger_command.cc) on a ledger holding one run of the sample
// workflow. The run is recorded once per suite into a template ledger; every test works
// on its own copy, in-process, in temp directories, with a fake clock.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <sstream>

#include "adapters/cli/exit_codes.h"
#include "adapters/cli/ledger_command.h"
#include "adapters/cli/run_command.h"
#include "engine/base/encoding.h"
#include "engine/base/time_format.h"
#include "ledger/log/ledger_index.h"
#include "ledger/log/ledger_store.h"
#include "ledger/note_key.h"

namespace docket::adapters {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
using ::testing::HasSubstr;
using ::testing::Not;

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), {});
}

void Spill(const fs::path& p, const std::string& bytes) {
  std::ofstream(p, std::ios::binary | std::ios::trunc) << bytes;
}

fs::path NewTempDir(const std::string& what) {
  std::random_device rd;
  const fs::path dir = fs::temp_directory_path() / ("docket-" + what + "-" + std::to_string(rd()));
  fs::create_directories(dir);
  return dir;
}

class LedgerBundleCommandTest : public ::testing::Test {
 protected:
  // One run of the sample workflow (50 entries: RUN_STARTED, 25 INPUT_SNAPSHOTs, ...).
  static void SetUpTestSuite() {
    template_root_ = new fs::path(NewTempDir("bundle-cmd-template"));
    RunCommandOptions o;
    o.workflow = fs::path(DOCKET_SOURCE_DIR) / "workflows" / "preprod_gate.yaml";
    o.out_dir = *template_root_ / "out";
    o.ledger_dir = *template_root_ / "ledger";
    o.as_of = "2026-11-20T00:00:00Z";
    o.quiet = true;
    o.build_id = "test-build";
    FakeClock clock(*ParseRfc3339("2026-11-29T12:00:00Z"));
    std::ostringstream out, err;
    const int code = RunWorkflowCommand(o, {.clock = &clock, .out = &out, .err = &err});
    ASSERT_EQ(code, kExitBlock) << err.str();
  }
  static void TearDownTestSuite() {
    fs::remove_all(*template_root_);
    delete template_root_;
  }

  void SetUp() override {
    root_ = NewTempDir("bundle-cmd-test");
    dir_ = root_ / "ledger";
    fs::copy(*template_root_ / "ledger", dir_, fs::copy_options::recursive);
    key_ = root_ / "published.vkey";
    fs::copy_file(dir_ / "keys" / "verifier.vkey", key_);
  }
  void TearDown() override { fs::remove_all(root_); }

  int Call(const std::function<int(std::ostream&, std::ostream&)>& command) {
    out_.str("");
    err_.str("");
    return command(out_, err_);
  }

  int Export(const fs::path& file, std::optional<std::string> decision = std::nullopt) {
    return Call([&](auto& o, auto& e) {
      return LedgerExportCommand({.ledger_dir = dir_, .out = file, .decision = decision}, o, e);
    });
  }
  int VerifyBundle(const fs::path& file, bool with_key = true) {
    return Call([&](auto& o, auto& e) {
      LedgerVerifyOptions options{.bundle = file};
      if (with_key) options.key_file = key_;
      return LedgerVerifyCommand(options, o, e);
    });
  }
  int VerifyLedger() {
    return Call([&](auto& o, auto& e) {
      return LedgerVerifyCommand({.ledger_dir = dir_, .key_file = key_}, o, e);
    });
  }
  int Erase(const std::string& subject) {
    return Call([&](auto& o, auto& e) {
      return LedgerEraseCommand(
          {.ledger_dir = dir_, .subject = subject, .actor = "dpo", .reason = "art. 17 request"},
          clock_, o, e);
    });
  }
  int ShowBlob(const std::string& digest) {
    return Call([&](auto& o, auto& e) {
      return LedgerShowCommand({.ledger_dir = dir_, .blob = digest}, o, e);
    });
  }

  // The JSON lines `show` prints for `options`.
  std::vector<json::value> Show(LedgerShowOptions options) {
    options.ledger_dir = dir_;
    EXPECT_EQ(Call([&](auto& o, auto& e) { return LedgerShowCommand(options, o, e); }), 0)
        << err_.str();
    std::vector<json::value> lines;
    std::istringstream in(out_.str());
    for (std::string line; std::getline(in, line);) lines.push_back(json::parse(line));
    return lines;
  }

  // The first input file's blob as its INPUT_SNAPSHOT entry names it.
  json::object InputBlob() {
    const std::vector<json::value> inputs = Show({.type = "INPUT_SNAPSHOT"});
    EXPECT_FALSE(inputs.empty());
    return inputs.at(0).at("entry").at("blobs").at(0).as_object();
  }

  std::string DecisionId() {
    const std::vector<json::value> decisions = Show({.type = "DECISION"});
    EXPECT_EQ(decisions.size(), 1u);
    return std::string(decisions.at(0).at("entry").at("decision_id").as_string());
  }

  static inline fs::path* template_root_ = nullptr;
  fs::path root_;
  fs::path dir_;
  fs::path key_;
  FakeClock clock_{*ParseRfc3339("2026-12-01T09:30:00Z")};
  std::ostringstream out_;
  std::ostringstream err_;
};

TEST_F(LedgerBundleCommandTest, ExportsAndVerifiesWholeAndSelectionBundles) {
  const fs::path whole = root_ / "whole.bundle";
  ASSERT_EQ(Export(whole), kExitApprove) << err_.str();
  EXPECT_THAT(out_.str(), HasSubstr("whole-log bundle, 50 entries"));
  EXPECT_THAT(out_.str(), HasSubstr("tree size 50"));
  ASSERT_EQ(VerifyBundle(whole), kExitApprove) << err_.str();
  EXPECT_THAT(out_.str(), HasSubstr("ok: whole-log bundle"));
  EXPECT_THAT(out_.str(), HasSubstr("50 entries"));
  EXPECT_THAT(out_.str(), HasSubstr("checkpoint 50, root "));
  EXPECT_EQ(err_.str(), "");

  const std::string decision = DecisionId();
  const fs::path selection = root_ / "decision.bundle";
  ASSERT_EQ(Export(selection, decision), kExitApprove) << err_.str();
  EXPECT_THAT(out_.str(), HasSubstr("selection bundle, 2 entries"));
  ASSERT_EQ(VerifyBundle(selection), kExitApprove) << err_.str();
  EXPECT_THAT(out_.str(), HasSubstr("selection bundle (decision=" + decision + ")"));
  EXPECT_THAT(out_.str(), HasSubstr("2 entries with 2 inclusion proofs"));
  // Without --key the header's own keys are used, and stderr says so.
  ASSERT_EQ(VerifyBundle(selection, /*with_key=*/false), kExitApprove) << err_.str();
  EXPECT_THAT(err_.str(), HasSubstr("listed in the bundle itself"));
  // Nothing but the two bundles (and the key) was left beside them: no temp files.
  int files = 0;
  for (const auto& f : fs::directory_iterator(root_)) files += f.is_regular_file() ? 1 : 0;
  EXPECT_EQ(files, 3);
}

TEST_F(LedgerBundleCommandTest, BundleVerifyWithAnotherKeyFails) {
  const fs::path whole = root_ / "whole.bundle";
  ASSERT_EQ(Export(whole), kExitApprove) << err_.str();
  StatusOr<ledger::Signer> other = ledger::Signer::FromSeed("docket-ledger", std::string(32, 'x'));
  ASSERT_TRUE(other.ok());
  Spill(key_, other->verifier().Format() + "\n");
  EXPECT_EQ(VerifyBundle(whole), 1);
  EXPECT_THAT(err_.str(), HasSubstr("checkpoint"));
  EXPECT_EQ(out_.str(), "");
}

TEST_F(LedgerBundleCommandTest, TamperedBundleFailsNamingWhatIsBad) {
  const fs::path whole = root_ / "whole.bundle";
  ASSERT_EQ(Export(whole), kExitApprove) << err_.str();
  const std::string bytes = Slurp(whole);
  // A byte inside the first stored blob (after "DKB1" and its kind byte).
  const size_t blob = bytes.find("DKB1");
  ASSERT_NE(blob, std::string::npos);
  std::string flipped = bytes;
  flipped[blob + 10] ^= 0x01;
  Spill(whole, flipped);
  EXPECT_EQ(VerifyBundle(whole), 1);
  EXPECT_THAT(err_.str(), HasSubstr("bundle verification failed: blob sha256:"));
  // A truncated bundle names the record where it ends.
  Spill(whole, bytes.substr(0, bytes.size() - 3));
  EXPECT_EQ(VerifyBundle(whole), 1);
  EXPECT_THAT(err_.str(), HasSubstr("record "));
  // Intact again: verifies.
  Spill(whole, bytes);
  EXPECT_EQ(VerifyBundle(whole), kExitApprove) << err_.str();
}

TEST_F(LedgerBundleCommandTest, EraseRecordsAReceiptThenDestroysTheKey) {
  const json::object input = InputBlob();
  const std::string subject(input.at("data_subject").as_string());
  const std::string digest(input.at("digest").as_string());
  ASSERT_THAT(subject, HasSubstr("input:sha256:"));
  // Readable before: the plaintext has the recorded size.
  ASSERT_EQ(ShowBlob(digest), kExitApprove) << err_.str();
  EXPECT_EQ(out_.str().size(), std::stoull(std::string(input.at("size").as_string())));

  ASSERT_EQ(Erase(subject), kExitApprove) << err_.str();
  EXPECT_THAT(out_.str(), HasSubstr("erased subject " + subject + ": receipt at entry 50"));
  EXPECT_THAT(out_.str(), HasSubstr("covered by checkpoint 51"));
  // The receipt: type-indexed, the subject, actor and reason, the clock read once.
  const std::vector<json::value> receipts = Show({.type = "ERASURE_RECEIPT"});
  ASSERT_EQ(receipts.size(), 1u);
  EXPECT_EQ(receipts[0].at("index").to_number<uint64_t>(), 50u);
  const json::value& entry = receipts[0].at("entry");
  EXPECT_EQ(entry.at("logical_time"), "2026-12-01T09:30:00Z");
  EXPECT_EQ(entry.at("attributes").at("subject").as_string(), subject);
  EXPECT_EQ(entry.at("attributes").at("actor"), "dpo");
  EXPECT_EQ(entry.at("attributes").at("reason"), "art. 17 request");
  EXPECT_EQ(entry.as_object().if_contains("run_id"), nullptr);

  EXPECT_EQ(VerifyLedger(), kExitApprove) << err_.str();
  EXPECT_THAT(out_.str(), HasSubstr("ok: 51 entries"));
  EXPECT_EQ(Call([&](auto& o, auto& e) {
              return LedgerProofCommand({.ledger_dir = dir_, .index = 50}, o, e);
            }),
            kExitApprove)
      << err_.str();

  const fs::path whole = root_ / "after.bundle";
  ASSERT_EQ(Export(whole), kExitApprove) << err_.str();
  EXPECT_THAT(out_.str(), HasSubstr("1 erased subjects"));
  ASSERT_EQ(VerifyBundle(whole), kExitApprove) << err_.str();
  EXPECT_THAT(out_.str(), HasSubstr("1 erased blobs"));
  EXPECT_THAT(out_.str(), HasSubstr("erased: subject " + subject + " by the receipt at entry 50"));

  EXPECT_EQ(ShowBlob(digest), 1);
  EXPECT_EQ(out_.str(), "");
  EXPECT_THAT(err_.str(), HasSubstr("is erased"));
  EXPECT_THAT(err_.str(), HasSubstr("receipt at entry 50"));

  ASSERT_EQ(Erase(subject), kExitApprove) << err_.str();
  EXPECT_THAT(out_.str(), HasSubstr("already erased by the receipt at entry 50"));
  EXPECT_EQ(Show({.type = "ERASURE_RECEIPT"}).size(), 1u);  // no second receipt
}

TEST_F(LedgerBundleCommandTest, ErasingAnUnknownOrInvalidSubjectIsAUsageError) {
  EXPECT_EQ(Erase("input:sha256:0000"), kExitUsage);
  EXPECT_THAT(err_.str(), HasSubstr("has no key in this ledger"));
  EXPECT_EQ(Erase(""), kExitUsage);
  EXPECT_EQ(Erase("bad\nsubject"), kExitUsage);
  EXPECT_EQ(Show({.type = "ERASURE_RECEIPT"}).size(), 0u);  // nothing was appended
  const fs::path elsewhere = root_ / "not-a-ledger";
  fs::create_directories(elsewhere);
  EXPECT_EQ(Call([&](auto& o, auto& e) {
              return LedgerEraseCommand({.ledger_dir = elsewhere, .subject = "input:x"}, clock_, o,
                                        e);
            }),
            kExitUsage);
  EXPECT_TRUE(fs::is_empty(elsewhere));
}

TEST_F(LedgerBundleCommandTest, VerifyFailsOnAFlippedBlobByteNamingTheBlob) {
  const std::string digest(InputBlob().at("digest").as_string());
  {
    StatusOr<std::unique_ptr<ledger::LedgerStore>> store =
        ledger::LedgerStore::Open((dir_ / "db").string());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    std::string key;
    ASSERT_TRUE(HexDecode(digest.substr(7), key));
    StatusOr<std::optional<std::string>> stored =
        (*store)->GetSide(ledger::SideFamily::kBlobs, key);
    ASSERT_TRUE(stored.ok() && stored->has_value());
    std::string bad = **stored;
    bad[bad.size() / 2] ^= 0x40;
    ASSERT_TRUE((*store)->PutSide(ledger::SideFamily::kBlobs, key, bad, /*sync=*/true).ok());
  }
  EXPECT_EQ(VerifyLedger(), 1);
  EXPECT_THAT(err_.str(), HasSubstr("blob " + digest));
  EXPECT_EQ(out_.str(), "");
}

TEST_F(LedgerBundleCommandTest, VerifyFailsOnAnIndexRowPointingAtAnotherEntry) {
  const std::string decision = DecisionId();
  ASSERT_EQ(VerifyLedger(), kExitApprove) << err_.str();
  {
    StatusOr<std::unique_ptr<ledger::LedgerStore>> store =
        ledger::LedgerStore::Open((dir_ / "db").string());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    // Entry 0 is the RUN_STARTED entry: not about the decision.
    const std::string row = ledger::IndexRowKey({ledger::IndexKind::kDecision, decision}, 0);
    ASSERT_TRUE((*store)->PutSide(ledger::SideFamily::kIndexes, row, "", /*sync=*/true).ok());
  }
  EXPECT_EQ(VerifyLedger(), 1);
  EXPECT_THAT(err_.str(),
              HasSubstr("index decision=" + decision + ": entry 0 does not belong to it"));
}

TEST_F(LedgerBundleCommandTest, VerifyFailsOnAMissingIndexRowAndNamesIt) {
  const std::string decision = DecisionId();
  ASSERT_EQ(VerifyLedger(), kExitApprove) << err_.str();
  uint64_t decision_entry = 0;
  {
    StatusOr<std::unique_ptr<ledger::LedgerStore>> store =
        ledger::LedgerStore::Open((dir_ / "db").string());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    const ledger::IndexTerm term{ledger::IndexKind::kDecision, decision};
    StatusOr<std::vector<uint64_t>> rows = ledger::LookupIndex(**store, term);
    ASSERT_TRUE(rows.ok() && !rows->empty());
    decision_entry = rows->back();
    // Hide the decision from `show --decision` by deleting its row.
    ASSERT_TRUE((*store)->EraseSide(ledger::SideFamily::kIndexes,
                                    ledger::IndexRowKey(term, decision_entry)).ok());
  }
  EXPECT_EQ(VerifyLedger(), 1);
  EXPECT_THAT(err_.str(), HasSubstr("index decision=" + decision + ": entry " +
                                    std::to_string(decision_entry) +
                                    " carries the term but has no row"));
}

TEST_F(LedgerBundleCommandTest, ExportUsageErrors) {
  EXPECT_EQ(Call([&](auto& o, auto& e) {
              return LedgerExportCommand(
                  {.ledger_dir = dir_, .out = root_ / "x.bundle", .type = "NOPE"}, o, e);
            }),
            kExitUsage);
  EXPECT_EQ(Export(root_ / "missing" / "x.bundle"), kExitUsage);
  EXPECT_THAT(err_.str(), HasSubstr("no such directory"));
  EXPECT_EQ(Export(root_ / "x.bundle", "dec-nothing"), kExitUsage);
  EXPECT_THAT(err_.str(), HasSubstr("no entry is filed under decision=dec-nothing"));
  EXPECT_FALSE(fs::exists(root_ / "x.bundle"));
  EXPECT_EQ(VerifyBundle(root_ / "x.bundle"), kExitUsage);
  // Not a bundle at all.
  Spill(root_ / "x.bundle", "hello\n");
  EXPECT_NE(VerifyBundle(root_ / "x.bundle"), kExitApprove);
  EXPECT_THAT(err_.str(), Not(HasSubstr("ok:")));
}

}  // namespace
}  // namespace docket::adapters
