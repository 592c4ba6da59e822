#include "policies/stats/trend_screen.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "policies/stats/dispersion.h"
#include "policies/stats/multiple_testing.h"
#include "policies/stats/quasi_rate_ratio_test.h"
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

// Units with 14 daily baseline periods (exposure 24 each) whose counts are `daily`,
// stored in `storage` (which must outlive the screen).
std::vector<TrendUnit> WithPeriods(
    const std::vector<std::pair<int64_t, std::vector<int64_t>>>& specs,
    std::vector<std::vector<PeriodCount>>& storage) {
  storage.clear();
  storage.reserve(specs.size());
  std::vector<TrendUnit> units;
  for (const auto& [current, daily] : specs) {
    std::vector<PeriodCount>& periods = storage.emplace_back();
    int64_t baseline = 0;
    for (int64_t count : daily) {
      periods.push_back({count, 336.0 / static_cast<double>(daily.size())});
      baseline += count;
    }
    TrendUnit unit = Unit(current, baseline);
    unit.baseline_periods = periods;
    units.push_back(unit);
  }
  return units;
}

TEST(TrendScreen, DefaultsAreTheExactPoissonScreen) {
  const std::vector<TrendFinding> findings = Screen({Unit(40, 70), Unit(0, 0), Unit(3, 9)});
  for (const TrendFinding& finding : findings) {
    EXPECT_EQ(finding.dispersion, 1);
    EXPECT_FALSE(finding.filtered);
  }
  EXPECT_EQ(DispersionModelName(TrendScreenOptions{}.dispersion), "poisson");
  EXPECT_EQ(DispersionModelName(DispersionModel::kQuasiPoisson), "quasi_poisson");
  EXPECT_EQ(DispersionModelName(DispersionModel::kNegativeBinomial), "negative_binomial");
}

TEST(TrendScreen, PoissonLikeBaselinesLeaveTheExactTest) {
  // Perfectly even daily counts: no extra-Poisson variation, phi = 1, kappa = 0.
  std::vector<std::vector<PeriodCount>> storage;
  const std::vector<TrendUnit> units = WithPeriods(
      {{40, std::vector<int64_t>(14, 5)}, {9, std::vector<int64_t>(14, 6)}, {2, {1, 0, 1, 0}}},
      storage);
  const std::vector<TrendFinding> exact = Screen(units);
  for (DispersionModel model :
       {DispersionModel::kQuasiPoisson, DispersionModel::kNegativeBinomial}) {
    const std::vector<TrendFinding> adjusted = Screen(units, {.dispersion = model});
    for (size_t i = 0; i < units.size(); ++i) {
      EXPECT_EQ(adjusted[i].dispersion, 1);
      EXPECT_EQ(adjusted[i].p, exact[i].p);
      EXPECT_EQ(adjusted[i].q, exact[i].q);
      EXPECT_EQ(adjusted[i].ci_low, exact[i].ci_low);
      EXPECT_EQ(adjusted[i].flagged, exact[i].flagged);
    }
  }
}

TEST(TrendScreen, DispersionModelsTestEachUnitWithItsPhi) {
  std::vector<std::vector<PeriodCount>> storage;
  const std::vector<TrendUnit> units =
      WithPeriods({{60, {10, 30, 12, 28, 15, 25, 5, 35, 20, 20, 9, 31, 14, 26}},  // bursty, 20/day
                   {30, {1, 2, 0, 1, 2, 1, 0, 3, 1, 1, 2, 0, 1, 1}},
                   {4, {0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0}}},
                  storage);
  const std::vector<PeriodSeries> series(storage.begin(), storage.end());
  const double phi = *EstimateQuasiPoissonDispersion(series);
  const double kappa = *EstimateNegativeBinomialDispersion(series);
  ASSERT_GT(phi, 1);
  ASSERT_GT(kappa, 0);
  const std::vector<TrendFinding> quasi =
      Screen(units, {.dispersion = DispersionModel::kQuasiPoisson});
  const std::vector<TrendFinding> negbin =
      Screen(units, {.dispersion = DispersionModel::kNegativeBinomial});
  for (size_t i = 0; i < units.size(); ++i) {
    const RateRatioCounts counts{units[i].current_count, 48, units[i].baseline_count, 336};
    EXPECT_EQ(quasi[i].dispersion, phi);
    EXPECT_EQ(quasi[i].p,
              QuasiRateRatioTest(counts, phi, {.alternative = Alternative::kGreater})->p_value);
    const double rate = static_cast<double>(counts.current_count + counts.baseline_count) / 384;
    const double unit_phi = NegativeBinomialInflation(kappa, rate, storage[i]);
    EXPECT_EQ(negbin[i].dispersion, unit_phi);
    EXPECT_EQ(
        negbin[i].p,
        QuasiRateRatioTest(counts, unit_phi, {.alternative = Alternative::kGreater})->p_value);
  }
  // The negative-binomial phi grows with the unit's rate; the quasi-Poisson one is shared.
  EXPECT_GT(negbin[0].dispersion, negbin[1].dispersion);
  EXPECT_GT(negbin[1].dispersion, negbin[2].dispersion);
}

TEST(TrendScreen, DispersionModelsNeedConsistentBaselinePeriods) {
  std::vector<std::vector<PeriodCount>> storage;
  std::vector<TrendUnit> units = WithPeriods({{5, {1, 2}}, {5, {3, 4}}}, storage);
  const TrendScreenOptions options{.dispersion = DispersionModel::kNegativeBinomial};
  units[1].baseline_periods = {};
  EXPECT_THAT(TrendScreen(units, options).status().message(),
              HasSubstr("units[1]: baseline_periods is empty"));
  units[1].baseline_periods = storage[0];  // 3 events, baseline_count is 7
  EXPECT_THAT(TrendScreen(units, options).status().message(),
              HasSubstr("units[1]: baseline_periods counts add up to 3, not baseline_count 7"));
  storage[1][0].exposure = 100;
  units[1].baseline_periods = storage[1];
  EXPECT_THAT(
      TrendScreen(units, options).status().message(),
      HasSubstr("units[1]: baseline_periods exposures add up to 268, not baseline_exposure 336"));
  storage[1][0] = {-1, 168};
  EXPECT_THAT(TrendScreen(units, options).status().message(),
              HasSubstr("units[1]: baseline_periods: periods[0].count"));
  EXPECT_TRUE(TrendScreen(units).ok());  // the Poisson screen ignores the periods
}

TEST(TrendScreen, IndependentFilteringDropsUnitsThatCannotBeFlagged) {
  const std::vector<TrendUnit> units = {Unit(40, 70), Unit(2, 2), Unit(0, 3), Unit(9, 70),
                                        Unit(6, 14)};
  const std::vector<TrendFinding> findings = Screen(units, {.independent_filtering = true});
  // n = 4 and n = 3 are below min_count 5: no split of them can be flagged.
  EXPECT_FALSE(findings[0].filtered);
  EXPECT_TRUE(findings[1].filtered);
  EXPECT_TRUE(findings[2].filtered);
  EXPECT_EQ(findings[1].q, 1);
  EXPECT_EQ(findings[1].reason, TrendReason::kBelowMinCount);
  // BH runs over the kept units only.
  const std::vector<double> kept_p = {findings[0].p, findings[3].p, findings[4].p};
  const std::vector<double> q = *BenjaminiHochberg(kept_p);
  EXPECT_EQ(findings[0].q, q[0]);
  EXPECT_EQ(findings[3].q, q[1]);
  EXPECT_EQ(findings[4].q, q[2]);
  // p-values are untouched; q-values can only fall.
  const std::vector<TrendFinding> unfiltered = Screen(units);
  for (size_t i = 0; i < units.size(); ++i) {
    EXPECT_EQ(findings[i].p, unfiltered[i].p);
    if (!findings[i].filtered) {
      EXPECT_LE(findings[i].q, unfiltered[i].q);
    }
  }
}

TEST(TrendScreen, IndependentFilteringUsesTheAttainablePValue) {
  // With min_count 0 only attainability filters: n = 1 event over equal windows can at
  // best give p = 1/2 (greater), which no max_q below 1/2 accepts; n = 5 gives 1/32.
  const TrendUnit one{
      .current_count = 1, .current_exposure = 1, .baseline_count = 0, .baseline_exposure = 1};
  const TrendUnit five{
      .current_count = 5, .current_exposure = 1, .baseline_count = 0, .baseline_exposure = 1};
  const std::vector<TrendFinding> findings =
      Screen({one, five}, {.min_count = 0, .max_q = 0.05, .independent_filtering = true});
  EXPECT_TRUE(findings[0].filtered);
  EXPECT_FALSE(findings[1].filtered);
  EXPECT_TRUE(findings[1].flagged);
  // Unfiltered, the hopeless unit doubles the BH correction: q = 2/32 > 0.05.
  EXPECT_FALSE(Screen({one, five}, {.min_count = 0, .max_q = 0.05})[1].flagged);
}

// Simulated screens where no unit changed (seeded): the share of screens with any
// rejection (q <= alpha), which for all-null screens is the FDR, stays at or below
// alpha with filtering, and filtering never rejects less than the unfiltered screen.
TEST(TrendScreen, IndependentFilteringKeepsTheFdrOnSimulatedNulls) {
  constexpr double kAlpha = 0.2;
  constexpr int kScreens = 300;
  std::mt19937_64 rng(20261129);
  std::lognormal_distribution<double> size(std::log(1.5), 1.5);
  int screens_with_rejection = 0;
  int filtered_rejections = 0;
  int unfiltered_rejections = 0;
  int filtered_units = 0;
  for (int s = 0; s < kScreens; ++s) {
    std::vector<TrendUnit> units;
    for (int u = 0; u < 60; ++u) {
      const double rate = size(rng);  // events per 48 h; many units are tiny
      units.push_back(Unit(std::poisson_distribution<int64_t>(rate)(rng),
                           std::poisson_distribution<int64_t>(rate * 7)(rng)));
    }
    const TrendScreenOptions options{.min_count = 3, .max_q = kAlpha};
    TrendScreenOptions filtering = options;
    filtering.independent_filtering = true;
    const std::vector<TrendFinding> filtered = Screen(units, filtering);
    const std::vector<TrendFinding> unfiltered = Screen(units, options);
    int rejections = 0;
    for (size_t i = 0; i < units.size(); ++i) {
      rejections += filtered[i].q <= kAlpha ? 1 : 0;
      unfiltered_rejections += unfiltered[i].q <= kAlpha ? 1 : 0;
      filtered_units += filtered[i].filtered ? 1 : 0;
    }
    filtered_rejections += rejections;
    screens_with_rejection += rejections > 0 ? 1 : 0;
  }
  EXPECT_GT(filtered_units, kScreens * 60 / 10);  // the filter has work to do
  EXPECT_GE(filtered_rejections, unfiltered_rejections);
  // FDR estimate and its binomial standard error, 3 SE of slack.
  const double fdr = static_cast<double>(screens_with_rejection) / kScreens;
  EXPECT_LE(fdr, kAlpha + 3 * std::sqrt(kAlpha * (1 - kAlpha) / kScreens)) << fdr;
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
