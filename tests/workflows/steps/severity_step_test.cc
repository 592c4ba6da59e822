// Tests for the severity step: the bundled model on records, a model file input, and a
// bad model file as a located error.
#include "workflows/steps/severity_step.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/workflows/steps/step_harness.h"
#include "workflows/steps/artifact_kinds.h"
#include "workflows/steps/records_artifact.h"

namespace docket::workflows {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

engine::Artifact Records() {
  FeedbackBatch b;
  const auto add = [&](std::string id, std::string text, int rating, std::string tier) {
    FeedbackRecord* r = b.add_records();
    r->set_id(std::move(id));
    r->set_text(std::move(text));
    r->set_rating(rating);
    r->set_customer_tier(std::move(tier));
  };
  add("a", "App crashes at checkout, terrible", 1, "enterprise");
  add("b", "Love the new search", 5, "free");
  add("c", "Checkout timeout again", 0, "");
  return MakeRecordsArtifact(b);
}

TEST(SeverityStepTest, ScoresEveryRecordWithTheBundledModel) {
  testing::StepHarness h;
  ASSERT_TRUE(h.Build("severity", "")) << h.Errors();
  auto out = h.Run({{"records", {Records()}}});
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  const FeedbackBatch b = *ParseRecordsArtifact(out->at("records"));
  ASSERT_EQ(b.records_size(), 3);
  EXPECT_EQ(b.records(0).severity(), "high");
  EXPECT_EQ(b.records(0).severity_score(), 8);  // rating 3 + crash 3 + terrible 1 + tier 1
  EXPECT_THAT(
      b.records(0).severity_signals(),
      ElementsAre("rating:1:+3", "outage:crash*:+3", "negative:terrible:+1", "tier:enterprise:+1"));
  EXPECT_EQ(b.records(1).severity(), "low");
  EXPECT_EQ(b.records(2).severity(), "low");  // "timeout" is not in the bundled model
}

TEST(SeverityStepTest, AModelFileReplacesTheBundledModel) {
  testing::StepHarness h;
  ASSERT_TRUE(h.Build("severity", "")) << h.Errors();
  engine::Artifact model = engine::Artifact::Make(
      kKindSeverityModelFile, "application/yaml", "checkout.yaml",
      "version: 1\nlevels: {high: 2, medium: 1}\noutage: {points: 2, phrases: [\"timeout*\"]}\n");
  auto out = h.Run({{"records", {Records()}}, {"model", {model}}});
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  const FeedbackBatch b = *ParseRecordsArtifact(out->at("records"));
  EXPECT_EQ(b.records(2).severity(), "high");
  EXPECT_THAT(b.records(2).severity_signals(), ElementsAre("outage:timeout*:+2"));
}

TEST(SeverityStepTest, ABadModelFileIsALocatedError) {
  testing::StepHarness h;
  ASSERT_TRUE(h.Build("severity", "")) << h.Errors();
  engine::Artifact model = engine::Artifact::Make(kKindSeverityModelFile, "application/yaml",
                                                  "bad.yaml", "version: 1\nlevel: {}\n");
  auto out = h.Run({{"records", {Records()}}, {"model", {model}}});
  ASSERT_FALSE(out.ok());
  EXPECT_THAT(out.status().ToString(), HasSubstr("bad.yaml:2:"));
  EXPECT_THAT(out.status().ToString(), HasSubstr("did you mean `levels`?"));
}

}  // namespace
}  // namespace docket::workflows
