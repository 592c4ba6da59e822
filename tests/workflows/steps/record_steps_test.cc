#include "workflows/steps/record_steps.h"

#include <gtest/gtest.h>

#include "tests/workflows/steps/step_harness.h"
#include "workflows/steps/records_artifact.h"

namespace docket::workflows {
namespace {

FeedbackBatch Batch(const std::vector<std::pair<std::string, std::string>>& id_text) {
  FeedbackBatch b;
  for (const auto& [id, text] : id_text) {
    FeedbackRecord* r = b.add_records();
    r->set_id(id);
    r->set_text(text);
  }
  return b;
}

TEST(NormalizeStepTest, NormalizesEveryRecordAndIsIdempotent) {
  testing::StepHarness h;
  ASSERT_TRUE(h.Build("normalize", "")) << h.Errors();
  FeedbackBatch in = Batch({{"a", "  Cafe\xCC\x81 crashed  "}});
  in.mutable_records(0)->set_feature_area(" Check Out ");
  auto once = h.Run({{"records", {MakeRecordsArtifact(in)}}});
  ASSERT_TRUE(once.ok());
  FeedbackBatch b = *ParseRecordsArtifact(once->at("records"));
  EXPECT_EQ(b.records(0).text(), "Caf\xC3\xA9 crashed");
  EXPECT_EQ(b.records(0).feature_area(), "check_out");
  auto twice = h.Run({{"records", {once->at("records")}}});
  ASSERT_TRUE(twice.ok());
  EXPECT_EQ(twice->at("records").digest, once->at("records").digest);
}

TEST(RecordsArtifactTest, RejectsOtherKinds) {
  engine::Artifact a = engine::Artifact::Make("something.else", "x", "y", "zz");
  EXPECT_FALSE(ParseRecordsArtifact(a).ok());
}

}  // namespace
}  // namespace docket::workflows
