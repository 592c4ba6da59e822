// Tests for adapters/ledger/ledger_home: the directory layout and key files a first
// open creates, reopening with the same keys, read-only opening that creates nothing,
// env-named key files, and errors that never echo key material.
#include "adapters/ledger/ledger_home.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <regex>

#include "ledger/log/verify_ledger.h"
#include "ledger/note_key.h"

namespace docket::adapters {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), {});
}

mode_t ModeOf(const fs::path& p) {
  struct stat st {};
  EXPECT_EQ(::stat(p.c_str(), &st), 0) << p;
  return st.st_mode & 0777;
}

// Sets an environment variable for the lifetime of the guard.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::string& value) : name_(name) {
    ::setenv(name, value.c_str(), 1);
  }
  ~ScopedEnv() { ::unsetenv(name_); }

 private:
  const char* name_;
};

class LedgerHomeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device rd;
    root_ = fs::temp_directory_path() / ("docket-home-test-" + std::to_string(rd()));
    fs::create_directories(root_);
    dir_ = root_ / "ledger";
  }
  void TearDown() override { fs::remove_all(root_); }

  uint64_t AppendOne(LedgerHome& home, const std::string& bytes) {
    StatusOr<uint64_t> index = home.writer()->Append(bytes).get();
    EXPECT_TRUE(index.ok()) << index.status().ToString();
    return index.ok() ? *index : 0;
  }

  fs::path root_;
  fs::path dir_;
};

TEST_F(LedgerHomeTest, FirstOpenCreatesTheLayoutWithPrivateKeys) {
  StatusOr<std::unique_ptr<LedgerHome>> home = LedgerHome::OpenForWriting(dir_);
  ASSERT_TRUE(home.ok()) << home.status().ToString();
  EXPECT_TRUE(fs::is_directory(dir_ / "db"));
  EXPECT_TRUE(
      std::regex_match((*home)->origin(), std::regex("docket\\.local/ledger/[0-9a-f]{16}")));
  EXPECT_EQ(Slurp(dir_ / "origin"), (*home)->origin() + "\n");
  EXPECT_EQ(ModeOf(dir_ / "keys"), 0700u);
  EXPECT_EQ(ModeOf(dir_ / "keys" / "signer.key"), 0600u);
  EXPECT_EQ(ModeOf(dir_ / "keys" / "master.key"), 0600u);
  const std::string skey = Slurp(dir_ / "keys" / "signer.key");
  EXPECT_THAT(skey, ::testing::StartsWith("PRIVATE+KEY+docket-ledger+"));
  EXPECT_TRUE(std::regex_match(Slurp(dir_ / "keys" / "master.key"), std::regex("[0-9a-f]{64}\n")));
  StatusOr<ledger::Signer> signer = ledger::Signer::Parse(skey.substr(0, skey.size() - 1));
  ASSERT_TRUE(signer.ok());
  EXPECT_EQ(Slurp(dir_ / "keys" / "verifier.vkey"), signer->verifier().Format() + "\n");
  EXPECT_NE((*home)->writer(), nullptr);
  EXPECT_NE((*home)->vault(), nullptr);
  // No stray temp files from the atomic writes.
  for (const auto& f : fs::directory_iterator(dir_ / "keys")) {
    EXPECT_EQ(f.path().filename().string().find(".tmp"), std::string::npos) << f.path();
  }
}

TEST_F(LedgerHomeTest, ReopeningKeepsKeysOriginAndEntriesAndVerifies) {
  std::string origin;
  {
    auto home = LedgerHome::OpenForWriting(dir_);
    ASSERT_TRUE(home.ok()) << home.status().ToString();
    origin = (*home)->origin();
    EXPECT_EQ(AppendOne(**home, "first"), 0u);
  }
  const std::string skey = Slurp(dir_ / "keys" / "signer.key");
  const std::string mkey = Slurp(dir_ / "keys" / "master.key");
  {
    auto home = LedgerHome::OpenForWriting(dir_);
    ASSERT_TRUE(home.ok()) << home.status().ToString();
    EXPECT_EQ((*home)->origin(), origin);
    EXPECT_EQ(AppendOne(**home, "second"), 1u);
  }
  EXPECT_EQ(Slurp(dir_ / "keys" / "signer.key"), skey);
  EXPECT_EQ(Slurp(dir_ / "keys" / "master.key"), mkey);
  auto reader = LedgerHome::OpenForReading(dir_);
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  EXPECT_EQ((*reader)->writer(), nullptr);
  EXPECT_EQ((*reader)->vault(), nullptr);
  StatusOr<ledger::Verifier> key = (*reader)->DirVerifier();
  ASSERT_TRUE(key.ok());
  StatusOr<ledger::Checkpoint> latest =
      ledger::VerifyLedger((*reader)->store(), {*key}, (*reader)->origin());
  ASSERT_TRUE(latest.ok()) << latest.status().ToString();
  EXPECT_EQ(latest->size, 2u);
}

TEST_F(LedgerHomeTest, ReadingSomethingElseSaysItIsNotALedgerAndCreatesNothing) {
  for (const fs::path& p : {root_ / "missing", root_ / "empty"}) {
    if (p.filename() == "empty") fs::create_directories(p);
    StatusOr<std::unique_ptr<LedgerHome>> home = LedgerHome::OpenForReading(p);
    ASSERT_FALSE(home.ok());
    EXPECT_EQ(home.status().code(), StatusCode::kFailedPrecondition);
    EXPECT_THAT(home.status().message(), HasSubstr("is not a Docket ledger"));
  }
  EXPECT_FALSE(fs::exists(root_ / "missing"));
  EXPECT_TRUE(fs::is_empty(root_ / "empty"));
}

TEST_F(LedgerHomeTest, MissingSignerKeyForAnExistingDatabaseIsNotRecreated) {
  { ASSERT_TRUE(LedgerHome::OpenForWriting(dir_).ok()); }
  fs::remove(dir_ / "keys" / "signer.key");
  StatusOr<std::unique_ptr<LedgerHome>> home = LedgerHome::OpenForWriting(dir_);
  ASSERT_FALSE(home.ok());
  EXPECT_EQ(home.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_THAT(home.status().message(), HasSubstr("signer.key is missing"));
  EXPECT_FALSE(fs::exists(dir_ / "keys" / "signer.key"));
}

TEST_F(LedgerHomeTest, MalformedKeysAreNamedButNeverEchoed) {
  { ASSERT_TRUE(LedgerHome::OpenForWriting(dir_).ok()); }
  const std::string secret = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeZZ";
  std::ofstream(dir_ / "keys" / "master.key") << secret << "\n";
  StatusOr<std::unique_ptr<LedgerHome>> home = LedgerHome::OpenForWriting(dir_);
  ASSERT_FALSE(home.ok());
  EXPECT_EQ(home.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(home.status().message(), HasSubstr("master.key"));
  EXPECT_THAT(home.status().message(), Not(HasSubstr("00112233")));

  const std::string skey = Slurp(dir_ / "keys" / "signer.key");
  std::ofstream(dir_ / "keys" / "signer.key") << skey.substr(0, skey.size() - 6) << "\n";
  home = LedgerHome::OpenForWriting(dir_);
  ASSERT_FALSE(home.ok());
  EXPECT_THAT(home.status().message(), HasSubstr("signer.key"));
  const std::string key_part = skey.substr(skey.rfind('+') + 1, 20);
  EXPECT_THAT(home.status().message(), Not(HasSubstr(key_part)));
}

TEST_F(LedgerHomeTest, EnvVarsNameExternalKeyFiles) {
  const fs::path external = root_ / "external.key";
  {
    ScopedEnv env(kSignerKeyEnv, external.string());
    StatusOr<std::unique_ptr<LedgerHome>> missing = LedgerHome::OpenForWriting(dir_);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.status().code(), StatusCode::kFailedPrecondition);
    EXPECT_THAT(missing.status().message(), HasSubstr(kSignerKeyEnv));
    EXPECT_FALSE(fs::exists(external));
  }
  StatusOr<ledger::Signer> signer = ledger::Signer::FromSeed("docket-ledger", std::string(32, 'e'));
  ASSERT_TRUE(signer.ok());
  std::ofstream(external) << signer->Format() << "\n";
  fs::remove_all(dir_);
  ScopedEnv env(kSignerKeyEnv, external.string());
  StatusOr<std::unique_ptr<LedgerHome>> home = LedgerHome::OpenForWriting(dir_);
  ASSERT_TRUE(home.ok()) << home.status().ToString();
  EXPECT_FALSE(fs::exists(dir_ / "keys" / "signer.key"));
  EXPECT_EQ(Slurp(dir_ / "keys" / "verifier.vkey"), signer->verifier().Format() + "\n");
}

TEST_F(LedgerHomeTest, VerifierFileOfAnotherKeyIsRefused) {
  { ASSERT_TRUE(LedgerHome::OpenForWriting(dir_).ok()); }
  StatusOr<ledger::Signer> other = ledger::Signer::FromSeed("docket-ledger", std::string(32, 'o'));
  ASSERT_TRUE(other.ok());
  std::ofstream(dir_ / "keys" / "verifier.vkey") << other->verifier().Format() << "\n";
  StatusOr<std::unique_ptr<LedgerHome>> home = LedgerHome::OpenForWriting(dir_);
  ASSERT_FALSE(home.ok());
  EXPECT_EQ(home.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_THAT(home.status().message(), HasSubstr("verifier.vkey"));
}

TEST_F(LedgerHomeTest, KeyRotationHandsOverAndTheGenesisKeyStillVerifiesEverything) {
  {
    StatusOr<std::unique_ptr<LedgerHome>> home = LedgerHome::OpenForWriting(dir_);
    ASSERT_TRUE(home.ok()) << home.status().ToString();
    AppendOne(**home, "before");
  }
  const std::string genesis = Slurp(dir_ / "keys" / "genesis.vkey");
  const std::string old_signer = Slurp(dir_ / "keys" / "signer.key");
  StatusOr<ledger::Verifier> next = BeginKeyRotation(dir_, "2026-11-29T00:00:00Z");
  ASSERT_TRUE(next.ok()) << next.status().ToString();
  EXPECT_EQ(ModeOf(dir_ / "keys" / "signer.next.key"), 0600u);
  EXPECT_EQ(BeginKeyRotation(dir_, "t").status().code(), StatusCode::kFailedPrecondition);
  {
    StatusOr<std::unique_ptr<LedgerHome>> home = LedgerHome::OpenForWriting(dir_);
    ASSERT_TRUE(home.ok());
    AppendOne(**home, "co-signed");
  }
  StatusOr<ledger::Verifier> promoted = FinishKeyRotation(dir_, "2026-11-29T00:00:01Z");
  ASSERT_TRUE(promoted.ok()) << promoted.status().ToString();
  EXPECT_EQ(promoted->Format(), next->Format());
  EXPECT_FALSE(fs::exists(dir_ / "keys" / "signer.next.key"));
  EXPECT_NE(Slurp(dir_ / "keys" / "signer.key"), old_signer);
  EXPECT_EQ(Slurp(dir_ / "keys" / "genesis.vkey"), genesis);
  EXPECT_EQ(FinishKeyRotation(dir_, "t").status().code(), StatusCode::kFailedPrecondition);
  {
    StatusOr<std::unique_ptr<LedgerHome>> home = LedgerHome::OpenForWriting(dir_);
    ASSERT_TRUE(home.ok());
    AppendOne(**home, "after");
    EXPECT_EQ(home->get()->DirVerifier()->Format(), next->Format());
  }
  StatusOr<std::unique_ptr<LedgerHome>> home = LedgerHome::OpenForReading(dir_);
  ASSERT_TRUE(home.ok());
  StatusOr<ledger::Verifier> first = (*home)->GenesisVerifier();
  ASSERT_TRUE(first.ok());
  // The first key alone verifies the whole log, following the two key events.
  StatusOr<ledger::Checkpoint> verified =
      ledger::VerifyLedger((*home)->store(), {*first}, (*home)->origin());
  ASSERT_TRUE(verified.ok()) << verified.status().ToString();
  EXPECT_EQ(verified->size, 5u);  // 3 appends + 2 key events
  // The successor alone cannot vouch for the history before it.
  EXPECT_EQ(ledger::VerifyLedger((*home)->store(), {*next}, (*home)->origin()).status().code(),
            StatusCode::kDataLoss);
}

TEST_F(LedgerHomeTest, KeyRotationNeedsALedger) {
  EXPECT_EQ(BeginKeyRotation(dir_, "t").status().code(), StatusCode::kFailedPrecondition);
  EXPECT_FALSE(fs::exists(dir_));
}

}  // namespace
}  // namespace docket::adapters
