#include "engine/base/sha256.h"

#include <gtest/gtest.h>

#include <string>

namespace docket {
namespace {

// FIPS 180-2, appendix B, and the empty message.
constexpr char kAbc[] = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
constexpr char kEmpty[] = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
constexpr char k448Bit[] = "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1";
constexpr char kMillionA[] = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";
constexpr char k448BitMessage[] = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";

TEST(Sha256Test, FipsVectors) {
  EXPECT_EQ(Sha256("abc").Hex(), kAbc);
  EXPECT_EQ(Sha256("").Hex(), kEmpty);
  EXPECT_EQ(std::string(k448BitMessage).size() * 8, 448u);
  EXPECT_EQ(Sha256(k448BitMessage).Hex(), k448Bit);
}

TEST(Sha256Test, MillionAStreamed) {
  Sha256Hasher hasher;
  const std::string chunk(1000, 'a');
  for (int i = 0; i < 1000; ++i) hasher.Update(chunk);
  EXPECT_EQ(hasher.Finish().Hex(), kMillionA);
}

TEST(Sha256Test, StreamingMatchesOneShotAcrossSplits) {
  const std::string message = k448BitMessage;
  for (size_t split = 0; split <= message.size(); ++split) {
    Sha256Hasher hasher;
    hasher.Update(std::string_view(message).substr(0, split));
    hasher.Update(std::string_view(message).substr(split));
    EXPECT_EQ(hasher.Finish().Hex(), k448Bit) << "split at " << split;
  }
}

TEST(Sha256Test, HasherResetsAfterFinish) {
  Sha256Hasher hasher;
  hasher.Update("abc");
  EXPECT_EQ(hasher.Finish().Hex(), kAbc);
  EXPECT_EQ(hasher.Finish().Hex(), kEmpty);
  hasher.Update("ab");
  hasher.Update("c");
  EXPECT_EQ(hasher.Finish().Hex(), kAbc);
}

TEST(Sha256Test, BinaryInputWithNulBytes) {
  const std::string with_nul("a\0b", 3);
  EXPECT_NE(Sha256(with_nul), Sha256("ab"));
  EXPECT_EQ(Sha256(with_nul), Sha256(std::string("a\0b", 3)));
}

TEST(Sha256Test, AsBytesIsTheRawDigest) {
  const Sha256Digest d = Sha256("abc");
  ASSERT_EQ(d.AsBytes().size(), 32u);
  EXPECT_EQ(static_cast<uint8_t>(d.AsBytes()[0]), 0xba);
  EXPECT_EQ(static_cast<uint8_t>(d.AsBytes()[31]), 0xad);
}

TEST(Sha256Test, ParseHexRoundTrip) {
  Sha256Digest d;
  ASSERT_TRUE(ParseSha256Hex(kAbc, d));
  EXPECT_EQ(d, Sha256("abc"));
  std::string upper = kAbc;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  Sha256Digest d2;
  ASSERT_TRUE(ParseSha256Hex(upper, d2));
  EXPECT_EQ(d2, d);
}

TEST(Sha256Test, ParseHexRejects) {
  Sha256Digest d = Sha256("keep");
  const Sha256Digest before = d;
  EXPECT_FALSE(ParseSha256Hex("", d));
  EXPECT_FALSE(ParseSha256Hex(std::string(kAbc).substr(0, 62), d));  // short
  EXPECT_FALSE(ParseSha256Hex(std::string(kAbc) + "00", d));         // long
  std::string bad = kAbc;
  bad[10] = 'g';
  EXPECT_FALSE(ParseSha256Hex(bad, d));
  EXPECT_EQ(d, before);  // untouched on failure
}

TEST(Sha256Test, DigestsOrder) {
  Sha256Digest low, high;
  high.bytes[0] = 1;
  EXPECT_LT(low, high);
  EXPECT_EQ(low, Sha256Digest{});
}

}  // namespace
}  // namespace docket
