#include "workflows/ingest/jsonl_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace docket::workflows {
namespace {

using ::testing::HasSubstr;

std::string Lookup(const JsonlReader& reader, std::string_view path) {
  std::string out;
  return reader.AppendValue(path, out) ? out : "<none>";
}

TEST(JsonlReaderTest, ReadsObjectsWithLineNumbers) {
  JsonlReader reader("{\"a\":1}\n\n  \n{\"a\":\"two\"}\r\n{\"a\":3}", {});
  JsonlLine line;
  ASSERT_TRUE(reader.Next(line));
  EXPECT_EQ(line.line, 1u);
  EXPECT_EQ(line.raw, "{\"a\":1}");
  EXPECT_TRUE(line.problem.empty());
  EXPECT_EQ(Lookup(reader, "a"), "1");
  ASSERT_TRUE(reader.Next(line));
  EXPECT_EQ(line.line, 4u);
  EXPECT_EQ(line.raw, "{\"a\":\"two\"}");  // CR stripped
  EXPECT_EQ(Lookup(reader, "a"), "two");
  ASSERT_TRUE(reader.Next(line));
  EXPECT_EQ(line.line, 5u);
  EXPECT_FALSE(reader.Next(line));
  EXPECT_TRUE(reader.status().ok());
}

TEST(JsonlReaderTest, SkipsBomOnFirstLine) {
  JsonlReader reader("\xEF\xBB\xBF{\"k\":\"v\"}\n", {});
  JsonlLine line;
  ASSERT_TRUE(reader.Next(line));
  EXPECT_TRUE(line.problem.empty()) << line.problem;
  EXPECT_EQ(Lookup(reader, "k"), "v");
}

TEST(JsonlReaderTest, NonObjectLinesAreRowProblems) {
  JsonlReader reader("[1,2]\n\"str\"\n{bad json}\n42\n{\"ok\":true}\n", {});
  JsonlLine line;
  std::vector<std::string> problems;
  while (reader.Next(line)) problems.push_back(line.problem);
  ASSERT_EQ(problems.size(), 5u);
  EXPECT_THAT(problems[0], HasSubstr("line 1: a JSON array where a JSON object was expected"));
  EXPECT_THAT(problems[1], HasSubstr("a JSON string"));
  EXPECT_THAT(problems[2], HasSubstr("line 3, column 2: not valid JSON"));
  EXPECT_THAT(problems[3], HasSubstr("a JSON number"));
  EXPECT_TRUE(problems[4].empty());
  EXPECT_TRUE(reader.status().ok());
}

TEST(JsonlReaderTest, LookupIsEmptyAfterABadLine) {
  JsonlReader reader("{\"a\":1}\n[2]\n", {});
  JsonlLine line;
  ASSERT_TRUE(reader.Next(line));
  ASSERT_TRUE(reader.Next(line));
  EXPECT_FALSE(line.problem.empty());
  EXPECT_EQ(Lookup(reader, "a"), "<none>");
}

TEST(JsonlReaderTest, TrailingDataOnALineIsAProblem) {
  JsonlReader reader("{\"a\":1} {\"b\":2}\n", {});
  JsonlLine line;
  ASSERT_TRUE(reader.Next(line));
  EXPECT_THAT(line.problem, HasSubstr("not valid JSON"));
}

TEST(JsonlReaderTest, CutLastLineMeansTruncatedFile) {
  JsonlReader reader("{\"a\":1}\n{\"a\":2, \"text\":\"cut he", {});
  JsonlLine line;
  ASSERT_TRUE(reader.Next(line));
  EXPECT_FALSE(reader.Next(line));
  EXPECT_EQ(reader.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(reader.status().message(), HasSubstr("line 2"));
  EXPECT_THAT(reader.status().message(), HasSubstr("truncated"));
}

TEST(JsonlReaderTest, BadLineWithNewlineIsOnlyARowProblem) {
  JsonlReader reader("{\"a\":1}\n{\"a\":2, \"text\":\"cut he\n", {});
  JsonlLine line;
  ASSERT_TRUE(reader.Next(line));
  ASSERT_TRUE(reader.Next(line));
  EXPECT_FALSE(line.problem.empty());
  EXPECT_FALSE(reader.Next(line));
  EXPECT_TRUE(reader.status().ok());
}

TEST(JsonlReaderTest, DeepNestingIsLimited) {
  const std::string deep = std::string(100, '[') + std::string(100, ']');
  const std::string input = "{\"a\":" + deep + "}\n{\"b\":[[[1]]]}\n";
  JsonlReader reader(input, JsonlLimits{.max_depth = 32});
  JsonlLine line;
  ASSERT_TRUE(reader.Next(line));
  EXPECT_THAT(line.problem, HasSubstr("not valid JSON"));
  EXPECT_THAT(line.problem, HasSubstr("nested deeper than 32 levels"));
  ASSERT_TRUE(reader.Next(line));
  EXPECT_TRUE(line.problem.empty());
  EXPECT_EQ(Lookup(reader, "b"), "[[[1]]]");
}

TEST(JsonlReaderTest, VeryDeepNestingDoesNotCrash) {
  const std::string input = std::string(1'000'000, '[') + "\n{}\n";
  JsonlReader reader(input, {});
  JsonlLine line;
  ASSERT_TRUE(reader.Next(line));
  EXPECT_FALSE(line.problem.empty());
  ASSERT_TRUE(reader.Next(line));
  EXPECT_TRUE(line.problem.empty());
}

TEST(JsonlReaderTest, LineOverTheSizeLimitIsARowProblem) {
  const std::string input = "{\"t\":\"" + std::string(300, 'x') + "\"}\n{\"t\":1}\n";
  JsonlReader reader(input, JsonlLimits{.max_line_bytes = 100});
  JsonlLine line;
  ASSERT_TRUE(reader.Next(line));
  EXPECT_THAT(line.problem, HasSubstr("over the limit of 100"));
  ASSERT_TRUE(reader.Next(line));
  EXPECT_TRUE(line.problem.empty());
}

TEST(JsonlReaderTest, DottedPathsReachIntoObjects) {
  JsonlReader reader(
      R"({"device":{"os":"iOS","ver":{"major":17}},"device.os":"literal","a":{"b.c":"x"},)"
      R"("n":null,"f":4.5,"i":-3,"big":18446744073709551615,"t":true,"arr":[1,"two"],)"
      R"("obj":{"k":[]},"esc":"line\nbreak \u00e9"})"
      "\n",
      {});
  JsonlLine line;
  ASSERT_TRUE(reader.Next(line));
  ASSERT_TRUE(line.problem.empty()) << line.problem;
  EXPECT_EQ(Lookup(reader, "device.os"), "literal");  // a literal key wins
  EXPECT_EQ(Lookup(reader, "device.ver.major"), "17");
  EXPECT_EQ(Lookup(reader, "a.b.c"), "x");
  EXPECT_EQ(Lookup(reader, "device.missing"), "<none>");
  EXPECT_EQ(Lookup(reader, "device.os.deeper"), "<none>");
  EXPECT_EQ(Lookup(reader, "n"), "<none>");
  EXPECT_EQ(Lookup(reader, "f"), "4.5");
  EXPECT_EQ(Lookup(reader, "i"), "-3");
  EXPECT_EQ(Lookup(reader, "big"), "18446744073709551615");
  EXPECT_EQ(Lookup(reader, "t"), "true");
  EXPECT_EQ(Lookup(reader, "arr"), "[1,\"two\"]");
  EXPECT_EQ(Lookup(reader, "obj"), "{\"k\":[]}");
  EXPECT_EQ(Lookup(reader, "esc"), "line\nbreak \u00e9");
  EXPECT_EQ(Lookup(reader, ""), "<none>");
}

TEST(JsonlReaderTest, WholeNumberDoublesPrintAsIntegers) {
  JsonlReader reader("{\"r\":4.0}\n", {});
  JsonlLine line;
  ASSERT_TRUE(reader.Next(line));
  EXPECT_EQ(Lookup(reader, "r"), "4");
}

TEST(JsonlReaderTest, InvalidUtf8InStringsIsLeftForTheCallerToReport) {
  JsonlReader reader("{\"t\":\"bad\xFF\"}\n", {});
  JsonlLine line;
  ASSERT_TRUE(reader.Next(line));
  EXPECT_TRUE(line.problem.empty());
  EXPECT_EQ(Lookup(reader, "t"), "bad\xFF");
}

TEST(JsonlReaderTest, EmptyAndBlankInputHaveNoLines) {
  JsonlLine line;
  JsonlReader empty("", {});
  EXPECT_FALSE(empty.Next(line));
  EXPECT_TRUE(empty.status().ok());
  JsonlReader blank("\n \r\n\t\n", {});
  EXPECT_FALSE(blank.Next(line));
}

}  // namespace
}  // namespace docket::workflows
