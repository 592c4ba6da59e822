#include "workflows/ingest/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace docket::workflows {
namespace {

TEST(Utf8Test, AcceptsWellFormedText) {
  EXPECT_FALSE(FindInvalidUtf8("").has_value());
  EXPECT_FALSE(FindInvalidUtf8("plain ASCII text that is longer than eight bytes").has_value());
  EXPECT_TRUE(IsValidUtf8("caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x98\x80"));
  EXPECT_TRUE(IsValidUtf8("\xED\x9F\xBF"));      // U+D7FF, just below the surrogates
  EXPECT_TRUE(IsValidUtf8("\xEE\x80\x80"));      // U+E000, just above them
  EXPECT_TRUE(IsValidUtf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF
}

TEST(Utf8Test, ReportsOffsetOfFirstBadByte) {
  EXPECT_EQ(FindInvalidUtf8("abc\xFFxyz"), 3u);
  EXPECT_EQ(FindInvalidUtf8("0123456789abcdef\x80"), 16u);  // after the word-at-a-time path
  EXPECT_EQ(FindInvalidUtf8("\xC3\xA9\xC3"), 2u);           // cut-off sequence at the end
  EXPECT_EQ(FindInvalidUtf8("\xE6\x97x"), 0u);              // bad continuation byte
}

TEST(Utf8Test, RejectsOverlongsSurrogatesAndTooLarge) {
  EXPECT_EQ(FindInvalidUtf8("\xC0\xAF"), 0u);  // overlong '/'
  EXPECT_EQ(FindInvalidUtf8("\xC1\xBF"), 0u);
  EXPECT_EQ(FindInvalidUtf8("\xE0\x80\xAF"), 0u);      // overlong 3-byte
  EXPECT_EQ(FindInvalidUtf8("\xF0\x80\x80\xAF"), 0u);  // overlong 4-byte
  EXPECT_EQ(FindInvalidUtf8("x\xED\xA0\x80"), 1u);     // U+D800
  EXPECT_EQ(FindInvalidUtf8("\xED\xBF\xBF"), 0u);      // U+DFFF
  EXPECT_EQ(FindInvalidUtf8("\xF4\x90\x80\x80"), 0u);  // U+110000
  EXPECT_EQ(FindInvalidUtf8("\xF5\x80\x80\x80"), 0u);
  EXPECT_EQ(FindInvalidUtf8("\xFE"), 0u);
}

TEST(Utf8Test, PrefixLengthCutsAtCharacterBoundary) {
  const std::string s = "ab\xC3\xA9";  // "abé"
  EXPECT_EQ(Utf8PrefixLength(s, 10), 4u);
  EXPECT_EQ(Utf8PrefixLength(s, 4), 4u);
  EXPECT_EQ(Utf8PrefixLength(s, 3), 2u);
  EXPECT_EQ(Utf8PrefixLength(s, 2), 2u);
}

TEST(Utf8Test, SafeExcerptReplacesBadBytesAndStaysWithinLimit) {
  EXPECT_EQ(SafeUtf8Excerpt("a\xFF"
                            "b",
                            100),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(SafeUtf8Excerpt("abc\xE6\x97\xA5", 5), "abc");  // no half character
  EXPECT_EQ(SafeUtf8Excerpt("\xFF\xFF", 4), "\xEF\xBF\xBD");
  for (size_t limit = 0; limit < 12; ++limit) {
    const std::string excerpt = SafeUtf8Excerpt("\xF0\x9F\x98\x80x\xC3\xFFyz", limit);
    EXPECT_LE(excerpt.size(), limit);
    EXPECT_TRUE(IsValidUtf8(excerpt));
  }
}

TEST(Utf8Test, AgreesWithADecoderOnEveryTwoByteInput) {
  // Exhaustive over two bytes: valid exactly when ASCII pairs or a 2-byte code point.
  for (int a = 0; a < 256; ++a) {
    for (int b = 0; b < 256; ++b) {
      const char bytes[2] = {static_cast<char>(a), static_cast<char>(b)};
      const bool expected =
          (a < 0x80 && b < 0x80) || (a >= 0xC2 && a <= 0xDF && b >= 0x80 && b <= 0xBF);
      EXPECT_EQ(IsValidUtf8(std::string_view(bytes, 2)), expected) << a << " " << b;
    }
  }
}

}  // namespace
}  // namespace docket::workflows
