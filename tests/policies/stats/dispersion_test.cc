#include "policies/stats/dispersion.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <vector>

namespace docket::policies::stats {
namespace {

using ::testing::HasSubstr;

std::vector<PeriodCount> Equal(std::vector<int64_t> counts) {
  std::vector<PeriodCount> periods;
  for (int64_t count : counts) periods.push_back({count, 100});
  return periods;
}

double Quasi(const std::vector<std::vector<PeriodCount>>& series) {
  const std::vector<PeriodSeries> spans(series.begin(), series.end());
  StatusOr<double> phi = EstimateQuasiPoissonDispersion(spans);
  EXPECT_TRUE(phi.ok()) << phi.status().ToString();
  return phi.ok() ? *phi : -1;
}

double NegBin(const std::vector<std::vector<PeriodCount>>& series) {
  const std::vector<PeriodSeries> spans(series.begin(), series.end());
  StatusOr<double> kappa = EstimateNegativeBinomialDispersion(spans);
  EXPECT_TRUE(kappa.ok()) << kappa.status().ToString();
  return kappa.ok() ? *kappa : -1;
}

// Gamma-Poisson period counts with squared CV `kappa` of the period rate (seeded).
std::vector<std::vector<PeriodCount>> Simulate(double kappa, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::lognormal_distribution<double> size(std::log(5.0), 1.2);
  std::uniform_real_distribution<double> exposure(500, 1500);
  std::vector<std::vector<PeriodCount>> series(400);
  for (std::vector<PeriodCount>& periods : series) {
    const double rate = size(rng) / 1000;  // events per unit of exposure
    for (int d = 0; d < 14; ++d) {
      const double e = exposure(rng);
      double mean = rate * e;
      if (kappa > 0) mean *= std::gamma_distribution<double>(1 / kappa, kappa)(rng);
      periods.push_back({std::poisson_distribution<int64_t>(mean)(rng), e});
    }
  }
  return series;
}

TEST(EstimateQuasiPoissonDispersion, MedianOfPearsonRatiosByHand) {
  // {10, 20}: expected 15 each, X^2 = 2 * 25/15 = 10/3 on 1 df. {30, 10}: X^2 = 10.
  // {8, 12}: X^2 = 0.8. {0, 3} has fewer than 5 events per period and is skipped.
  EXPECT_DOUBLE_EQ(Quasi({Equal({10, 20}), Equal({30, 10}), Equal({8, 12}), Equal({0, 3})}),
                   10.0 / 3);
  // Even number of qualifying series: the mean of the middle two, (10/3 + 10) / 2.
  EXPECT_DOUBLE_EQ(Quasi({Equal({10, 20}), Equal({30, 10}), Equal({8, 12}), Equal({5, 35})}),
                   (10.0 / 3 + 10) / 2);
}

TEST(EstimateQuasiPoissonDispersion, ExposureSetsTheExpectation) {
  // Counts proportional to exposure: no extra variation, phi floors at 1.
  EXPECT_EQ(Quasi({{{10, 1}, {30, 3}, {20, 2}}}), 1);
  // Zero-exposure periods are not periods: {10, 20} over two real periods.
  EXPECT_DOUBLE_EQ(Quasi({{{10, 50}, {0, 0}, {20, 50}}}), 10.0 / 3);
}

TEST(EstimateQuasiPoissonDispersion, NoQualifyingSeriesMeansNoAdjustment) {
  EXPECT_EQ(Quasi({}), 1);
  EXPECT_EQ(Quasi({Equal({1, 4, 0}), Equal({40})}), 1);  // too few events; one period
}

TEST(EstimateNegativeBinomialDispersion, MomentEstimatorByHand) {
  // {10, 20} on equal exposures: pi = 1/2, S = 50, a = 1/2, b = 1/2 - 1/2 + 1/4 = 1/4:
  // kappa = (50 - 30/2) / (30 * 29 / 4).
  EXPECT_DOUBLE_EQ(NegBin({Equal({10, 20})}), 35 / 217.5);
  // Pooled: sums of numerators over sums of denominators. {5, 5}: S = 0, numerator -5.
  EXPECT_DOUBLE_EQ(NegBin({Equal({10, 20}), Equal({5, 5})}), (35 - 5) / (217.5 + 10 * 9 / 4.0));
  // Less spread than Poisson floors at 0.
  EXPECT_EQ(NegBin({Equal({50, 50, 50})}), 0);
  EXPECT_EQ(NegBin({}), 0);
  EXPECT_EQ(NegBin({Equal({7}), Equal({1, 0})}), 0);  // one period; one event
}

TEST(EstimateNegativeBinomialDispersion, RecoversKnownKappaFromSimulatedCounts) {
  EXPECT_NEAR(NegBin(Simulate(0.05, 11)), 0.05, 0.01);
  EXPECT_NEAR(NegBin(Simulate(0.2, 12)), 0.2, 0.03);
  EXPECT_LT(NegBin(Simulate(0, 13)), 0.004);  // Poisson: near 0
}

TEST(EstimateQuasiPoissonDispersion, PoissonCountsGiveOne) {
  EXPECT_EQ(Quasi(Simulate(0, 14)), 1);
  EXPECT_GT(Quasi(Simulate(0.2, 15)), 1.5);
}

TEST(NegativeBinomialInflation, ByHand) {
  const std::vector<PeriodCount> periods = {{3, 1}, {9, 3}};
  EXPECT_DOUBLE_EQ(NegativeBinomialInflation(0.1, 2, periods), 1 + 0.1 * 2 * 10 / 4);
  EXPECT_EQ(NegativeBinomialInflation(0, 2, periods), 1);
  EXPECT_EQ(NegativeBinomialInflation(0.1, 0, periods), 1);
  EXPECT_EQ(NegativeBinomialInflation(0.1, 2, {}), 1);
}

TEST(EstimateDispersion, RejectsBadPeriodsNamingThem) {
  const std::vector<PeriodCount> good = Equal({1, 2});
  const std::vector<PeriodCount> bad = {{1, 1}, {2, 0}};
  const std::vector<PeriodSeries> series = {good, bad};
  EXPECT_THAT(EstimateQuasiPoissonDispersion(series).status().message(),
              HasSubstr("series[1]: periods[1].exposure is 0 but periods[1].count is 2"));
  const std::vector<PeriodCount> negative = {{-1, 1}};
  const std::vector<PeriodSeries> other = {negative};
  EXPECT_THAT(EstimateNegativeBinomialDispersion(other).status().message(),
              HasSubstr("series[0]: periods[0].count"));
}

}  // namespace
}  // namespace docket::policies::stats
