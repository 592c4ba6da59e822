#include "engine/base/encoding.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>

namespace docket {
namespace {

// RFC 4648 §10 test vectors.
const std::pair<std::string, std::string> kBase64Vectors[] = {
    {"", ""},
    {"f", "Zg=="},
    {"fo", "Zm8="},
    {"foo", "Zm9v"},
    {"foob", "Zm9vYg=="},
    {"fooba", "Zm9vYmE="},
    {"foobar", "Zm9vYmFy"},
};
const std::pair<std::string, std::string> kHexVectors[] = {
    {"", ""},
    {"f", "66"},
    {"fo", "666F"},
    {"foo", "666F6F"},
    {"foob", "666F6F62"},
    {"fooba", "666F6F6261"},
    {"foobar", "666F6F626172"},
};

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

TEST(HexTest, Rfc4648Vectors) {
  for (const auto& [plain, upper_hex] : kHexVectors) {
    EXPECT_EQ(HexEncode(plain), Lower(upper_hex)) << plain;
    std::string out = "junk";
    ASSERT_TRUE(HexDecode(upper_hex, out)) << upper_hex;
    EXPECT_EQ(out, plain);
    ASSERT_TRUE(HexDecode(Lower(upper_hex), out));
    EXPECT_EQ(out, plain);
  }
}

TEST(HexTest, AllByteValuesRoundTrip) {
  std::string all;
  for (int i = 0; i < 256; ++i) all.push_back(static_cast<char>(i));
  const std::string hex = HexEncode(all);
  EXPECT_EQ(hex.substr(0, 6), "000102");
  EXPECT_EQ(hex.substr(hex.size() - 4), "feff");
  std::string back;
  ASSERT_TRUE(HexDecode(hex, back));
  EXPECT_EQ(back, all);
}

TEST(HexTest, RejectsOddLengthAndBadCharacters) {
  std::string out = "untouched";
  EXPECT_FALSE(HexDecode("666", out));
  EXPECT_FALSE(HexDecode("6g", out));
  EXPECT_FALSE(HexDecode("66 6", out));
  EXPECT_FALSE(HexDecode("0x66", out));
  EXPECT_FALSE(HexDecode(std::string("6\0", 2), out));
  EXPECT_EQ(out, "untouched");
}

TEST(Base64Test, Rfc4648Vectors) {
  for (const auto& [plain, encoded] : kBase64Vectors) {
    EXPECT_EQ(Base64Encode(plain), encoded) << plain;
    std::string out = "junk";
    ASSERT_TRUE(Base64Decode(encoded, out)) << encoded;
    EXPECT_EQ(out, plain);
  }
}

TEST(Base64Test, AllByteValuesRoundTrip) {
  for (size_t len = 0; len < 260; ++len) {
    std::string bytes;
    for (size_t i = 0; i < len; ++i) bytes.push_back(static_cast<char>((i * 37 + 11) & 0xff));
    std::string back;
    ASSERT_TRUE(Base64Decode(Base64Encode(bytes), back)) << len;
    EXPECT_EQ(back, bytes);
  }
}

TEST(Base64Test, UsesStandardAlphabet) {
  EXPECT_EQ(Base64Encode("\xfb\xff"), "+/8=");
  std::string out;
  ASSERT_TRUE(Base64Decode("+/8=", out));
  EXPECT_EQ(out, "\xfb\xff");
  EXPECT_FALSE(Base64Decode("-_8=", out));  // URL-safe alphabet is not accepted
}

TEST(Base64Test, RejectsBadLength) {
  std::string out = "untouched";
  EXPECT_FALSE(Base64Decode("Zg", out));  // padding is required
  EXPECT_FALSE(Base64Decode("Zg=", out));
  EXPECT_FALSE(Base64Decode("Zm9vY", out));
  EXPECT_EQ(out, "untouched");
}

TEST(Base64Test, RejectsBadCharacters) {
  std::string out = "untouched";
  EXPECT_FALSE(Base64Decode("Zm9v!A==", out));
  EXPECT_FALSE(Base64Decode("Zm\n9", out));  // no whitespace
  EXPECT_FALSE(Base64Decode("Zm 9", out));
  EXPECT_FALSE(Base64Decode("Zg==Zg==", out));  // padding only at the end
  EXPECT_FALSE(Base64Decode("Z===", out));
  EXPECT_FALSE(Base64Decode("====", out));
  EXPECT_FALSE(Base64Decode("Zm=v", out));
  EXPECT_FALSE(Base64Decode(std::string("Zm9\0", 4), out));
  EXPECT_EQ(out, "untouched");
}

TEST(Base64Test, RejectsNonCanonicalTrailingBits) {
  std::string out = "untouched";
  EXPECT_FALSE(Base64Decode("Zh==", out));      // "f" is Zg==
  EXPECT_FALSE(Base64Decode("Zm9=", out));      // "fo" is Zm8=
  EXPECT_FALSE(Base64Decode("Zm9vYh==", out));  // "foob" is Zm9vYg==
  EXPECT_FALSE(Base64Decode("Zm9vYmF=", out));  // "fooba" is Zm9vYmE=
  EXPECT_EQ(out, "untouched");
}

}  // namespace
}  // namespace docket
