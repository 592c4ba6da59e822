#include "policies/stats/trend_screen.h"

#include <cmath>
#include <string>

#include "policies/stats/internal/validate.h"
#include "policies/stats/multiple_testing.h"
#include "policies/stats/rate_ratio_test.h"

namespace docket::policies::stats {
namespace {

Status CheckOptions(const TrendScreenOptions& options) {
  if (options.min_count < 0) {
    return InvalidArgumentError("min_count must be >= 0, got " + std::to_string(options.min_count));
  }
  if (!std::isfinite(options.min_rate_ratio) || options.min_rate_ratio < 1) {
    return InvalidArgumentError("min_rate_ratio must be finite and >= 1, got " +
                                internal::FormatNumber(options.min_rate_ratio));
  }
  if (!(options.max_q > 0 && options.max_q <= 1)) {
    return InvalidArgumentError("max_q must be in (0, 1], got " +
                                internal::FormatNumber(options.max_q));
  }
  return internal::CheckOpenUnit("confidence", options.confidence);
}

// NaN (no events at all) clears no floor: every comparison with NaN is false.
bool ClearsEffectFloor(double ratio, const TrendScreenOptions& options) {
  const bool up = ratio >= options.min_rate_ratio;
  const bool down = ratio <= 1 / options.min_rate_ratio;
  switch (options.alternative) {
    case Alternative::kGreater:
      return up;
    case Alternative::kLess:
      return down;
    case Alternative::kTwoSided:
      return up || down;
  }
  return false;
}

TrendReason Classify(const TrendFinding& finding, const TrendScreenOptions& options) {
  if (finding.observed < options.min_count) return TrendReason::kBelowMinCount;
  if (!ClearsEffectFloor(finding.rate_ratio, options)) return TrendReason::kBelowEffectFloor;
  if (!(finding.q <= options.max_q)) return TrendReason::kNotSignificant;
  return TrendReason::kFlagged;
}

}  // namespace

std::string_view TrendReasonName(TrendReason reason) {
  switch (reason) {
    case TrendReason::kFlagged:
      return "flagged";
    case TrendReason::kBelowMinCount:
      return "below_min_count";
    case TrendReason::kBelowEffectFloor:
      return "below_effect_floor";
    case TrendReason::kNotSignificant:
      return "not_significant";
  }
  return "unknown";
}

StatusOr<std::vector<TrendFinding>> TrendScreen(std::span<const TrendUnit> units,
                                                const TrendScreenOptions& options) {
  DOCKET_RETURN_IF_ERROR(CheckOptions(options));
  const RateRatioOptions test_options{
      .null_ratio = 1.0, .alternative = options.alternative, .confidence = options.confidence};
  std::vector<TrendFinding> findings;
  findings.reserve(units.size());
  std::vector<double> p_values;
  p_values.reserve(units.size());
  for (size_t i = 0; i < units.size(); ++i) {
    const TrendUnit& unit = units[i];
    StatusOr<RateRatioResult> test = RateRatioTest({.current_count = unit.current_count,
                                                    .current_exposure = unit.current_exposure,
                                                    .baseline_count = unit.baseline_count,
                                                    .baseline_exposure = unit.baseline_exposure},
                                                   test_options);
    if (!test.ok()) return test.status().WithContext("units[" + std::to_string(i) + "]");
    findings.push_back({.observed = test->observed,
                        .baseline = test->baseline,
                        .expected = test->expected,
                        .rate_ratio = test->rate_ratio,
                        .ci_low = test->ci_low,
                        .ci_high = test->ci_high,
                        .p = test->p_value});
    p_values.push_back(test->p_value);
  }
  DOCKET_ASSIGN_OR_RETURN(const std::vector<double> q_values, BenjaminiHochberg(p_values));
  for (size_t i = 0; i < findings.size(); ++i) {
    findings[i].q = q_values[i];
    findings[i].reason = Classify(findings[i], options);
    findings[i].flagged = findings[i].reason == TrendReason::kFlagged;
  }
  return findings;
}

}  // namespace docket::policies::stats
