// Every name the trends evidence can hold is declared for the linter, and the linter
// uses the declaration: unknown names are errors with a did-you-mean.
#include "workflows/trends/evidence_names.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "engine/base/time_format.h"
#include "policies/policy_parser.h"
#include "workflows/trends/signal_evidence.h"
#include "workflows/trends/trend_evidence.h"

namespace docket::workflows::trends {
namespace {

using ::testing::HasSubstr;

policies::Evidence FullEvidence() {
  google::protobuf::RepeatedPtrField<FeedbackRecord> records;
  FeedbackRecord* r = records.Add();
  r->set_release_version("2.0");
  r->set_feature_area("checkout");
  r->set_severity("high");
  r->set_theme("t1");
  r->set_rating(2);
  r->set_source("zendesk");
  r->set_created_at_us(ParseRfc3339("2026-11-08T00:00:00Z")->time_since_epoch().count());
  WindowConfig config;
  StatusOr<TrendWindows> w = ComputeWindows(std::nullopt, *ParseRfc3339("2026-11-09T00:00:00Z"),
                                            *ParseRfc3339("2026-11-09T00:00:00Z"), config);
  StatusOr<policies::Evidence> e = BuildTrendEvidence(records, {"rc-2", "2.0"}, *w, config, {});
  EXPECT_TRUE(e.ok()) << e.status().message();
  signals::JunitReport junit;
  junit.totals.tests = 3;
  AddRegressionEvidence(junit, *e);
  signals::FeatureFlagSet flags;
  flags.flags.push_back({.key = "new-checkout", .enabled = true, .default_variant = "on"});
  AddFlagEvidence(flags, *e);
  signals::TelemetrySeriesSet telemetry;
  telemetry.series.push_back({.metric = "crash-rate", .release = "2.0",
                              .points = {{*ParseRfc3339("2026-11-08T00:00:00Z"), 0.5}}});
  AddTelemetryEvidence(telemetry, "2.0", {w->current.start, w->current.end},
                       {w->baseline.start, w->baseline.end}, *e);
  // What trends_step.cc adds.
  for (const char* n : {"release.evaluate_at", "window.current_start", "window.baseline_start",
                        "product"}) {
    e->globals[n] = policies::expr::Value::String("x");
  }
  return *e;
}

TEST(EvidenceNamesTest, DeclaresEveryNameARunProduces) {
  const policies::EvidenceNames names = TrendEvidenceNames();
  const policies::Evidence e = FullEvidence();
  for (const auto& [name, value] : e.globals) {
    EXPECT_TRUE(names.globals.count(name) > 0 || names.dynamic(name)) << name;
  }
  ASSERT_EQ(e.dimensions.size(), 4u);
  for (const auto& [dimension, instances] : e.dimensions) {
    ASSERT_FALSE(instances.empty()) << dimension;
    for (const auto& [name, value] : instances[0].metrics) {
      EXPECT_TRUE(names.per_dimension.at(dimension).count(name) > 0) << dimension << "." << name;
    }
  }
  EXPECT_TRUE(names.dynamic("signals.flags.new_checkout.enabled"));
  EXPECT_TRUE(names.dynamic("signals.telemetry.crash_rate.baseline_mean"));
  EXPECT_FALSE(names.dynamic("signals.telemetry.crash_rate.average"));
  EXPECT_FALSE(names.dynamic("signals.flags..enabled"));
}

TEST(EvidenceNamesTest, TheLinterReportsUnknownNamesAndTypeMisuse) {
  StatusOr<policies::Policy> policy = policies::ParsePolicy("p.yaml", R"(version: 1
name: t
rules:
  - {id: typo, for_each: feature_area, fail: "rate_ration > 2", key: true, on_missing_data: fail}
  - {id: types, for_each: theme, fail: "instance > 3", on_missing_data: pass}
  - {id: fine, fail: "signals.flags.dark_mode.enabled and signals.regression.failed > 0", key: true, on_missing_data: inconclusive}
  - {id: advisory-key, warn: "model.risk == 'high'", key: true, on_missing_data: pass}
)");
  ASSERT_TRUE(policy.ok()) << policy.status().message();
  const std::vector<policies::LintFinding> findings = LintPolicy(*policy, TrendEvidenceNames());
  std::string all;
  for (const auto& f : findings) all += f.ToString() + "\n";
  EXPECT_THAT(all, HasSubstr("p.yaml:4:5: error: rule `typo`: fail `rate_ration > 2`: unknown name 'rate_ration'"));
  EXPECT_THAT(all, HasSubstr("did you mean 'rate_ratio'?"));
  EXPECT_THAT(all, HasSubstr("rule `types`"));
  EXPECT_THAT(all, ::testing::Not(HasSubstr("rule `fine`")));
  EXPECT_THAT(all, HasSubstr("rule `advisory-key`: key rule without a `fail` criterion"));
  EXPECT_THAT(all, HasSubstr("rule `advisory-key`: reads model output"));
}

}  // namespace
}  // namespace docket::workflows::trends
