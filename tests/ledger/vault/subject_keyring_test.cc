// Tests for ledger/vault/subject_keyring.h: keys are created once and survive reopen,
// are bound to their subject, are shared by concurrent writers, and erasure is recorded,
// idempotent and finished on open if it was interrupted. Hermetic: TempLedger per test.
#include "ledger/vault/subject_keyring.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "tests/ledger/log_test_env.h"

namespace docket::ledger {
namespace {

using testing::TempLedger;

const std::string kMasterKey(32, 'M');

std::unique_ptr<SubjectKeyring> MustOpen(TempLedger& ledger,
                                         const std::string& master_key = kMasterKey) {
  StatusOr<std::unique_ptr<SubjectKeyring>> keyring =
      SubjectKeyring::Open(&ledger.store(), master_key);
  EXPECT_TRUE(keyring.ok()) << keyring.status().ToString();
  return keyring.ok() ? std::move(*keyring) : nullptr;
}

TEST(SubjectKeyringTest, KeyIsCreatedOnceAndSurvivesReopen) {
  TempLedger ledger;
  ledger.Open();
  auto keyring = MustOpen(ledger);
  EXPECT_EQ(keyring->KeyForReading("ada").status().code(), StatusCode::kNotFound);
  StatusOr<std::string> key = keyring->KeyForWriting("ada");
  ASSERT_TRUE(key.ok()) << key.status().ToString();
  EXPECT_EQ(key->size(), kSubjectKeySize);
  EXPECT_EQ(keyring->KeyForWriting("ada").value(), *key);
  EXPECT_NE(keyring->KeyForWriting("bob").value(), *key);
  const std::string wrapped =
      ledger.store().GetSide(SideFamily::kSubjectKeys, "key/ada").value().value_or("");
  ASSERT_EQ(wrapped.size(), 64u);
  EXPECT_TRUE(wrapped.starts_with("DKK1"));
  EXPECT_EQ(wrapped.find(*key), std::string::npos);

  keyring.reset();
  ledger.Close();
  ledger.Open();
  keyring = MustOpen(ledger);
  EXPECT_EQ(keyring->KeyForReading("ada").value(), *key);
}

TEST(SubjectKeyringTest, WrappedKeyIsBoundToItsSubjectAndMasterKey) {
  TempLedger ledger;
  ledger.Open();
  auto keyring = MustOpen(ledger);
  ASSERT_TRUE(keyring->KeyForWriting("ada").ok());
  const std::string wrapped =
      ledger.store().GetSide(SideFamily::kSubjectKeys, "key/ada").value().value_or("");
  keyring.reset();
  // Copied to another subject's row, the key does not unwrap.
  ASSERT_TRUE(ledger.store().PutSide(SideFamily::kSubjectKeys, "key/eve", wrapped, true).ok());
  ASSERT_TRUE(ledger.store().PutSide(SideFamily::kSubjectKeys, "key/short", "DKK1xyz", true).ok());
  keyring = MustOpen(ledger);
  EXPECT_EQ(keyring->KeyForReading("eve").status().code(), StatusCode::kDataLoss);
  EXPECT_EQ(keyring->KeyForReading("short").status().code(), StatusCode::kDataLoss);
  keyring = MustOpen(ledger, std::string(32, 'W'));
  StatusOr<std::string> wrong = keyring->KeyForReading("ada");
  EXPECT_EQ(wrong.status().code(), StatusCode::kDataLoss);
  EXPECT_EQ(wrong.status().message().find(kMasterKey), std::string::npos);
}

TEST(SubjectKeyringTest, ConcurrentWritersShareOneKey) {
  TempLedger ledger;
  ledger.Open();
  auto keyring = MustOpen(ledger);
  std::vector<std::string> keys(8);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < keys.size(); ++i) {
    threads.emplace_back([&, i] {
      StatusOr<std::string> key = keyring->KeyForWriting("ada");
      if (key.ok()) keys[i] = *key;
    });
  }
  for (std::thread& t : threads) t.join();
  for (const std::string& key : keys) EXPECT_EQ(key, keys[0]);
  EXPECT_EQ(keys[0].size(), kSubjectKeySize);
}

TEST(SubjectKeyringTest, EraseRecordsTheReceiptAndDestroysTheKey) {
  TempLedger ledger;
  ledger.Open();
  auto keyring = MustOpen(ledger);
  ASSERT_TRUE(keyring->KeyForWriting("ada").ok());
  EXPECT_EQ(keyring->Erase("bob", 3).code(), StatusCode::kNotFound);
  ASSERT_TRUE(keyring->Erase("ada", 7).ok());
  EXPECT_EQ(keyring->ErasedBy("ada").value(), std::optional<uint64_t>(7));
  EXPECT_EQ(ledger.store().GetSide(SideFamily::kSubjectKeys, "erased/ada").value(),
            std::optional<std::string>(std::string("\0\0\0\0\0\0\0\x07", 8)));
  EXPECT_FALSE(ledger.store().GetSide(SideFamily::kSubjectKeys, "key/ada").value().has_value());
  StatusOr<std::string> read = keyring->KeyForReading("ada");
  EXPECT_EQ(read.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(read.status().message(), "subject ada was erased by the receipt at entry 7");
  EXPECT_EQ(keyring->KeyForWriting("ada").status().code(), StatusCode::kFailedPrecondition);
  EXPECT_TRUE(keyring->Erase("ada", 7).ok());
  EXPECT_EQ(keyring->Erase("ada", 8).code(), StatusCode::kFailedPrecondition);
}

TEST(SubjectKeyringTest, OpenFinishesAnInterruptedErasure) {
  TempLedger ledger;
  ledger.Open();
  ASSERT_TRUE(MustOpen(ledger)->KeyForWriting("ada").ok());
  // As if the process died between recording the erasure and destroying the key.
  ASSERT_TRUE(ledger.store()
                  .PutSide(SideFamily::kSubjectKeys, "erased/ada", EncodeLedgerKey(4), true)
                  .ok());
  auto keyring = MustOpen(ledger);
  EXPECT_FALSE(ledger.store().GetSide(SideFamily::kSubjectKeys, "key/ada").value().has_value());
  EXPECT_EQ(keyring->KeyForReading("ada").status().code(), StatusCode::kFailedPrecondition);
}

TEST(SubjectKeyringTest, MalformedErasureRecordIsDataLoss) {
  TempLedger ledger;
  ledger.Open();
  ASSERT_TRUE(ledger.store().PutSide(SideFamily::kSubjectKeys, "erased/ada", "7", true).ok());
  auto keyring = MustOpen(ledger);
  EXPECT_EQ(keyring->ErasedBy("ada").status().code(), StatusCode::kDataLoss);
  EXPECT_EQ(keyring->KeyForWriting("ada").status().code(), StatusCode::kDataLoss);
}

TEST(SubjectKeyringTest, ValidatesSubjectIdsAndMasterKey) {
  EXPECT_TRUE(ValidateSubject("customer:42 (é)").ok());
  EXPECT_TRUE(ValidateSubject(std::string(kMaxSubjectBytes, 'x')).ok());
  EXPECT_EQ(ValidateSubject("").code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(ValidateSubject(std::string(kMaxSubjectBytes + 1, 'x')).code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(ValidateSubject(std::string("a\0b", 3)).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(ValidateSubject("tab\there").code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(ValidateSubject("del\x7f").code(), StatusCode::kInvalidArgument);
  TempLedger ledger;
  ledger.Open();
  StatusOr<std::unique_ptr<SubjectKeyring>> short_key =
      SubjectKeyring::Open(&ledger.store(), "0123456789abcdef");
  EXPECT_EQ(short_key.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(short_key.status().message().find("0123456789abcdef"), std::string::npos);
}

}  // namespace
}  // namespace docket::ledger
