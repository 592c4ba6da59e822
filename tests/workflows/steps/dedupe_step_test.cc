// Tests for the dedupe step (workflows/steps/dedupe_step.h): exact and near duplicates,
// the duplicates artifact's lines, counts on canonical records, config, threads.
#include "workflows/steps/dedupe_step.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/workflows/steps/step_harness.h"
#include "workflows/steps/records_artifact.h"

namespace docket::workflows {
namespace {

using ::testing::HasSubstr;

FeedbackBatch Batch(const std::vector<std::pair<std::string, std::string>>& id_text) {
  FeedbackBatch b;
  uint64_t line = 2;
  for (const auto& [id, text] : id_text) {
    FeedbackRecord* r = b.add_records();
    r->set_id(id);
    r->set_text(text);
    r->set_origin_file("reviews.jsonl");
    r->set_origin_line(line++);
  }
  return b;
}

const std::vector<std::pair<std::string, std::string>> kReviews = {
    {"a",
     "The payment fails at checkout on my iPhone 13. My card was declined although it "
     "works everywhere else. I mostly use it for groceries."},
    {"b", "Dark mode turns itself off every morning on the iPad."},
    {"c",
     "the payment fails at checkout on my iPhone 13.  My card was DECLINED although it "
     "works everywhere else. I mostly use it for groceries."},
    {"d",
     "Hi, the payment fials at checkout on my iPhone 13. My card was declined although "
     "it works everywhere else. I mostly use it for groceries.\nSent from my iPhone"},
    {"e", "Since the update the search returns no results on my iPhone 13."}};

struct DedupeRun {
  FeedbackBatch kept;
  std::string duplicates;
};

DedupeRun RunDedupe(const std::string& config, const FeedbackBatch& in) {
  testing::StepHarness h;
  EXPECT_TRUE(h.Build("dedupe", config)) << h.Errors();
  auto out = h.Run({{"records", {MakeRecordsArtifact(in)}}});
  EXPECT_TRUE(out.ok()) << out.status().ToString();
  if (!out.ok()) return {};
  return {*ParseRecordsArtifact(out->at("records")), out->at("duplicates").data()};
}

TEST(DedupeStepTest, DropsExactAndNearDuplicatesAndCountsThem) {
  const DedupeRun r = RunDedupe("", Batch(kReviews));
  ASSERT_EQ(r.kept.records_size(), 3);
  EXPECT_EQ(r.kept.records(0).id(), "a");
  EXPECT_EQ(r.kept.records(0).duplicate_count(), 2u);
  EXPECT_EQ(r.kept.records(1).id(), "b");
  EXPECT_EQ(r.kept.records(1).duplicate_count(), 0u);
  EXPECT_EQ(r.kept.records(2).id(), "e");
  EXPECT_THAT(r.duplicates,
              HasSubstr("{\"id\":\"c\",\"duplicate_of\":\"a\",\"similarity\":1.0000,"
                        "\"kind\":\"exact\",\"file\":\"reviews.jsonl\",\"line\":4}\n"));
  EXPECT_THAT(r.duplicates, HasSubstr("{\"id\":\"d\",\"duplicate_of\":\"a\",\"similarity\":0."));
  EXPECT_THAT(r.duplicates, HasSubstr("\"kind\":\"near\",\"file\":\"reviews.jsonl\",\"line\":5}"));
  EXPECT_EQ(std::count(r.duplicates.begin(), r.duplicates.end(), '\n'), 2);
}

TEST(DedupeStepTest, ExactOnlyWhenNearDuplicatesAreOff) {
  const DedupeRun r = RunDedupe("near_duplicates: false", Batch(kReviews));
  ASSERT_EQ(r.kept.records_size(), 4);  // d stays
  EXPECT_EQ(r.kept.records(0).duplicate_count(), 1u);
  EXPECT_THAT(r.duplicates, ::testing::Not(HasSubstr("\"near\"")));
}

TEST(DedupeStepTest, ThresholdDecidesWhatIsNear) {
  // At 0.99 only texts with (nearly) the same shingles are near-duplicates.
  const DedupeRun strict = RunDedupe("threshold: 0.99", Batch(kReviews));
  EXPECT_EQ(strict.kept.records_size(), 4);
}

TEST(DedupeStepTest, CarriesEarlierCountsOverToTheCanonical) {
  FeedbackBatch in = Batch({{"a", "Same words"}, {"b", "same   WORDS"}});
  in.mutable_records(1)->set_duplicate_count(3);
  const DedupeRun r = RunDedupe("", in);
  ASSERT_EQ(r.kept.records_size(), 1);
  EXPECT_EQ(r.kept.records(0).duplicate_count(), 4u);
}

TEST(DedupeStepTest, EmptyAndEmojiOnlyInput) {
  EXPECT_EQ(RunDedupe("", FeedbackBatch{}).kept.records_size(), 0);
  const DedupeRun r = RunDedupe("", Batch({{"a", "😡😡"}, {"b", "👍"}, {"c", "😡😡"}, {"d", ""}}));
  EXPECT_EQ(r.kept.records_size(), 3);
  EXPECT_THAT(r.duplicates, HasSubstr("\"id\":\"c\",\"duplicate_of\":\"a\""));
}

TEST(DedupeStepTest, SameBytesWithFourThreads) {
  FeedbackBatch in;
  for (int i = 0; i < 300; ++i) {
    FeedbackRecord* r = in.add_records();
    r->set_id("r" + std::to_string(i));
    r->set_text("the " + std::string(i % 2 ? "payment" : "login") + " fails on device " +
                std::to_string(i % 13) + " model x" + std::to_string(i % 17) + " every day");
  }
  testing::StepHarness one;
  ASSERT_TRUE(one.Build("dedupe", "")) << one.Errors();
  testing::StepHarness four;
  ASSERT_TRUE(four.Build("dedupe", "threads: 4")) << four.Errors();
  auto a = one.Run({{"records", {MakeRecordsArtifact(in)}}});
  auto b = four.Run({{"records", {MakeRecordsArtifact(in)}}});
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->at("records").digest, b->at("records").digest);
  EXPECT_EQ(a->at("duplicates").digest, b->at("duplicates").digest);
  EXPECT_FALSE(a->at("duplicates").data().empty());
}

TEST(DedupeStepTest, RejectsBadShingleOptions) {
  testing::StepHarness h;
  EXPECT_FALSE(h.Build("dedupe", "char_ngram_min: 6\nchar_ngram_max: 5"));
  EXPECT_THAT(h.Errors(), HasSubstr("character n-gram"));
  testing::StepHarness range;
  EXPECT_FALSE(range.Build("dedupe", "threshold: 1.5"));
}

}  // namespace
}  // namespace docket::workflows
