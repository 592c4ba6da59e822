// Tests for ledger/log/verify_ledger: a clean ledger verifies; altered or missing
// entries and checkpoints signed by an untrusted key are named.
#include "ledger/log/verify_ledger.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <future>
#include <memory>
#include <semaphore>
#include <string>
#include <vector>

#include "ledger/checkpoint.h"
#include "ledger/log/ledger_store.h"
#include "tests/ledger/log_test_env.h"

namespace docket::ledger {
namespace {

using ::docket::ledger::testing::kTestOrigin;
using ::docket::ledger::testing::TempLedger;
using ::testing::HasSubstr;
using ::testing::StartsWith;

constexpr int kEntries = 40;

// A ledger of kEntries entries written in batches of 1, 2, 3, ... so there are several
// checkpoints (at 1, 3, 6, 10, ...); closed on return. The test hook holds the writer
// until a whole batch is queued, so the batch boundaries are deterministic.
void Fill(TempLedger& ledger) {
  std::counting_semaphore<> gate(0);
  ledger.Open({.before_batch_for_testing = [&gate] { gate.acquire(); }});
  int written = 0;
  for (int batch = 1; written < kEntries; ++batch) {
    std::vector<std::future<StatusOr<uint64_t>>> pending;
    for (int i = 0; i < batch && written < kEntries; ++i, ++written) {
      pending.push_back(ledger.writer().Append("entry " + std::to_string(written)));
    }
    gate.release();
    for (auto& p : pending) ASSERT_TRUE(p.get().ok());
  }
  ledger.Close();
}

StatusOr<Checkpoint> Verify(TempLedger& ledger) {
  StatusOr<std::unique_ptr<LedgerStore>> store = LedgerStore::Open(ledger.path());
  if (!store.ok()) return store.status();
  return VerifyLedger(**store, {ledger.signer().verifier()}, kTestOrigin);
}

TEST(VerifyLedgerTest, CleanLedgerVerifies) {
  TempLedger ledger;
  Fill(ledger);
  StatusOr<Checkpoint> latest = Verify(ledger);
  ASSERT_TRUE(latest.ok()) << latest.status().ToString();
  EXPECT_EQ(latest->size, static_cast<uint64_t>(kEntries));
}

TEST(VerifyLedgerTest, EmptyLedgerVerifies) {
  TempLedger ledger;
  ledger.Open();
  ledger.Close();
  StatusOr<Checkpoint> latest = Verify(ledger);
  ASSERT_TRUE(latest.ok()) << latest.status().ToString();
  EXPECT_EQ(latest->size, 0u);
}

TEST(VerifyLedgerTest, FlippedEntryByteIsNamed) {
  TempLedger ledger;
  Fill(ledger);
  std::string entry = *ledger.RawGet("entries", EncodeLedgerKey(17));
  entry[2] ^= 0x01;
  ledger.RawPut("entries", EncodeLedgerKey(17), entry);
  StatusOr<Checkpoint> result = Verify(ledger);
  EXPECT_EQ(result.status().code(), StatusCode::kDataLoss);
  EXPECT_THAT(result.status().message(), StartsWith("entry 17: "));
}

TEST(VerifyLedgerTest, DeletedEntryIsNamed) {
  TempLedger ledger;
  Fill(ledger);
  ledger.RawDelete("entries", EncodeLedgerKey(23));
  StatusOr<Checkpoint> result = Verify(ledger);
  EXPECT_EQ(result.status().code(), StatusCode::kDataLoss);
  EXPECT_THAT(result.status().message(), StartsWith("entry 23: "));
}

TEST(VerifyLedgerTest, EntryAndLeafHashRewrittenTogetherFailAtACheckpoint) {
  TempLedger ledger;
  Fill(ledger);
  const std::string forged = "forged";
  ledger.RawPut("entries", EncodeLedgerKey(5), forged);
  ledger.RawPut("leaf_hashes", EncodeLedgerKey(5), std::string(LeafHash(forged).AsBytes()));
  StatusOr<Checkpoint> result = Verify(ledger);
  EXPECT_EQ(result.status().code(), StatusCode::kDataLoss);
  // Checkpoints at sizes 1, 3 do not cover entry 5; the one at size 6 is the first that does.
  EXPECT_THAT(result.status().message(), StartsWith("checkpoint 6: "));
}

TEST(VerifyLedgerTest, CheckpointSignedByAnotherKeyIsNamed) {
  TempLedger ledger;
  Fill(ledger);
  // Re-sign the checkpoint at size 10 (batches 1+2+3+4) with an untrusted key.
  const std::string key = EncodeLedgerKey(10);
  StatusOr<Checkpoint> original =
      OpenCheckpoint(*ledger.RawGet("checkpoints", key), {ledger.signer().verifier()}, kTestOrigin);
  ASSERT_TRUE(original.ok()) << original.status().ToString();
  const Signer other = testing::TestSigner('o', "other");
  StatusOr<std::string> forged = SignCheckpoint(*original, {&other});
  ASSERT_TRUE(forged.ok());
  ledger.RawPut("checkpoints", key, *forged);
  StatusOr<Checkpoint> result = Verify(ledger);
  EXPECT_EQ(result.status().code(), StatusCode::kDataLoss);
  EXPECT_THAT(result.status().message(), StartsWith("checkpoint 10: "));
}

TEST(VerifyLedgerTest, TamperedPeaksAreReported) {
  TempLedger ledger;
  Fill(ledger);
  ledger.RawPut("meta", "peaks", std::string(32, 'p'));
  StatusOr<Checkpoint> result = Verify(ledger);
  EXPECT_EQ(result.status().code(), StatusCode::kDataLoss);
  EXPECT_THAT(result.status().message(), HasSubstr("peaks"));
}

}  // namespace
}  // namespace docket::ledger
