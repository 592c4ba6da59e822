// Tests for the themes step: every record gets a theme or "unthemed", the table holds
// sizes, volumes, labels, representatives, severity and context, reruns are
// byte-identical, an earlier table's ids are continued, and bad earlier tables are errors.
#include "workflows/steps/themes_step.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <set>

#include "tests/workflows/steps/step_harness.h"
#include "workflows/steps/artifact_kinds.h"
#include "workflows/steps/records_artifact.h"

namespace docket::workflows {
namespace {

using ::testing::HasSubstr;

engine::Artifact Records() {
  FeedbackBatch b;
  const std::vector<std::string> checkout = {
      "payment declined at checkout",   "card payment declined again",
      "checkout payment was declined",  "my card was declined at payment",
      "payment declined, card charged", "declined card payment at checkout"};
  const std::vector<std::string> login = {"cannot login, password reset fails",
                                          "login fails after password change",
                                          "password reset email for login never arrives",
                                          "login loop, password rejected",
                                          "forgot password, login impossible",
                                          "login password not accepted"};
  const std::vector<std::string> search = {
      "search results are empty",           "search shows wrong results",
      "no results when I search for shoes", "search results load slowly",
      "search filter results broken",       "empty search results page"};
  int n = 0;
  for (const auto* group : {&checkout, &login, &search}) {
    for (const std::string& text : *group) {
      FeedbackRecord* r = b.add_records();
      r->set_id("r" + std::to_string(++n));
      r->set_text(text);
      r->set_feature_area(group == &checkout ? "checkout" : group == &login ? "login" : "search");
      r->set_release_version("4.3.0");
      r->set_severity(n % 2 ? "high" : "low");
      r->set_duplicate_count(n == 1 ? 4 : 0);
    }
  }
  return MakeRecordsArtifact(b);
}

boost::json::object Table(const engine::StepOutputs& out) {
  return boost::json::parse(out.at("themes").data()).as_object();
}

TEST(ThemesStepTest, GroupsRecordsAndWritesTheTable) {
  testing::StepHarness h;
  ASSERT_TRUE(h.Build("themes", "")) << h.Errors();
  auto out = h.Run({{"records", {Records()}}});
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  const FeedbackBatch b = *ParseRecordsArtifact(out->at("records"));
  ASSERT_EQ(b.records_size(), 18);
  // Records of one area share a theme, different areas do not.
  std::map<std::string, std::set<std::string>> themes_of_area;
  for (const FeedbackRecord& r : b.records()) themes_of_area[r.feature_area()].insert(r.theme());
  for (const auto& [area, ids] : themes_of_area) EXPECT_EQ(ids.size(), 1u) << area;
  EXPECT_NE(*themes_of_area["checkout"].begin(), *themes_of_area["login"].begin());
  EXPECT_NE(*themes_of_area["login"].begin(), *themes_of_area["search"].begin());

  const boost::json::object table = Table(*out);
  EXPECT_EQ(table.at("schema").as_string(), "docket.themes.v1");
  EXPECT_EQ(table.at("themes_found").as_int64(), 3);
  uint64_t volume = 0;
  for (const auto& theme : table.at("themes").as_array()) {
    const auto& t = theme.as_object();
    EXPECT_EQ(t.at("size").as_int64(), 6);
    volume += t.at("volume").as_int64();
    EXPECT_FALSE(t.at("terms").as_array().empty());
    EXPECT_EQ(t.at("representatives").as_array().size(), 5u);
    EXPECT_EQ(t.at("context").at("release_version").at("4.3.0").as_int64(), 6);
    EXPECT_EQ(t.at("severity").at("high").as_int64() + t.at("severity").at("low").as_int64(), 6);
  }
  EXPECT_EQ(volume, 18u + 4u);  // r1 carries four folded duplicates
}

TEST(ThemesStepTest, RerunsAreByteIdenticalAndContinueIds) {
  testing::StepHarness h;
  ASSERT_TRUE(h.Build("themes", "")) << h.Errors();
  auto first = h.Run({{"records", {Records()}}});
  auto second = h.Run({{"records", {Records()}}});
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_EQ(first->at("themes").data(), second->at("themes").data());
  EXPECT_EQ(first->at("records").digest, second->at("records").digest);

  // Given the first table, the same themes keep their ids and say so.
  engine::Artifact previous = engine::Artifact::Make(kKindThemesFile, kMediaJson, "themes.json",
                                                     first->at("themes").data());
  auto third = h.Run({{"records", {Records()}}, {"previous", {previous}}});
  ASSERT_TRUE(third.ok()) << third.status().ToString();
  std::set<std::string> before, after;
  const boost::json::object first_table = Table(*first), third_table = Table(*third);
  for (const auto& t : first_table.at("themes").as_array()) {
    before.insert(std::string(t.at("id").as_string()));
  }
  for (const auto& t : third_table.at("themes").as_array()) {
    after.insert(std::string(t.at("id").as_string()));
    EXPECT_TRUE(t.at("continued").as_bool());
  }
  EXPECT_EQ(before, after);
}

TEST(ThemesStepTest, EmptyAndTinyInputsAreUnthemed) {
  testing::StepHarness h;
  ASSERT_TRUE(h.Build("themes", "")) << h.Errors();
  auto empty = h.Run({{"records", {MakeRecordsArtifact(FeedbackBatch())}}});
  ASSERT_TRUE(empty.ok()) << empty.status().ToString();
  EXPECT_EQ(Table(*empty).at("themes_found").as_int64(), 0);
  FeedbackBatch one;
  one.add_records()->set_text("😡");
  auto single = h.Run({{"records", {MakeRecordsArtifact(one)}}});
  ASSERT_TRUE(single.ok()) << single.status().ToString();
  EXPECT_EQ(ParseRecordsArtifact(single->at("records"))->records(0).theme(), kUnthemedId);
  EXPECT_EQ(Table(*single).at("unthemed").at("size").as_int64(), 1);
}

TEST(ThemesStepTest, ABadEarlierTableIsAnError) {
  EXPECT_THAT(ParsePriorThemes("[]", "old.json").status().ToString(), HasSubstr("old.json"));
  EXPECT_FALSE(ParsePriorThemes(R"({"schema":"other"})", "old.json").ok());
  EXPECT_FALSE(ParsePriorThemes(R"({"schema":"docket.themes.v1","themes":[{"id":"t1",
      "signature":[["a"]]}]})",
                                "old.json")
                   .ok());
  auto ok = ParsePriorThemes(
      R"({"schema":"docket.themes.v1","themes":[{"id":"t1","signature":[["a",1.5]]}]})", "x");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ((*ok)[0].signature[0].second, 1.5);
}

}  // namespace
}  // namespace docket::workflows
