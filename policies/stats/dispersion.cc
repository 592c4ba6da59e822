#include "policies/stats/dispersion.h"

#include <algorithm>
#include <string>
#include <vector>

#include "policies/stats/internal/period_checks.h"

namespace docket::policies::stats {
namespace {

Status CheckSeries(std::span<const PeriodSeries> series) {
  for (size_t i = 0; i < series.size(); ++i) {
    const Status status = internal::CheckPeriods(series[i]);
    if (!status.ok()) return status.WithContext("series[" + std::to_string(i) + "]");
  }
  return Status::Ok();
}

struct SeriesTotals {
  double count = 0;
  double exposure = 0;
  int periods = 0;  // with exposure > 0
};

SeriesTotals Totals(PeriodSeries periods) {
  SeriesTotals totals;
  for (const PeriodCount& period : periods) {
    if (period.exposure == 0) continue;
    totals.count += static_cast<double>(period.count);
    totals.exposure += period.exposure;
    ++totals.periods;
  }
  return totals;
}

// Pearson X^2 / (D - 1) of one series, or a negative value when it does not qualify.
double PearsonRatio(PeriodSeries periods) {
  const SeriesTotals totals = Totals(periods);
  if (totals.periods < 2 || totals.count < 5.0 * totals.periods) return -1;
  double x2 = 0;
  for (const PeriodCount& period : periods) {
    if (period.exposure == 0) continue;
    const double expected = totals.count * period.exposure / totals.exposure;
    const double residual = static_cast<double>(period.count) - expected;
    x2 += residual * residual / expected;
  }
  return x2 / (totals.periods - 1);
}

// Median of a non-empty vector (the mean of the middle two for an even size).
double Median(std::vector<double> values) {
  const size_t mid = values.size() / 2;
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(mid), values.end());
  const double upper = values[mid];
  if (values.size() % 2 == 1) return upper;
  return (*std::max_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(mid)) +
          upper) /
         2;
}

}  // namespace

StatusOr<double> EstimateQuasiPoissonDispersion(std::span<const PeriodSeries> series) {
  DOCKET_RETURN_IF_ERROR(CheckSeries(series));
  std::vector<double> ratios;
  for (const PeriodSeries& periods : series) {
    const double ratio = PearsonRatio(periods);
    if (ratio >= 0) ratios.push_back(ratio);
  }
  if (ratios.empty()) return 1.0;
  return std::max(1.0, Median(std::move(ratios)));
}

StatusOr<double> EstimateNegativeBinomialDispersion(std::span<const PeriodSeries> series) {
  DOCKET_RETURN_IF_ERROR(CheckSeries(series));
  double numerator = 0;
  double denominator = 0;
  for (const PeriodSeries& periods : series) {
    const SeriesTotals totals = Totals(periods);
    if (totals.periods < 2 || totals.count < 2) continue;
    double squares = 0;  // S_i
    double pi2 = 0;      // sum pi^2
    double pi3 = 0;      // sum pi^3
    for (const PeriodCount& period : periods) {
      if (period.exposure == 0) continue;
      const double pi = period.exposure / totals.exposure;
      const double residual = static_cast<double>(period.count) - totals.count * pi;
      squares += residual * residual;
      pi2 += pi * pi;
      pi3 += pi * pi * pi;
    }
    numerator += squares - totals.count * (1 - pi2);
    denominator += totals.count * (totals.count - 1) * (pi2 - 2 * pi3 + pi2 * pi2);
  }
  if (!(denominator > 0)) return 0.0;
  return std::max(0.0, numerator / denominator);
}

double NegativeBinomialInflation(double kappa, double rate, PeriodSeries periods) {
  double exposure = 0;
  double squares = 0;
  for (const PeriodCount& period : periods) {
    exposure += period.exposure;
    squares += period.exposure * period.exposure;
  }
  if (kappa == 0 || rate == 0 || exposure == 0) return 1;
  return 1 + kappa * rate * squares / exposure;
}

}  // namespace docket::policies::stats
