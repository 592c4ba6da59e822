// Overdispersion of event counts, estimated from the per-period counts (days, say) of
// a baseline window, one series per unit (feature area or theme). Two variance models
// for the count c_d of period d whose Poisson mean is m_d:
//   quasi-Poisson:     Var(c_d) = phi * m_d            (phi >= 1, one value for all units)
//   negative binomial: Var(c_d) = m_d + kappa * m_d^2  (kappa >= 0, one value for all
//                      units: the squared coefficient of variation of the period-level
//                      rate, as when every period draws its own gamma rate factor)
// Within a series the rate per unit of exposure is taken as constant, so
// m_d = c * e_d / E (c and E: the series' total count and exposure). Anything that
// moves the rate between periods beyond that (bursts, weekday effects the exposure
// does not carry) shows up as dispersion, which is the point.
// Consumers: TrendScreen (trend_screen.h) and auditors recomputing its evidence.
// Pure functions; thread-safe; deterministic (fixed summation order).
#pragma once

#include <span>

#include "engine/base/status.h"
#include "policies/stats/period_count.h"

namespace docket::policies::stats {

// One unit's periods; zero-exposure periods (with zero count) are ignored.
using PeriodSeries = std::span<const PeriodCount>;

// phi: the median over qualifying series of Pearson's X^2 / (D - 1), floored at 1, with
// X^2 = sum_d (c_d - m_d)^2 / m_d and D the periods with exposure > 0. A series
// qualifies when D >= 2 and c >= 5 * D (the usual "expected >= 5" rule, on average),
// so small series, whose X^2 is skewed, do not pull the median. Returns 1 when no
// series qualifies (no evidence of overdispersion). The median makes one bursty unit
// harmless; the price is that phi describes a typical large unit, not the largest.
// Errors: kInvalidArgument naming "series[i].periods[j].count"/".exposure".
[[nodiscard]] StatusOr<double> EstimateQuasiPoissonDispersion(std::span<const PeriodSeries> series);

// kappa: the moment estimator pooled over series,
//   kappa = max(0, sum_i (S_i - c_i * a_i) / sum_i c_i * (c_i - 1) * b_i),
// with S_i = sum_d (c_d - c_i * pi_d)^2, pi_d = e_d / E_i, a_i = 1 - sum pi^2 and
// b_i = sum pi^2 - 2 * sum pi^3 + (sum pi^2)^2. Under the model E[S_i] = mu_i * a_i +
// kappa * mu_i^2 * b_i exactly (mu_i = E[c_i]) and E[c_i (c_i - 1)] ~ mu_i^2, so the
// estimator is consistent; each series weighs by the information it carries (large
// series dominate, as they should: in small ones Poisson noise hides kappa). Series with
// fewer than 2 periods with exposure contribute nothing; 0 when none has any signal.
// Errors: as EstimateQuasiPoissonDispersion.
[[nodiscard]] StatusOr<double> EstimateNegativeBinomialDispersion(
    std::span<const PeriodSeries> series);

// The variance inflation Var(c) / E[c] of a window count with rate `rate` per unit of
// exposure over periods shaped like `periods`, under the negative-binomial model:
// 1 + kappa * rate * sum e_d^2 / sum e_d. 1 when kappa or rate is 0 or `periods` has
// no exposure. Preconditions (unchecked): kappa, rate finite and >= 0; periods valid.
double NegativeBinomialInflation(double kappa, double rate, PeriodSeries periods);

}  // namespace docket::policies::stats
