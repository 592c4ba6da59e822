// Tests for ledger/log/ledger_store: the side families (blobs, subject keys, indexes)
// and index rows committed with their batch.
#include "ledger/log/ledger_store.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include <string>
#include <utility>
#include <vector>

#include "ledger/log/ledger_index.h"
#include "tests/ledger/log_test_env.h"

namespace docket::ledger {
namespace {

using ::docket::ledger::testing::TempLedger;

TEST(LedgerStoreTest, SideFamiliesAreSeparateKeySpaces) {
  TempLedger ledger;
  ledger.Open();
  LedgerStore& store = ledger.store();
  ASSERT_TRUE(store.PutSide(SideFamily::kBlobs, "k", "blob", /*sync=*/false).ok());
  ASSERT_TRUE(store.PutSide(SideFamily::kIndexes, "k", "index", /*sync=*/true).ok());
  StatusOr<std::optional<std::string>> blob = store.GetSide(SideFamily::kBlobs, "k");
  ASSERT_TRUE(blob.ok());
  EXPECT_EQ(blob->value_or(""), "blob");
  StatusOr<std::optional<std::string>> key = store.GetSide(SideFamily::kSubjectKeys, "k");
  ASSERT_TRUE(key.ok());
  EXPECT_FALSE(key->has_value());
}

TEST(LedgerStoreTest, ScanSideVisitsThePrefixInOrderAndStopsWhenAsked) {
  TempLedger ledger;
  ledger.Open();
  LedgerStore& store = ledger.store();
  for (const char* k : {"run/b", "run/a", "rum", "run/c", "rup"}) {
    ASSERT_TRUE(store.PutSide(SideFamily::kIndexes, k, k, false).ok());
  }
  std::vector<std::string> seen;
  ASSERT_TRUE(store
                  .ScanSide(SideFamily::kIndexes, "run/",
                            [&](std::string_view key, std::string_view) {
                              seen.emplace_back(key);
                              return true;
                            })
                  .ok());
  EXPECT_EQ(seen, (std::vector<std::string>{"run/a", "run/b", "run/c"}));
  seen.clear();
  ASSERT_TRUE(store
                  .ScanSide(SideFamily::kIndexes, "run/",
                            [&](std::string_view key, std::string_view) {
                              seen.emplace_back(key);
                              return false;
                            })
                  .ok());
  EXPECT_EQ(seen, (std::vector<std::string>{"run/a"}));
}

TEST(LedgerStoreTest, EraseSideRemovesTheValueAndSurvivesReopen) {
  TempLedger ledger;
  ledger.Open();
  ASSERT_TRUE(ledger.store().PutSide(SideFamily::kSubjectKeys, "s1", "secret-1", true).ok());
  ASSERT_TRUE(ledger.store().PutSide(SideFamily::kSubjectKeys, "s2", "secret-2", true).ok());
  // Reopening flushes the recovered WAL into an SST file, so the erase must reach disk
  // files, not just the memtable.
  ledger.Close();
  ledger.Open();
  ASSERT_TRUE(ledger.store().EraseSide(SideFamily::kSubjectKeys, "s1").ok());
  ledger.Close();
  // No file the database still uses holds the erased value.
  for (const auto& file : std::filesystem::recursive_directory_iterator(ledger.path())) {
    if (!file.is_regular_file()) continue;
    std::ifstream in(file.path(), std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(bytes.find("secret-1"), std::string::npos) << file.path();
  }
  ledger.Open();
  StatusOr<std::optional<std::string>> gone = ledger.store().GetSide(SideFamily::kSubjectKeys, "s1");
  ASSERT_TRUE(gone.ok());
  EXPECT_FALSE(gone->has_value());
  StatusOr<std::optional<std::string>> kept = ledger.store().GetSide(SideFamily::kSubjectKeys, "s2");
  ASSERT_TRUE(kept.ok());
  EXPECT_EQ(kept->value_or(""), "secret-2");
}

TEST(LedgerStoreTest, IndexRowsCommitWithTheirBatch) {
  TempLedger ledger;
  ledger.Open();
  ledger.Close();
  StatusOr<std::unique_ptr<LedgerStore>> store = LedgerStore::Open(ledger.path());
  ASSERT_TRUE(store.ok());
  LedgerBatch batch;
  batch.first_index = 0;
  batch.entries = {"e0"};
  batch.signed_checkpoint = "not checked by the store";
  batch.index_rows = {{"run/r1/0", ""}};
  ASSERT_TRUE((*store)->Commit(batch).ok());
  StatusOr<std::optional<std::string>> row = (*store)->GetSide(SideFamily::kIndexes, "run/r1/0");
  ASSERT_TRUE(row.ok());
  EXPECT_TRUE(row->has_value());
  // A batch that does not extend the log writes nothing, index rows included.
  batch.first_index = 5;
  batch.index_rows = {{"run/r2/5", ""}};
  EXPECT_EQ((*store)->Commit(batch).code(), StatusCode::kFailedPrecondition);
  row = (*store)->GetSide(SideFamily::kIndexes, "run/r2/5");
  ASSERT_TRUE(row.ok());
  EXPECT_FALSE(row->has_value());
}

TEST(LedgerIndexTest, WriterIndexesEntriesUnderTheirTermsInLogOrder) {
  TempLedger ledger;
  ledger.Open();
  const IndexTerm run_a{IndexKind::kRun, "run-a"};
  const IndexTerm run_ab{IndexKind::kRun, "run-ab"};  // a prefix of neither's rows
  const IndexTerm decision{IndexKind::kDecision, "d1"};
  ASSERT_TRUE(ledger.writer().Append("e0", {run_a}).get().ok());
  ASSERT_TRUE(ledger.writer().Append("e1", {run_ab}).get().ok());
  ASSERT_TRUE(ledger.writer().Append("e2", {run_a, decision}).get().ok());
  ASSERT_TRUE(ledger.writer().Append("e3").get().ok());
  StatusOr<std::vector<uint64_t>> a = LookupIndex(ledger.store(), run_a);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(*a, (std::vector<uint64_t>{0, 2}));
  EXPECT_EQ(*LookupIndex(ledger.store(), run_ab), (std::vector<uint64_t>{1}));
  EXPECT_EQ(*LookupIndex(ledger.store(), decision), (std::vector<uint64_t>{2}));
  EXPECT_TRUE(LookupIndex(ledger.store(), {IndexKind::kRelease, "rc-1"})->empty());
}

TEST(LedgerIndexTest, InvalidTermsAreRefusedBeforeQueueing) {
  TempLedger ledger;
  ledger.Open();
  for (const IndexTerm& bad : {IndexTerm{IndexKind::kRun, ""},
                               IndexTerm{IndexKind::kRun, std::string("a\0b", 3)},
                               IndexTerm{IndexKind::kRun, std::string(kMaxIndexIdBytes + 1, 'x')}}) {
    StatusOr<uint64_t> index = ledger.writer().Append("e", {bad}).get();
    EXPECT_EQ(index.status().code(), StatusCode::kInvalidArgument);
  }
  EXPECT_EQ(ledger.writer().size(), 0u);
}

TEST(LedgerIndexTest, MalformedRowIsDataLoss) {
  TempLedger ledger;
  ledger.Open();
  const IndexTerm run{IndexKind::kRun, "r"};
  ASSERT_TRUE(ledger.store().PutSide(SideFamily::kIndexes, IndexPrefix(run) + "xyz", "", false).ok());
  EXPECT_EQ(LookupIndex(ledger.store(), run).status().code(), StatusCode::kDataLoss);
}

}  // namespace
}  // namespace docket::ledger
