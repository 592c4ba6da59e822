#include "replay/artifact_diff.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

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

TEST(ArtifactDiffTest, APrefixIsADifferenceAtItsEnd) {
  EXPECT_THAT(DescribeDifference("abc", "abcd"), HasSubstr("recorded 3 bytes, replayed 4 bytes"));
}

}  // namespace
}  // namespace docket::replay
