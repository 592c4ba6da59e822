// TrendScreen: the spike screen of one evaluation (one release candidate). For each unit
// (feature area or theme) it runs RateRatioTest on current vs baseline counts with
// exposures, adjusts the p-values of all units together with Benjamini-Hochberg, and
// flags a unit when all three hold:
//   observed >= min_count, the point estimate clears the effect floor, q <= max_q.
// By default the counts are taken as Poisson and the test is exact. Optionally the
// screen estimates the counts' overdispersion from every unit's baseline period counts
// (dispersion.h) and tests each unit with QuasiRateRatioTest, and optionally it leaves
// units that cannot reach significance out of the BH family (independent filtering).
// Consumers: the `trends` workflow step and the gate policy evaluator; the fields of
// TrendFinding are the evidence they record. Pure function; thread-safe.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "engine/base/status.h"
#include "policies/stats/alternative.h"
#include "policies/stats/period_count.h"

namespace docket::policies::stats {

struct TrendUnit {
  int64_t current_count = 0;     // events since the release candidate, >= 0
  double current_exposure = 0;   // exposure of the current window, finite and > 0
  int64_t baseline_count = 0;    // events in the baseline window, >= 0
  double baseline_exposure = 0;  // exposure of the baseline window, finite and > 0
  // The baseline window split into periods (days, say), borrowed: it must outlive the
  // TrendScreen call. Needed only when options.dispersion != kPoisson; then the counts
  // must add up to baseline_count and the exposures to baseline_exposure (relative
  // tolerance 1e-6).
  std::span<const PeriodCount> baseline_periods = {};
};

// How the screen models the variance of the counts.
enum class DispersionModel {
  // "poisson": counts are Poisson; the exact conditional test (R's poisson.test).
  kPoisson,
  // "quasi_poisson": Var = phi * mean with one phi for every unit, estimated by
  // EstimateQuasiPoissonDispersion from the baseline periods; every unit is tested
  // with QuasiRateRatioTest(phi).
  kQuasiPoisson,
  // "negative_binomial": Var = mean + kappa * (period mean)^2 with one kappa for every
  // unit, estimated by EstimateNegativeBinomialDispersion from the baseline periods;
  // unit i is tested with QuasiRateRatioTest(phi_i), phi_i =
  // NegativeBinomialInflation(kappa, n_i / (T1 + T2), baseline_periods_i): its pooled
  // H0 rate times the exposure of a typical baseline period (the current window is
  // assumed to be cut into periods no larger than the baseline's). Large units get
  // large phi, small ones stay near 1 (Poisson noise dominates there).
  kNegativeBinomial,
};

// The machine-readable spelling above.
std::string_view DispersionModelName(DispersionModel model);

struct TrendScreenOptions {
  // Units with fewer current events are never flagged (too little data to act on).
  int64_t min_count = 5;
  // Effect floor on the point estimate of the rate ratio, >= 1. kGreater: ratio >=
  // floor; kLess: ratio <= 1/floor; kTwoSided: either.
  double min_rate_ratio = 1.5;
  double max_q = 0.05;                              // BH q threshold, in (0, 1]
  Alternative alternative = Alternative::kGreater;  // direction of interest
  double confidence = 0.95;                         // of ci_low/ci_high, in (0, 1)
  DispersionModel dispersion = DispersionModel::kPoisson;
  // Leave out of the BH family every unit that cannot be flagged whatever its split of
  // n = observed + baseline: n < min_count, or the smallest p-value attainable given n
  // (all n events current for kGreater, none for kLess, the better of the two for
  // kTwoSided) above max_q. The filter depends on n (and exposures, dispersion) only,
  // which under H0 is independent of the conditional test statistic, so BH on the kept
  // units still controls the FDR (Bourgon, Gentleman & Huber, PNAS 2010); it can only
  // raise power.
  bool independent_filtering = false;
};

// Why a unit was not flagged; checked in this order, the first that applies wins.
enum class TrendReason {
  kFlagged,           // "flagged": every condition holds
  kBelowMinCount,     // "below_min_count": observed < min_count
  kBelowEffectFloor,  // "below_effect_floor": the point estimate misses the floor
                      // (also when it is undefined: no events in either window)
  kNotSignificant,    // "not_significant": q > max_q
};

// The machine-readable spelling above.
std::string_view TrendReasonName(TrendReason reason);

struct TrendFinding {
  int64_t observed = 0;   // current_count
  int64_t baseline = 0;   // baseline_count
  double expected = 0;    // baseline rate applied to the current exposure
  double rate_ratio = 0;  // (observed/current_exposure) / (baseline/baseline_exposure);
                          // +inf if baseline == 0 < observed, NaN if both are 0
  double ci_low = 0;      // confidence interval for the ratio (RateRatioTest);
  double ci_high = 0;     // one-sided alternatives give a one-sided interval
  double p = 1;           // exact conditional p-value for `alternative` (with dispersion
                          // != 1: QuasiRateRatioTest's p-value)
  double q = 1;           // BH q-value across the units of this screen; 1 when filtered
  bool flagged = false;
  double dispersion = 1;  // phi this unit was tested with; 1 under kPoisson
  bool filtered = false;  // left out of the BH family by independent filtering
  TrendReason reason = TrendReason::kNotSignificant;
};

// One finding per unit, in input order. Without independent filtering every unit counts
// in the BH family, including those below min_count.
// Errors: kInvalidArgument naming the field ("units[3].current_exposure", "min_count",
// "min_rate_ratio", "max_q", "confidence", "units[3].baseline_periods" when a
// dispersion model needs periods that are missing or do not add up).
[[nodiscard]] StatusOr<std::vector<TrendFinding>> TrendScreen(
    std::span<const TrendUnit> units, const TrendScreenOptions& options = {});

}  // namespace docket::policies::stats
