// TrendScreen: the spike screen of one evaluation (one release candidate). For each unit
// (feature area or theme) it runs RateRatioTest on current vs baseline counts with
// exposures, adjusts the p-values of all units together with Benjamini-Hochberg, and
// flags a unit when all three hold:
//   observed >= min_count, the point estimate clears the effect floor, q <= max_q.
// Consumers: the `trends` workflow step and the gate policy evaluator; the fields of
// TrendFinding are the evidence they record. Pure function; thread-safe.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "engine/base/status.h"
#include "policies/stats/alternative.h"

namespace docket::policies::stats {

struct TrendUnit {
  int64_t current_count = 0;     // events since the release candidate, >= 0
  double current_exposure = 0;   // exposure of the current window, finite and > 0
  int64_t baseline_count = 0;    // events in the baseline window, >= 0
  double baseline_exposure = 0;  // exposure of the baseline window, finite and > 0
};

struct TrendScreenOptions {
  // Units with fewer current events are never flagged (too little data to act on).
  int64_t min_count = 5;
  // Effect floor on the point estimate of the rate ratio, >= 1. kGreater: ratio >=
  // floor; kLess: ratio <= 1/floor; kTwoSided: either.
  double min_rate_ratio = 1.5;
  double max_q = 0.05;                              // BH q threshold, in (0, 1]
  Alternative alternative = Alternative::kGreater;  // direction of interest
  double confidence = 0.95;                         // of ci_low/ci_high, in (0, 1)
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
  double p = 1;           // exact conditional p-value for `alternative`
  double q = 1;           // BH q-value across all units of this screen
  bool flagged = false;
  TrendReason reason = TrendReason::kNotSignificant;
};

// One finding per unit, in input order. Every unit counts in the BH family, including
// those below min_count, so the screen's false discovery rate stays controlled.
// Errors: kInvalidArgument naming the field ("units[3].current_exposure", "min_count",
// "min_rate_ratio", "max_q", "confidence").
[[nodiscard]] StatusOr<std::vector<TrendFinding>> TrendScreen(
    std::span<const TrendUnit> units, const TrendScreenOptions& options = {});

}  // namespace docket::policies::stats
