// Test support for ledger/log/; see log_test_env.h.
#include "tests/ledger/log_test_env.h"

#include <gtest/gtest.h>
#include <rocksdb/db.h>
#include <unistd.h>

#include <atomic>

namespace docket::ledger::testing {
namespace {

// Runs `edit` on the raw database with every ledger column family open.
template <typename Edit>
void WithRawDb(const std::string& path, const std::string& family, Edit edit) {
  std::vector<std::string> names;
  ASSERT_TRUE(rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), path, &names).ok());
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (const std::string& name : names)
    descriptors.emplace_back(name, rocksdb::ColumnFamilyOptions());
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* db = nullptr;
  rocksdb::Status s = rocksdb::DB::Open(rocksdb::DBOptions(), path, descriptors, &handles, &db);
  ASSERT_TRUE(s.ok()) << s.ToString();
  size_t which = 0;
  while (which < names.size() && names[which] != family) ++which;
  ASSERT_LT(which, names.size()) << family;
  edit(db, handles[which]);
  for (rocksdb::ColumnFamilyHandle* h : handles) ASSERT_TRUE(db->DestroyColumnFamilyHandle(h).ok());
  ASSERT_TRUE(db->Close().ok());
  delete db;
}

}  // namespace

Signer TestSigner(char seed_byte, const std::string& name) {
  StatusOr<Signer> signer = Signer::FromSeed(name, std::string(32, seed_byte));
  EXPECT_TRUE(signer.ok()) << signer.status().ToString();
  return *signer;
}

TempLedger::TempLedger() : signer_(TestSigner()) {
  static std::atomic<int> counter{0};
  const ::testing::TestInfo* info = ::testing::UnitTest::GetInstance()->current_test_info();
  path_ = (std::filesystem::temp_directory_path() /
           ("docket_ledger_" + std::string(info ? info->name() : "x") + "_" +
            std::to_string(getpid()) + "_" + std::to_string(counter++)))
              .string();
  std::filesystem::remove_all(path_);
}

TempLedger::~TempLedger() {
  Close();
  std::filesystem::remove_all(path_);
}

void TempLedger::Open(LedgerWriterOptions options) {
  StatusOr<std::unique_ptr<LedgerStore>> store = LedgerStore::Open(path_);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  store_ = std::move(*store);
  if (options.origin.empty()) options.origin = kTestOrigin;
  if (options.signer == nullptr) options.signer = &signer_;
  // Tests on the real clock must not depend on time windows: sign every batch.
  if (options.clock == nullptr) options.checkpoint_interval = std::chrono::milliseconds(0);
  StatusOr<std::unique_ptr<LedgerWriter>> writer = LedgerWriter::Start(store_.get(), options);
  ASSERT_TRUE(writer.ok()) << writer.status().ToString();
  writer_ = std::move(*writer);
}

void TempLedger::Close() {
  writer_.reset();
  store_.reset();
}

uint64_t TempLedger::AppendAndWait(const std::string& bytes) {
  StatusOr<uint64_t> index = writer_->Append(bytes).get();
  EXPECT_TRUE(index.ok()) << index.status().ToString();
  return index.ok() ? *index : UINT64_MAX;
}

void TempLedger::RawPut(const std::string& family, const std::string& key,
                        const std::string& value) {
  WithRawDb(path_, family, [&](rocksdb::DB* db, rocksdb::ColumnFamilyHandle* h) {
    ASSERT_TRUE(db->Put(rocksdb::WriteOptions(), h, key, value).ok());
  });
}

void TempLedger::RawDelete(const std::string& family, const std::string& key) {
  WithRawDb(path_, family, [&](rocksdb::DB* db, rocksdb::ColumnFamilyHandle* h) {
    ASSERT_TRUE(db->Delete(rocksdb::WriteOptions(), h, key).ok());
  });
}

std::optional<std::string> TempLedger::RawGet(const std::string& family, const std::string& key) {
  std::optional<std::string> out;
  WithRawDb(path_, family, [&](rocksdb::DB* db, rocksdb::ColumnFamilyHandle* h) {
    std::string value;
    if (db->Get(rocksdb::ReadOptions(), h, key, &value).ok()) out = value;
  });
  return out;
}

}  // namespace docket::ledger::testing
