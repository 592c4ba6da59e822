#include "workflows/signals/internal/text_position.h"

#include <gtest/gtest.h>

namespace docket::workflows::signals::internal {
namespace {

TEST(TextPositionTest, CountsLinesAndCharacterColumns) {
  const std::string_view text = "ab\ncd\r\n\xC3\xA9x\n";
  EXPECT_EQ(WhereOffset("f", text, 0), "f:1:1");
  EXPECT_EQ(WhereOffset("f", text, 2), "f:1:3");  // the LF ends line 1
  EXPECT_EQ(WhereOffset("f", text, 3), "f:2:1");
  EXPECT_EQ(WhereOffset("f", text, 5), "f:2:3");  // the CR belongs to line 2
  EXPECT_EQ(WhereOffset("f", text, 9), "f:3:2");  // after the two-byte 'é'
  EXPECT_EQ(WhereOffset("f", text, 11), "f:4:1");
  EXPECT_EQ(WhereOffset("f", text, 999), "f:4:1");  // past the end: the end
}

TEST(TextPositionTest, ALeadingBomIsNotAColumn) {
  const std::string_view text = "\xEF\xBB\xBF{x";
  EXPECT_EQ(WhereOffset("f", text, 0), "f:1:1");
  EXPECT_EQ(WhereOffset("f", text, 3), "f:1:1");
  EXPECT_EQ(WhereOffset("f", text, 4), "f:1:2");
}

TEST(TextPositionTest, WhereLine) { EXPECT_EQ(WhereLine("a.csv", 7), "a.csv:7"); }

TEST(TextPositionTest, ChecksSizeThenUtf8) {
  EXPECT_TRUE(CheckSignalBytes("f", "ok", 2, "file").ok());
  EXPECT_EQ(CheckSignalBytes("f", "abc", 2, "thing").message(),
            "f: the thing is 3 bytes, over the limit of 2 bytes");
  EXPECT_EQ(CheckSignalBytes("f", "a\n\xED\xA0\x80", 10, "thing").message(),
            "f:2:1: invalid UTF-8 (byte 0xED is not part of a well-formed sequence); save the "
            "thing as UTF-8");
}

}  // namespace
}  // namespace docket::workflows::signals::internal
