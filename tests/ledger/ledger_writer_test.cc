// Tests for ledger/log/ledger_writer and ledger/log/ledger_store: group commit,
// acknowledgement order, read-back, checkpoints, back-pressure, recovery.
#include "ledger/log/ledger_writer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <future>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "ledger/checkpoint.h"
#include "ledger/log/ledger_store.h"
#include "ledger/log/tiles.h"
#include "engine/base/clock.h"
#include "ledger/merkle.h"
#include "tests/ledger/log_test_env.h"

namespace docket::ledger {
namespace {

using ::docket::ledger::testing::kTestOrigin;
using ::docket::ledger::testing::TempLedger;
using ::testing::HasSubstr;

std::string EntryBytes(int i) {
  // Binary content, including NUL bytes, to check bytes are stored exactly.
  return "entry-" + std::to_string(i) + std::string(1, '\0') + std::string(i % 7, '\xff');
}

Hash RootOf(const std::vector<std::string>& entries) {
  VectorLeafHashSource leaves;
  for (const std::string& e : entries) leaves.Append(LeafHash(e));
  StatusOr<Hash> root = RootHash(leaves, leaves.size());
  EXPECT_TRUE(root.ok());
  return *root;
}

Checkpoint LatestCheckpoint(TempLedger& ledger) {
  StatusOr<std::optional<StoredCheckpoint>> stored = ledger.store().LatestCheckpoint();
  EXPECT_TRUE(stored.ok()) << stored.status().ToString();
  EXPECT_TRUE(stored->has_value());
  StatusOr<Checkpoint> opened =
      OpenCheckpoint((*stored)->signed_note, {ledger.signer().verifier()}, kTestOrigin);
  EXPECT_TRUE(opened.ok()) << opened.status().ToString();
  EXPECT_EQ(opened->size, (*stored)->size);
  return *opened;
}

TEST(LedgerWriterTest, AppendsGetConsecutiveIndexesAndReadBackExactly) {
  TempLedger ledger;
  ledger.Open();
  std::vector<std::string> entries;
  for (int i = 0; i < 20; ++i) {
    entries.push_back(EntryBytes(i));
    EXPECT_EQ(ledger.AppendAndWait(entries.back()), static_cast<uint64_t>(i));
  }
  EXPECT_EQ(ledger.writer().size(), 20u);
  ASSERT_EQ(*ledger.store().Size(), 20u);
  for (int i = 0; i < 20; ++i) {
    StatusOr<std::string> bytes = ledger.store().EntryAt(i);
    ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
    EXPECT_EQ(*bytes, entries[i]);
    EXPECT_EQ(*ledger.store().LeafHashAt(i), LeafHash(entries[i]));
  }
  EXPECT_EQ(ledger.store().EntryAt(20).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(*RootHash(ledger.store(), 20), RootOf(entries));
  const Checkpoint latest = LatestCheckpoint(ledger);
  EXPECT_EQ(latest.size, 20u);
  EXPECT_EQ(latest.root, RootOf(entries));
}

TEST(LedgerWriterTest, EmptyLedgerHasNoCheckpoint) {
  TempLedger ledger;
  ledger.Open();
  EXPECT_EQ(*ledger.store().Size(), 0u);
  StatusOr<std::optional<StoredCheckpoint>> latest = ledger.store().LatestCheckpoint();
  ASSERT_TRUE(latest.ok());
  EXPECT_FALSE(latest->has_value());
}

TEST(LedgerWriterTest, ConcurrentAppendersAreAllAcknowledgedOnce) {
  constexpr int kThreads = 4;
  constexpr int kPerThread = 500;
  TempLedger ledger;
  ledger.Open({.queue_capacity = kThreads * kPerThread, .max_batch = 64});
  std::vector<std::vector<std::future<StatusOr<uint64_t>>>> futures(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        futures[t].push_back(ledger.writer().Append(EntryBytes(t * kPerThread + i)));
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  std::set<uint64_t> seen;
  for (int t = 0; t < kThreads; ++t) {
    for (int i = 0; i < kPerThread; ++i) {
      StatusOr<uint64_t> index = futures[t][i].get();
      ASSERT_TRUE(index.ok()) << index.status().ToString();
      EXPECT_TRUE(seen.insert(*index).second) << "index " << *index << " twice";
      EXPECT_EQ(*ledger.store().EntryAt(*index), EntryBytes(t * kPerThread + i));
    }
  }
  EXPECT_EQ(seen.size(), static_cast<size_t>(kThreads * kPerThread));
  EXPECT_EQ(*seen.rbegin(), static_cast<uint64_t>(kThreads * kPerThread - 1));
  EXPECT_EQ(LatestCheckpoint(ledger).size, static_cast<uint64_t>(kThreads * kPerThread));
}

TEST(LedgerWriterTest, FullQueueIsRefusedAtOnceAndNothingIsDropped) {
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  bool first = true;
  TempLedger ledger;
  ledger.Open({.queue_capacity = 2, .max_batch = 8, .before_batch_for_testing = [&, released] {
                 if (first) {
                   first = false;
                   released.wait();  // hold the writer before it takes anything
                 }
               }});
  std::future<StatusOr<uint64_t>> a = ledger.writer().Append("a");
  std::future<StatusOr<uint64_t>> b = ledger.writer().Append("b");
  StatusOr<uint64_t> c = ledger.writer().Append("c").get();
  EXPECT_EQ(c.status().code(), StatusCode::kResourceExhausted) << c.status().ToString();
  release.set_value();
  EXPECT_EQ(*a.get(), 0u);
  EXPECT_EQ(*b.get(), 1u);
  EXPECT_EQ(ledger.AppendAndWait("c"), 2u);
}

TEST(LedgerWriterTest, CloseDrainsTheQueue) {
  TempLedger ledger;
  ledger.Open();
  std::vector<std::future<StatusOr<uint64_t>>> pending;
  for (int i = 0; i < 100; ++i) pending.push_back(ledger.writer().Append(EntryBytes(i)));
  ledger.writer().Close();
  for (int i = 0; i < 100; ++i) EXPECT_EQ(*pending[i].get(), static_cast<uint64_t>(i));
  EXPECT_EQ(ledger.writer().Append("late").get().status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(*ledger.store().Size(), 100u);
}

TEST(LedgerWriterTest, ReopenKeepsSizeAndRootAndAppendsContinue) {
  TempLedger ledger;
  ledger.Open();
  std::vector<std::string> entries;
  for (int i = 0; i < 13; ++i) {
    entries.push_back(EntryBytes(i));
    ledger.AppendAndWait(entries.back());
  }
  ledger.Close();
  ledger.Open();
  EXPECT_EQ(ledger.writer().size(), 13u);
  EXPECT_EQ(LatestCheckpoint(ledger).root, RootOf(entries));
  entries.push_back("after reopen");
  EXPECT_EQ(ledger.AppendAndWait(entries.back()), 13u);
  const Checkpoint latest = LatestCheckpoint(ledger);
  EXPECT_EQ(latest.size, 14u);
  EXPECT_EQ(latest.root, RootOf(entries));
}

TEST(LedgerWriterTest, RecoveryRefusesTilesThatDisagreeWithTheCheckpoint) {
  TempLedger ledger;
  ledger.Open();
  for (int i = 0; i < 3; ++i) ledger.AppendAndWait(EntryBytes(i));
  ledger.Close();
  const std::string key = EncodeTileKey({.band = 0, .index = 0});
  std::string tile = *ledger.RawGet("tiles", key);
  tile[3 * 32] ^= 1;  // the row-1 node over entries 0 and 1, which the root is built from
  ledger.RawPut("tiles", key, tile);
  StatusOr<std::unique_ptr<LedgerStore>> store = LedgerStore::Open(ledger.path());
  ASSERT_TRUE(store.ok());
  StatusOr<std::unique_ptr<LedgerWriter>> writer =
      LedgerWriter::Start(store->get(), {.origin = kTestOrigin, .signer = &ledger.signer()});
  EXPECT_EQ(writer.status().code(), StatusCode::kDataLoss);
  EXPECT_THAT(writer.status().message(), HasSubstr("root"));
}

TEST(LedgerWriterTest, RecoveryRefusesACheckpointSignedByAnotherKey) {
  TempLedger ledger;
  ledger.Open();
  ledger.AppendAndWait("x");
  ledger.Close();
  StatusOr<std::unique_ptr<LedgerStore>> store = LedgerStore::Open(ledger.path());
  ASSERT_TRUE(store.ok());
  const Signer other = testing::TestSigner('o', "other");
  StatusOr<std::unique_ptr<LedgerWriter>> writer =
      LedgerWriter::Start(store->get(), {.origin = kTestOrigin, .signer = &other});
  EXPECT_EQ(writer.status().code(), StatusCode::kDataLoss) << writer.status().ToString();
}

TEST(LedgerWriterTest, RefusesToCoverAnUncheckpointedTailThatRewritesHistory) {
  TempLedger ledger;
  ledger.Open();
  for (int i = 0; i < 5; ++i) ledger.AppendAndWait(EntryBytes(i));
  ledger.Close();
  {
    // A batch without a checkpoint (as a crash would leave one) whose tiles describe a
    // different history for the first five entries.
    StatusOr<std::unique_ptr<LedgerStore>> store = LedgerStore::Open(ledger.path());
    ASSERT_TRUE(store.ok());
    TileBuilder forged;
    for (int i = 0; i < 6; ++i) forged.AppendLeaf(LeafHash("forged " + std::to_string(i)));
    LedgerBatch batch;
    batch.first_index = 5;
    batch.entries = {"forged 5"};
    batch.tiles = forged.TakeChanged();
    ASSERT_TRUE((*store)->Commit(batch).ok());
  }
  StatusOr<std::unique_ptr<LedgerStore>> store = LedgerStore::Open(ledger.path());
  ASSERT_TRUE(store.ok());
  StatusOr<std::unique_ptr<LedgerWriter>> writer =
      LedgerWriter::Start(store->get(), {.origin = kTestOrigin, .signer = &ledger.signer()});
  EXPECT_EQ(writer.status().code(), StatusCode::kDataLoss);
  EXPECT_THAT(writer.status().message(), HasSubstr("differs from the last checkpoint root"));
  // Nothing was signed over the forged tail.
  StatusOr<std::optional<StoredCheckpoint>> latest = (*store)->LatestCheckpoint();
  ASSERT_TRUE(latest.ok());
  EXPECT_EQ((*latest)->size, 5u);
}

TEST(LedgerWriterTest, StartCoversAnUncheckpointedTail) {
  TempLedger ledger;
  ledger.Open();
  for (int i = 0; i < 5; ++i) ledger.AppendAndWait(EntryBytes(i));
  ledger.Close();
  std::vector<std::string> entries;
  for (int i = 0; i < 7; ++i) entries.push_back(EntryBytes(i));
  {
    StatusOr<std::unique_ptr<LedgerStore>> store = LedgerStore::Open(ledger.path());
    ASSERT_TRUE(store.ok());
    StatusOr<TileBuilder> tree = TileBuilder::Resume(
        5, [&](const TileId& id) { return (*store)->TileAt(id); });
    ASSERT_TRUE(tree.ok());
    tree->AppendLeaf(LeafHash(entries[5]));
    tree->AppendLeaf(LeafHash(entries[6]));
    LedgerBatch batch;
    batch.first_index = 5;
    batch.entries = {entries[5], entries[6]};
    batch.tiles = tree->TakeChanged();
    ASSERT_TRUE((*store)->Commit(batch).ok());
  }
  ledger.Open();
  const Checkpoint latest = LatestCheckpoint(ledger);
  EXPECT_EQ(latest.size, 7u);
  EXPECT_EQ(latest.root, RootOf(entries));
}

TEST(LedgerWriterTest, CheckpointsArePerTimeWindowNotPerBatch) {
  TempLedger ledger;
  FakeClock clock(Timestamp{}, /*auto_advance=*/false);
  ledger.Open({.max_batch = 2, .checkpoint_interval = std::chrono::milliseconds(250), .clock = &clock});
  // Acknowledged (durable) batches, but time has not moved: nothing is signed yet.
  for (int i = 0; i < 10; ++i) ledger.AppendAndWait(EntryBytes(i));
  StatusOr<std::vector<StoredCheckpoint>> checkpoints = ledger.store().Checkpoints();
  ASSERT_TRUE(checkpoints.ok());
  EXPECT_TRUE(checkpoints->empty());
  // A checkpoint request signs at once, covering everything appended before it.
  StatusOr<uint64_t> covered = ledger.writer().RequestCheckpoint().get();
  ASSERT_TRUE(covered.ok()) << covered.status().ToString();
  EXPECT_EQ(*covered, 10u);
  // Within the window, further batches stay uncovered; once the window is over the
  // writer signs them.
  ledger.AppendAndWait(EntryBytes(10));
  ledger.AppendAndWait(EntryBytes(11));
  EXPECT_EQ((*ledger.store().LatestCheckpoint())->size, 10u);
  clock.Advance(std::chrono::milliseconds(250));
  EXPECT_EQ(*ledger.writer().RequestCheckpoint().get(), 12u);
  checkpoints = ledger.store().Checkpoints();
  ASSERT_TRUE(checkpoints.ok());
  std::vector<uint64_t> sizes;
  for (const StoredCheckpoint& c : *checkpoints) sizes.push_back(c.size);
  EXPECT_EQ(sizes, (std::vector<uint64_t>{10, 12}));
}

TEST(LedgerWriterTest, AnIdleWriterCoversItsEntriesWhenTheWindowEnds) {
  TempLedger ledger;
  FakeClock clock(Timestamp{}, /*auto_advance=*/false);
  ledger.Open({.checkpoint_interval = std::chrono::milliseconds(250), .clock = &clock});
  ledger.AppendAndWait(EntryBytes(0));
  EXPECT_FALSE(ledger.store().LatestCheckpoint()->has_value());
  clock.Advance(std::chrono::milliseconds(250));
  // The writer wakes at the deadline and signs; RequestCheckpoint() then finds nothing new
  // to cover and answers with the same size.
  EXPECT_EQ(*ledger.writer().RequestCheckpoint().get(), 1u);
  StatusOr<std::vector<StoredCheckpoint>> checkpoints = ledger.store().Checkpoints();
  ASSERT_TRUE(checkpoints.ok());
  EXPECT_EQ(checkpoints->size(), 1u);
}

TEST(LedgerWriterTest, CloseSignsWhatIsUncovered) {
  TempLedger ledger;
  FakeClock clock(Timestamp{}, /*auto_advance=*/false);
  ledger.Open({.checkpoint_interval = std::chrono::hours(1), .clock = &clock});
  for (int i = 0; i < 3; ++i) ledger.AppendAndWait(EntryBytes(i));
  ledger.writer().Close();
  EXPECT_EQ((*ledger.store().LatestCheckpoint())->size, 3u);
  EXPECT_EQ(ledger.writer().RequestCheckpoint().get().status().code(), StatusCode::kFailedPrecondition);
}

TEST(LedgerWriterTest, KeyRotationCoSignsThenHandsOver) {
  TempLedger ledger;
  const Signer old_key = ledger.signer();
  const Signer new_key = testing::TestSigner('n', "docket-test-next");
  ledger.Open();
  ledger.AppendAndWait(EntryBytes(0));
  ledger.Close();
  // Overlap: both keys sign; a verifier trusting either accepts the checkpoint.
  ledger.Open({.co_signers = {&new_key}});
  ledger.AppendAndWait(EntryBytes(1));
  const std::string note = (*ledger.store().LatestCheckpoint())->signed_note;
  EXPECT_TRUE(OpenCheckpoint(note, {old_key.verifier()}, kTestOrigin).ok());
  EXPECT_TRUE(OpenCheckpoint(note, {new_key.verifier()}, kTestOrigin).ok());
  ledger.Close();
  // Hand-over: the new key alone resumes from a checkpoint it co-signed.
  ledger.Open({.signer = &new_key});
  ledger.AppendAndWait(EntryBytes(2));
  const std::string after = (*ledger.store().LatestCheckpoint())->signed_note;
  EXPECT_TRUE(OpenCheckpoint(after, {new_key.verifier()}, kTestOrigin).ok());
  EXPECT_EQ(OpenCheckpoint(after, {old_key.verifier()}, kTestOrigin).status().code(),
            StatusCode::kDataLoss);
}

TEST(LedgerWriterTest, StartRejectsBadOptions) {
  TempLedger ledger;
  StatusOr<std::unique_ptr<LedgerStore>> store = LedgerStore::Open(ledger.path());
  ASSERT_TRUE(store.ok());
  EXPECT_EQ(LedgerWriter::Start(store->get(), {.origin = kTestOrigin}).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(
      LedgerWriter::Start(store->get(), {.origin = "", .signer = &ledger.signer()}).status().code(),
      StatusCode::kInvalidArgument);
}

TEST(LedgerStoreTest, OpenFailureNamesThePath) {
  TempLedger ledger;
  // A regular file where the database directory should be.
  { std::ofstream(ledger.path()) << "not a db"; }
  StatusOr<std::unique_ptr<LedgerStore>> store = LedgerStore::Open(ledger.path());
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kUnavailable) << store.status().ToString();
  EXPECT_THAT(store.status().message(), HasSubstr(ledger.path()));
}

TEST(LedgerStoreTest, CommitRefusesABatchThatDoesNotExtendTheLedger) {
  TempLedger ledger;
  StatusOr<std::unique_ptr<LedgerStore>> store = LedgerStore::Open(ledger.path());
  ASSERT_TRUE(store.ok());
  LedgerBatch batch;
  batch.first_index = 3;
  EXPECT_EQ((*store)->Commit(batch).code(), StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace docket::ledger
