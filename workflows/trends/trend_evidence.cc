// Counting is one pass over the records into sorted maps, so instance order (and with
// it the BH family order and the evidence bytes) depends only on the keys.
#include "workflows/trends/trend_evidence.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "policies/stats/poisson_cusum.h"

namespace docket::workflows::trends {
namespace {

using policies::EvidenceInstance;
using policies::stats::TrendFinding;
using policies::stats::TrendUnit;
using Value = policies::expr::Value;

struct Tally {
  int64_t current = 0;
  int64_t baseline = 0;
  int64_t current_high = 0;
  std::vector<int64_t> baseline_days;  // baseline volume per day of the baseline window
  std::vector<int64_t> current_hours;  // current volume per hour of the current window
};

// The current window cut into hours, with the open (non-excluded) part of each: the
// periods of the CUSUM watch statistic.
struct CurrentHours {
  std::vector<double> hours;
  Timestamp start{};

  CurrentHours(const TrendWindows& w, const WindowConfig& config) : start(w.current.start) {
    for (Timestamp t = w.current.start; t < w.current.end; t += std::chrono::hours(1)) {
      hours.push_back(
          OpenHours({t, std::min(t + std::chrono::hours(1), w.current.end)}, config.excluded_periods));
    }
  }
  size_t IndexOf(Timestamp t) const {
    return static_cast<size_t>((t - start) / std::chrono::hours(1));
  }
};

// Upper Poisson CUSUM over the current window's hours against the baseline rate (a
// baseline of 0 events counts as half an event, so the rate stays positive): the largest
// statistic and whether it crossed `threshold`, for policies that watch a window as it
// fills rather than only its total.
void AddCusum(const Tally& t, const CurrentHours& hours, double baseline_exposure,
              double threshold, policies::NamedValues& metrics) {
  std::vector<policies::stats::PeriodCount> periods;
  for (size_t h = 0; h < hours.hours.size(); ++h) {
    periods.push_back({h < t.current_hours.size() ? t.current_hours[h] : 0, hours.hours[h]});
  }
  const double rate = (static_cast<double>(t.baseline) + (t.baseline == 0 ? 0.5 : 0.0)) /
                      baseline_exposure;
  StatusOr<policies::stats::CusumPath> path =
      policies::stats::PoissonCusum(periods, {.in_control_rate = rate, .detect_ratio = 2.0,
                                              .threshold = threshold});
  if (!path.ok() || path->statistic.empty()) return;
  metrics["cusum"] = Value::Number(*std::max_element(path->statistic.begin(), path->statistic.end()));
  metrics["cusum_alarm"] = Value::Bool(path->first_alarm.has_value());
}

// The baseline window cut into days (the last one may be shorter), with the open hours
// of each: the periods the dispersion models estimate day-to-day variation from.
struct BaselineDays {
  std::vector<double> hours;
  const TrendWindows& windows;

  // `exposures`: the caller's per-day exposure (sessions); empty: open hours.
  BaselineDays(const TrendWindows& w, const WindowConfig& config,
               const std::vector<double>& exposures)
      : windows(w) {
    for (size_t d = 0; d < BaselineDayCount(w); ++d) {
      const Timestamp start = w.baseline.start + d * std::chrono::hours(24);
      const TimeRange day{start, std::min(start + std::chrono::hours(24), w.baseline.end)};
      hours.push_back(exposures.empty() ? OpenHours(day, config.excluded_periods) : exposures[d]);
    }
  }
  size_t IndexOf(Timestamp t) const { return BaselineDayOf(windows, t); }
};

struct Dimension {
  const char* name;
  std::string (*key)(const FeedbackRecord&);
};

std::string AreaKey(const FeedbackRecord& r) {
  return r.feature_area().empty() ? "unassigned" : r.feature_area();
}
std::string SeverityKey(const FeedbackRecord& r) {
  return r.severity().empty() ? "unrated" : r.severity();
}
std::string ThemeKey(const FeedbackRecord& r) { return r.theme(); }
std::string AreaSeverityKey(const FeedbackRecord& r) { return AreaKey(r) + "/" + SeverityKey(r); }

constexpr Dimension kDimensions[] = {{"feature_area", AreaKey},
                                     {"severity", SeverityKey},
                                     {"area_severity", AreaSeverityKey},
                                     {"theme", ThemeKey}};

Value Num(double v) { return Value::Number(v); }

std::vector<EvidenceInstance> Screen(const std::map<std::string, Tally>& tallies,
                                     double current_exposure, double baseline_exposure,
                                     int64_t current_total, const BaselineDays* days,
                                     const CurrentHours& hours, double cusum_threshold,
                                     const policies::stats::TrendScreenOptions& options,
                                     Status& status) {
  std::vector<TrendUnit> units;
  std::vector<std::vector<policies::stats::PeriodCount>> periods(tallies.size());
  size_t u = 0;
  for (const auto& [key, t] : tallies) {
    units.push_back({t.current, current_exposure, t.baseline, baseline_exposure});
    if (days != nullptr) {
      for (size_t d = 0; d < days->hours.size(); ++d) {
        periods[u].push_back({d < t.baseline_days.size() ? t.baseline_days[d] : 0, days->hours[d]});
      }
      units.back().baseline_periods = periods[u];
    }
    ++u;
  }
  StatusOr<std::vector<TrendFinding>> findings = policies::stats::TrendScreen(units, options);
  if (!findings.ok()) {
    status = findings.status();
    return {};
  }
  std::vector<EvidenceInstance> out;
  size_t i = 0;
  for (const auto& [key, t] : tallies) {
    const TrendFinding& f = (*findings)[i++];
    EvidenceInstance instance{.key = key};
    auto& m = instance.metrics;
    m["observed"] = Num(static_cast<double>(f.observed));
    m["baseline"] = Num(static_cast<double>(f.baseline));
    m["expected"] = Num(f.expected);
    m["rate_ratio"] = Num(f.rate_ratio);
    m["ci_low"] = Num(f.ci_low);
    m["ci_high"] = Num(f.ci_high);
    m["p"] = Num(f.p);
    m["q"] = Num(f.q);
    m["flagged"] = Value::Bool(f.flagged);
    m["dispersion"] = Num(f.dispersion);
    m["filtered"] = Value::Bool(f.filtered);
    AddCusum(t, hours, baseline_exposure, cusum_threshold, m);
    m["screen"] = Value::String(std::string(policies::stats::TrendReasonName(f.reason)));
    m["share"] = Num(current_total == 0 ? 0.0
                                        : static_cast<double>(t.current) /
                                              static_cast<double>(current_total));
    m["high"] = Num(static_cast<double>(t.current_high));
    m["high_share"] = Num(t.current == 0 ? 0.0
                                         : static_cast<double>(t.current_high) /
                                               static_cast<double>(t.current));
    out.push_back(std::move(instance));
  }
  return out;
}

struct RatingMean {
  double sum = 0;
  int64_t n = 0;
  Value Mean() const { return n == 0 ? Value::Missing() : Num(sum / static_cast<double>(n)); }
};

}  // namespace

StatusOr<policies::Evidence> BuildTrendEvidence(
    const google::protobuf::RepeatedPtrField<FeedbackRecord>& records,
    const TrendCandidate& candidate, const TrendWindows& windows,
    const WindowConfig& window_config, const TrendConfig& config) {
  const double current_exposure = config.current_exposure.value_or(windows.current_hours);
  const double baseline_exposure = config.baseline_exposure.value_or(windows.baseline_hours);
  // Day-to-day variation is estimated from hours-exposure days; with another exposure
  // the caller has no per-day exposure to give, and the screen stays exact Poisson.
  policies::stats::TrendScreenOptions screen = config.screen;
  std::optional<BaselineDays> days;
  const CurrentHours hours(windows, window_config);
  static const std::vector<double> kHours;
  const std::vector<double>* day_exposure = &kHours;
  if (config.baseline_exposure.has_value()) {
    const size_t day_count = BaselineDayCount(windows);
    if (config.baseline_day_exposure && config.baseline_day_exposure->size() == day_count) {
      day_exposure = &*config.baseline_day_exposure;
    } else {
      screen.dispersion = policies::stats::DispersionModel::kPoisson;
    }
  }
  if (screen.dispersion != policies::stats::DispersionModel::kPoisson) {
    days.emplace(windows, window_config, *day_exposure);
  }
  for (double e : {current_exposure, baseline_exposure}) {
    if (!std::isfinite(e) || e <= 0) {
      return InvalidArgumentError("trends: exposure must be finite and positive, got " +
                                  std::to_string(e));
    }
  }
  std::map<std::string, Tally> tallies[std::size(kDimensions)];
  int64_t current_total = 0;
  int64_t baseline_total = 0;
  RatingMean current_rating;
  RatingMean baseline_rating;
  std::map<std::string, Timestamp> newest_by_source;
  std::optional<Timestamp> newest;
  bool any_theme = false;
  for (const FeedbackRecord& r : records) {
    const Timestamp t{std::chrono::microseconds(r.created_at_us())};
    if (t < windows.evaluate_at && t >= windows.baseline.start) {
      Timestamp& s = newest_by_source[r.source()];
      s = std::max(s, t);
      newest = std::max(newest.value_or(t), t);
    }
    if (TrendWindows::Excluded(window_config, t)) continue;
    const bool current = windows.current.Contains(t) && r.release_version() == candidate.version;
    const bool baseline =
        windows.baseline.Contains(t) && r.release_version() != candidate.version &&
        std::find(config.excluded_versions.begin(), config.excluded_versions.end(),
                  r.release_version()) == config.excluded_versions.end();
    if (!current && !baseline) continue;
    const int64_t volume = 1 + static_cast<int64_t>(r.duplicate_count());
    (current ? current_total : baseline_total) += volume;
    if (r.rating() > 0) {
      RatingMean& m = current ? current_rating : baseline_rating;
      m.sum += static_cast<double>(r.rating()) * static_cast<double>(volume);
      m.n += volume;
    }
    any_theme = any_theme || !r.theme().empty();
    for (size_t d = 0; d < std::size(kDimensions); ++d) {
      const std::string key = kDimensions[d].key(r);
      if (key.empty()) continue;
      Tally& tally = tallies[d][key];
      if (current) {
        tally.current += volume;
        if (tally.current_hours.empty()) tally.current_hours.resize(hours.hours.size());
        tally.current_hours[hours.IndexOf(t)] += volume;
        if (r.severity() == "high") tally.current_high += volume;
      } else {
        tally.baseline += volume;
        if (days) {
          if (tally.baseline_days.empty()) tally.baseline_days.resize(days->hours.size());
          tally.baseline_days[days->IndexOf(t)] += volume;
        }
      }
    }
  }
  policies::Evidence e;
  Status status;
  for (size_t d = 0; d < std::size(kDimensions); ++d) {
    if (std::string_view(kDimensions[d].name) == "theme" && !any_theme) continue;
    e.dimensions[kDimensions[d].name] =
        Screen(tallies[d], current_exposure, baseline_exposure, current_total,
               days ? &*days : nullptr, hours, config.cusum_threshold, screen, status);
    DOCKET_RETURN_IF_ERROR(status);
  }
  e.globals["release.id"] = Value::String(candidate.id);
  e.globals["release.version"] = Value::String(candidate.version);
  e.globals["records.current"] = Num(static_cast<double>(current_total));
  e.globals["records.baseline"] = Num(static_cast<double>(baseline_total));
  e.globals["exposure.current"] = Num(current_exposure);
  e.globals["exposure.baseline"] = Num(baseline_exposure);
  e.globals["window.current_hours"] = Num(windows.current_hours);
  e.globals["window.baseline_hours"] = Num(windows.baseline_hours);
  e.globals["rating.current_mean"] = current_rating.Mean();
  e.globals["rating.baseline_mean"] = baseline_rating.Mean();
  e.records_current = static_cast<uint64_t>(current_total);
  const auto seconds = [&](Timestamp t) {
    return std::chrono::duration_cast<std::chrono::seconds>(windows.evaluate_at - t).count();
  };
  for (const auto& [source, t] : newest_by_source) {
    e.source_silence_s[source.empty() ? "unknown" : source] = seconds(t);
  }
  if (newest) e.ingestion_lag_s = seconds(*newest);
  return e;
}

}  // namespace docket::workflows::trends
