#include "workflows/steps/finding_quotes.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "engine/base/time_format.h"

namespace docket::workflows {
namespace {

namespace json = boost::json;

const json::object kEvidence = json::parse(R"({"schema": "docket.evidence.v1",
  "globals": {"release.version": "2.0", "window.current_start": "2026-11-07T00:00:00Z",
              "release.evaluate_at": "2026-11-09T00:00:00Z"}})").as_object();

json::object Decision() {
  return json::parse(R"({"rules": [
    {"id": "spike", "instance": "checkout", "for_each": "feature_area", "outcome": "fail"},
    {"id": "spike", "instance": "search", "for_each": "feature_area", "outcome": "pass"},
    {"id": "sev", "instance": "checkout/high", "for_each": "area_severity", "outcome": "warn"},
    {"id": "suite", "instance": "", "outcome": "fail"}]})").as_object();
}

void Add(FeedbackBatch& b, const std::string& id, const std::string& version,
         const std::string& area, const std::string& severity, double score,
         const std::string& when, const std::string& text) {
  FeedbackRecord* r = b.add_records();
  r->set_id(id);
  r->set_release_version(version);
  r->set_feature_area(area);
  r->set_severity(severity);
  r->set_severity_score(score);
  r->set_text(text);
  r->set_created_at_us(ParseRfc3339(when)->time_since_epoch().count());
}

TEST(FindingQuotesTest, QuotesTheMostSevereRecordsOfEachFindingsInstance) {
  FeedbackBatch b;
  Add(b, "a", "2.0", "checkout", "low", 1, "2026-11-07T01:00:00Z", "slow\npage");
  Add(b, "b", "2.0", "checkout", "high", 5, "2026-11-08T01:00:00Z", "charged twice <EMAIL_1>");
  Add(b, "c", "2.0", "checkout", "high", 5, "2026-11-07T05:00:00Z", "app crashes on Pay");
  Add(b, "d", "2.0", "checkout", "medium", 3, "2026-11-07T06:00:00Z", "card declined");
  Add(b, "e", "1.0", "checkout", "high", 9, "2026-11-08T00:00:00Z", "other version");
  Add(b, "f", "2.0", "checkout", "high", 9, "2026-11-09T00:00:00Z", "after the window");
  Add(b, "g", "2.0", "search", "high", 9, "2026-11-08T00:00:00Z", "search is fine");
  const json::array quotes = FindingQuotes(Decision(), kEvidence, b);
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quotes[0].at("rule"), "spike");
  const json::array& q0 = quotes[0].at("quotes").as_array();
  ASSERT_EQ(q0.size(), 3u);
  EXPECT_EQ(q0[0].at("id"), "c");  // score 5, earlier
  EXPECT_EQ(q0[1].at("id"), "b");
  EXPECT_EQ(q0[2].at("id"), "d");
  EXPECT_EQ(quotes[1].at("instance"), "checkout/high");
  EXPECT_EQ(quotes[1].at("quotes").as_array().size(), 2u);
}

TEST(FindingQuotesTest, QuotesAreOneLineAndCutOnACharacter) {
  FeedbackBatch b;
  std::string long_text = "line one\n\nline two ";
  while (long_text.size() < 400) long_text += "é";
  Add(b, "a", "2.0", "checkout", "low", 1, "2026-11-07T01:00:00Z", long_text);
  const json::array quotes = FindingQuotes(Decision(), kEvidence, b);
  ASSERT_EQ(quotes.size(), 1u);
  const std::string text(quotes[0].at("quotes").at(0).at("text").as_string());
  EXPECT_EQ(text.rfind("line one line two ", 0), 0u);
  EXPECT_EQ(text.find('\n'), std::string::npos);
  EXPECT_LE(text.size(), kQuoteBytes + 3);
  EXPECT_EQ(text.substr(text.size() - 3), "…");
  EXPECT_EQ(text.substr(text.size() - 5, 2), "é");
}

}  // namespace
}  // namespace docket::workflows
