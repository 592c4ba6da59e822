// Tests for engine/base/hmac_sha256 against RFC 4231's HMAC-SHA-256 test cases.
#include "engine/base/hmac_sha256.h"

#include <gtest/gtest.h>

#include <string>

namespace docket {
namespace {

TEST(HmacSha256Test, Rfc4231TestCases) {
  EXPECT_EQ(HmacSha256(std::string(20, '\x0b'), "Hi There").Hex(),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
  EXPECT_EQ(HmacSha256("Jefe", "what do ya want for nothing?").Hex(),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  // Test case 6: a key longer than the block size is hashed first.
  EXPECT_EQ(HmacSha256(std::string(131, '\xaa'),
                       "Test Using Larger Than Block-Size Key - Hash Key First")
                .Hex(),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

TEST(HmacSha256Test, KeyAndMessageBothMatter) {
  EXPECT_NE(HmacSha256("k1", "m"), HmacSha256("k2", "m"));
  EXPECT_NE(HmacSha256("k", "m1"), HmacSha256("k", "m2"));
  EXPECT_EQ(HmacSha256("k", "m"), HmacSha256("k", "m"));
}

}  // namespace
}  // namespace docket
