// RateRatioTest: the exact conditional test comparing two Poisson rates with exposures
// (a current window against a baseline), as R's
// poisson.test(c(x1, x2), c(T1, T2), r = r0, alternative = ..., conf.level = ...).
// Conditional on n = x1 + x2 events, x1 ~ Binomial(n, p0) with
// p0 = r0*T1 / (r0*T1 + T2) under H0 "rate1 / rate2 = r0"; the test and the
// Clopper-Pearson interval come from BinomialTest and the interval is mapped to the
// ratio scale by p/(1-p) * T2/T1. Assumptions: counts are Poisson (independent events,
// rate proportional to exposure) in both windows. Pure function; thread-safe.
#pragma once

#include <cstdint>

#include "engine/base/status.h"
#include "policies/stats/alternative.h"

namespace docket::policies::stats {

// Events and exposure (sessions, installs, hours...) in two windows. Exposures share a
// unit; only their ratio matters.
struct RateRatioCounts {
  int64_t current_count = 0;     // x1
  double current_exposure = 0;   // T1, finite and > 0
  int64_t baseline_count = 0;    // x2
  double baseline_exposure = 0;  // T2, finite and > 0
};

struct RateRatioOptions {
  double null_ratio = 1.0;                           // r0, finite and > 0
  Alternative alternative = Alternative::kTwoSided;  // R's default; the gate uses kGreater
  double confidence = 0.95;                          // in (0, 1)
};

struct RateRatioResult {
  int64_t observed = 0;  // x1, events in the current window
  int64_t baseline = 0;  // x2, events in the baseline window
  // x2 * T1 / T2: the baseline rate applied to the current exposure (the count a
  // reader expects to see if nothing changed).
  double expected = 0;
  // n * p0: the count expected under H0 given n. Equals R's "expected count1" when
  // r0 == 1; for r0 != 1, R 4.2 prints n*r0*T1/(T1 + r0*T2), which is not n*p0.
  double expected_conditional = 0;
  double null_proportion = 0;  // p0
  // (x1/T1) / (x2/T2). x2 == 0: +inf when x1 > 0, NaN when x1 == 0 (no events at all:
  // no estimate).
  double rate_ratio = 0;
  // Confidence interval for the ratio. The one-sided alternatives give [0, u] (less) or
  // [l, +inf] (greater). ci_high is +inf whenever x2 == 0; n == 0 gives [0, +inf].
  double ci_low = 0;
  double ci_high = 0;
  double p_value = 1;  // in [0, 1]; 1 when n == 0
};

// Errors: kInvalidArgument naming the field (current_count, current_exposure,
// baseline_count, baseline_exposure, null_ratio, confidence) for negative or > 2^53
// counts, non-finite or non-positive exposures or null ratio, confidence outside
// (0, 1); kInternal if Boost.Math returns a non-finite value.
[[nodiscard]] StatusOr<RateRatioResult> RateRatioTest(const RateRatioCounts& counts,
                                                      const RateRatioOptions& options = {});

}  // namespace docket::policies::stats
