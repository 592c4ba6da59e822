#include "workflows/steps/gate_steps.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "tests/workflows/steps/step_harness.h"
#include "workflows/steps/artifact_kinds.h"
#include "workflows/steps/records_artifact.h"

namespace docket::workflows {
namespace {

constexpr char kReleases[] = R"({"product": "Shop", "releases": [
  {"id": "rc-1", "version": "1.0", "evaluate_at": "2026-10-10T00:00:00Z"},
  {"id": "rc-2", "version": "2.0", "evaluate_at": "2026-11-09T00:00:00Z"}]})";

engine::Artifact Releases(const std::string& json = kReleases) {
  return engine::Artifact::Make(kKindReleasesFile, kMediaJson, "releases.json", json);
}

void Add(FeedbackBatch& b, const std::string& version, const std::string& area,
         const std::string& severity, const std::string& when) {
  FeedbackRecord* r = b.add_records();
  r->set_release_version(version);
  r->set_feature_area(area);
  r->set_severity(severity);
  r->set_created_at_us(ParseRfc3339(when)->time_since_epoch().count());
}

boost::json::value CountsFor(testing::StepHarness& h, const FeedbackBatch& b) {
  auto out = h.Run({{"records", {MakeRecordsArtifact(b)}}, {"releases", {Releases()}}});
  EXPECT_TRUE(out.ok()) << out.status().ToString();
  return boost::json::parse(out->at("counts").data());
}

TEST(AreaCountsStepTest, CountsOnlyTheCandidatesWindowHalfOpen) {
  testing::StepHarness h;
  ASSERT_TRUE(h.Build("area_counts", "window: 48h")) << h.Errors();
  FeedbackBatch b;
  Add(b, "2.0", "checkout", "high", "2026-11-07T00:00:00Z");  // window start: counted
  Add(b, "2.0", "checkout", "high", "2026-11-08T23:59:59Z");
  Add(b, "2.0", "checkout", "low", "2026-11-08T12:00:00Z");
  Add(b, "2.0", "checkout", "high", "2026-11-09T00:00:00Z");  // window end: excluded
  Add(b, "2.0", "checkout", "high", "2026-11-06T23:59:59Z");  // before the window
  Add(b, "1.0", "checkout", "high", "2026-11-08T00:00:00Z");  // other version
  Add(b, "2.0", "", "medium", "2026-11-08T00:00:00Z");
  const boost::json::value c = CountsFor(h, b);  // param unset: latest = rc-2
  EXPECT_EQ(c.at("release").at("id"), "rc-2");
  EXPECT_EQ(c.at("window").at("start"), "2026-11-07T00:00:00Z");
  EXPECT_EQ(c.at("records_in_window").to_number<int>(), 4);
  const auto& areas = c.at("areas").as_array();
  ASSERT_EQ(areas.size(), 2u);
  EXPECT_EQ(areas[0].at("feature_area"), "checkout");
  EXPECT_EQ(areas[0].at("high").to_number<int>(), 2);
  EXPECT_EQ(areas[0].at("low").to_number<int>(), 1);
  EXPECT_EQ(areas[1].at("feature_area"), "unassigned");
}

TEST(AreaCountsStepTest, SelectsByParamAndRejectsUnknown) {
  testing::StepHarness h;
  ASSERT_TRUE(h.Build("area_counts", "")) << h.Errors();
  h.params["release"] = "rc-1";
  EXPECT_EQ(CountsFor(h, FeedbackBatch()).at("release").at("version"), "1.0");
  h.params["release"] = "rc-9";
  auto out = h.Run({{"records", {MakeRecordsArtifact(FeedbackBatch())}},
                    {"releases", {Releases()}}});
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(out.status().message().find("known: rc-1, rc-2"), std::string::npos);
}

TEST(AreaCountsStepTest, BadReleasesFileSaysWhere) {
  testing::StepHarness h;
  ASSERT_TRUE(h.Build("area_counts", "")) << h.Errors();
  for (const std::string& bad :
       {std::string("{"), std::string(R"({"releases": [{"id": "x"}]})"),
        std::string(R"({"releases": [{"id": "x", "version": "1", "evaluate_at": "soon"}]})"),
        std::string(R"({"releases": [{"id": "", "version": "1"}]})"),
        std::string(R"({"releases": [{"id": "latest", "version": "1"}]})"),
        std::string(R"({"releases": [{"id": "x", "version": ""}]})")}) {
    auto out = h.Run({{"records", {MakeRecordsArtifact(FeedbackBatch())}},
                      {"releases", {Releases(bad)}}});
    ASSERT_FALSE(out.ok()) << bad;
    EXPECT_NE(out.status().message().find("releases.json"), std::string::npos)
        << out.status().message();
  }
}

std::string Verdict(int64_t max_high, int high) {
  testing::StepHarness counts;
  EXPECT_TRUE(counts.Build("area_counts", ""));
  FeedbackBatch b;
  for (int i = 0; i < high; ++i) Add(b, "2.0", "login", "high", "2026-11-08T00:00:00Z");
  auto c = counts.Run({{"records", {MakeRecordsArtifact(b)}}, {"releases", {Releases()}}});
  testing::StepHarness gate;
  EXPECT_TRUE(gate.Build("threshold_gate", "max_high_per_area: " + std::to_string(max_high)));
  auto d = gate.Run({{"counts", {c->at("counts")}}});
  EXPECT_TRUE(d.ok());
  return std::string(boost::json::parse(d->at("decision").data()).at("verdict").as_string());
}

TEST(ThresholdGateStepTest, BlocksOnlyAboveTheLimit) {
  EXPECT_EQ(Verdict(3, 3), "APPROVE");
  EXPECT_EQ(Verdict(3, 4), "BLOCK");
  EXPECT_EQ(Verdict(0, 0), "APPROVE");
  EXPECT_EQ(Verdict(0, 1), "BLOCK");
}

TEST(ThresholdGateStepTest, RequiresTheLimit) {
  testing::StepHarness h;
  EXPECT_FALSE(h.Build("threshold_gate", ""));
  EXPECT_NE(h.Errors().find("missing required config `max_high_per_area`"), std::string::npos);
}

}  // namespace
}  // namespace docket::workflows
