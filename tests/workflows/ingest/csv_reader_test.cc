#include "workflows/ingest/csv_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace docket::workflows {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

struct Row {
  uint64_t line;
  std::vector<std::string> fields;
  std::string problem;
  std::string raw;
};

struct Result {
  Status header;
  std::vector<std::string> columns;
  std::vector<Row> rows;
  Status status;
};

Result ReadAll(std::string_view input, CsvLimits limits = {}) {
  Result result;
  CsvReader reader(input, limits);
  result.header = reader.ReadHeader();
  if (!result.header.ok()) return result;
  result.columns = reader.header();
  CsvRow row;
  while (reader.Next(row)) {
    result.rows.push_back(
        Row{row.line, {row.fields.begin(), row.fields.end()}, row.problem, std::string(row.raw)});
  }
  result.status = reader.status();
  return result;
}

TEST(CsvReaderTest, ReadsHeaderAndRowsWithLineNumbers) {
  const Result r = ReadAll("id,text\n1,hello\n2,world\n");
  ASSERT_TRUE(r.header.ok()) << r.header.ToString();
  EXPECT_THAT(r.columns, ElementsAre("id", "text"));
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_EQ(r.rows[0].line, 2u);
  EXPECT_THAT(r.rows[0].fields, ElementsAre("1", "hello"));
  EXPECT_EQ(r.rows[0].raw, "1,hello");
  EXPECT_EQ(r.rows[1].line, 3u);
  EXPECT_THAT(r.rows[1].fields, ElementsAre("2", "world"));
  EXPECT_TRUE(r.status.ok());
}

TEST(CsvReaderTest, SkipsUtf8Bom) {
  const Result r = ReadAll("\xEF\xBB\xBFid,text\n1,a\n");
  EXPECT_THAT(r.columns, ElementsAre("id", "text"));
  ASSERT_EQ(r.rows.size(), 1u);
}

TEST(CsvReaderTest, AcceptsCrlfAndMissingFinalNewline) {
  const Result r = ReadAll("a,b\r\n1,2\r\n3,4");
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_THAT(r.rows[0].fields, ElementsAre("1", "2"));
  EXPECT_EQ(r.rows[0].raw, "1,2");
  EXPECT_THAT(r.rows[1].fields, ElementsAre("3", "4"));
  EXPECT_EQ(r.rows[1].line, 3u);
}

TEST(CsvReaderTest, UnescapesDoubledQuotesAndKeepsCommas) {
  const Result r = ReadAll("a,b,c\n\"say \"\"hi\"\"\",\"x,y\",\"\"\n");
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_THAT(r.rows[0].fields, ElementsAre("say \"hi\"", "x,y", ""));
}

TEST(CsvReaderTest, EmbeddedLineBreaksKeepLineNumbersOfLaterRows) {
  const Result r = ReadAll("a,b\n\"one\ntwo\r\nthree\",x\n\"cr\ronly\",y\nlast,z\n");
  ASSERT_EQ(r.rows.size(), 3u);
  EXPECT_EQ(r.rows[0].line, 2u);
  EXPECT_THAT(r.rows[0].fields, ElementsAre("one\ntwo\r\nthree", "x"));
  EXPECT_EQ(r.rows[1].line, 5u);  // the quoted field spans lines 2-4
  EXPECT_THAT(r.rows[1].fields, ElementsAre("cr\ronly", "y"));
  EXPECT_EQ(r.rows[2].line, 6u);  // a lone CR is data, not a line break
}

TEST(CsvReaderTest, SkipsBlankLinesButCountsThem) {
  const Result r = ReadAll("a,b\n\n1,2\r\n\r\n\n3,4\n\n");
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_EQ(r.rows[0].line, 3u);
  EXPECT_EQ(r.rows[1].line, 6u);
}

TEST(CsvReaderTest, TrailingCommaMeansEmptyLastField) {
  const Result r = ReadAll("a,b\n1,\n");
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_THAT(r.rows[0].fields, ElementsAre("1", ""));
}

TEST(CsvReaderTest, QuoteInsideUnquotedFieldIsARowProblem) {
  const Result r = ReadAll("a,b\n1,ab\"c\n2,ok\n");
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_THAT(r.rows[0].problem, HasSubstr("line 2, column 5"));
  EXPECT_THAT(r.rows[0].problem, HasSubstr("inside an unquoted field"));
  EXPECT_THAT(r.rows[0].fields, IsEmpty());
  EXPECT_EQ(r.rows[0].raw, "1,ab\"c");
  EXPECT_TRUE(r.rows[1].problem.empty());
  EXPECT_THAT(r.rows[1].fields, ElementsAre("2", "ok"));
  EXPECT_EQ(r.rows[1].line, 3u);
}

TEST(CsvReaderTest, GarbageAfterClosingQuoteIsARowProblem) {
  const Result r = ReadAll("a,b\n\"x\"y,1\r\n2,3\n");
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_THAT(r.rows[0].problem, HasSubstr("line 2, column 4"));
  EXPECT_THAT(r.rows[0].problem, HasSubstr("after the closing quote"));
  EXPECT_EQ(r.rows[0].raw, "\"x\"y,1");
  EXPECT_THAT(r.rows[1].fields, ElementsAre("2", "3"));
}

TEST(CsvReaderTest, BareCarriageReturnOutsideQuotesIsARowProblem) {
  const Result r = ReadAll("a,b\n1,2\r3,4\n5,6\n");
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_THAT(r.rows[0].problem, HasSubstr("carriage return"));
  EXPECT_THAT(r.rows[1].fields, ElementsAre("5", "6"));
}

TEST(CsvReaderTest, UnterminatedQuoteMeansTruncatedFile) {
  const Result r = ReadAll("a,b\n1,2\n3,\"never closed\n4,5\n");
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(r.status.code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(r.status.message(), HasSubstr("line 3, column 3"));
  EXPECT_THAT(r.status.message(), HasSubstr("truncated"));
}

TEST(CsvReaderTest, RaggedRowsAreReportedAndReadingContinues) {
  const Result r = ReadAll("a,b,c\n1,2\n1,2,3,4\n1,2,3\n");
  ASSERT_EQ(r.rows.size(), 3u);
  EXPECT_THAT(r.rows[0].problem, HasSubstr("line 2: row has 2 fields but the header has 3"));
  EXPECT_THAT(r.rows[1].problem, HasSubstr("row has 4 fields"));
  EXPECT_THAT(r.rows[1].problem, HasSubstr("must be quoted"));
  EXPECT_TRUE(r.rows[2].problem.empty());
  EXPECT_TRUE(r.status.ok());
}

TEST(CsvReaderTest, WideRowsDoNotGrowWithoutBound) {
  const std::string wide = "a,b\n" + std::string(100000, ',') + "\n1,2\n";
  const Result r = ReadAll(wide);
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_THAT(r.rows[0].problem, HasSubstr("100001 fields"));
  EXPECT_THAT(r.rows[1].fields, ElementsAre("1", "2"));
}

TEST(CsvReaderTest, RowOverTheSizeLimitIsARowProblem) {
  const std::string input = "a,b\n1," + std::string(200, 'x') + "\n2,y\n";
  const Result r = ReadAll(input, CsvLimits{.max_row_bytes = 100});
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_THAT(r.rows[0].problem, HasSubstr("over the limit of 100"));
  EXPECT_TRUE(r.rows[1].problem.empty());
}

TEST(CsvReaderTest, HeaderErrors) {
  EXPECT_THAT(ReadAll("").header.message(), HasSubstr("no header row"));
  EXPECT_THAT(ReadAll("\n\r\n").header.message(), HasSubstr("no header row"));
  EXPECT_THAT(ReadAll("a,\"b\n").header.message(), HasSubstr("truncated"));
  EXPECT_THAT(ReadAll("a,b\"c\n").header.message(), HasSubstr("header row: line 1"));
  EXPECT_THAT(ReadAll("a,b,c\n", CsvLimits{.max_fields = 2}).header.message(),
              HasSubstr("3 columns, over the limit of 2"));
}

TEST(CsvReaderTest, HeaderOnlyHasNoRows) {
  const Result r = ReadAll("a,b\n");
  EXPECT_TRUE(r.header.ok());
  EXPECT_THAT(r.rows, IsEmpty());
  EXPECT_TRUE(r.status.ok());
}

TEST(CsvReaderTest, FieldsWithEscapesStayValidForTheWholeRow) {
  std::string input = "a,b,c,d\n";
  input +=
      "\"" + std::string(40, 'x') + "\"\"\",plain,\"" + std::string(40, 'y') + "\"\"\",\"z\"\"\"\n";
  const Result r = ReadAll(input);
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_THAT(r.rows[0].fields, ElementsAre(std::string(40, 'x') + "\"", "plain",
                                            std::string(40, 'y') + "\"", "z\""));
}

TEST(CsvReaderTest, QuotedFieldAtEndOfInputWithoutNewline) {
  const Result r = ReadAll("a\n\"x\"");
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_THAT(r.rows[0].fields, ElementsAre("x"));
  EXPECT_TRUE(r.status.ok());
}

}  // namespace
}  // namespace docket::workflows
