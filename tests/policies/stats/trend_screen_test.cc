#include "policies/stats/trend_screen.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "policies/stats/multiple_testing.h"
#include "policies/stats/rate_ratio_test.h"

namespace docket::policies::stats {
namespace {

using ::testing::HasSubstr;

std::vector<TrendFinding> Screen(const std::vector<TrendUnit>& units,
                                 const TrendScreenOptions& options = {}) {
  StatusOr<std::vector<TrendFinding>> findings = TrendScreen(units, options);
  EXPECT_TRUE(findings.ok()) << findings.status().ToString();
  return findings.ok() ? *findings : std::vector<TrendFinding>{};
}

// 48 h current window against 14 days of baseline with the same hourly exposure.
TrendUnit Unit(int64_t current, int64_t baseline) {
  return {.current_count = current,
          .current_exposure = 48,
          .baseline_count = baseline,
          .baseline_exposure = 336};
}

TEST(TrendScreen, EachReasonInInputOrder) {
  const std::vector<TrendFinding> findings = Screen({
      Unit(40, 70),  // 4x the baseline rate: flagged
      Unit(3, 0),    // a spike, but only 3 events
      Unit(12, 70),  // 1.2x: below the effect floor
      Unit(6, 14),   // 3x, but 6 events against 2 expected is weak evidence after BH
      Unit(10, 70),
  });
  ASSERT_EQ(findings.size(), 5u);
  EXPECT_TRUE(findings[0].flagged);
  EXPECT_EQ(findings[0].reason, TrendReason::kFlagged);
  EXPECT_EQ(findings[1].reason, TrendReason::kBelowMinCount);
  EXPECT_EQ(findings[2].reason, TrendReason::kBelowEffectFloor);
  EXPECT_EQ(findings[3].reason, TrendReason::kNotSignificant);
  EXPECT_EQ(TrendReasonName(findings[1].reason), "below_min_count");
  EXPECT_EQ(TrendReasonName(findings[2].reason), "below_effect_floor");
  EXPECT_EQ(TrendReasonName(findings[3].reason), "not_significant");
  EXPECT_EQ(TrendReasonName(findings[0].reason), "flagged");
  for (const TrendFinding& finding : findings) {
    EXPECT_EQ(finding.flagged, finding.reason == TrendReason::kFlagged);
  }
}

TEST(TrendScreen, EvidenceFieldsMatchTheRateRatioTestAndBh) {
  const std::vector<TrendUnit> units = {Unit(40, 70), Unit(9, 70), Unit(0, 5), Unit(20, 30)};
  const std::vector<TrendFinding> findings = Screen(units);
  std::vector<double> p;
  for (size_t i = 0; i < units.size(); ++i) {
    StatusOr<RateRatioResult> test =
        RateRatioTest({units[i].current_count, units[i].current_exposure, units[i].baseline_count,
                       units[i].baseline_exposure},
                      {.alternative = Alternative::kGreater});
    ASSERT_TRUE(test.ok());
    EXPECT_EQ(findings[i].observed, units[i].current_count);
    EXPECT_EQ(findings[i].baseline, units[i].baseline_count);
    EXPECT_EQ(findings[i].expected, test->expected);
    EXPECT_EQ(findings[i].rate_ratio, test->rate_ratio);
    EXPECT_EQ(findings[i].ci_low, test->ci_low);
    EXPECT_EQ(findings[i].ci_high, test->ci_high);
    EXPECT_EQ(findings[i].p, test->p_value);
    p.push_back(test->p_value);
  }
  StatusOr<std::vector<double>> q = BenjaminiHochberg(p);
  ASSERT_TRUE(q.ok());
  for (size_t i = 0; i < units.size(); ++i) EXPECT_EQ(findings[i].q, (*q)[i]);
}

TEST(TrendScreen, MoreUnitsMeanMoreCorrection) {
  const TrendUnit spike = Unit(14, 35);  // 2.8x, p around 1e-3
  std::vector<TrendUnit> few = {spike};
  std::vector<TrendUnit> many(200, Unit(5, 35));
  many[0] = spike;
  const std::vector<TrendFinding> alone = Screen(few);
  const std::vector<TrendFinding> crowd = Screen(many);
  EXPECT_TRUE(alone[0].flagged);
  EXPECT_EQ(alone[0].p, crowd[0].p);
  EXPECT_GT(crowd[0].q, alone[0].q);
  EXPECT_FALSE(crowd[0].flagged);
}

TEST(TrendScreen, NoEventsAnywhereFlagsNothing) {
  const std::vector<TrendFinding> findings =
      Screen({Unit(0, 0), Unit(0, 0)}, {.min_count = 0, .min_rate_ratio = 1});
  for (const TrendFinding& finding : findings) {
    EXPECT_FALSE(finding.flagged);
    EXPECT_EQ(finding.reason, TrendReason::kBelowEffectFloor);
    EXPECT_EQ(finding.p, 1);
    EXPECT_EQ(finding.q, 1);
  }
}

TEST(TrendScreen, LessLooksForDrops) {
  const std::vector<TrendFinding> findings =
      Screen({Unit(5, 300), Unit(40, 70)}, {.alternative = Alternative::kLess});
  EXPECT_TRUE(findings[0].flagged);
  EXPECT_EQ(findings[1].reason, TrendReason::kBelowEffectFloor);
}

TEST(TrendScreen, EmptyScreen) { EXPECT_TRUE(Screen({}).empty()); }

TEST(TrendScreen, RejectsBadInputsNamingTheField) {
  std::vector<TrendUnit> units = {Unit(1, 1), Unit(1, 1)};
  units[1].current_exposure = 0;
  EXPECT_THAT(TrendScreen(units).status().message(),
              HasSubstr("units[1]: current_exposure must be finite and > 0, got 0"));
  const std::vector<TrendUnit> ok = {Unit(1, 1)};
  EXPECT_THAT(TrendScreen(ok, {.min_count = -1}).status().message(), HasSubstr("min_count"));
  EXPECT_THAT(TrendScreen(ok, {.min_rate_ratio = 0.5}).status().message(),
              HasSubstr("min_rate_ratio must be finite and >= 1, got 0.5"));
  EXPECT_THAT(TrendScreen(ok, {.max_q = 0}).status().message(), HasSubstr("max_q"));
  EXPECT_THAT(TrendScreen(ok, {.confidence = NAN}).status().message(), HasSubstr("confidence"));
}

}  // namespace
}  // namespace docket::policies::stats
