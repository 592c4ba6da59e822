// Tests for ledger/vault/blob_vault.h: plain and encrypted round trips, erasure (the
// key is physically gone, the ciphertext stays and still verifies), corruption and
// wrong-key detection, and input validation. Hermetic: each test has its own TempLedger.
#include "ledger/vault/blob_vault.h"

#include <gtest/gtest.h>
#include <sys/mman.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "engine/base/encoding.h"
#include "engine/base/sha256.h"
#include "tests/ledger/log_test_env.h"

namespace docket::ledger {
namespace {

using testing::TempLedger;

std::string RawDigest(const BlobRef& ref) {
  std::string raw;
  EXPECT_TRUE(HexDecode(ref.digest.substr(7), raw)) << ref.digest;
  return raw;
}

class BlobVaultTest : public ::testing::Test {
 protected:
  void SetUp() override {
    StatusOr<std::string> key = GenerateMasterKey();
    ASSERT_TRUE(key.ok());
    master_key_ = *key;
    ledger_.Open();
    OpenVault(master_key_);
  }
  void TearDown() override { vault_.reset(); }

  void OpenVault(const std::string& master_key) {
    StatusOr<std::unique_ptr<BlobVault>> vault = BlobVault::Open(&ledger_.store(), master_key);
    ASSERT_TRUE(vault.ok()) << vault.status().ToString();
    vault_ = std::move(*vault);
  }
  void CloseAll() {
    vault_.reset();
    ledger_.Close();
  }
  void ReopenAll(const std::string& master_key) {
    ledger_.Open();
    OpenVault(master_key);
  }

  BlobRef MustPut(std::string_view bytes) {
    StatusOr<BlobRef> ref = vault_->Put(bytes);
    EXPECT_TRUE(ref.ok()) << ref.status().ToString();
    return ref.ok() ? *ref : BlobRef{};
  }
  BlobRef MustPutFor(std::string_view subject, std::string_view bytes) {
    StatusOr<BlobRef> ref = vault_->PutForSubject(subject, bytes);
    EXPECT_TRUE(ref.ok()) << ref.status().ToString();
    return ref.ok() ? *ref : BlobRef{};
  }

  TempLedger ledger_;
  std::string master_key_;
  std::unique_ptr<BlobVault> vault_;
};

TEST_F(BlobVaultTest, PlainRoundTripIsContentAddressedAndDeduplicated) {
  const BlobRef ref = MustPut("model output");
  EXPECT_EQ(ref.digest.size(), 7u + 64u);
  EXPECT_TRUE(ref.digest.starts_with("sha256:"));
  EXPECT_EQ(ref.size, 12u);
  EXPECT_TRUE(ref.data_subject.empty());
  EXPECT_EQ(MustPut("model output").digest, ref.digest);
  EXPECT_NE(MustPut("other output").digest, ref.digest);
  EXPECT_EQ(MustPut("").size, 0u);
  StatusOr<std::string> got = vault_->Get(ref.digest);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(*got, "model output");
  StatusOr<uint64_t> checked = VerifyBlobs(ledger_.store());
  ASSERT_TRUE(checked.ok()) << checked.status().ToString();
  EXPECT_EQ(*checked, 3u);  // the duplicate is stored once
}

TEST_F(BlobVaultTest, EncryptedRoundTripSurvivesReopen) {
  const BlobRef ref = MustPutFor("subject-1", "name: Ada Lovelace");
  EXPECT_EQ(ref.data_subject, "subject-1");
  EXPECT_EQ(ref.size, 18u);
  // A fresh nonce per blob: equal plaintexts are not linkable by digest.
  EXPECT_NE(MustPutFor("subject-1", "name: Ada Lovelace").digest, ref.digest);
  StatusOr<std::optional<std::string>> stored =
      ledger_.store().GetSide(SideFamily::kBlobs, RawDigest(ref));
  ASSERT_TRUE(stored.ok() && stored->has_value());
  EXPECT_EQ((*stored)->find("Ada"), std::string::npos);
  StatusOr<BlobEnvelope> envelope = ParseBlobEnvelope(**stored);
  ASSERT_TRUE(envelope.ok()) << envelope.status().ToString();
  EXPECT_EQ(envelope->subject, "subject-1");
  EXPECT_EQ(FormatBlobEnvelope(*envelope), **stored);

  CloseAll();
  ReopenAll(master_key_);
  StatusOr<std::string> got = vault_->Get(ref.digest);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(*got, "name: Ada Lovelace");
}

TEST_F(BlobVaultTest, ErasureMakesOnlyThatSubjectUnreadable) {
  const BlobRef ada = MustPutFor("ada", "ada's record");
  const BlobRef bob = MustPutFor("bob", "bob's record");
  const BlobRef plain = MustPut("public");
  const uint64_t receipt = ledger_.AppendAndWait("erasure receipt: ada");
  ASSERT_TRUE(vault_->EraseSubject("ada", receipt).ok());

  StatusOr<std::string> gone = vault_->Get(ada.digest);
  EXPECT_EQ(gone.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(gone.status().message(), "blob " + ada.digest +
                                         " is erased: subject ada was erased by the receipt "
                                         "at entry " +
                                         std::to_string(receipt));
  EXPECT_EQ(vault_->Get(bob.digest).value(), "bob's record");
  EXPECT_EQ(vault_->Get(plain.digest).value(), "public");
  EXPECT_EQ(vault_->PutForSubject("ada", "more").status().code(), StatusCode::kFailedPrecondition);

  StatusOr<std::optional<uint64_t>> erased_by = vault_->ErasedBy("ada");
  ASSERT_TRUE(erased_by.ok());
  EXPECT_EQ(*erased_by, std::optional<uint64_t>(receipt));
  EXPECT_EQ(vault_->ErasedBy("bob").value(), std::nullopt);
  EXPECT_TRUE(vault_->EraseSubject("ada", receipt).ok());  // idempotent
  EXPECT_EQ(vault_->EraseSubject("ada", receipt + 1).code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(vault_->EraseSubject("carol", receipt).code(), StatusCode::kNotFound);

  // Still erased after a restart, and the ciphertext still verifies without a key.
  CloseAll();
  ReopenAll(master_key_);
  EXPECT_EQ(vault_->Get(ada.digest).status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(vault_->Get(bob.digest).value(), "bob's record");
  StatusOr<uint64_t> checked = VerifyBlobs(ledger_.store());
  ASSERT_TRUE(checked.ok()) << checked.status().ToString();
  EXPECT_EQ(*checked, 3u);
}

// The plaintexts ReadSubjectBlobs visits for `subject`, sorted; or its error.
StatusOr<std::vector<std::string>> ReadAll(const BlobVault& vault, std::string_view subject) {
  std::vector<std::string> found;
  DOCKET_RETURN_IF_ERROR(
      vault.ReadSubjectBlobs(subject, [&](std::string_view digest, std::string_view plaintext) {
        EXPECT_TRUE(digest.starts_with("sha256:")) << digest;
        found.emplace_back(plaintext);
        return true;
      }));
  std::sort(found.begin(), found.end());
  return found;
}

TEST_F(BlobVaultTest, ReadSubjectBlobsVisitsExactlyThatSubjectsBlobs) {
  MustPutFor("customer:1", "anna@example.de");
  MustPutFor("customer:1", "anna@example.de");  // a second copy, another nonce
  MustPutFor("customer:1", "+49 30 1234567");
  MustPutFor("customer:10", "ben@example.de");  // a subject id the first one prefixes
  MustPutFor("customer:", "nobody");
  MustPut("anna@example.de plain");
  StatusOr<std::vector<std::string>> one = ReadAll(*vault_, "customer:1");
  ASSERT_TRUE(one.ok()) << one.status().ToString();
  EXPECT_EQ(*one,
            (std::vector<std::string>{"+49 30 1234567", "anna@example.de", "anna@example.de"}));
  EXPECT_EQ(ReadAll(*vault_, "customer:10").value(), std::vector<std::string>{"ben@example.de"});
  // Listed after a restart too, and `visit` can stop early.
  CloseAll();
  ReopenAll(master_key_);
  int visited = 0;
  ASSERT_TRUE(vault_
                  ->ReadSubjectBlobs("customer:1", [&](std::string_view,
                                                       std::string_view) { return ++visited < 2; })
                  .ok());
  EXPECT_EQ(visited, 2);
  EXPECT_EQ(ReadAll(*vault_, "customer:2").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(ReadAll(*vault_, "bad\nid").status().code(), StatusCode::kInvalidArgument);
  StatusOr<uint64_t> checked = VerifyBlobs(ledger_.store());
  ASSERT_TRUE(checked.ok()) << checked.status().ToString();
  EXPECT_EQ(*checked, 6u);  // the rows live beside the blobs, not among them
}

TEST_F(BlobVaultTest, ReadSubjectBlobsRefusesAnErasedSubjectNamingTheReceipt) {
  MustPutFor("customer:1", "anna@example.de");
  const uint64_t receipt = ledger_.AppendAndWait("erasure receipt");
  ASSERT_TRUE(vault_->EraseSubject("customer:1", receipt).ok());
  bool visited = false;
  const Status read =
      vault_->ReadSubjectBlobs("customer:1", [&](std::string_view, std::string_view) {
        visited = true;
        return true;
      });
  EXPECT_EQ(read.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(read.message(),
            "subject customer:1 was erased by the receipt at entry " + std::to_string(receipt));
  EXPECT_FALSE(visited);
}

TEST_F(BlobVaultTest, ReadSubjectBlobsTrustsNoRowToNameAnotherSubjectsBlob) {
  MustPutFor("customer:1", "anna@example.de");
  const BlobRef ben = MustPutFor("customer:2", "ben@example.de");
  // A forged row listing Ben's blob under Anna: data loss, and Ben's value stays unread.
  ASSERT_TRUE(ledger_.store()
                  .PutSide(SideFamily::kSubjectKeys,
                           std::string("blob/customer:1") + '\0' + RawDigest(ben), "",
                           /*sync=*/true)
                  .ok());
  std::vector<std::string> seen;
  const Status read =
      vault_->ReadSubjectBlobs("customer:1", [&](std::string_view, std::string_view p) {
        seen.emplace_back(p);
        return true;
      });
  EXPECT_EQ(read.code(), StatusCode::kDataLoss);
  EXPECT_NE(read.message().find("is not encrypted for it"), std::string::npos) << read.message();
  for (const std::string& plaintext : seen) EXPECT_NE(plaintext, "ben@example.de");
  // A row naming a blob that is not stored, or not a digest at all.
  ASSERT_TRUE(ledger_.store()
                  .PutSide(SideFamily::kSubjectKeys,
                           std::string("blob/customer:3") + '\0' + std::string(32, 'x'), "", true)
                  .ok());
  MustPutFor("customer:3", "carol@example.de");
  EXPECT_EQ(ReadAll(*vault_, "customer:3").status().code(), StatusCode::kDataLoss);
  MustPutFor("customer:4", "dan@example.de");
  ASSERT_TRUE(ledger_.store()
                  .PutSide(SideFamily::kSubjectKeys,
                           std::string("blob/customer:4") + '\0' + "short", "", true)
                  .ok());
  EXPECT_EQ(ReadAll(*vault_, "customer:4").status().code(), StatusCode::kDataLoss);
}

TEST_F(BlobVaultTest, ErasedKeyIsInNoFileOfTheLedger) {
  MustPutFor("ada", "ada's record");
  MustPutFor("bob", "bob's record");
  StatusOr<std::optional<std::string>> wrapped =
      ledger_.store().GetSide(SideFamily::kSubjectKeys, "key/ada");
  ASSERT_TRUE(wrapped.ok() && wrapped->has_value());
  const std::string wrapped_key = **wrapped;
  // Reopening moves the key from the WAL into an SST file: the erase must reach it there.
  CloseAll();
  ReopenAll(master_key_);
  const uint64_t receipt = ledger_.AppendAndWait("erasure receipt: ada");
  ASSERT_TRUE(vault_->EraseSubject("ada", receipt).ok());
  CloseAll();
  int files = 0;
  for (const auto& file : std::filesystem::recursive_directory_iterator(ledger_.path())) {
    if (!file.is_regular_file()) continue;
    ++files;
    std::ifstream in(file.path(), std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(bytes.find(wrapped_key), std::string::npos) << file.path();
  }
  EXPECT_GT(files, 0);
  EXPECT_TRUE(ledger_.RawGet("subject_keys", "key/bob").has_value());
}

TEST_F(BlobVaultTest, WrongMasterKeyIsDataLossWithoutLeakingKeys) {
  const BlobRef ref = MustPutFor("ada", "ada's record");
  const std::string wrapped =
      ledger_.store().GetSide(SideFamily::kSubjectKeys, "key/ada").value().value_or("");
  CloseAll();
  std::string wrong_key = master_key_;
  wrong_key[5] ^= 0x01;
  ReopenAll(wrong_key);
  StatusOr<std::string> got = vault_->Get(ref.digest);
  EXPECT_EQ(got.status().code(), StatusCode::kDataLoss);
  const std::string& message = got.status().message();
  EXPECT_NE(message.find(ref.digest), std::string::npos) << message;
  for (const std::string& secret : {master_key_, wrong_key, wrapped}) {
    EXPECT_EQ(message.find(secret), std::string::npos);
    EXPECT_EQ(message.find(HexEncode(secret)), std::string::npos);
    EXPECT_EQ(message.find(Base64Encode(secret)), std::string::npos);
  }
  EXPECT_EQ(vault_->PutForSubject("ada", "x").status().code(), StatusCode::kDataLoss);
}

TEST_F(BlobVaultTest, AlteredStoredBytesAreDataLossNamingTheDigest) {
  const BlobRef plain = MustPut("public");
  const BlobRef secret = MustPutFor("ada", "ada's record");
  CloseAll();
  for (const BlobRef* ref : {&plain, &secret}) {
    std::string stored = ledger_.RawGet("blobs", RawDigest(*ref)).value_or("");
    ASSERT_FALSE(stored.empty());
    stored.back() ^= 0x01;
    ledger_.RawPut("blobs", RawDigest(*ref), stored);
  }
  ReopenAll(master_key_);
  for (const BlobRef* ref : {&plain, &secret}) {
    StatusOr<std::string> got = vault_->Get(ref->digest);
    EXPECT_EQ(got.status().code(), StatusCode::kDataLoss);
    EXPECT_NE(got.status().message().find(ref->digest), std::string::npos)
        << got.status().message();
  }
  StatusOr<uint64_t> checked = VerifyBlobs(ledger_.store());
  EXPECT_EQ(checked.status().code(), StatusCode::kDataLoss);
  const std::string& message = checked.status().message();
  EXPECT_TRUE(message.starts_with("blob " + plain.digest + ": ") ||
              message.starts_with("blob " + secret.digest + ": "))
      << message;
}

TEST_F(BlobVaultTest, StoredBytesOfNeitherKindFailVerification) {
  // Hashes correctly but is no blob format: only the parse can catch it.
  const std::string junk = "not a blob";
  const Sha256Digest digest = Sha256(junk);
  CloseAll();
  ledger_.RawPut("blobs", std::string(digest.AsBytes()), junk);
  ReopenAll(master_key_);
  const std::string name = "sha256:" + digest.Hex();
  EXPECT_EQ(vault_->Get(name).status().code(), StatusCode::kDataLoss);
  StatusOr<uint64_t> checked = VerifyBlobs(ledger_.store());
  EXPECT_EQ(checked.status().code(), StatusCode::kDataLoss);
  EXPECT_TRUE(checked.status().message().starts_with("blob " + name + ": "))
      << checked.status().message();
}

TEST_F(BlobVaultTest, MalformedDigestsAreInvalidArgument) {
  const BlobRef ref = MustPut("public");
  std::string upper = ref.digest;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  std::string bad_char = ref.digest;
  bad_char.back() = 'g';
  for (const std::string& digest :
       {std::string(), std::string("sha256:"), ref.digest.substr(7), "sha256:" + upper.substr(7),
        "SHA256:" + ref.digest.substr(7), ref.digest + "0", ref.digest.substr(0, 70), bad_char,
        "sha512:" + ref.digest.substr(7)}) {
    EXPECT_EQ(vault_->Get(digest).status().code(), StatusCode::kInvalidArgument) << digest;
  }
  EXPECT_EQ(vault_->Get("sha256:" + std::string(64, '0')).status().code(), StatusCode::kNotFound);
}

TEST_F(BlobVaultTest, BadSubjectsAndOversizedBlobsAreRejected) {
  EXPECT_EQ(vault_->PutForSubject("", "x").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(vault_->PutForSubject(std::string(257, 's'), "x").status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(vault_->PutForSubject("line\nbreak", "x").status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_TRUE(vault_->PutForSubject(std::string(256, 's'), "x").ok());
  // One byte over the limit, backed by untouched zero pages so the test costs no memory.
  const size_t size = kMaxBlobBytes + 1;
  void* pages = mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  ASSERT_NE(pages, MAP_FAILED);
  const std::string_view huge(static_cast<const char*>(pages), size);
  EXPECT_EQ(vault_->Put(huge).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(vault_->PutForSubject("ada", huge).status().code(), StatusCode::kInvalidArgument);
  munmap(pages, size);
}

TEST(BlobVaultOpenTest, RejectsBadMasterKeysAndNullStore) {
  TempLedger ledger;
  ledger.Open();
  EXPECT_EQ(BlobVault::Open(&ledger.store(), std::string(31, 'k')).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(BlobVault::Open(&ledger.store(), "").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(BlobVault::Open(nullptr, std::string(32, 'k')).status().code(),
            StatusCode::kInvalidArgument);
  StatusOr<std::string> a = GenerateMasterKey();
  StatusOr<std::string> b = GenerateMasterKey();
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->size(), 32u);
  EXPECT_NE(*a, *b);
}

}  // namespace
}  // namespace docket::ledger
