// Tests for ledger/bundle/verify_bundle.h: a bundle verifies with nothing but a public
// key, and any tampering inside it (an entry, a blob, a signature, a proof hash, a
// dropped or moved record, another signer) fails naming the place. Also writes the
// seed corpus of the `bundle` fuzz target when DOCKET_WRITE_BUNDLE_CORPUS names a
// directory, and checks that the checked-in valid seeds still verify.
#include "ledger/bundle/verify_bundle.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include "engine/base/encoding.h"
#include "ledger/bundle/bundle_reader.h"
#include "ledger/checkpoint.h"
#include "ledger/key_events.h"
#include "ledger/merkle.h"
#include "tests/ledger/bundle/bundle_test_env.h"

namespace docket::ledger {
namespace {

using testing::Build;
using testing::BundleTest;
using testing::Records;
using testing::TestRun;

void ExpectFailure(const StatusOr<BundleReport>& report, const std::string& prefix) {
  ASSERT_FALSE(report.ok()) << "verified a tampered bundle";
  EXPECT_EQ(report.status().code(), StatusCode::kDataLoss) << report.status().ToString();
  EXPECT_TRUE(report.status().message().starts_with(prefix)) << report.status().ToString();
}

template <typename T>
T& Nth(std::vector<bundle::Record>& records, size_t n) {
  for (bundle::Record& r : records) {
    if (T* t = std::get_if<T>(&r); t != nullptr && n-- == 0) return *t;
  }
  ADD_FAILURE() << "no such record";
  static T none;
  return none;
}

void Recount(std::vector<bundle::Record>& records) {
  std::get<bundle::End>(records.back()).record_count = records.size() - 1;
}

class VerifyBundleTest : public BundleTest {
 protected:
  void SetUp() override {
    BundleTest::SetUp();
    a_ = AppendRun("a");
    b_ = AppendRun("b");
    whole_ = Records(Export());
    selection_ = Records(Export({.terms = {{IndexKind::kRun, b_.run_id}}}));
  }
  TestRun a_, b_;
  std::vector<bundle::Record> whole_, selection_;
};

TEST_F(VerifyBundleTest, UntouchedBundlesVerify) {
  EXPECT_TRUE(Verify(Build(whole_)).ok());
  EXPECT_TRUE(Verify(Build(selection_)).ok());
}

TEST_F(VerifyBundleTest, FlippedEntryByteIsNamed) {
  Nth<bundle::Entry>(whole_, 4).bytes[3] ^= 0x01;
  ExpectFailure(Verify(Build(whole_)), "entry 4: its bytes do not give the root of checkpoint 5");
  Nth<bundle::Entry>(selection_, 1).bytes[3] ^= 0x01;
  ExpectFailure(Verify(Build(selection_)), "entry 4: inclusion proof against checkpoint 6");
}

TEST_F(VerifyBundleTest, FlippedEntryInABigBatchNamesTheBatch) {
  // Keep only the last checkpoint: the bad entry is somewhere in [0, 6).
  std::vector<bundle::Record> r;
  for (bundle::Record& rec : whole_) {
    const auto* c = std::get_if<bundle::CheckpointNote>(&rec);
    if (c == nullptr || c->body.size == 6) r.push_back(rec);
  }
  Recount(r);
  ASSERT_TRUE(Verify(Build(r)).ok());
  Nth<bundle::Entry>(r, 2).bytes.push_back('x');
  ExpectFailure(Verify(Build(r)),
                "entries 0 to 5: their bytes do not give the root of checkpoint 6");
}

TEST_F(VerifyBundleTest, FlippedBlobByteIsNamed) {
  bundle::Blob& blob = Nth<bundle::Blob>(whole_, 2);
  blob.stored.back() ^= 0x01;
  ExpectFailure(Verify(Build(whole_)), "blob " + blob.digest + ": stored bytes hash to");
}

TEST_F(VerifyBundleTest, FlippedCheckpointSignatureIsNamed) {
  std::string& note = Nth<bundle::CheckpointNote>(whole_, 2).signed_note;
  const size_t at = note.size() - 20;
  note[at] = note[at] == 'A' ? 'B' : 'A';
  ExpectFailure(Verify(Build(whole_)), "checkpoint 3: ");
}

TEST_F(VerifyBundleTest, FlippedProofHashIsNamed) {
  Nth<bundle::InclusionProof>(selection_, 2).hashes.at(0).bytes[7] ^= 0x80;
  ExpectFailure(Verify(Build(selection_)), "entry 5: inclusion proof against checkpoint 6");
}

TEST_F(VerifyBundleTest, DroppedOrMovedRecordsAreNamed) {
  std::vector<bundle::Record> r = whole_;
  r.erase(std::find_if(r.begin(), r.end(), [](const bundle::Record& x) {
    return std::holds_alternative<bundle::Entry>(x);
  }));
  Recount(r);
  ExpectFailure(Verify(Build(r)),
                "record 8 (entry 1): a whole-log bundle holds every entry, but entry 0 is missing");

  r = selection_;
  std::swap(r[2], r[4]);  // entry 3 <-> entry 4
  ExpectFailure(Verify(Build(r)),
                "record 4 (inclusion proof of entry 3): does not follow its entry");

  std::string truncated = Build(whole_);
  truncated.resize(truncated.size() - 40);
  ExpectFailure(Verify(truncated), "record ");
}

TEST_F(VerifyBundleTest, DroppedNamedBlobIsNamed) {
  std::vector<bundle::Record> r = selection_;
  const std::string digest = Nth<bundle::Blob>(r, 0).digest;
  r.erase(std::find_if(r.begin(), r.end(), [](const bundle::Record& x) {
    return std::holds_alternative<bundle::Blob>(x);
  }));
  Recount(r);
  ExpectFailure(Verify(Build(r)), "blob " + digest + ": named by entry ");
}

TEST_F(VerifyBundleTest, CheckpointSignedByAnotherKeyFails) {
  const Signer other = testing::TestSigner('o', "docket-other");
  bundle::CheckpointNote& c = Nth<bundle::CheckpointNote>(whole_, 5);
  StatusOr<std::string> forged = SignCheckpoint(c.body, {&other});
  ASSERT_TRUE(forged.ok());
  c.signed_note = *forged;
  ExpectFailure(Verify(Build(whole_)), "checkpoint 6: ");
  // Trusting only the other key fails at the first checkpoint.
  ExpectFailure(Verify(Build(selection_), {other.verifier()}), "checkpoint 6: ");
}

TEST_F(VerifyBundleTest, WrongOriginOrNoKeyIsTheCallersMistake) {
  std::istringstream in(Build(whole_));
  EXPECT_EQ(VerifyBundle(in, Keys(), "another/log").status().code(), StatusCode::kInvalidArgument);
  std::istringstream again(Build(whole_));
  EXPECT_EQ(VerifyBundle(again, {}).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(VerifyBundleTest, BundleVerifiesWithItsOwnKeys) {
  const std::string bytes = Build(selection_);
  std::istringstream in(bytes);
  const StatusOr<bundle::Header> header = ReadBundleHeader(in);
  ASSERT_TRUE(header.ok());
  std::vector<Verifier> own;
  for (const std::string& line : header->verifier_keys) own.push_back(*Verifier::Parse(line));
  std::istringstream again(bytes);
  EXPECT_TRUE(VerifyBundle(again, own).ok());
}

TEST_F(VerifyBundleTest, ConsistencyProofsAreChecked) {
  std::vector<bundle::Record> r = whole_;
  StatusOr<std::vector<Hash>> proof = ConsistencyProof(ledger_.store(), 2, 5);
  ASSERT_TRUE(proof.ok());
  const auto after_checkpoints = std::find_if(r.begin() + 1, r.end(), [](const bundle::Record& x) {
    return !std::holds_alternative<bundle::CheckpointNote>(x);
  });
  r.insert(after_checkpoints,
           bundle::ConsistencyProof{.from_size = 2, .to_size = 5, .hashes = *proof});
  Recount(r);
  const StatusOr<BundleReport> report = Verify(Build(r));
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->consistency_proofs, 1u);
  Nth<bundle::ConsistencyProof>(r, 0).hashes.at(0).bytes[0] ^= 1;
  ExpectFailure(Verify(Build(r)), "consistency proof 2 -> 5: ");
}

TEST_F(VerifyBundleTest, ErasedSubjectsBlobMustBeLeftOut) {
  const uint64_t receipt = Erase(a_.subject);
  std::vector<bundle::Record> r = Records(Export());
  // Put the erased subject's ciphertext back in, in digest order.
  StatusOr<std::optional<std::string>> stored = ledger_.store().GetSide(SideFamily::kBlobs, [&] {
    std::string raw;
    EXPECT_TRUE(HexDecode(a_.digests[1].substr(7), raw));
    return raw;
  }());
  ASSERT_TRUE(stored.ok() && stored->has_value());
  auto at = std::find_if(r.begin(), r.end(), [&](const bundle::Record& x) {
    const auto* b = std::get_if<bundle::Blob>(&x);
    return std::holds_alternative<bundle::End>(x) || (b != nullptr && b->digest > a_.digests[1]);
  });
  r.insert(at, bundle::Blob{.digest = a_.digests[1], .stored = **stored});
  Recount(r);
  ExpectFailure(Verify(Build(r)), "blob " + a_.digests[1] + ": belongs to subject " + a_.subject +
                                      ", erased by the receipt at entry " +
                                      std::to_string(receipt));
  // And without the erasure record its absence is not excused.
  std::vector<bundle::Record> unexcused = Records(Export());
  unexcused.erase(std::find_if(unexcused.begin(), unexcused.end(), [](const bundle::Record& x) {
    return std::holds_alternative<bundle::Erasure>(x);
  }));
  Recount(unexcused);
  ExpectFailure(Verify(Build(unexcused)), "blob " + a_.digests[1] + ": named by entry 1");
}

TEST_F(BundleTest, OpaqueEntriesNameNoBlobsAndStillVerify) {
  ledger_.AppendAndWait(std::string("\xff\xff\xff", 3));
  AppendRun("a");
  const StatusOr<BundleReport> report = Verify(Export());
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->entries, 4u);
  EXPECT_EQ(report->opaque_entries, 1u);
}

// Seed corpus of tests/fuzz/bundle_fuzz.cc, which trusts TestSigner() ('k', "docket-test").
TEST_F(BundleTest, WritesTheFuzzSeedCorpus) {
  const char* dir = std::getenv("DOCKET_WRITE_BUNDLE_CORPUS");
  if (dir == nullptr) GTEST_SKIP() << "set DOCKET_WRITE_BUNDLE_CORPUS=DIR to regenerate";
  const auto write = [&](const std::string& name, const std::string& bytes) {
    std::ofstream(std::filesystem::path(dir) / name, std::ios::binary) << bytes;
  };
  write("valid_empty", Export());
  const TestRun a = AppendRun("a");
  write("valid_whole_one_run", Export());
  write("valid_selection_run", Export({.terms = {{IndexKind::kRun, a.run_id}}}));
  Erase(a.subject);
  AppendRun("b");
  const std::string whole = Export();
  write("valid_whole_erased", whole);
  write("valid_selection_decision", Export({.terms = {{IndexKind::kDecision, a.decision_id}}}));
  write("truncated_whole", whole.substr(0, whole.size() / 2));
  write("magic_only", std::string(kBundleMagic));
  write("hostile_length", std::string(kBundleMagic) + "\xff\xff\x83\x80\x04");
  std::vector<bundle::Record> r = Records(whole);
  std::swap(r[1], r[2]);
  write("checkpoints_swapped", Build(r));
  r = Records(whole);
  Nth<bundle::Entry>(r, 1).bytes[0] ^= 1;
  write("entry_flipped", Build(r));
}

TEST(BundleCorpusTest, CheckedInValidSeedsVerify) {
  const std::filesystem::path dir =
      std::filesystem::path(DOCKET_SOURCE_DIR) / "tests/fuzz/corpus/bundle";
  int valid = 0;
  for (const auto& file : std::filesystem::directory_iterator(dir)) {
    if (!file.path().filename().string().starts_with("valid_")) continue;
    std::ifstream in(file.path(), std::ios::binary);
    const StatusOr<BundleReport> report = VerifyBundle(in, {testing::TestSigner().verifier()});
    EXPECT_TRUE(report.ok()) << file.path() << ": " << report.status().ToString();
    ++valid;
  }
  EXPECT_GE(valid, 4);
}

// A rotated ledger: the first key adds a successor, both sign, the first retires, the
// successor signs alone. A whole-log bundle verifies with the first key only.
TEST_F(VerifyBundleTest, WholeLogBundleFollowsKeyEventsFromTheFirstKey) {
  const Signer first = ledger_.signer();
  const Signer next = testing::TestSigner('q', "docket-test-next");
  AppendRun("before");
  ledger_.AppendAndWait(KeyEventEntryBytes({KeyEvent::Action::kAdd, next.verifier()}, "t"));
  vault_.reset();
  ledger_.Close();
  ledger_.Open({.co_signers = {&next}});
  ledger_.AppendAndWait(KeyEventEntryBytes({KeyEvent::Action::kRetire, first.verifier()}, "t"));
  ledger_.Close();
  ledger_.Open({.signer = &next});
  ledger_.AppendAndWait("signed by the successor alone");
  std::ostringstream out;
  ASSERT_TRUE(ExportBundle(ledger_.store(), {}, {next.verifier()}, testing::kTestOrigin, out).ok());
  StatusOr<BundleReport> report = Verify(out.str(), {first.verifier()});
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  ASSERT_TRUE(report->latest.has_value());
  EXPECT_EQ(report->latest->size, report->tree_size);
  // Without the chain, the successor alone cannot vouch for the early checkpoints.
  StatusOr<BundleReport> only_next = Verify(out.str(), {next.verifier()});
  EXPECT_EQ(only_next.status().code(), StatusCode::kDataLoss);
  EXPECT_NE(only_next.status().message().find("checkpoint 1: "), std::string::npos)
      << only_next.status().ToString();
}

}  // namespace
}  // namespace docket::ledger
