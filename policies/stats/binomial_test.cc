// Follows R's binom.test line by line where R's arithmetic order matters, so results
// agree with R to rounding. The one departure is the two-sided sum: R evaluates the pmf
// at every outcome on the far side of the mean; the pmf is monotone there, so a binary
// search for the first outcome below the threshold counts the same outcomes in
// O(log n) evaluations (1e6 trials stay fast).
#include "policies/stats/binomial_test.h"

#include <algorithm>
#include <boost/math/distributions/binomial.hpp>
#include <boost/math/special_functions/beta.hpp>
#include <cmath>
#include <limits>
#include <string>

#include "policies/stats/internal/boost_policy.h"
#include "policies/stats/internal/validate.h"

namespace docket::policies::stats {
namespace {

using internal::NoThrowPolicy;
using Binomial = boost::math::binomial_distribution<double, NoThrowPolicy>;

// P(X <= k) for integer-valued k (k < 0 and k >= n allowed).
double LowerTail(const Binomial& dist, double k) {
  const double n = dist.trials();
  const double p = dist.success_fraction();
  if (k < 0) return 0;
  if (k >= n) return 1;
  if (p == 0) return 1;
  if (p == 1) return 0;
  return boost::math::cdf(dist, k);
}

// P(X > k) for integer-valued k.
double UpperTail(const Binomial& dist, double k) {
  const double n = dist.trials();
  const double p = dist.success_fraction();
  if (k < 0) return 1;
  if (k >= n) return 0;
  if (p == 0) return 0;
  if (p == 1) return 1;
  return boost::math::cdf(boost::math::complement(dist, k));
}

double Pmf(const Binomial& dist, double k) { return boost::math::pdf(dist, k); }

// R: sum over i in [from, to] of (pmf(i) <= threshold), for a range where the pmf is
// non-increasing (descending == true) or non-decreasing.
double CountAtOrBelow(const Binomial& dist, double from, double to, double threshold,
                      bool descending) {
  if (from > to) return 0;
  double lo = from;
  double hi = to;
  if (descending) {
    // First index whose pmf is <= threshold; all after it also are.
    double first = to + 1;
    while (lo <= hi) {
      const double mid = std::floor(lo + (hi - lo) / 2);
      if (Pmf(dist, mid) <= threshold) {
        first = mid;
        hi = mid - 1;
      } else {
        lo = mid + 1;
      }
    }
    return to - first + 1;
  }
  // Last index whose pmf is <= threshold; all before it also are.
  double last = from - 1;
  while (lo <= hi) {
    const double mid = std::floor(lo + (hi - lo) / 2);
    if (Pmf(dist, mid) <= threshold) {
      last = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return last - from + 1;
}

double TwoSidedPValue(const Binomial& dist, double x) {
  const double n = dist.trials();
  const double p = dist.success_fraction();
  if (p == 0) return x == 0 ? 1 : 0;
  if (p == 1) return x == n ? 1 : 0;
  constexpr double kRelErr = 1 + 1e-7;
  const double d = Pmf(dist, x);
  const double m = n * p;
  if (x == m) return 1;
  if (x < m) {
    const double y = CountAtOrBelow(dist, std::ceil(m), n, d * kRelErr, /*descending=*/true);
    return LowerTail(dist, x) + UpperTail(dist, n - y);
  }
  const double y = CountAtOrBelow(dist, 0, std::floor(m), d * kRelErr, /*descending=*/false);
  return LowerTail(dist, y - 1) + UpperTail(dist, x - 1);
}

// R's p.L / p.U: Clopper-Pearson bounds from beta quantiles.
double LowerBound(double x, double n, double alpha) {
  if (x == 0) return 0;
  return boost::math::ibeta_inv(x, n - x + 1, alpha, NoThrowPolicy());
}

double UpperBound(double x, double n, double alpha) {
  if (x == n) return 1;
  return boost::math::ibeta_inv(x + 1, n - x, 1 - alpha, NoThrowPolicy());
}

Status CheckOptions(const BinomialTestOptions& options) {
  DOCKET_RETURN_IF_ERROR(internal::CheckClosedUnit("null_probability", options.null_probability));
  return internal::CheckOpenUnit("confidence", options.confidence);
}

}  // namespace

StatusOr<BinomialTestResult> BinomialTest(int64_t successes, int64_t trials,
                                          const BinomialTestOptions& options) {
  DOCKET_RETURN_IF_ERROR(internal::CheckCount("successes", successes));
  DOCKET_RETURN_IF_ERROR(internal::CheckCount("trials", trials));
  if (successes > trials) {
    return InvalidArgumentError("successes must be <= trials, got " + std::to_string(successes) +
                                " > " + std::to_string(trials));
  }
  DOCKET_RETURN_IF_ERROR(CheckOptions(options));
  BinomialTestResult result;
  if (trials == 0) {
    result.estimate = std::numeric_limits<double>::quiet_NaN();
    return result;
  }
  const double x = static_cast<double>(successes);
  const double n = static_cast<double>(trials);
  const Binomial dist(n, options.null_probability);
  const double conf = options.confidence;
  switch (options.alternative) {
    case Alternative::kLess:
      result.p_value = LowerTail(dist, x);
      result.ci_low = 0;
      result.ci_high = UpperBound(x, n, 1 - conf);
      break;
    case Alternative::kGreater:
      result.p_value = UpperTail(dist, x - 1);
      result.ci_low = LowerBound(x, n, 1 - conf);
      result.ci_high = 1;
      break;
    case Alternative::kTwoSided: {
      result.p_value = TwoSidedPValue(dist, x);
      const double alpha = (1 - conf) / 2;
      result.ci_low = LowerBound(x, n, alpha);
      result.ci_high = UpperBound(x, n, alpha);
      break;
    }
  }
  if (!std::isfinite(result.p_value) || !std::isfinite(result.ci_low) ||
      !std::isfinite(result.ci_high)) {
    return InternalError("binomial test produced a non-finite value for successes=" +
                         std::to_string(successes) + " trials=" + std::to_string(trials));
  }
  // Two disjoint tails can round to a hair above 1; R 4.2 reports that unclamped.
  result.p_value = std::min(1.0, std::max(0.0, result.p_value));
  result.estimate = x / n;
  return result;
}

}  // namespace docket::policies::stats
