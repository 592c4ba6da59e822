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
#include "ledger/key_events.h"
#include "ledger/proto/entry.pb.h"
#include "ledger/log/ledger_store.h"
#include "ledger/log/tiles.h"
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

TEST(VerifyLedgerTest, EntryAndTilesRewrittenTogetherFailAtACheckpoint) {
  TempLedger ledger;
  Fill(ledger);
  // Rewrite entry 5 and every tile consistently with the forgery.
  std::vector<std::string> entries;
  for (uint64_t i = 0; i < static_cast<uint64_t>(kEntries); ++i) {
    entries.push_back(*ledger.RawGet("entries", EncodeLedgerKey(i)));
  }
  entries[5] = "forged";
  TileBuilder forged;
  for (const std::string& e : entries) forged.AppendLeaf(LeafHash(e));
  ledger.RawPut("entries", EncodeLedgerKey(5), entries[5]);
  for (const auto& [id, tile] : forged.TakeChanged()) ledger.RawPut("tiles", EncodeTileKey(id), tile);
  StatusOr<Checkpoint> result = Verify(ledger);
  EXPECT_EQ(result.status().code(), StatusCode::kDataLoss);
  // Checkpoints at sizes 1, 3 do not cover entry 5; the one at size 6 is the first that does.
  EXPECT_THAT(result.status().message(), StartsWith("checkpoint 6: "));
}

TEST(VerifyLedgerTest, TamperedInteriorTileIsNamed) {
  TempLedger ledger;
  Fill(ledger);
  // Band 1 holds the roots of complete band-0 tiles.
  const std::string key = EncodeTileKey({.band = 1, .index = 0});
  std::string tile = *ledger.RawGet("tiles", key);
  tile[3] ^= 0x40;
  ledger.RawPut("tiles", key, tile);
  StatusOr<Checkpoint> result = Verify(ledger);
  EXPECT_EQ(result.status().code(), StatusCode::kDataLoss);
  EXPECT_THAT(result.status().message(), StartsWith("tile 1/0: "));
}

TEST(VerifyLedgerTest, SwappedEntriesAreNamed) {
  TempLedger ledger;
  Fill(ledger);
  const std::string a = *ledger.RawGet("entries", EncodeLedgerKey(7));
  const std::string b = *ledger.RawGet("entries", EncodeLedgerKey(8));
  ledger.RawPut("entries", EncodeLedgerKey(7), b);
  ledger.RawPut("entries", EncodeLedgerKey(8), a);
  StatusOr<Checkpoint> result = Verify(ledger);
  EXPECT_EQ(result.status().code(), StatusCode::kDataLoss);
  EXPECT_THAT(result.status().message(), StartsWith("entry 7: "));
}

TEST(VerifyLedgerTest, DuplicatedEntryIsNamed) {
  TempLedger ledger;
  Fill(ledger);
  ledger.RawPut("entries", EncodeLedgerKey(12), *ledger.RawGet("entries", EncodeLedgerKey(11)));
  StatusOr<Checkpoint> result = Verify(ledger);
  EXPECT_EQ(result.status().code(), StatusCode::kDataLoss);
  EXPECT_THAT(result.status().message(), StartsWith("entry 12: "));
}

TEST(VerifyLedgerTest, ExtraEntryBeyondTheSizeIsNamed) {
  TempLedger ledger;
  Fill(ledger);
  ledger.RawPut("entries", EncodeLedgerKey(kEntries), "smuggled");
  StatusOr<Checkpoint> result = Verify(ledger);
  EXPECT_EQ(result.status().code(), StatusCode::kDataLoss);
  EXPECT_THAT(result.status().message(), StartsWith("entry " + std::to_string(kEntries) + ": "));
}

TEST(VerifyLedgerTest, TruncatedLedgerIsNamedAtTheCheckpointBeyondIt) {
  TempLedger ledger;
  Fill(ledger);
  // Drop the last entry and lower the recorded size: the last checkpoint still covers it.
  ledger.RawDelete("entries", EncodeLedgerKey(kEntries - 1));
  ledger.RawPut("meta", "size", EncodeLedgerKey(kEntries - 1));
  StatusOr<Checkpoint> result = Verify(ledger);
  EXPECT_EQ(result.status().code(), StatusCode::kDataLoss);
  EXPECT_THAT(result.status().message(), StartsWith("checkpoint " + std::to_string(kEntries) + ": "));
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

// Genesis key A; A adds B; A and B co-sign; B retires A; B signs alone. With
// `record_events` false, the same signing happens without key events.
void RotateKeys(TempLedger& ledger, const Signer& b, bool record_events) {
  const Signer a = ledger.signer();
  ledger.Open();
  ledger.AppendAndWait("entry 0");
  if (record_events) {
    ledger.AppendAndWait(KeyEventEntryBytes({KeyEvent::Action::kAdd, b.verifier()}, "t"));
  }
  ledger.Close();
  ledger.Open({.co_signers = {&b}});
  ledger.AppendAndWait("entry co-signed");
  if (record_events) {
    ledger.AppendAndWait(KeyEventEntryBytes({KeyEvent::Action::kRetire, a.verifier()}, "t"));
  }
  ledger.Close();
  ledger.Open({.signer = &b});
  ledger.AppendAndWait("entry signed by b alone");
  ledger.Close();
}

TEST(VerifyLedgerTest, KeyEventsCarryTrustFromTheFirstKeyToItsSuccessor) {
  TempLedger ledger;
  const Signer b = testing::TestSigner('b', "docket-test-b");
  RotateKeys(ledger, b, /*record_events=*/true);
  StatusOr<Checkpoint> result = Verify(ledger);  // trusts the first key only
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(result->size, 5u);
  // Trusting only the successor fails at the first checkpoint, signed by A alone.
  StatusOr<std::unique_ptr<LedgerStore>> store = LedgerStore::Open(ledger.path());
  ASSERT_TRUE(store.ok());
  StatusOr<Checkpoint> only_b = VerifyLedger(**store, {b.verifier()}, kTestOrigin);
  EXPECT_EQ(only_b.status().code(), StatusCode::kDataLoss);
  EXPECT_THAT(only_b.status().message(), StartsWith("checkpoint 1: "));
}

TEST(VerifyLedgerTest, ASuccessorKeyWithoutAKeyEventIsNotTrusted) {
  TempLedger ledger;
  const Signer b = testing::TestSigner('b', "docket-test-b");
  RotateKeys(ledger, b, /*record_events=*/false);
  StatusOr<Checkpoint> result = Verify(ledger);
  EXPECT_EQ(result.status().code(), StatusCode::kDataLoss);
  // Entries 0 and 1 were co-signed; the checkpoint at 3 is signed by b alone.
  EXPECT_THAT(result.status().message(), StartsWith("checkpoint 3: "));
}

TEST(VerifyLedgerTest, MalformedKeyEventIsNamed) {
  TempLedger ledger;
  ledger.Open();
  ledger.AppendAndWait("entry 0");
  LedgerEntry entry;
  entry.set_type(LedgerEntry::KEY_EVENT);
  (*entry.mutable_attributes())["action"] = "promote";
  ledger.AppendAndWait(entry.SerializeAsString());
  ledger.Close();
  StatusOr<Checkpoint> result = Verify(ledger);
  EXPECT_EQ(result.status().code(), StatusCode::kDataLoss);
  EXPECT_THAT(result.status().message(), StartsWith("entry 1: key event"));
}

}  // namespace
}  // namespace docket::ledger
