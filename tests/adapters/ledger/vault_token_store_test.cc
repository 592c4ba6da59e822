// Tests for adapters/ledger/vault_token_store against a real ledger vault: the raw
// value is stored encrypted under "customer:<subject>", the reference finds it, and
// erasing the subject makes it unreadable and refuses new tokens.
#include "adapters/ledger/vault_token_store.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <string>

#include "adapters/ledger/ledger_home.h"
#include "engine/base/encoding.h"

namespace docket::adapters {
namespace {

namespace fs = std::filesystem;
using workflows::redact::EntityType;

class VaultTokenStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device rd;
    dir_ = fs::temp_directory_path() / ("docket-token-test-" + std::to_string(rd()));
    StatusOr<std::unique_ptr<LedgerHome>> home = LedgerHome::OpenForWriting(dir_);
    ASSERT_TRUE(home.ok()) << home.status().ToString();
    home_ = std::move(*home);
  }
  void TearDown() override {
    home_.reset();
    fs::remove_all(dir_);
  }

  // The full digest of the one blob whose hex starts with `ref`.
  std::string DigestOf(const std::string& ref) {
    std::string found;
    EXPECT_TRUE(home_->store()
                    .ScanSide(ledger::SideFamily::kBlobs, "",
                              [&](std::string_view key, std::string_view) {
                                const std::string hex = HexEncode(key);
                                if (hex.rfind(ref, 0) == 0) found = "sha256:" + hex;
                                return true;
                              })
                    .ok());
    return found;
  }

  fs::path dir_;
  std::unique_ptr<LedgerHome> home_;
};

TEST_F(VaultTokenStoreTest, TheReferenceFindsTheEncryptedRawValue) {
  VaultTokenStore tokens(home_->vault());
  StatusOr<std::string> ref = tokens.Tokenize("cust-1", EntityType::kEmail, "anna@example.de");
  ASSERT_TRUE(ref.ok()) << ref.status().ToString();
  EXPECT_EQ(ref->size(), kTokenRefHexDigits);
  const std::string digest = DigestOf(*ref);
  ASSERT_FALSE(digest.empty());
  StatusOr<std::string> raw = home_->vault()->Get(digest);
  ASSERT_TRUE(raw.ok()) << raw.status().ToString();
  EXPECT_EQ(*raw, "anna@example.de");
  // Stored encrypted: the raw bytes are in no stored blob.
  bool plain = false;
  ASSERT_TRUE(home_->store()
                  .ScanSide(ledger::SideFamily::kBlobs, "",
                            [&](std::string_view, std::string_view value) {
                              plain |= value.find("anna@example.de") != std::string_view::npos;
                              return true;
                            })
                  .ok());
  EXPECT_FALSE(plain);
  // A new token each time: a reference says nothing about equality.
  EXPECT_NE(*tokens.Tokenize("cust-1", EntityType::kEmail, "anna@example.de"), *ref);
}

TEST_F(VaultTokenStoreTest, ErasingTheCustomerDestroysTheirTokens) {
  VaultTokenStore tokens(home_->vault());
  StatusOr<std::string> anna = tokens.Tokenize("cust-1", EntityType::kEmail, "anna@example.de");
  StatusOr<std::string> bob = tokens.Tokenize("cust-2", EntityType::kEmail, "bob@example.de");
  ASSERT_TRUE(anna.ok() && bob.ok());
  ASSERT_TRUE(home_->vault()->EraseSubject(TokenSubject("cust-1"), /*receipt_index=*/0).ok());
  StatusOr<std::string> gone = home_->vault()->Get(DigestOf(*anna));
  EXPECT_EQ(gone.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(gone.status().message().find("erased"), std::string::npos);
  EXPECT_EQ(*home_->vault()->Get(DigestOf(*bob)), "bob@example.de");
  EXPECT_EQ(tokens.Tokenize("cust-1", EntityType::kEmail, "anna@new.de").status().code(),
            StatusCode::kFailedPrecondition);
}

TEST_F(VaultTokenStoreTest, BadSubjectsAreRefused) {
  VaultTokenStore tokens(home_->vault());
  EXPECT_EQ(tokens.Tokenize(std::string(300, 'x'), EntityType::kEmail, "a@b.io").status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(tokens.Tokenize("a\nb", EntityType::kEmail, "a@b.io").status().code(),
            StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace docket::adapters
