// Concurrency of ledger/log/: several threads append through one LedgerWriter while
// another reads the store as a proof server would (Size, LatestCheckpoint, NodeAt through
// a CachedTileSource) and checks inclusion proofs against the checkpoint it read. Meant
// for the tsan preset as much as for its assertions: the reader must never see a
// checkpoint whose entries or tree nodes are not yet readable.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <future>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "ledger/checkpoint.h"
#include "ledger/log/ledger_store.h"
#include "ledger/log/ledger_writer.h"
#include "ledger/merkle.h"
#include "tests/ledger/log_test_env.h"

namespace docket::ledger {
namespace {

using ::docket::ledger::testing::kTestOrigin;
using ::docket::ledger::testing::TempLedger;

constexpr int kAppenders = 4;
constexpr int kPerAppender = 250;
constexpr size_t kInFlight = 8;

std::string EntryBytes(int appender, int i) {
  return "concurrent-" + std::to_string(appender) + "-" + std::to_string(i) + std::string(1, '\0') +
         std::string(i % 5, '\xfe');
}

// Appends kPerAppender entries keeping kInFlight pending; returns the indexes in order.
std::vector<uint64_t> AppendAll(LedgerWriter& writer, int appender) {
  std::vector<uint64_t> indexes;
  std::deque<std::future<StatusOr<uint64_t>>> pending;
  for (int i = 0; i < kPerAppender || !pending.empty();) {
    if (i < kPerAppender && pending.size() < kInFlight) {
      pending.push_back(writer.Append(EntryBytes(appender, i++)));
      continue;
    }
    StatusOr<uint64_t> index = pending.front().get();
    pending.pop_front();
    EXPECT_TRUE(index.ok()) << index.status().ToString();
    indexes.push_back(index.ok() ? *index : UINT64_MAX);
  }
  return indexes;
}

// What one reader pass saw.
struct ReaderTally {
  int passes = 0;
  int proofs_checked = 0;
  uint64_t last_checkpoint_size = 0;
};

// One pass: reads the latest checkpoint, then proves a few of its entries included with
// nodes read from the store now, which may already hold a larger tree.
void ReadAndProve(const LedgerStore& store, const LedgerWriter& writer, const Signer& signer,
                  ReaderTally& tally) {
  ++tally.passes;
  StatusOr<std::optional<StoredCheckpoint>> stored = store.LatestCheckpoint();
  ASSERT_TRUE(stored.ok()) << stored.status().ToString();
  if (!stored->has_value()) return;
  StatusOr<Checkpoint> checkpoint =
      OpenCheckpoint((*stored)->signed_note, {signer.verifier()}, kTestOrigin);
  ASSERT_TRUE(checkpoint.ok()) << checkpoint.status().ToString();
  const uint64_t size = checkpoint->size;
  EXPECT_GE(size, tally.last_checkpoint_size) << "checkpoints went backwards";
  tally.last_checkpoint_size = size;
  StatusOr<uint64_t> store_size = store.Size();
  ASSERT_TRUE(store_size.ok()) << store_size.status().ToString();
  EXPECT_GE(*store_size, size);
  EXPECT_GE(writer.size(), size);

  const CachedTileSource nodes(store);
  StatusOr<Hash> root = RootHash(nodes, size);
  ASSERT_TRUE(root.ok()) << root.status().ToString();
  EXPECT_EQ(*root, checkpoint->root) << "size " << size;
  const std::set<uint64_t> sample = {0, size / 2, size - 1,
                                     static_cast<uint64_t>(tally.passes) * 7919 % size};
  for (uint64_t index : sample) {
    StatusOr<std::string> entry = store.EntryAt(index);
    ASSERT_TRUE(entry.ok()) << "entry " << index << ": " << entry.status().ToString();
    StatusOr<std::vector<Hash>> proof = InclusionProof(nodes, index, size);
    ASSERT_TRUE(proof.ok()) << proof.status().ToString();
    Status included = VerifyInclusion(LeafHash(*entry), index, size, *proof, checkpoint->root);
    EXPECT_TRUE(included.ok()) << "entry " << index << " of " << size << ": "
                               << included.ToString();
    ++tally.proofs_checked;
  }
}

TEST(LedgerConcurrencyTest, ReaderProvesInclusionWhileSeveralThreadsAppend) {
  TempLedger ledger;
  ledger.Open({.max_batch = 16, .checkpoint_interval = std::chrono::milliseconds(1)});
  std::atomic<bool> appending{true};
  ReaderTally tally;
  std::thread reader([&] {
    // Until the appenders finish, then once more over the final ledger.
    bool last = false;
    while (!last) {
      last = !appending.load();
      ReadAndProve(ledger.store(), ledger.writer(), ledger.signer(), tally);
      if (::testing::Test::HasFatalFailure()) return;
    }
  });
  std::vector<std::future<std::vector<uint64_t>>> appenders;
  for (int a = 0; a < kAppenders; ++a) {
    appenders.push_back(std::async(std::launch::async, AppendAll, std::ref(ledger.writer()), a));
  }
  std::vector<std::vector<uint64_t>> indexes;
  for (auto& appender : appenders) indexes.push_back(appender.get());
  // Close signs a checkpoint over everything written, so the reader's last pass sees
  // the whole ledger covered whatever the checkpoint interval left uncovered.
  ledger.writer().Close();
  appending.store(false);
  reader.join();

  std::set<uint64_t> seen;
  for (int a = 0; a < kAppenders; ++a) {
    for (int i = 0; i < kPerAppender; ++i) {
      const uint64_t index = indexes[a][i];
      EXPECT_TRUE(seen.insert(index).second) << "index " << index << " twice";
      if (i > 0) {
        EXPECT_GT(index, indexes[a][i - 1]) << "appender " << a << " out of order";
      }
      StatusOr<std::string> entry = ledger.store().EntryAt(index);
      ASSERT_TRUE(entry.ok()) << entry.status().ToString();
      EXPECT_EQ(*entry, EntryBytes(a, i));
    }
  }
  constexpr uint64_t kTotal = kAppenders * kPerAppender;
  EXPECT_EQ(seen.size(), kTotal);
  EXPECT_EQ(*seen.rbegin(), kTotal - 1);
  // The final pass ran after Close.
  EXPECT_EQ(tally.last_checkpoint_size, kTotal);
  EXPECT_GT(tally.proofs_checked, 0);
}

}  // namespace
}  // namespace docket::ledger
