// Tests for ledger/vault/internal/aes_gcm.h: the GCM spec's AES-256 vectors, a vector
// with AAD computed by an independent implementation (Python's `cryptography`), and
// that any change of key, nonce, AAD or bytes is reported as kDataLoss.
#include "ledger/vault/internal/aes_gcm.h"

#include <gtest/gtest.h>

#include <string>

#include "engine/base/encoding.h"

namespace docket::ledger::internal {
namespace {

std::string Unhex(std::string_view hex) {
  std::string out;
  EXPECT_TRUE(HexDecode(hex, out)) << hex;
  return out;
}

std::string Range(int first, int count) {
  std::string out;
  for (int i = 0; i < count; ++i) out += static_cast<char>(first + i);
  return out;
}

TEST(AesGcmTest, MatchesGcmSpecTestCases13And14) {
  const std::string key(32, '\0');
  const std::string nonce(12, '\0');
  StatusOr<std::string> empty = AesGcmSeal(key, nonce, "", "");
  ASSERT_TRUE(empty.ok()) << empty.status().ToString();
  EXPECT_EQ(HexEncode(*empty), "530f8afbc74536b9a963b4f1c4cb738b");
  StatusOr<std::string> block = AesGcmSeal(key, nonce, "", std::string(16, '\0'));
  ASSERT_TRUE(block.ok());
  EXPECT_EQ(HexEncode(*block), "cea7403d4d606b6e074ec5d3baf39d18d0d1c8a799996bf0265b98b5d48ab919");
}

TEST(AesGcmTest, MatchesAnIndependentImplementationWithAad) {
  const std::string key = Range(0, 32);
  const std::string nonce = Range(100, 12);
  const std::string aad = std::string("DKB1\x01\x00\x02s1", 9);
  const std::string expected =
      Unhex("207eb20a16c576ed4b00358db91142dccd4eeb4655500b1504a0e4c94de7");
  StatusOr<std::string> sealed = AesGcmSeal(key, nonce, aad, "hello, subject");
  ASSERT_TRUE(sealed.ok());
  EXPECT_EQ(*sealed, expected);
  StatusOr<std::string> opened = AesGcmOpen(key, nonce, aad, expected);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  EXPECT_EQ(*opened, "hello, subject");
}

TEST(AesGcmTest, AnyChangeFailsAsDataLoss) {
  const std::string key = Range(0, 32);
  const std::string nonce = Range(100, 12);
  StatusOr<std::string> sealed = AesGcmSeal(key, nonce, "aad", "payload");
  ASSERT_TRUE(sealed.ok());
  std::string other_key = key;
  other_key[0] ^= 1;
  EXPECT_EQ(AesGcmOpen(other_key, nonce, "aad", *sealed).status().code(), StatusCode::kDataLoss);
  std::string other_nonce = nonce;
  other_nonce[11] ^= 1;
  EXPECT_EQ(AesGcmOpen(key, other_nonce, "aad", *sealed).status().code(), StatusCode::kDataLoss);
  EXPECT_EQ(AesGcmOpen(key, nonce, "aae", *sealed).status().code(), StatusCode::kDataLoss);
  for (size_t i = 0; i < sealed->size(); ++i) {
    std::string altered = *sealed;
    altered[i] ^= 0x40;
    EXPECT_EQ(AesGcmOpen(key, nonce, "aad", altered).status().code(), StatusCode::kDataLoss) << i;
  }
  EXPECT_EQ(AesGcmOpen(key, nonce, "aad", sealed->substr(0, 15)).status().code(),
            StatusCode::kDataLoss);
}

TEST(AesGcmTest, RejectsWrongKeyAndNonceSizes) {
  EXPECT_EQ(AesGcmSeal(std::string(16, 'k'), std::string(12, 'n'), "", "x").status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(AesGcmSeal(std::string(32, 'k'), std::string(16, 'n'), "", "x").status().code(),
            StatusCode::kInvalidArgument);
}

TEST(AesGcmTest, RandomBytesDiffer) {
  StatusOr<std::string> a = SecureRandomBytes(32);
  StatusOr<std::string> b = SecureRandomBytes(32);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->size(), 32u);
  EXPECT_NE(*a, *b);
}

}  // namespace
}  // namespace docket::ledger::internal
