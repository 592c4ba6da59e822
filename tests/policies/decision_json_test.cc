#include "policies/decision_json.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cmath>
#include <limits>

#include "policies/evidence_json.h"
#include "policies/policy_parser.h"

namespace docket::policies {
namespace {

namespace json = boost::json;
using ::testing::HasSubstr;
using expr::Value;

TEST(DecisionJsonTest, RendersEveryRuleInstanceWithThresholdsAndEvidence) {
  StatusOr<Policy> policy = ParsePolicy("p.yaml", R"(version: 1
name: t
rules:
  - {id: spike, for_each: feature_area, fail: "rate_ratio >= 2", key: true, on_missing_data: pass}
)");
  ASSERT_TRUE(policy.ok()) << policy.status().message();
  Evidence e;
  e.dimensions["feature_area"] = {
      {"checkout", {{"rate_ratio", Value::Number(std::numeric_limits<double>::infinity())}}},
      {"search", {{"rate_ratio", Value::Number(0.5)}}}};
  const Decision d = Evaluate(*policy, e, Timestamp{std::chrono::seconds(0)});
  const json::object doc = DecisionToJson(*policy, d);
  EXPECT_EQ(doc.at("verdict"), "BLOCK");
  EXPECT_EQ(doc.at("policy").at("digest"), json::value(policy->digest));
  EXPECT_EQ(doc.at("evaluated_at"), "1970-01-01T00:00:00Z");
  const json::array& rules = doc.at("rules").as_array();
  ASSERT_EQ(rules.size(), 2u);
  EXPECT_EQ(rules[0].at("id"), "spike");
  EXPECT_EQ(rules[0].at("instance"), "checkout");
  EXPECT_EQ(rules[0].at("outcome"), "fail");
  EXPECT_EQ(rules[0].at("key"), true);
  EXPECT_EQ(rules[0].at("mode"), "enforce");
  EXPECT_EQ(rules[0].at("thresholds").at("fail"), "rate_ratio >= 2");
  EXPECT_EQ(rules[0].at("evidence").at("rate_ratio"), "inf");
  EXPECT_EQ(rules[1].at("evidence").at("rate_ratio"), 0.5);
  EXPECT_EQ(json::serialize(doc), json::serialize(DecisionToJson(*policy, d)));
}

TEST(EvidenceJsonTest, RoundTripsAndSortsInstances) {
  const std::string text = R"({"schema": "docket.evidence.v1",
    "globals": {"records.current": 12, "signals.regression.failed": 0, "model.risk": null,
                "tags": ["a", "b"], "flag": true},
    "dimensions": {"feature_area": [
        {"key": "search", "metrics": {"observed": 2, "rate_ratio": "nan"}},
        {"key": "checkout", "metrics": {"observed": 9, "rate_ratio": "inf"}}]},
    "guards": {"records_current": 12, "source_silence_s": {"zendesk": 60},
               "ingestion_lag_s": 5}})";
  StatusOr<Evidence> e = ParseEvidenceJson("e.json", text);
  ASSERT_TRUE(e.ok()) << e.status().message();
  EXPECT_EQ(e->globals.at("records.current"), Value::Number(12));
  EXPECT_TRUE(e->globals.at("model.risk").is_missing());
  ASSERT_EQ(e->dimensions.at("feature_area").size(), 2u);
  EXPECT_EQ(e->dimensions.at("feature_area")[0].key, "checkout");
  EXPECT_TRUE(std::isinf(e->dimensions.at("feature_area")[0].metrics.at("rate_ratio").number()));
  EXPECT_EQ(e->records_current, 12u);
  EXPECT_EQ(e->source_silence_s.at("zendesk"), 60);
  EXPECT_EQ(e->ingestion_lag_s, 5);
  const std::string once = json::serialize(EvidenceToJson(*e));
  StatusOr<Evidence> again = ParseEvidenceJson("e.json", once);
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ(json::serialize(EvidenceToJson(*again)), once);
}

TEST(EvidenceJsonTest, ErrorsNameThePath) {
  const auto error = [](const std::string& text) {
    StatusOr<Evidence> e = ParseEvidenceJson("e.json", text);
    return e.ok() ? std::string("ok") : e.status().message();
  };
  EXPECT_THAT(error("[]"), HasSubstr("must be a JSON object"));
  EXPECT_THAT(error("{"), HasSubstr("not JSON"));
  EXPECT_THAT(error(R"({"schema": "x"})"), HasSubstr("schema"));
  EXPECT_THAT(error(R"({"schema": "docket.evidence.v1", "extra": 1})"),
              HasSubstr("evidence extra: unknown field"));
  EXPECT_THAT(error(R"({"schema": "docket.evidence.v1", "globals": {"a": {"b": 1}}})"),
              HasSubstr("globals.a: expected null"));
  EXPECT_THAT(error(R"({"schema": "docket.evidence.v1", "dimensions": {"theme": [
      {"key": "t1", "metrics": {}}, {"key": "t1", "metrics": {}}]}})"),
              HasSubstr("`t1` appears twice"));
  EXPECT_THAT(error(R"({"schema": "docket.evidence.v1", "guards": {"ingestion_lag_s": -4}})"),
              HasSubstr("guards.ingestion_lag_s: expected a non-negative integer"));
  std::string deep = R"({"schema": "docket.evidence.v1", "globals": {"a": )";
  for (int i = 0; i < 100; ++i) deep += "[";
  EXPECT_THAT(error(deep), HasSubstr("not JSON"));
}

}  // namespace
}  // namespace docket::policies
