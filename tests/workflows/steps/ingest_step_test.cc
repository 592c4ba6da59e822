#include "workflows/steps/ingest_step.h"

#include <gtest/gtest.h>

#include "tests/workflows/steps/step_harness.h"
#include "workflows/steps/artifact_kinds.h"
#include "workflows/steps/records_artifact.h"

namespace docket::workflows {
namespace {

constexpr char kConfig[] = R"(sources:
  - match: "*.csv"
    format: csv
    source: tickets
    fields: {id: id, created_at: at, text: body, rating: stars}
)";

engine::Artifact File(const std::string& name, const std::string& bytes) {
  return engine::Artifact::Make(kKindFeedbackFile, "text/csv", name, bytes);
}

TEST(IngestStepTest, MapsRowsAndQuarantinesBadOnes) {
  testing::StepHarness h;
  ASSERT_TRUE(h.Build("ingest", kConfig)) << h.Errors();
  auto out = h.Run({{"files", {File("t.csv", "id,at,body,stars\n"
                                             "1,2026-11-01T10:00:00Z,Card declined,1\n"
                                             "2,not a date,Broken,2\n"
                                             "3,2026-11-01T11:00:00+02:00,Fine,9\n")}}});
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  FeedbackBatch b = *ParseRecordsArtifact(out->at("records"));
  ASSERT_EQ(b.records_size(), 1);
  EXPECT_EQ(b.records(0).id(), "1");
  EXPECT_EQ(b.records(0).source(), "tickets");
  EXPECT_EQ(b.records(0).rating(), 1);
  const std::string& q = out->at("quarantine").data();
  EXPECT_NE(q.find("\"file\":\"t.csv\",\"line\":3,\"field\":\"created_at\""), std::string::npos) << q;
  EXPECT_NE(q.find("\"line\":4,\"field\":\"rating\""), std::string::npos) << q;
}

TEST(IngestStepTest, FileMatchingNoSourceIsAnError) {
  testing::StepHarness h;
  ASSERT_TRUE(h.Build("ingest", kConfig)) << h.Errors();
  auto out = h.Run({{"files", {File("t.jsonl", "{}\n")}}});
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(out.status().message().find("t.jsonl"), std::string::npos);
}

TEST(IngestStepTest, BadMappingsAreRejectedWithPositions) {
  testing::StepHarness h;
  EXPECT_FALSE(h.Build("ingest", "sources:\n  - match: \"*.csv\"\n    format: xml\n"
                                 "    fields: {txt: body, created_at: at}\n"));
  const std::string e = h.Errors();
  EXPECT_NE(e.find("config.yaml:3:13: error: unknown format `xml`"), std::string::npos) << e;
  EXPECT_NE(e.find("`txt` is not a canonical field"), std::string::npos) << e;
}

TEST(IngestStepTest, EmptySourcesRejected) {
  testing::StepHarness h;
  EXPECT_FALSE(h.Build("ingest", "sources: []\n"));
  EXPECT_NE(h.Errors().find("non-empty list"), std::string::npos) << h.Errors();
}

}  // namespace
}  // namespace docket::workflows
