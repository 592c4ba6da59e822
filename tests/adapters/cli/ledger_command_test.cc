// Tests for `docket ledger ...` (adapters/cli/ledger_command): each subcommand on a
// small ledger written through LedgerHome, in-process with temp directories. Proofs are
// checked with ledger/merkle.h's verifiers against the printed checkpoint.
#include "adapters/cli/ledger_command.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "adapters/cli/exit_codes.h"
#include "adapters/ledger/ledger_home.h"
#include "adapters/sinks/run_entries.h"
#include "engine/base/encoding.h"
#include "ledger/checkpoint.h"
#include "ledger/merkle.h"
#include "ledger/proto/entry.pb.h"

namespace docket::adapters {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
using ledger::IndexKind;
using ledger::LedgerEntry;
using ::testing::HasSubstr;

ledger::Hash HashFromB64(const json::value& v) {
  std::string bytes;
  EXPECT_TRUE(Base64Decode(std::string(v.as_string()), bytes));
  ledger::Hash h;
  EXPECT_EQ(bytes.size(), h.bytes.size());
  std::copy(bytes.begin(), bytes.end(), h.bytes.begin());
  return h;
}

std::vector<ledger::Hash> Hashes(const json::value& v) {
  std::vector<ledger::Hash> out;
  for (const json::value& h : v.as_array()) out.push_back(HashFromB64(h));
  return out;
}

class LedgerCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device rd;
    root_ = fs::temp_directory_path() / ("docket-ledger-cmd-test-" + std::to_string(rd()));
    dir_ = root_ / "ledger";
    // Two runs of four entries each, interleaved with nothing: indices 0-3 and 4-7.
    auto home = LedgerHome::OpenForWriting(dir_);
    ASSERT_TRUE(home.ok()) << home.status().ToString();
    for (const char* run : {"run-a", "run-b"}) {
      for (LedgerEntry::Type type : {LedgerEntry::RUN_STARTED, LedgerEntry::STEP_RESULT,
                                     LedgerEntry::DECISION, LedgerEntry::RUN_FINISHED}) {
        LedgerEntry e;
        e.set_type(type);
        e.set_run_id(run);
        std::vector<ledger::IndexTerm> terms = {{IndexKind::kRun, run},
                                                {IndexKind::kType, LedgerEntry::Type_Name(type)}};
        if (type == LedgerEntry::DECISION) {
          e.set_decision_id(DecisionIdFor(run));
          (*e.mutable_attributes())["release"] = "rc-1";
          terms.push_back({IndexKind::kDecision, DecisionIdFor(run)});
          terms.push_back({IndexKind::kRelease, "rc-1"});
        }
        ASSERT_TRUE((*home)->writer()->Append(EntryBytes(e), terms).get().ok());
      }
    }
  }
  void TearDown() override { fs::remove_all(root_); }

  int Call(const std::function<int(std::ostream&, std::ostream&)>& command) {
    out_.str("");
    err_.str("");
    return command(out_, err_);
  }

  std::vector<json::value> Lines() {
    std::vector<json::value> lines;
    std::istringstream in(out_.str());
    for (std::string line; std::getline(in, line);) lines.push_back(json::parse(line));
    return lines;
  }

  ledger::Checkpoint LatestCheckpoint() {
    EXPECT_EQ(Call([&](auto& o, auto& e) { return LedgerCheckpointCommand(dir_, o, e); }), 0);
    const std::string note = out_.str();
    EXPECT_EQ(Call([&](auto& o, auto& e) { return LedgerKeyCommand(dir_, o, e); }), 0);
    const std::string line = out_.str();
    StatusOr<ledger::Verifier> key = ledger::Verifier::Parse(line.substr(0, line.size() - 1));
    EXPECT_TRUE(key.ok());
    std::ifstream origin_file(dir_ / "origin");
    std::string origin;
    std::getline(origin_file, origin);
    StatusOr<ledger::Checkpoint> c = ledger::OpenCheckpoint(note, {*key}, origin);
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    return c.ok() ? *c : ledger::Checkpoint{};
  }

  fs::path root_;
  fs::path dir_;
  std::ostringstream out_;
  std::ostringstream err_;
};

TEST_F(LedgerCommandTest, VerifyPrintsASummaryAndSaysWhereTheKeyCameFrom) {
  ASSERT_EQ(Call([&](auto& o, auto& e) { return LedgerVerifyCommand({.ledger_dir = dir_}, o, e); }),
            kExitApprove)
      << err_.str();
  EXPECT_THAT(out_.str(), HasSubstr("ok: 8 entries"));
  EXPECT_THAT(err_.str(), HasSubstr("the ledger's first key as stored in the ledger directory itself"));
  // With an explicit key file there is no note.
  const fs::path key = root_ / "copy.vkey";
  fs::copy_file(dir_ / "keys" / "verifier.vkey", key);
  ASSERT_EQ(Call([&](auto& o, auto& e) {
              return LedgerVerifyCommand({.ledger_dir = dir_, .key_file = key}, o, e);
            }),
            kExitApprove);
  EXPECT_EQ(err_.str(), "");
}

TEST_F(LedgerCommandTest, VerifyWithAnotherKeyFailsNamingTheCheckpoint) {
  StatusOr<ledger::Signer> other = ledger::Signer::FromSeed("docket-ledger", std::string(32, 'x'));
  const fs::path key = root_ / "other.vkey";
  std::ofstream(key) << other->verifier().Format() << "\n";
  EXPECT_EQ(Call([&](auto& o, auto& e) {
              return LedgerVerifyCommand({.ledger_dir = dir_, .key_file = key}, o, e);
            }),
            1);
  EXPECT_THAT(err_.str(), HasSubstr("checkpoint"));
  EXPECT_EQ(out_.str(), "");
}

TEST_F(LedgerCommandTest, VerifyAgainstATrustedCheckpoint) {
  // A checkpoint saved now is extended by later appends.
  ASSERT_EQ(Call([&](auto& o, auto& e) { return LedgerCheckpointCommand(dir_, o, e); }), 0);
  const fs::path saved = root_ / "saved.checkpoint";
  std::ofstream(saved) << out_.str();
  {
    auto home = LedgerHome::OpenForWriting(dir_);
    ASSERT_TRUE(home.ok());
    ASSERT_TRUE((*home)->writer()->Append("later").get().ok());
  }
  EXPECT_EQ(Call([&](auto& o, auto& e) {
              return LedgerVerifyCommand({.ledger_dir = dir_, .trusted_checkpoint = saved}, o, e);
            }),
            kExitApprove)
      << err_.str();
  EXPECT_THAT(out_.str(), HasSubstr("consistent with the trusted checkpoint"));
  // A validly signed checkpoint for a different history is caught.
  std::ifstream skey_file(dir_ / "keys" / "signer.key");
  std::string skey;
  std::getline(skey_file, skey);
  StatusOr<ledger::Signer> signer = ledger::Signer::Parse(skey);
  ASSERT_TRUE(signer.ok());
  ledger::Checkpoint forged = LatestCheckpoint();
  forged.size = 5;
  forged.root = Sha256("another history");
  StatusOr<std::string> note = ledger::SignCheckpoint(forged, {&*signer});
  ASSERT_TRUE(note.ok());
  const fs::path bad = root_ / "forged.checkpoint";
  std::ofstream(bad) << *note;
  EXPECT_EQ(Call([&](auto& o, auto& e) {
              return LedgerVerifyCommand({.ledger_dir = dir_, .trusted_checkpoint = bad}, o, e);
            }),
            1);
  EXPECT_THAT(err_.str(), HasSubstr("not consistent with the trusted checkpoint"));
}

TEST_F(LedgerCommandTest, CheckpointAndKeyPrintTheStoredText) {
  const ledger::Checkpoint c = LatestCheckpoint();
  EXPECT_EQ(c.size, 8u);
  ASSERT_EQ(Call([&](auto& o, auto& e) { return LedgerKeyCommand(dir_, o, e); }), 0);
  std::ifstream vkey(dir_ / "keys" / "verifier.vkey");
  EXPECT_EQ(out_.str(), std::string((std::istreambuf_iterator<char>(vkey)), {}));
}

TEST_F(LedgerCommandTest, ProofVerifiesAgainstTheCheckpoint) {
  const ledger::Checkpoint c = LatestCheckpoint();
  for (uint64_t index : {0u, 2u, 7u}) {
    ASSERT_EQ(Call([&](auto& o, auto& e) {
                return LedgerProofCommand({.ledger_dir = dir_, .index = index}, o, e);
              }),
              0)
        << err_.str();
    const json::value p = json::parse(out_.str());
    EXPECT_EQ(p.at("index").to_number<uint64_t>(), index);
    EXPECT_EQ(p.at("tree_size").to_number<uint64_t>(), 8u);
    EXPECT_TRUE(ledger::VerifyInclusion(HashFromB64(p.at("leaf_hash")), index, 8,
                                        Hashes(p.at("hashes")), c.root)
                    .ok());
  }
  EXPECT_EQ(Call([&](auto& o, auto& e) {
              return LedgerProofCommand({.ledger_dir = dir_, .index = 8}, o, e);
            }),
            kExitUsage);
  EXPECT_EQ(Call([&](auto& o, auto& e) {
              return LedgerProofCommand({.ledger_dir = dir_, .index = 1, .size = 99}, o, e);
            }),
            kExitUsage);
  ASSERT_EQ(Call([&](auto& o, auto& e) {
              return LedgerProofCommand({.ledger_dir = dir_, .index = 1, .size = 3}, o, e);
            }),
            0);
  EXPECT_EQ(json::parse(out_.str()).at("tree_size").to_number<uint64_t>(), 3u);
}

TEST_F(LedgerCommandTest, ConsistencyProofVerifies) {
  const ledger::Checkpoint c = LatestCheckpoint();
  ASSERT_EQ(Call([&](auto& o, auto& e) {
              return LedgerConsistencyCommand({.ledger_dir = dir_, .from = 3, .to = 8}, o, e);
            }),
            0)
      << err_.str();
  const json::value p = json::parse(out_.str());
  EXPECT_EQ(p.at("from").to_number<uint64_t>(), 3u);
  EXPECT_EQ(p.at("to").to_number<uint64_t>(), 8u);
  ASSERT_EQ(Call([&](auto& o, auto& e) {
              return LedgerConsistencyCommand({.ledger_dir = dir_, .from = 0, .to = 3}, o, e);
            }),
            0);
  // The old root comes from a proof at size 3; here: recompute from the leaf hashes
  // printed by show.
  ASSERT_EQ(Call([&](auto& o, auto& e) {
              return LedgerShowCommand({.ledger_dir = dir_, .to = 3}, o, e);
            }),
            0);
  ledger::VectorLeafHashSource leaves;
  for (const json::value& line : Lines()) leaves.Append(HashFromB64(line.at("leaf_hash")));
  const ledger::Hash old_root = *ledger::RootHash(leaves, 3);
  EXPECT_TRUE(ledger::VerifyConsistency(3, 8, old_root, c.root, Hashes(p.at("hashes"))).ok());
  EXPECT_EQ(Call([&](auto& o, auto& e) {
              return LedgerConsistencyCommand({.ledger_dir = dir_, .from = 5, .to = 4}, o, e);
            }),
            kExitUsage);
  EXPECT_EQ(Call([&](auto& o, auto& e) {
              return LedgerConsistencyCommand({.ledger_dir = dir_, .from = 1, .to = 9}, o, e);
            }),
            kExitUsage);
}

TEST_F(LedgerCommandTest, ShowFiltersThroughTheIndexes) {
  ASSERT_EQ(Call([&](auto& o, auto& e) {
              return LedgerShowCommand({.ledger_dir = dir_, .run = "run-b"}, o, e);
            }),
            0);
  std::vector<json::value> lines = Lines();
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0].at("index").to_number<uint64_t>(), 4u);
  EXPECT_EQ(lines[0].at("entry").at("type"), "RUN_STARTED");
  EXPECT_EQ(lines[0].at("entry").at("run_id"), "run-b");
  EXPECT_EQ(lines[3].at("entry").at("type"), "RUN_FINISHED");
  EXPECT_FALSE(lines[0].at("leaf_hash").as_string().empty());

  ASSERT_EQ(Call([&](auto& o, auto& e) {
              return LedgerShowCommand({.ledger_dir = dir_, .type = "DECISION"}, o, e);
            }),
            0);
  lines = Lines();
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[1].at("entry").at("decision_id"), "dec-b");

  ASSERT_EQ(Call([&](auto& o, auto& e) {
              return LedgerShowCommand({.ledger_dir = dir_, .release = "rc-1", .from = 3}, o, e);
            }),
            0);
  lines = Lines();
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].at("index").to_number<uint64_t>(), 6u);

  ASSERT_EQ(Call([&](auto& o, auto& e) {
              return LedgerShowCommand({.ledger_dir = dir_, .run = "run-a", .decision = "dec-a"}, o,
                                       e);
            }),
            0);
  EXPECT_EQ(Lines().size(), 1u);
  ASSERT_EQ(Call([&](auto& o, auto& e) {
              return LedgerShowCommand({.ledger_dir = dir_, .run = "run-zzz"}, o, e);
            }),
            0);
  EXPECT_EQ(out_.str(), "");
  ASSERT_EQ(Call([&](auto& o, auto& e) {
              return LedgerShowCommand({.ledger_dir = dir_, .from = 6}, o, e);
            }),
            0);
  EXPECT_EQ(Lines().size(), 2u);
}

TEST_F(LedgerCommandTest, BadArgumentsAndNonLedgersAreUsageErrors) {
  EXPECT_EQ(Call([&](auto& o, auto& e) {
              return LedgerShowCommand({.ledger_dir = dir_, .type = "NOPE"}, o, e);
            }),
            kExitUsage);
  EXPECT_THAT(err_.str(), HasSubstr("DECISION"));
  EXPECT_EQ(Call([&](auto& o, auto& e) {
              return LedgerShowCommand({.ledger_dir = dir_, .from = 5, .to = 2}, o, e);
            }),
            kExitUsage);
  const fs::path elsewhere = root_ / "not-a-ledger";
  fs::create_directories(elsewhere);
  EXPECT_EQ(
      Call([&](auto& o, auto& e) { return LedgerVerifyCommand({.ledger_dir = elsewhere}, o, e); }),
      kExitUsage);
  EXPECT_THAT(err_.str(), HasSubstr("is not a Docket ledger"));
  EXPECT_EQ(
      Call([&](auto& o, auto& e) { return LedgerShowCommand({.ledger_dir = elsewhere}, o, e); }),
      kExitUsage);
  EXPECT_EQ(Call([&](auto& o, auto& e) { return LedgerCheckpointCommand(elsewhere, o, e); }),
            kExitUsage);
  EXPECT_TRUE(fs::is_empty(elsewhere));
}

}  // namespace
}  // namespace docket::adapters
