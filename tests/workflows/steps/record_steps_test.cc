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

TEST(DuplicateKeyTest, IgnoresCaseAndSpacing) {
  EXPECT_EQ(DuplicateKey("  Payment\tFAILED \n again "), "payment failed again");
  EXPECT_EQ(DuplicateKey(""), "");
  EXPECT_NE(DuplicateKey("payment failed"), DuplicateKey("payment failed!"));
}

TEST(SeverityOfTest, DocumentedRatingRule) {
  const std::vector<std::string> terms = {"crash", "charged twice"};
  EXPECT_EQ(SeverityOf(1, "", terms), "high");
  EXPECT_EQ(SeverityOf(2, "", terms), "high");
  EXPECT_EQ(SeverityOf(3, "", terms), "medium");
  EXPECT_EQ(SeverityOf(4, "crash", terms), "low");  // a rating wins over words
  EXPECT_EQ(SeverityOf(5, "", terms), "low");
  EXPECT_EQ(SeverityOf(0, "App CRASHES on start", terms), "high");
  EXPECT_EQ(SeverityOf(0, "I was charged   twice", terms), "high");
  EXPECT_EQ(SeverityOf(0, "nice colours", terms), "unrated");
}

TEST(DedupeStepTest, KeepsFirstAndCountsTheRest) {
  testing::StepHarness h;
  ASSERT_TRUE(h.Build("dedupe", "")) << h.Errors();
  auto out = h.Run({{"records", {MakeRecordsArtifact(Batch(
                                    {{"a", "Card declined"}, {"b", "other"},
                                     {"c", "card  DECLINED"}, {"d", "Card declined"}}))}}});
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  FeedbackBatch kept = *ParseRecordsArtifact(out->at("records"));
  ASSERT_EQ(kept.records_size(), 2);
  EXPECT_EQ(kept.records(0).id(), "a");
  EXPECT_EQ(kept.records(0).duplicate_count(), 2u);
  EXPECT_EQ(kept.records(1).id(), "b");
  const std::string& dups = out->at("duplicates").data();
  EXPECT_NE(dups.find("\"id\":\"c\",\"duplicate_of\":\"a\""), std::string::npos) << dups;
  EXPECT_NE(dups.find("\"id\":\"d\",\"duplicate_of\":\"a\""), std::string::npos) << dups;
}

TEST(SeverityStepTest, CustomOutageTerms) {
  testing::StepHarness h;
  ASSERT_TRUE(h.Build("severity", "outage_terms: [frozen]")) << h.Errors();
  auto out = h.Run({{"records", {MakeRecordsArtifact(Batch({{"a", "Screen FROZEN"},
                                                            {"b", "it crashed"}}))}}});
  ASSERT_TRUE(out.ok());
  FeedbackBatch b = *ParseRecordsArtifact(out->at("records"));
  EXPECT_EQ(b.records(0).severity(), "high");
  EXPECT_EQ(b.records(1).severity(), "unrated");  // default terms replaced
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
