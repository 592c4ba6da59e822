// BinomialTest: the exact binomial test and Clopper-Pearson interval, computed the way
// R's binom.test (R 4.2) computes them, so that a verdict can be checked against R.
// It is the engine under RateRatioTest. Pure function; thread-safe.
#pragma once

#include <cstdint>

#include "engine/base/status.h"
#include "policies/stats/alternative.h"

namespace docket::policies::stats {

struct BinomialTestOptions {
  double null_probability = 0.5;                     // p0, in [0, 1]
  Alternative alternative = Alternative::kTwoSided;  // R's default
  double confidence = 0.95;                          // in (0, 1)
};

struct BinomialTestResult {
  double estimate = 0;  // successes / trials; NaN when trials == 0
  double ci_low = 0;    // Clopper-Pearson bounds on the success probability; the
  double ci_high = 1;   // one-sided alternatives give [0, u] (less) or [l, 1] (greater)
  double p_value = 1;   // in [0, 1]
};

// Tests successes ~ Binomial(trials, p0).
// Two-sided p-value: R's rule, the total probability of outcomes whose probability is
// <= P(successes) * (1 + 1e-7). Unlike R, trials == 0 is accepted: p_value 1, the
// interval [0, 1], estimate NaN (there is no evidence either way).
// Cost: a few incomplete-beta evaluations plus O(log trials) pmf evaluations.
// Errors: kInvalidArgument naming the field (successes, trials, null_probability,
// confidence) for negative counts, successes > trials, counts above 2^53, p0 outside
// [0, 1], confidence outside (0, 1); kInternal if Boost.Math returns a non-finite value.
[[nodiscard]] StatusOr<BinomialTestResult> BinomialTest(int64_t successes, int64_t trials,
                                                        const BinomialTestOptions& options = {});

}  // namespace docket::policies::stats
