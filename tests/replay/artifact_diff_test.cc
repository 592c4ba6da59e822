#include "replay/artifact_diff.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "engine/base/utf8.h"

namespace docket::replay {
namespace {

using ::testing::HasSubstr;

TEST(ArtifactDiffTest, EqualIsEmpty) { EXPECT_EQ(DescribeDifference("a\nb", "a\nb"), ""); }

TEST(ArtifactDiffTest, ShortLinesShowTheFirstDifferingLine) {
  const std::string d = DescribeDifference("verdict: BLOCK\nscore: 40\nend\n",
                                           "verdict: BLOCK\nscore: 55\nend\n");
  EXPECT_THAT(d, HasSubstr("line 2"));
  EXPECT_THAT(d, HasSubstr("- score: 40\n+ score: 55\n"));
}

TEST(ArtifactDiffTest, LongLinesShowAWindowAndEscapeControlBytes) {
  std::string a(1000, 'x');
  std::string b = a;
  b[500] = '\x01';
  const std::string d = DescribeDifference(a, b);
  EXPECT_THAT(d, HasSubstr("first difference at byte 500"));
  EXPECT_THAT(d, HasSubstr("\\x01"));
  EXPECT_LT(d.size(), 400u);
}

TEST(ArtifactDiffTest, ACutCharacterIsEscapedNotPassedThrough) {
  std::string a(70, 'x');
  a += "\xc3\xa9\xc3\xa9";  // é é, the window's edge falls inside them
  a += std::string(300, 'y');
  std::string b = a;
  b[131] = 'z';  // the window starts 60 bytes before: at byte 71, inside the first é
  const std::string d = DescribeDifference(a, b);
  for (size_t i = 0; i < d.size(); i += std::max<size_t>(1, Utf8SequenceLength(d, i))) {
    ASSERT_NE(Utf8SequenceLength(d, i), 0u) << "invalid UTF-8 at byte " << i << ": " << d;
  }
}

TEST(ArtifactDiffTest, APrefixIsADifferenceAtItsEnd) {
  EXPECT_THAT(DescribeDifference("abc", "abcd"), HasSubstr("recorded 3 bytes, replayed 4 bytes"));
}

}  // namespace
}  // namespace docket::replay
