#include "workflows/ingest/ingest.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "workflows/ingest/utf8.h"

namespace docket::workflows {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;
using namespace std::string_literals;

constexpr int64_t k20261003T142201Z = 1791037321;  // seconds

SourceMapping CsvMapping() {
  SourceMapping m;
  m.source = "zendesk";
  m.format = InputFormat::kCsv;
  m.fields = {{"id", {"ticket_id"}}, {"text", {"subject", "body"}},    {"created_at", {"created"}},
              {"rating", {"score"}}, {"language", {"lang", "locale"}}, {"channel", {"via"}}};
  m.constants = {{"channel", "ticket"}, {"product", "docket"}};
  m.extras = {"plan"};
  return m;
}

constexpr std::string_view kCsvHeader =
    "ticket_id,subject,body,created,score,lang,locale,via,plan\n";

struct Ingested {
  StatusOr<IngestStats> stats = InternalError("not run");
  FeedbackBatch records;
  QuarantineBatch quarantine;
};

Ingested Ingest(std::string_view bytes, const SourceMapping& mapping,
                const IngestLimits& limits = {}) {
  Ingested out;
  out.stats = IngestFile("tickets.csv", bytes, mapping, limits, out.records, out.quarantine);
  if (out.stats.ok()) {
    EXPECT_EQ(out.stats->rows, out.stats->records + out.stats->quarantined);
    EXPECT_EQ(out.stats->records, static_cast<uint64_t>(out.records.records_size()));
    EXPECT_EQ(out.stats->quarantined, static_cast<uint64_t>(out.quarantine.entries_size()));
  }
  return out;
}

TEST(IngestCsvTest, MapsColumnsToCanonicalRecords) {
  const std::string csv = std::string(kCsvHeader) +
                          "T-1,Checkout broken,\"Card declined, twice\",2026-10-03T14:22:01Z,"
                          "2,,pt_br,,pro\n";
  const Ingested r = Ingest(csv, CsvMapping());
  ASSERT_TRUE(r.stats.ok()) << r.stats.status().ToString();
  ASSERT_EQ(r.records.records_size(), 1);
  const FeedbackRecord& rec = r.records.records(0);
  EXPECT_EQ(rec.id(), "T-1");
  EXPECT_EQ(rec.source(), "zendesk");
  EXPECT_EQ(rec.text(), "Checkout broken\n\nCard declined, twice");
  EXPECT_EQ(rec.created_at_us(), k20261003T142201Z * 1'000'000);
  EXPECT_EQ(rec.rating(), 2);
  EXPECT_EQ(rec.language(), "pt_br");  // first non-blank source; not normalized here
  EXPECT_EQ(rec.channel(), "ticket");  // blank column, constant used
  EXPECT_EQ(rec.product(), "docket");  // unmapped, constant used
  EXPECT_EQ(rec.extras().at("plan"), "pro");
  EXPECT_EQ(rec.origin_file(), "tickets.csv");
  EXPECT_EQ(rec.origin_line(), 2u);
  EXPECT_EQ(r.stats->bytes, csv.size());
}

TEST(IngestCsvTest, IdDefaultsToFileAndLineAndBlankTextPartsAreSkipped) {
  const std::string csv = std::string(kCsvHeader) +
                          ",  ,\"multi\nline\",2026-10-03T14:22:01Z,,en,,email,\n"
                          ",Only subject,,2026-10-03T14:22:01Z,,en,,,\n";
  const Ingested r = Ingest(csv, CsvMapping());
  ASSERT_TRUE(r.stats.ok()) << r.stats.status().ToString();
  ASSERT_EQ(r.records.records_size(), 2);
  EXPECT_EQ(r.records.records(0).id(), "tickets.csv:2");
  EXPECT_EQ(r.records.records(0).text(), "multi\nline");
  EXPECT_EQ(r.records.records(0).rating(), 0);
  EXPECT_EQ(r.records.records(0).channel(), "email");
  EXPECT_EQ(r.records.records(1).id(), "tickets.csv:4");  // the quoted text spans 2 lines
  EXPECT_EQ(r.records.records(1).origin_line(), 4u);
  EXPECT_EQ(r.records.records(1).text(), "Only subject");
}

TEST(IngestCsvTest, RowsThatCannotBeRecordsAreQuarantinedWithReasons) {
  const std::string csv = std::string(kCsvHeader) +
                          "1,, ,2026-10-03T14:22:01Z,,,,,\n"       // no text
                          "2,hi,,2026-10-03 14:22:01,,,,,\n"       // no zone
                          "3,hi,,,,,,,\n"                          // no created_at
                          "4,hi,,2026-10-03T14:22:01Z,7,,,,\n"     // rating off scale
                          "5,hi,,2026-10-03T14:22:01Z,x,,,,\n"     // rating not a number
                          "6,ragged\n"                             // field count
                          "7,hi,ok,2026-10-03T14:22:01Z,5,,,,\n";  // fine
  const Ingested r = Ingest(csv, CsvMapping());
  ASSERT_TRUE(r.stats.ok()) << r.stats.status().ToString();
  EXPECT_EQ(r.stats->rows, 7u);
  EXPECT_EQ(r.stats->records, 1u);
  ASSERT_EQ(r.quarantine.entries_size(), 6);
  const auto& q = r.quarantine.entries();
  EXPECT_EQ(q[0].field(), "text");
  EXPECT_THAT(q[0].reason(), HasSubstr("text is empty (from source fields \"subject\", \"body\")"));
  EXPECT_EQ(q[0].file(), "tickets.csv");
  EXPECT_EQ(q[0].line(), 2u);
  EXPECT_EQ(q[0].raw_excerpt(), "1,, ,2026-10-03T14:22:01Z,,,,,");
  EXPECT_EQ(q[1].field(), "created_at");
  EXPECT_THAT(q[1].reason(), HasSubstr("no time zone; add Z or an offset, or set "
                                       "default_utc_offset in the mapping"));
  EXPECT_EQ(q[2].field(), "created_at");
  EXPECT_THAT(q[2].reason(), HasSubstr("created_at is empty"));
  EXPECT_EQ(q[3].field(), "rating");
  EXPECT_THAT(q[3].reason(), HasSubstr("rating \"7\" is not a whole number in 1..5"));
  EXPECT_THAT(q[3].reason(), HasSubstr("rating_scale"));
  EXPECT_EQ(q[4].field(), "rating");
  EXPECT_EQ(q[5].field(), "");
  EXPECT_THAT(q[5].reason(), HasSubstr("line 7: row has 2 fields but the header has 9"));
  EXPECT_EQ(q[5].line(), 7u);
  EXPECT_EQ(r.records.records(0).id(), "7");
}

TEST(IngestCsvTest, DefaultOffsetAppliesToZonelessTimestamps) {
  SourceMapping m = CsvMapping();
  m.default_utc_offset_minutes = -300;
  const std::string csv = std::string(kCsvHeader) + "1,hi,,2026-10-03 09:22:01,,,,,\n";
  const Ingested r = Ingest(csv, m);
  ASSERT_EQ(r.records.records_size(), 1);
  EXPECT_EQ(r.records.records(0).created_at_us(), k20261003T142201Z * 1'000'000);
}

TEST(IngestCsvTest, ZeroToTenScaleIsMappedToOneToFive) {
  SourceMapping m = CsvMapping();
  m.rating_scale = RatingScale::kZeroToTen;
  std::string csv(kCsvHeader);
  const int scores[] = {0, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  for (int score : scores) {
    csv += "r,hi,,2026-10-03T14:22:01Z," + std::to_string(score) + ",,,,\n";
  }
  csv += "r,hi,,2026-10-03T14:22:01Z,11,,,,\n";
  const Ingested r = Ingest(csv, m);
  ASSERT_EQ(r.records.records_size(), 10);
  const int want[] = {1, 1, 2, 2, 3, 3, 4, 4, 5, 5};
  for (int i = 0; i < 10; ++i) EXPECT_EQ(r.records.records(i).rating(), want[i]) << scores[i];
  ASSERT_EQ(r.quarantine.entries_size(), 1);
  EXPECT_THAT(r.quarantine.entries(0).reason(), HasSubstr("0..10"));
}

TEST(IngestCsvTest, InvalidUtf8IsQuarantinedNamingFieldAndOffset) {
  const std::string csv = std::string(kCsvHeader) +
                          "1,ok,caf\xC3\x28 bad,2026-10-03T14:22:01Z,,,,,\n"
                          "2,ok,fine,2026-10-03T14:22:01Z,,,,,pr\xFFo\n";
  const Ingested r = Ingest(csv, CsvMapping());
  ASSERT_TRUE(r.stats.ok());
  ASSERT_EQ(r.quarantine.entries_size(), 2);
  EXPECT_EQ(r.quarantine.entries(0).field(), "text");
  EXPECT_THAT(r.quarantine.entries(0).reason(),
              HasSubstr("invalid UTF-8 at byte 3 of source field \"body\""));
  EXPECT_TRUE(IsValidUtf8(r.quarantine.entries(0).raw_excerpt()));
  EXPECT_THAT(r.quarantine.entries(0).raw_excerpt(), HasSubstr("caf\uFFFD("));
  EXPECT_EQ(r.quarantine.entries(1).field(), "plan");
  EXPECT_THAT(r.quarantine.entries(1).reason(), HasSubstr("byte 2"));
}

TEST(IngestCsvTest, OverlongTextIsQuarantinedAndExcerptIsCut) {
  const std::string body = "\u00E9" + std::string(300, 'x');  // starts with a 2-byte char
  const std::string csv = std::string(kCsvHeader) + "1,," + body + ",2026-10-03T14:22:01Z,,,,,\n" +
                          "2,\u65E5\u65E5\u65E5" + std::string(300, 'y') +
                          ",,2026-10-03T14:22:01Z,,,,,\n";
  const Ingested r = Ingest(csv, CsvMapping(), IngestLimits{.max_text_bytes = 100});
  ASSERT_EQ(r.quarantine.entries_size(), 2);
  EXPECT_THAT(r.quarantine.entries(0).reason(),
              HasSubstr("text is 302 bytes, over the limit of 100"));
  for (const QuarantineEntry& e : r.quarantine.entries()) {
    EXPECT_LE(e.raw_excerpt().size(), 200u);
    EXPECT_TRUE(IsValidUtf8(e.raw_excerpt()));
    EXPECT_THAT(e.raw_excerpt(), StartsWith(std::to_string(e.line() - 1) + ","));
  }
}

TEST(IngestCsvTest, BomAndCrlfAreHandled) {
  const std::string csv =
      "\xEF\xBB\xBF"
      "ticket_id,subject,body,created,score,lang,locale,via,plan\r\n"
      "1,a,b,2026-10-03T14:22:01Z,,,,,\r\n";
  const Ingested r = Ingest(csv, CsvMapping());
  ASSERT_TRUE(r.stats.ok()) << r.stats.status().ToString();
  ASSERT_EQ(r.records.records_size(), 1);
  EXPECT_EQ(r.records.records(0).text(), "a\n\nb");
}

TEST(IngestCsvTest, MissingColumnIsAFileErrorWithASuggestion) {
  const std::string csv =
      "ticket_id,Subject,body,created,score,lang,locale,via,plan\n1,a,b,c,,,,,\n";
  const Ingested r = Ingest(csv, CsvMapping());
  ASSERT_FALSE(r.stats.ok());
  EXPECT_EQ(r.stats.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(r.stats.status().message(), StartsWith("tickets.csv: "));
  EXPECT_THAT(r.stats.status().message(),
              HasSubstr("column \"subject\" named in the mapping is not in the CSV header "
                        "(did you mean \"Subject\"?)"));
  EXPECT_THAT(r.stats.status().message(), HasSubstr("header columns: \"ticket_id\", \"Subject\""));
}

TEST(IngestCsvTest, DuplicateMappedColumnIsAFileError) {
  const std::string csv = "ticket_id,subject,body,created,score,lang,locale,via,plan,body\n";
  const Ingested r = Ingest(csv, CsvMapping());
  EXPECT_THAT(r.stats.status().message(),
              HasSubstr("\"body\" named in the mapping appears 2 times"));
}

TEST(IngestCsvTest, HeaderOnlyFileHasNoRows) {
  const Ingested r = Ingest(kCsvHeader, CsvMapping());
  ASSERT_TRUE(r.stats.ok());
  EXPECT_EQ(r.stats->rows, 0u);
}

TEST(IngestFileTest, UnusableFilesAreErrorsAndAppendNothing) {
  const std::string truncated = std::string(kCsvHeader) +
                                "1,a,b,2026-10-03T14:22:01Z,,,,,\n"
                                "2,x,y,2026-10-03T14:22:01Z,,,,,\n"
                                "3,\"cut off here";
  struct Case {
    std::string bytes;
    std::string message;
    IngestLimits limits;
  };
  const Case cases[] = {
      {"", "file is empty", {}},
      {"\xEF\xBB\xBF \r\n", "file is empty", {}},
      {std::string(kCsvHeader) + "1,a,b,c,,,,,\n", "over the limit of 20", {.max_file_bytes = 20}},
      {std::string(kCsvHeader) + "1,a\0b,c,,,,,,\n"s, "NUL byte at offset 61", {}},
      {"\xFF\xFEi\0d\0"s, "UTF-16", {}},
      {truncated, "line 4, column 3: quoted field is never closed", {}},
  };
  for (const Case& c : cases) {
    FeedbackBatch records;
    QuarantineBatch quarantine;
    records.add_records()->set_id("earlier");
    quarantine.add_entries()->set_file("earlier.csv");
    const auto stats =
        IngestFile("tickets.csv", c.bytes, CsvMapping(), c.limits, records, quarantine);
    ASSERT_FALSE(stats.ok()) << c.message;
    EXPECT_EQ(stats.status().code(), StatusCode::kInvalidArgument);
    EXPECT_THAT(stats.status().message(), StartsWith("tickets.csv: "));
    EXPECT_THAT(stats.status().message(), HasSubstr(c.message));
    EXPECT_EQ(records.records_size(), 1);
    EXPECT_EQ(quarantine.entries_size(), 1);
  }
}

TEST(IngestFileTest, InvalidMappingIsAnError) {
  SourceMapping m = CsvMapping();
  m.fields.erase("text");
  const Ingested r = Ingest(kCsvHeader, m);
  EXPECT_THAT(r.stats.status().message(),
              HasSubstr("tickets.csv: mapping: text is neither mapped"));
}

TEST(IngestFileTest, NonUtf8FileNameIsMadeSafe) {
  FeedbackBatch records;
  QuarantineBatch quarantine;
  const std::string csv = std::string(kCsvHeader) + ",a,b,2026-10-03T14:22:01Z,,,,,\n";
  ASSERT_TRUE(IngestFile("f\xFF.csv", csv, CsvMapping(), {}, records, quarantine).ok());
  EXPECT_EQ(records.records(0).id(), "f\uFFFD.csv:2");
}

SourceMapping JsonlMapping() {
  SourceMapping m;
  m.source = "appstore";
  m.format = InputFormat::kJsonl;
  m.fields = {{"id", {"review.id"}},
              {"text", {"review.title", "review.body"}},
              {"created_at", {"ts"}},
              {"rating", {"stars"}},
              {"region", {"device.country"}}};
  m.extras = {"device", "build", "device.os"};
  m.timestamp_format = TimestampFormat::kAuto;
  return m;
}

TEST(IngestJsonlTest, MapsDottedPathsAndSerializesExtras) {
  const std::string jsonl =
      R"({"review":{"id":"R1","title":"Love it","body":"but it crashes"},"ts":1791037321,)"
      R"("stars":4,"device":{"os":"iOS","country":"de"},"build":4021})"
      "\n\n"
      R"({"review":{"id":"R2","body":"ok"},"ts":"2026-10-03T14:22:01Z","stars":null})"
      "\n";
  const Ingested r = Ingest(jsonl, JsonlMapping());
  ASSERT_TRUE(r.stats.ok()) << r.stats.status().ToString();
  ASSERT_EQ(r.records.records_size(), 2);
  const FeedbackRecord& a = r.records.records(0);
  EXPECT_EQ(a.id(), "R1");
  EXPECT_EQ(a.text(), "Love it\n\nbut it crashes");
  EXPECT_EQ(a.created_at_us(), k20261003T142201Z * 1'000'000);
  EXPECT_EQ(a.rating(), 4);
  EXPECT_EQ(a.region(), "de");
  EXPECT_EQ(a.extras().at("device"), R"({"os":"iOS","country":"de"})");
  EXPECT_EQ(a.extras().at("build"), "4021");
  EXPECT_EQ(a.extras().at("device.os"), "iOS");
  const FeedbackRecord& b = r.records.records(1);
  EXPECT_EQ(b.origin_line(), 3u);
  EXPECT_EQ(b.rating(), 0);
  EXPECT_TRUE(b.extras().empty());
}

TEST(IngestJsonlTest, BadLinesAreQuarantinedAfterAGoodStart) {
  const std::string jsonl = R"({"review":{"body":"fine"},"ts":"2026-10-03T14:22:01Z"})"
                            "\n[1,2]\n{not json\n"
                            R"({"review":{"body":""},"ts":"2026-10-03T14:22:01Z"})"
                            "\n"
                            "{\"review\":{\"body\":\"bad\xC3\"},\"ts\":\"2026-10-03T14:22:01Z\"}"
                            "\n";
  const Ingested r = Ingest(jsonl, JsonlMapping());
  ASSERT_TRUE(r.stats.ok()) << r.stats.status().ToString();
  EXPECT_EQ(r.stats->rows, 5u);
  ASSERT_EQ(r.quarantine.entries_size(), 4);
  EXPECT_THAT(r.quarantine.entries(0).reason(), HasSubstr("where a JSON object was expected"));
  EXPECT_EQ(r.quarantine.entries(0).line(), 2u);
  EXPECT_THAT(r.quarantine.entries(1).reason(), HasSubstr("not valid JSON"));
  EXPECT_EQ(r.quarantine.entries(2).field(), "text");
  EXPECT_EQ(r.quarantine.entries(3).field(), "text");
  EXPECT_THAT(r.quarantine.entries(3).reason(), HasSubstr("\"review.body\""));
}

TEST(IngestJsonlTest, FileWhoseFirstLinesAreNotObjectsIsNotJsonLines) {
  const std::string csv = std::string(kCsvHeader) + "1,a,b,c,,,,,\n2,a,b,c,,,,,\n";
  const Ingested r = Ingest(csv, JsonlMapping());
  ASSERT_FALSE(r.stats.ok());
  EXPECT_THAT(r.stats.status().message(), HasSubstr("not JSON Lines"));
  EXPECT_EQ(r.quarantine.entries_size(), 0);
  const Ingested one = Ingest("[1]\n", JsonlMapping());
  EXPECT_THAT(one.stats.status().message(), HasSubstr("not JSON Lines"));
}

TEST(IngestJsonlTest, CutLastLineIsATruncatedFile) {
  const std::string jsonl = R"({"review":{"body":"fine"},"ts":"2026-10-03T14:22:01Z"})"
                            "\n"
                            R"({"review":{"body":"cut)";
  const Ingested r = Ingest(jsonl, JsonlMapping());
  ASSERT_FALSE(r.stats.ok());
  EXPECT_THAT(r.stats.status().message(), HasSubstr("line 2"));
  EXPECT_THAT(r.stats.status().message(), HasSubstr("truncated"));
  EXPECT_EQ(r.records.records_size(), 0);
}

TEST(IngestJsonlTest, CompleteLastLineWithoutNewlineIsFine) {
  const Ingested r =
      Ingest(R"({"review":{"body":"fine"},"ts":"2026-10-03T14:22:01Z"})", JsonlMapping());
  ASSERT_TRUE(r.stats.ok());
  EXPECT_EQ(r.records.records_size(), 1);
}

}  // namespace
}  // namespace docket::workflows
