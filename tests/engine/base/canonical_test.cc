#include "engine/base/canonical.h"

#include <gtest/gtest.h>

#include <string>

namespace docket {
namespace {

TEST(CanonicalWriterTest, FieldBoundariesAreUnambiguous) {
  const auto ab_c = CanonicalWriter("d").Bytes("ab").Bytes("c");
  const auto a_bc = CanonicalWriter("d").Bytes("a").Bytes("bc");
  EXPECT_NE(ab_c.bytes(), a_bc.bytes());
  EXPECT_NE(ab_c.Sha256Sum(), a_bc.Sha256Sum());
  const auto abc = CanonicalWriter("d").Bytes("abc");
  const auto abc_empty = CanonicalWriter("d").Bytes("abc").Bytes("");
  EXPECT_NE(abc.bytes(), abc_empty.bytes());
}

TEST(CanonicalWriterTest, DomainSeparates) {
  EXPECT_NE(CanonicalWriter("seed").Bytes("x").bytes(),
            CanonicalWriter("config").Bytes("x").bytes());
  // The domain is itself a length-prefixed field.
  EXPECT_EQ(CanonicalWriter("ab").Bytes("c").bytes(), CanonicalWriter("ab").Bytes("c").bytes());
  EXPECT_NE(CanonicalWriter("a").Bytes("bc").bytes(), CanonicalWriter("ab").Bytes("c").bytes());
}

TEST(CanonicalWriterTest, IntegersAndBytesAreTaggedDifferently) {
  // Eight bytes that equal a big-endian u64 still differ from that u64.
  const std::string eight("\0\0\0\0\0\0\0\x07", 8);
  EXPECT_NE(CanonicalWriter("d").U64(7).bytes(), CanonicalWriter("d").Bytes(eight).bytes());
  EXPECT_EQ(CanonicalWriter("d").I64(-1).bytes(), CanonicalWriter("d").U64(~uint64_t{0}).bytes());
  EXPECT_NE(CanonicalWriter("d").U64(1).U64(2).bytes(), CanonicalWriter("d").U64(2).U64(1).bytes());
}

TEST(CanonicalWriterTest, ExactLayout) {
  const std::string expected = std::string("b") + std::string("\0\0\0\0\0\0\0\x01", 8) + "d" +
                               std::string("b") + std::string("\0\0\0\0\0\0\0\x02", 8) + "hi" +
                               std::string("u") + std::string("\0\0\0\0\0\0\x01\x02", 8);
  EXPECT_EQ(CanonicalWriter("d").Bytes("hi").U64(0x102).bytes(), expected);
  EXPECT_EQ(CanonicalWriter("d").Bytes("hi").U64(0x102).Sha256Sum(), Sha256(expected));
}

TEST(CanonicalWriterTest, DigestIsItsRawBytes) {
  const Sha256Digest d = Sha256("x");
  EXPECT_EQ(CanonicalWriter("d").Digest(d).bytes(),
            CanonicalWriter("d").Bytes(d.AsBytes()).bytes());
}

}  // namespace
}  // namespace docket
