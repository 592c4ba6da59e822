#include "policies/stats/trend_screen.h"

#include <cmath>
#include <string>

#include "policies/stats/dispersion.h"
#include "policies/stats/internal/period_checks.h"
#include "policies/stats/internal/validate.h"
#include "policies/stats/multiple_testing.h"
#include "policies/stats/quasi_rate_ratio_test.h"

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

// The periods must describe the same baseline window as the totals.
Status CheckBaselinePeriods(const TrendUnit& unit) {
  if (unit.baseline_periods.empty()) {
    return InvalidArgumentError(
        "baseline_periods is empty; a dispersion model other than poisson needs the "
        "baseline window's period counts");
  }
  DOCKET_RETURN_IF_ERROR(
      internal::CheckPeriods(unit.baseline_periods).WithContext("baseline_periods"));
  int64_t count = 0;
  double exposure = 0;
  for (const PeriodCount& period : unit.baseline_periods) {
    count += period.count;
    exposure += period.exposure;
  }
  if (count != unit.baseline_count) {
    return InvalidArgumentError("baseline_periods counts add up to " + std::to_string(count) +
                                ", not baseline_count " + std::to_string(unit.baseline_count));
  }
  if (!(std::abs(exposure - unit.baseline_exposure) <= 1e-6 * unit.baseline_exposure)) {
    return InvalidArgumentError("baseline_periods exposures add up to " +
                                internal::FormatNumber(exposure) + ", not baseline_exposure " +
                                internal::FormatNumber(unit.baseline_exposure));
  }
  return Status::Ok();
}

// phi per unit under options.dispersion; all 1 under kPoisson. Units are validated by
// RateRatioTest later; only the periods are checked here.
StatusOr<std::vector<double>> UnitDispersions(std::span<const TrendUnit> units,
                                              const TrendScreenOptions& options) {
  std::vector<double> phi(units.size(), 1.0);
  if (options.dispersion == DispersionModel::kPoisson) return phi;
  std::vector<PeriodSeries> series;
  series.reserve(units.size());
  for (size_t i = 0; i < units.size(); ++i) {
    const Status status = CheckBaselinePeriods(units[i]);
    if (!status.ok()) return status.WithContext("units[" + std::to_string(i) + "]");
    series.push_back(units[i].baseline_periods);
  }
  if (options.dispersion == DispersionModel::kQuasiPoisson) {
    DOCKET_ASSIGN_OR_RETURN(const double pooled, EstimateQuasiPoissonDispersion(series));
    phi.assign(units.size(), pooled);
    return phi;
  }
  DOCKET_ASSIGN_OR_RETURN(const double kappa, EstimateNegativeBinomialDispersion(series));
  for (size_t i = 0; i < units.size(); ++i) {
    const TrendUnit& unit = units[i];
    const double exposure = unit.current_exposure + unit.baseline_exposure;
    const double rate =
        exposure > 0 ? static_cast<double>(unit.current_count + unit.baseline_count) / exposure
                     : 0;  // a bad exposure is reported by RateRatioTest
    phi[i] = std::isfinite(rate) ? NegativeBinomialInflation(kappa, rate, series[i]) : 1;
  }
  return phi;
}

// Whether some split of n = observed + baseline could be flagged: the smallest p-value
// attainable given n (a lower bound for kTwoSided) must not exceed max_q, since q >= p.
// Depends on n, p0 and phi only.
bool CanBeFlagged(int64_t n, double p0, double phi, const TrendScreenOptions& options) {
  if (n < options.min_count || n == 0) return false;
  const double effective_n = static_cast<double>(n) / phi;
  const double all_current = std::pow(p0, effective_n);
  const double none_current = std::pow(1 - p0, effective_n);
  switch (options.alternative) {
    case Alternative::kGreater:
      return all_current <= options.max_q;
    case Alternative::kLess:
      return none_current <= options.max_q;
    case Alternative::kTwoSided:
      return std::min(all_current, none_current) <= options.max_q;
  }
  return true;
}

// BH over the units not filtered out; filtered units keep q = 1.
Status AssignQValues(std::vector<TrendFinding>& findings) {
  std::vector<double> p_values;
  p_values.reserve(findings.size());
  for (const TrendFinding& finding : findings) {
    if (!finding.filtered) p_values.push_back(finding.p);
  }
  DOCKET_ASSIGN_OR_RETURN(const std::vector<double> q_values, BenjaminiHochberg(p_values));
  size_t next = 0;
  for (TrendFinding& finding : findings) finding.q = finding.filtered ? 1 : q_values[next++];
  return Status::Ok();
}

}  // namespace

std::string_view DispersionModelName(DispersionModel model) {
  switch (model) {
    case DispersionModel::kPoisson:
      return "poisson";
    case DispersionModel::kQuasiPoisson:
      return "quasi_poisson";
    case DispersionModel::kNegativeBinomial:
      return "negative_binomial";
  }
  return "unknown";
}

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
  DOCKET_ASSIGN_OR_RETURN(const std::vector<double> phi, UnitDispersions(units, options));
  const RateRatioOptions test_options{
      .null_ratio = 1.0, .alternative = options.alternative, .confidence = options.confidence};
  std::vector<TrendFinding> findings;
  findings.reserve(units.size());
  for (size_t i = 0; i < units.size(); ++i) {
    const TrendUnit& unit = units[i];
    StatusOr<RateRatioResult> test =
        QuasiRateRatioTest({.current_count = unit.current_count,
                            .current_exposure = unit.current_exposure,
                            .baseline_count = unit.baseline_count,
                            .baseline_exposure = unit.baseline_exposure},
                           phi[i], test_options);
    if (!test.ok()) return test.status().WithContext("units[" + std::to_string(i) + "]");
    const bool kept =
        !options.independent_filtering ||
        CanBeFlagged(test->observed + test->baseline, test->null_proportion, phi[i], options);
    findings.push_back({.observed = test->observed,
                        .baseline = test->baseline,
                        .expected = test->expected,
                        .rate_ratio = test->rate_ratio,
                        .ci_low = test->ci_low,
                        .ci_high = test->ci_high,
                        .p = test->p_value,
                        .dispersion = phi[i],
                        .filtered = !kept});
  }
  DOCKET_RETURN_IF_ERROR(AssignQValues(findings));
  for (TrendFinding& finding : findings) {
    finding.reason = Classify(finding, options);
    finding.flagged = finding.reason == TrendReason::kFlagged;
  }
  return findings;
}

}  // namespace docket::policies::stats
