// Tests the `trends` and `policy_gate` steps through the step harness.
#include "workflows/steps/trends_step.h"

#include "workflows/steps/policy_gate_step.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <cstdio>

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

void AddMany(FeedbackBatch& b, int n, const std::string& version, const std::string& area,
             const std::string& severity, const std::string& when) {
  for (int i = 0; i < n; ++i) Add(b, version, area, severity, when);
}

boost::json::value EvidenceFor(testing::StepHarness& h, const FeedbackBatch& b,
                               std::map<std::string, std::vector<engine::Artifact>> extra = {}) {
  extra["records"] = {MakeRecordsArtifact(b)};
  extra["releases"] = {Releases()};
  auto out = h.Run(std::move(extra));
  EXPECT_TRUE(out.ok()) << out.status().ToString();
  return out.ok() ? boost::json::parse(out->at("evidence").data()) : boost::json::value();
}

const boost::json::value& Instance(const boost::json::value& e, const char* dimension,
                                   const char* key) {
  for (const auto& item : e.at("dimensions").at(dimension).as_array()) {
    if (item.at("key") == key) return item.at("metrics");
  }
  static const boost::json::value kNone;
  ADD_FAILURE() << "no instance " << key;
  return kNone;
}

TEST(TrendsStepTest, ComparesTheCandidatesWindowWithTheBaselineHalfOpen) {
  testing::StepHarness h;
  ASSERT_TRUE(h.Build("trends", "window: 48h\nbaseline: 14d")) << h.Errors();
  FeedbackBatch b;
  Add(b, "2.0", "checkout", "high", "2026-11-07T00:00:00Z");  // window start: counted
  Add(b, "2.0", "checkout", "high", "2026-11-08T23:59:59Z");
  Add(b, "2.0", "checkout", "low", "2026-11-08T12:00:00Z");
  Add(b, "2.0", "checkout", "high", "2026-11-09T00:00:00Z");  // window end: excluded
  Add(b, "2.0", "checkout", "high", "2026-11-06T23:59:59Z");  // before the window
  Add(b, "1.0", "checkout", "high", "2026-11-08T00:00:00Z");  // other version, not baseline time
  Add(b, "1.0", "checkout", "low", "2026-10-30T00:00:00Z");   // baseline: [10-24, 11-07)
  Add(b, "1.0", "checkout", "low", "2026-10-23T23:59:59Z");   // before the baseline
  Add(b, "2.0", "", "medium", "2026-11-08T00:00:00Z");
  const boost::json::value e = EvidenceFor(h, b);  // param unset: latest = rc-2
  EXPECT_EQ(e.at("schema"), "docket.evidence.v1");
  EXPECT_EQ(e.at("globals").at("release.id"), "rc-2");
  EXPECT_EQ(e.at("globals").at("window.current_start"), "2026-11-07T00:00:00Z");
  EXPECT_EQ(e.at("globals").at("window.baseline_start"), "2026-10-24T00:00:00Z");
  EXPECT_EQ(e.at("globals").at("records.current").to_number<int>(), 4);
  EXPECT_EQ(e.at("globals").at("records.baseline").to_number<int>(), 1);
  const auto& checkout = Instance(e, "feature_area", "checkout");
  EXPECT_EQ(checkout.at("observed").to_number<int>(), 3);
  EXPECT_EQ(checkout.at("baseline").to_number<int>(), 1);
  EXPECT_EQ(checkout.at("high").to_number<int>(), 2);
  // Exposure in hours: 48 current, 336 baseline; rate ratio (3/48)/(1/336) = 21.
  EXPECT_DOUBLE_EQ(checkout.at("rate_ratio").to_number<double>(), 21.0);
  EXPECT_DOUBLE_EQ(checkout.at("expected").to_number<double>(), 48.0 / 336.0);
  EXPECT_EQ(Instance(e, "feature_area", "unassigned").at("observed").to_number<int>(), 1);
  EXPECT_EQ(Instance(e, "severity", "high").at("observed").to_number<int>(), 2);
  EXPECT_FALSE(e.at("dimensions").as_object().contains("theme"));
  EXPECT_EQ(e.at("guards").at("records_current").to_number<int>(), 4);
}

TEST(TrendsStepTest, DuplicatesCountAsVolumeAndExclusionsAreCutOut) {
  testing::StepHarness h;
  ASSERT_TRUE(h.Build("trends", R"(exclude_releases: ["1.5"]
exclude_periods: ["2026-11-08T00:00:00Z/2026-11-08T12:00:00Z"])")) << h.Errors();
  FeedbackBatch b;
  Add(b, "2.0", "login", "low", "2026-11-07T06:00:00Z");
  b.mutable_records(0)->set_duplicate_count(4);
  Add(b, "2.0", "login", "low", "2026-11-08T06:00:00Z");  // in the incident
  Add(b, "1.5", "login", "low", "2026-10-30T00:00:00Z");  // an excluded release
  Add(b, "1.0", "login", "low", "2026-10-30T00:00:00Z");
  const boost::json::value e = EvidenceFor(h, b);
  const auto& login = Instance(e, "feature_area", "login");
  EXPECT_EQ(login.at("observed").to_number<int>(), 5);
  EXPECT_EQ(login.at("baseline").to_number<int>(), 1);
  EXPECT_DOUBLE_EQ(e.at("globals").at("window.current_hours").to_number<double>(), 36.0);
}

TEST(TrendsStepTest, RejectsABadPeriod) {
  testing::StepHarness h;
  EXPECT_FALSE(h.Build("trends", "exclude_periods: [\"2026-11-08T00:00:00Z\"]"));
  EXPECT_NE(h.Errors().find("is not a period"), std::string::npos) << h.Errors();
}

TEST(TrendsStepTest, AddsReleaseSignals) {
  testing::StepHarness h;
  ASSERT_TRUE(h.Build("trends", "")) << h.Errors();
  const auto file = [](const char* kind, const char* name, std::string text) {
    return engine::Artifact::Make(kind, "text/plain", name, std::move(text));
  };
  const boost::json::value e = EvidenceFor(
      h, FeedbackBatch(),
      {{"junit", {file(kKindJunitFile, "junit.xml", R"(<testsuite name="s">
  <testcase classname="a" name="ok"/>
  <testcase classname="a" name="broken"><failure message="x"/></testcase>
</testsuite>)")}},
       {"flags", {file(kKindFeatureFlagsFile, "flags.json", R"({"flags": {"new-checkout":
  {"state": "ENABLED", "variants": {"on": true, "off": false}, "defaultVariant": "on"}}})")}},
       {"telemetry", {file(kKindTelemetryFile, "t.csv", "timestamp,metric,value,release\n"
                                                       "2026-10-30T00:00:00Z,crash-rate,0.5,1.0\n"
                                                       "2026-11-08T00:00:00Z,crash-rate,1.5,2.0\n"
                                                       "2026-11-08T01:00:00Z,crash-rate,2.5,2.0\n")}}});
  const auto& g = e.at("globals");
  EXPECT_EQ(g.at("signals.regression.tests").to_number<int>(), 2);
  EXPECT_EQ(g.at("signals.regression.failed").to_number<int>(), 1);
  EXPECT_EQ(g.at("signals.flags.new_checkout.enabled"), true);
  EXPECT_DOUBLE_EQ(g.at("signals.telemetry.crash_rate.current_mean").to_number<double>(), 2.0);
  EXPECT_DOUBLE_EQ(g.at("signals.telemetry.crash_rate.current_max").to_number<double>(), 2.5);
  EXPECT_DOUBLE_EQ(g.at("signals.telemetry.crash_rate.baseline_mean").to_number<double>(), 0.5);
}

TEST(TrendsStepTest, ExposureFromATelemetryMetricNormalisesPerSession) {
  testing::StepHarness h;
  ASSERT_TRUE(h.Build("trends", "exposure_metric: sessions\ndispersion: poisson")) << h.Errors();
  FeedbackBatch b;
  AddMany(b, 10, "1.0", "login", "low", "2026-10-30T00:00:00Z");
  AddMany(b, 10, "2.0", "login", "low", "2026-11-08T00:00:00Z");
  // The candidate had 100 sessions in its window; the baseline releases 1,000.
  const std::string csv =
      "timestamp,metric,value,release\n"
      "2026-10-30T00:00:00Z,sessions,1000,1.0\n"
      "2026-11-08T00:00:00Z,sessions,100,2.0\n";
  const boost::json::value e = EvidenceFor(
      h, b, {{"telemetry", {engine::Artifact::Make(kKindTelemetryFile, "text/csv", "t.csv", csv)}}});
  EXPECT_DOUBLE_EQ(e.at("globals").at("exposure.current").to_number<double>(), 100);
  EXPECT_DOUBLE_EQ(e.at("globals").at("exposure.baseline").to_number<double>(), 1000);
  // 10 per 100 sessions against 10 per 1,000: ten times the rate.
  EXPECT_DOUBLE_EQ(Instance(e, "feature_area", "login").at("rate_ratio").to_number<double>(), 10);

  // The dispersion model gets the sessions per baseline day, and runs.
  testing::StepHarness nb;
  ASSERT_TRUE(nb.Build("trends", "exposure_metric: sessions")) << nb.Errors();
  const boost::json::value e2 = EvidenceFor(
      nb, b, {{"telemetry", {engine::Artifact::Make(kKindTelemetryFile, "text/csv", "t.csv", csv)}}});
  EXPECT_DOUBLE_EQ(Instance(e2, "feature_area", "login").at("rate_ratio").to_number<double>(), 10);

  auto missing = h.Run({{"records", {MakeRecordsArtifact(b)}}, {"releases", {Releases()}}});
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("needs the `telemetry` input"), std::string::npos);
  auto no_metric = h.Run({{"records", {MakeRecordsArtifact(b)}},
                          {"releases", {Releases()}},
                          {"telemetry", {engine::Artifact::Make(
                                            kKindTelemetryFile, "text/csv", "t.csv",
                                            "timestamp,metric,value\n2026-11-08T00:00:00Z,crash,1\n")}}});
  ASSERT_FALSE(no_metric.ok());
  EXPECT_NE(no_metric.status().message().find("`sessions` is not in the telemetry file"),
            std::string::npos);
}

TEST(TrendsStepTest, ABrokenSignalFileIsAnErrorThatSaysWhere) {
  testing::StepHarness h;
  ASSERT_TRUE(h.Build("trends", "")) << h.Errors();
  auto out = h.Run({{"records", {MakeRecordsArtifact(FeedbackBatch())}},
                    {"releases", {Releases()}},
                    {"junit", {engine::Artifact::Make(kKindJunitFile, "text/xml", "junit.xml",
                                                      "<testsuite><testcase")}}});
  ASSERT_FALSE(out.ok());
  EXPECT_NE(out.status().message().find("junit.xml:1:"), std::string::npos)
      << out.status().message();
}

TEST(TrendsStepTest, BadReleasesFileSaysWhere) {
  testing::StepHarness h;
  ASSERT_TRUE(h.Build("trends", "")) << h.Errors();
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

engine::Artifact PolicyFile(const std::string& text) {
  return engine::Artifact::Make(kKindPolicyFile, "application/yaml", "policy.yaml", text);
}

constexpr char kSpikePolicy[] = R"(version: 1
name: test
rules:
  - id: spike
    for_each: feature_area
    fail: "observed >= 5 and rate_ratio >= 2 and q < 0.01"
    key: true
    on_missing_data: inconclusive
)";

boost::json::value Decide(const FeedbackBatch& b, const std::string& policy = kSpikePolicy) {
  testing::StepHarness trends;
  EXPECT_TRUE(trends.Build("trends", "")) << trends.Errors();
  auto e = trends.Run({{"records", {MakeRecordsArtifact(b)}}, {"releases", {Releases()}}});
  EXPECT_TRUE(e.ok()) << e.status().ToString();
  testing::StepHarness gate;
  EXPECT_TRUE(gate.Build("policy_gate", "")) << gate.Errors();
  auto d = gate.Run({{"evidence", {e->at("evidence")}}, {"policy", {PolicyFile(policy)}}});
  EXPECT_TRUE(d.ok()) << d.status().ToString();
  return d.ok() ? boost::json::parse(d->at("decision").data()) : boost::json::value();
}

FeedbackBatch Background(int current_checkout) {
  FeedbackBatch b;
  for (int day = 0; day < 14; ++day) {  // 2 a day for the 14 baseline days from 10-24
    char when[32];
    std::snprintf(when, sizeof when, "2026-%02d-%02dT12:00:00Z", day < 8 ? 10 : 11,
                  day < 8 ? 24 + day : day - 7);
    AddMany(b, 2, "1.0", "checkout", "low", when);
    AddMany(b, 2, "1.0", "search", "low", when);
  }
  AddMany(b, current_checkout, "2.0", "checkout", "high", "2026-11-08T00:00:00Z");
  AddMany(b, 4, "2.0", "search", "low", "2026-11-08T00:00:00Z");
  return b;
}

TEST(TrendsStepTest, TheHourlyCusumAlarmsOnABurstOnly) {
  testing::StepHarness h;
  ASSERT_TRUE(h.Build("trends", "")) << h.Errors();
  const boost::json::value burst = EvidenceFor(h, Background(20));  // 20 in one hour
  EXPECT_EQ(Instance(burst, "feature_area", "checkout").at("cusum_alarm"), true);
  EXPECT_GT(Instance(burst, "feature_area", "checkout").at("cusum").to_number<double>(), 5.0);
  const boost::json::value quiet = EvidenceFor(h, Background(4));
  EXPECT_EQ(Instance(quiet, "feature_area", "search").at("cusum_alarm"), false);
}

TEST(PolicyGateStepTest, BlocksOnASignificantRiseAndApprovesTheBackground) {
  const boost::json::value blocked = Decide(Background(20));  // 10 a day against 2
  EXPECT_EQ(blocked.at("schema"), "docket.decision.v2");
  EXPECT_EQ(blocked.at("verdict"), "BLOCK");
  EXPECT_EQ(blocked.at("release").at("id"), "rc-2");
  const auto& rule = blocked.at("rules").as_array()[0];
  EXPECT_EQ(rule.at("id"), "spike");
  EXPECT_EQ(rule.at("instance"), "checkout");
  EXPECT_EQ(rule.at("outcome"), "fail");
  EXPECT_EQ(rule.at("thresholds").at("fail"), "observed >= 5 and rate_ratio >= 2 and q < 0.01");
  EXPECT_EQ(rule.at("evidence").at("observed").to_number<int>(), 20);
  const std::string digest(blocked.at("decision_digest").as_string());
  EXPECT_EQ(digest.rfind("sha256:", 0), 0u);
  EXPECT_EQ(digest.size(), 7u + 64u);
  EXPECT_EQ(Decide(Background(4)).at("verdict"), "APPROVE");  // 2 a day, as before
}

TEST(PolicyGateStepTest, TheDecisionDigestFollowsItsInputs) {
  const boost::json::value a = Decide(Background(20));
  EXPECT_EQ(a.at("decision_digest"), Decide(Background(20)).at("decision_digest"));
  EXPECT_NE(a.at("decision_digest"), Decide(Background(21)).at("decision_digest"));
  std::string other_policy = kSpikePolicy;
  other_policy.replace(other_policy.find("rate_ratio >= 2"), 15, "rate_ratio >= 3");
  const boost::json::value b = Decide(Background(20), other_policy);
  EXPECT_NE(a.at("policy").at("digest"), b.at("policy").at("digest"));
  EXPECT_NE(a.at("decision_digest"), b.at("decision_digest"));
}

TEST(PolicyGateStepTest, ABadPolicyIsAnErrorWithItsLocation) {
  testing::StepHarness trends;
  ASSERT_TRUE(trends.Build("trends", ""));
  auto e = trends.Run({{"records", {MakeRecordsArtifact(FeedbackBatch())}}, {"releases", {Releases()}}});
  ASSERT_TRUE(e.ok());
  testing::StepHarness gate;
  ASSERT_TRUE(gate.Build("policy_gate", ""));
  auto d = gate.Run({{"evidence", {e->at("evidence")}},
                     {"policy", {PolicyFile("version: 1\nname: x\nrules:\n  - id: r\n    fail: \"a >\"\n")}}});
  ASSERT_FALSE(d.ok());
  EXPECT_NE(d.status().message().find("policy.yaml:4:"), std::string::npos) << d.status().message();
}

}  // namespace
}  // namespace docket::workflows
