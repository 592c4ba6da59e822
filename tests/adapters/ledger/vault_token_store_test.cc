// Tests for adapters/ledger/vault_token_store against a real ledger vault: the raw
// value is stored encrypted under "customer:<subject>", the reference is stable and
// keyed, and erasing the subject makes the value unreadable and refuses new tokens.
#include "adapters/ledger/vault_token_store.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

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

  // The digests of the encrypted blobs stored for `subject`.
  std::vector<std::string> BlobsOf(const std::string& subject) {
    std::vector<std::string> found;
    EXPECT_TRUE(home_->store()
                    .ScanSide(ledger::SideFamily::kBlobs, "",
                              [&](std::string_view key, std::string_view value) {
                                StatusOr<ledger::BlobEnvelope> envelope =
                                    ledger::ParseBlobEnvelope(value);
                                if (envelope.ok() && envelope->subject == subject) {
                                  found.push_back("sha256:" + HexEncode(key));
                                }
                                return true;
                              })
                    .ok());
    return found;
  }

  fs::path dir_;
  std::unique_ptr<LedgerHome> home_;
};

TEST_F(VaultTokenStoreTest, TheReferenceIsStableAndTheRawValueIsStoredEncrypted) {
  VaultTokenStore tokens(home_->vault(), "tenant-key");
  StatusOr<std::string> ref = tokens.Tokenize("cust-1", EntityType::kEmail, "anna@example.de");
  ASSERT_TRUE(ref.ok()) << ref.status().ToString();
  EXPECT_EQ(ref->size(), kTokenRefHexDigits);
  EXPECT_EQ(*ref, TokenReference("tenant-key", "cust-1", EntityType::kEmail, "anna@example.de"));
  // Same value, same reference: redacted text is identical across reruns and replays.
  EXPECT_EQ(*tokens.Tokenize("cust-1", EntityType::kEmail, "anna@example.de"), *ref);
  // Another subject, value or key gives another reference.
  EXPECT_NE(*tokens.Tokenize("cust-2", EntityType::kEmail, "anna@example.de"), *ref);
  EXPECT_NE(*tokens.Tokenize("cust-1", EntityType::kEmail, "bob@example.de"), *ref);
  EXPECT_NE(TokenReference("other-key", "cust-1", EntityType::kEmail, "anna@example.de"), *ref);
  // The raw value is in the subject's encrypted blobs, and in no stored bytes in clear.
  std::vector<std::string> blobs = BlobsOf("customer:cust-1");
  ASSERT_FALSE(blobs.empty());
  StatusOr<std::string> raw = home_->vault()->Get(blobs.front());
  ASSERT_TRUE(raw.ok()) << raw.status().ToString();
  EXPECT_TRUE(*raw == "anna@example.de" || *raw == "bob@example.de");
  bool plain = false;
  ASSERT_TRUE(home_->store()
                  .ScanSide(ledger::SideFamily::kBlobs, "",
                            [&](std::string_view, std::string_view value) {
                              plain |= value.find("anna@example.de") != std::string_view::npos;
                              return true;
                            })
                  .ok());
  EXPECT_FALSE(plain);
  VaultTokenStore keyless(home_->vault(), "");
  EXPECT_EQ(keyless.Tokenize("cust-1", EntityType::kEmail, "x@y.de").status().code(),
            StatusCode::kFailedPrecondition);
}

TEST_F(VaultTokenStoreTest, ErasingTheCustomerDestroysTheirTokens) {
  VaultTokenStore tokens(home_->vault(), "tenant-key");
  ASSERT_TRUE(tokens.Tokenize("cust-1", EntityType::kEmail, "anna@example.de").ok());
  ASSERT_TRUE(tokens.Tokenize("cust-2", EntityType::kEmail, "bob@example.de").ok());
  ASSERT_TRUE(home_->vault()->EraseSubject(TokenSubject("cust-1"), /*receipt_index=*/0).ok());
  const std::vector<std::string> anna = BlobsOf("customer:cust-1");
  ASSERT_EQ(anna.size(), 1u);
  StatusOr<std::string> gone = home_->vault()->Get(anna.front());
  EXPECT_EQ(gone.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(gone.status().message().find("erased"), std::string::npos);
  const std::vector<std::string> bob = BlobsOf("customer:cust-2");
  ASSERT_EQ(bob.size(), 1u);
  EXPECT_EQ(*home_->vault()->Get(bob.front()), "bob@example.de");
  EXPECT_EQ(tokens.Tokenize("cust-1", EntityType::kEmail, "anna@new.de").status().code(),
            StatusCode::kFailedPrecondition);
}

TEST_F(VaultTokenStoreTest, BadSubjectsAreRefused) {
  VaultTokenStore tokens(home_->vault(), "tenant-key");
  EXPECT_EQ(tokens.Tokenize(std::string(300, 'x'), EntityType::kEmail, "a@b.io").status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(tokens.Tokenize("a\nb", EntityType::kEmail, "a@b.io").status().code(),
            StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace docket::adapters
