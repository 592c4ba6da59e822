#include "workflows/steps/trends_step.h"

#include <boost/json.hpp>

#include <algorithm>

#include "engine/base/time_format.h"
#include "policies/evidence_json.h"
#include "workflows/steps/artifact_kinds.h"
#include "workflows/steps/records_artifact.h"
#include "workflows/steps/release_catalog.h"
#include "workflows/trends/signal_evidence.h"
#include "workflows/trends/telemetry_exposure.h"
#include "workflows/trends/trend_evidence.h"

namespace docket::workflows {
namespace {

namespace json = boost::json;
using engine::Diagnostic;
using trends::TimeRange;

struct TrendsStepConfig {
  trends::WindowConfig windows;
  trends::TrendConfig trend;
  std::string release_param;
  std::string excluded_param;
  std::string exposure_metric;  // telemetry metric counting exposure; empty: hours
};

// Release ids (or versions) from a comma-separated param, as versions of `catalog`.
// Ids the catalog does not know are returned in `unknown`: a ledger may hold
// invalidations of candidates that are no longer in the releases file.
std::vector<std::string> ExcludedVersions(const ReleaseCatalog& catalog, std::string_view list,
                                          std::vector<std::string>& unknown) {
  std::vector<std::string> versions;
  while (!list.empty()) {
    const size_t comma = list.find(',');
    std::string_view item = list.substr(0, comma);
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (item.empty()) continue;
    bool found = false;
    for (const ReleaseCandidate& rc : catalog.releases) {
      if (rc.id == item || rc.version == item) {
        versions.push_back(rc.version);
        found = true;
      }
    }
    if (!found) unknown.emplace_back(item);
  }
  return versions;
}

// At most one file on an optional input port.
StatusOr<const engine::Artifact*> OptionalFile(engine::StepContext& ctx, std::string_view port) {
  const auto& files = ctx.inputs(port);
  if (files.size() > 1) {
    return InvalidArgumentError("trends: input `" + std::string(port) + "` takes one file, got " +
                                std::to_string(files.size()));
  }
  return files.empty() ? nullptr : &files[0];
}

class TrendsStep final : public engine::Step {
 public:
  explicit TrendsStep(TrendsStepConfig config) : config_(std::move(config)) {}

  StatusOr<engine::StepOutputs> Run(engine::StepContext& ctx) override {
    const auto& releases = ctx.inputs("releases");
    if (releases.size() != 1) {
      return InvalidArgumentError("trends needs exactly one releases file, got " +
                                  std::to_string(releases.size()));
    }
    DOCKET_ASSIGN_OR_RETURN(ReleaseCatalog catalog,
                            ParseReleaseCatalog(releases[0].name, releases[0].data()));
    auto param = ctx.params().find(config_.release_param);
    DOCKET_ASSIGN_OR_RETURN(
        ReleaseCandidate rc,
        catalog.Select(param == ctx.params().end() ? std::string_view() : param->second));
    trends::TrendConfig trend = config_.trend;
    std::vector<std::string> unknown;
    if (auto excluded = ctx.params().find(config_.excluded_param);
        excluded != ctx.params().end()) {
      for (std::string& v : ExcludedVersions(catalog, excluded->second, unknown)) {
        if (v != rc.version) trend.excluded_versions.push_back(std::move(v));
      }
    }
    DOCKET_ASSIGN_OR_RETURN(trends::TrendWindows windows,
                            trends::ComputeWindows(rc.exposure_start, rc.evaluate_at,
                                                   ctx.logical_now(), config_.windows));
    DOCKET_ASSIGN_OR_RETURN(std::optional<signals::TelemetrySeriesSet> telemetry,
                            ParseTelemetry(ctx));
    DOCKET_RETURN_IF_ERROR(UseSessionExposure(telemetry, rc, windows, trend));
    DOCKET_ASSIGN_OR_RETURN(std::unique_ptr<RecordBatch> input,
                            ParseRecordsBatch(ctx.inputs("records")[0]));
    DOCKET_ASSIGN_OR_RETURN(
        policies::Evidence evidence,
        trends::BuildTrendEvidence(input->batch().records(), {rc.id, rc.version}, windows,
                                   config_.windows, trend));
    std::sort(trend.excluded_versions.begin(), trend.excluded_versions.end());
    trend.excluded_versions.erase(
        std::unique(trend.excluded_versions.begin(), trend.excluded_versions.end()),
        trend.excluded_versions.end());
    std::vector<policies::expr::Value> excluded_values;
    for (const std::string& v : trend.excluded_versions) {
      excluded_values.push_back(policies::expr::Value::String(v));
    }
    evidence.globals["baseline.excluded_versions"] =
        policies::expr::Value::List(std::move(excluded_values));
    DOCKET_RETURN_IF_ERROR(AddSignals(ctx, rc, windows, telemetry, evidence));
    evidence.globals["release.evaluate_at"] =
        policies::expr::Value::String(FormatRfc3339(windows.evaluate_at));
    evidence.globals["window.current_start"] =
        policies::expr::Value::String(FormatRfc3339(windows.current.start));
    evidence.globals["window.baseline_start"] =
        policies::expr::Value::String(FormatRfc3339(windows.baseline.start));
    evidence.globals["product"] = policies::expr::Value::String(catalog.product);
    ctx.SetMetric("excluded_unknown", static_cast<int64_t>(unknown.size()));
    ctx.SetMetric("records_current", static_cast<int64_t>(evidence.records_current.value_or(0)));
    int64_t flagged = 0;
    for (const auto& [dimension, instances] : evidence.dimensions) {
      for (const auto& instance : instances) {
        const auto it = instance.metrics.find("flagged");
        flagged += it != instance.metrics.end() && it->second.bool_value() ? 1 : 0;
      }
    }
    ctx.SetMetric("flagged", flagged);
    return engine::StepOutputs{
        {"evidence",
         engine::Artifact::Make(kKindEvidence, kMediaJson, "evidence.json",
                                JsonToPrettyString(policies::EvidenceToJson(evidence)))}};
  }

 private:
  static StatusOr<std::optional<signals::TelemetrySeriesSet>> ParseTelemetry(
      engine::StepContext& ctx) {
    DOCKET_ASSIGN_OR_RETURN(const engine::Artifact* file, OptionalFile(ctx, "telemetry"));
    if (file == nullptr) return std::optional<signals::TelemetrySeriesSet>();
    DOCKET_ASSIGN_OR_RETURN(signals::TelemetrySeriesSet set,
                            signals::ParseTelemetrySeries(file->name, file->data()));
    return std::optional<signals::TelemetrySeriesSet>(std::move(set));
  }

  // With `exposure_metric` set, rates are per session (or whatever the metric counts).
  Status UseSessionExposure(const std::optional<signals::TelemetrySeriesSet>& telemetry,
                            const ReleaseCandidate& rc, const trends::TrendWindows& windows,
                            trends::TrendConfig& trend) const {
    if (config_.exposure_metric.empty()) return Status::Ok();
    if (!telemetry) {
      return InvalidArgumentError("trends: exposure_metric `" + config_.exposure_metric +
                                  "` needs the `telemetry` input");
    }
    DOCKET_ASSIGN_OR_RETURN(
        trends::SessionExposure exposure,
        trends::ExposureFromTelemetry(*telemetry, config_.exposure_metric, rc.version,
                                      trend.excluded_versions, windows, config_.windows));
    trend.current_exposure = exposure.current;
    trend.baseline_exposure = exposure.baseline;
    trend.baseline_day_exposure = std::move(exposure.baseline_days);
    return Status::Ok();
  }

  static Status AddSignals(engine::StepContext& ctx, const ReleaseCandidate& rc,
                           const trends::TrendWindows& w,
                           const std::optional<signals::TelemetrySeriesSet>& telemetry,
                           policies::Evidence& evidence) {
    DOCKET_ASSIGN_OR_RETURN(const engine::Artifact* junit, OptionalFile(ctx, "junit"));
    if (junit != nullptr) {
      DOCKET_ASSIGN_OR_RETURN(signals::JunitReport report,
                              signals::ParseJunitReport(junit->name, junit->data()));
      trends::AddRegressionEvidence(report, evidence);
    }
    DOCKET_ASSIGN_OR_RETURN(const engine::Artifact* flags, OptionalFile(ctx, "flags"));
    if (flags != nullptr) {
      DOCKET_ASSIGN_OR_RETURN(signals::FeatureFlagSet set,
                              signals::ParseFeatureFlags(flags->name, flags->data()));
      trends::AddFlagEvidence(set, evidence);
    }
    if (telemetry) {
      trends::AddTelemetryEvidence(*telemetry, rc.version, {w.current.start, w.current.end},
                                   {w.baseline.start, w.baseline.end}, evidence);
    }
    return Status::Ok();
  }

  TrendsStepConfig config_;
};

// "2026-10-01T00:00:00Z/2026-10-01T06:00:00Z" -> TimeRange.
std::optional<TimeRange> ParsePeriod(const std::string& text) {
  const size_t slash = text.find('/');
  if (slash == std::string::npos) return std::nullopt;
  StatusOr<Timestamp> start = ParseRfc3339(std::string_view(text).substr(0, slash));
  StatusOr<Timestamp> end = ParseRfc3339(std::string_view(text).substr(slash + 1));
  if (!start.ok() || !end.ok() || *end <= *start) return std::nullopt;
  return TimeRange{*start, *end};
}

}  // namespace

engine::StepTypeSpec TrendsStepSpec() {
  using engine::ConfigType;
  engine::StepTypeSpec spec;
  spec.type = "trends";
  spec.doc = "The gate's evidence: feedback rates since the release candidate against "
             "its baseline (exact rate-ratio test, BH), guards and release signals "
             "(docs/trends.md).";
  spec.inputs = {
      {.name = "records", .kind = kKindRecords},
      {.name = "releases", .kind = kKindReleasesFile},
      {.name = "junit", .kind = kKindJunitFile, .optional = true,
       .doc = "the regression suite's JUnit XML report (docs/signals.md)"},
      {.name = "flags", .kind = kKindFeatureFlagsFile, .optional = true,
       .doc = "feature-flag state, flagd JSON (docs/signals.md)"},
      {.name = "telemetry", .kind = kKindTelemetryFile, .optional = true,
       .doc = "telemetry series CSV: timestamp,metric,value[,release,region]"}};
  spec.outputs = {{.name = "evidence", .kind = kKindEvidence}};
  spec.config.fields = {
      {.name = "window", .type = ConfigType::kDuration, .default_value = "48h",
       .doc = "length of the current window", .min = 60, .max = 86400.0 * 365},
      {.name = "anchor", .type = ConfigType::kString, .default_value = "evaluate_at",
       .doc = "current window ends at the evaluation time, or starts at first exposure",
       .one_of = {"evaluate_at", "exposure_start"}},
      {.name = "baseline", .type = ConfigType::kDuration, .default_value = "14d",
       .doc = "length of the baseline window before the current one", .min = 3600,
       .max = 86400.0 * 3650},
      {.name = "exclude_releases", .type = ConfigType::kStringList,
       .doc = "versions of blocked or invalidated candidates, never in a baseline"},
      {.name = "exclude_periods", .type = ConfigType::kStringList,
       .doc = "incident windows START/END (RFC 3339) cut out of both windows"},
      {.name = "min_count", .type = ConfigType::kInt, .default_value = "5",
       .doc = "the screen flags no instance with fewer current events", .min = 0, .max = 1e9},
      {.name = "min_rate_ratio", .type = ConfigType::kDouble, .default_value = "1.5",
       .doc = "effect floor of the screen's flag", .min = 1, .max = 1e6},
      {.name = "max_q", .type = ConfigType::kDouble, .default_value = "0.05",
       .doc = "Benjamini-Hochberg q threshold of the screen's flag", .min = 1e-12, .max = 1},
      {.name = "dispersion", .type = ConfigType::kString, .default_value = "negative_binomial",
       .doc = "count model: poisson (exact), quasi_poisson, negative_binomial (day-to-day "
              "variation estimated from the baseline; docs/statistics.md)",
       .one_of = {"poisson", "quasi_poisson", "negative_binomial"}},
      {.name = "independent_filtering", .type = ConfigType::kBool, .default_value = "true",
       .doc = "leave instances that cannot reach max_q out of the BH family"},
      {.name = "cusum_threshold", .type = ConfigType::kDouble, .default_value = "5",
       .doc = "alarm threshold h of the hourly Poisson CUSUM in the current window",
       .min = 0.1, .max = 1e6},
      {.name = "exposure_metric", .type = ConfigType::kString, .default_value = "",
       .doc = "telemetry metric that counts exposure (e.g. sessions); empty: window hours"},
      {.name = "excluded_param", .type = ConfigType::kString,
       .default_value = "excluded_releases",
       .doc = "run param listing invalidated or blocked candidates (ids or versions, "
              "comma-separated) kept out of the baseline"},
      {.name = "release_param", .type = ConfigType::kString, .default_value = "release",
       .doc = "run param naming the release candidate (\"latest\" or empty: latest evaluate_at)"}};
  return spec;
}

engine::StepFactory TrendsStepFactory() {
  return [](const engine::StepConfig& config,
            std::vector<Diagnostic>& diagnostics) -> std::unique_ptr<engine::Step> {
    TrendsStepConfig c;
    c.windows.window = config.GetDuration("window");
    c.windows.baseline = config.GetDuration("baseline");
    c.windows.anchor = config.GetString("anchor") == "exposure_start"
                           ? trends::WindowAnchor::kExposureStart
                           : trends::WindowAnchor::kEvaluateAt;
    static const std::vector<std::string> kNone;
    const auto list = [&](const char* name) -> const std::vector<std::string>& {
      return config.Has(name) ? config.GetStringList(name) : kNone;
    };
    for (const std::string& text : list("exclude_periods")) {
      std::optional<TimeRange> period = ParsePeriod(text);
      if (!period) {
        diagnostics.push_back(config.ErrorAt("exclude_periods", "`" + text + "` is not a period",
                                             "write START/END in RFC 3339, START before END"));
        return nullptr;
      }
      c.windows.excluded_periods.push_back(*period);
    }
    c.trend.excluded_versions = list("exclude_releases");
    c.trend.screen.min_count = config.GetInt("min_count");
    c.trend.screen.min_rate_ratio = config.GetDouble("min_rate_ratio");
    c.trend.screen.max_q = config.GetDouble("max_q");
    const std::string& dispersion = config.GetString("dispersion");
    c.trend.screen.dispersion =
        dispersion == "poisson"         ? policies::stats::DispersionModel::kPoisson
        : dispersion == "quasi_poisson" ? policies::stats::DispersionModel::kQuasiPoisson
                                        : policies::stats::DispersionModel::kNegativeBinomial;
    c.trend.screen.independent_filtering = config.GetBool("independent_filtering");
    c.trend.cusum_threshold = config.GetDouble("cusum_threshold");
    c.release_param = config.GetString("release_param");
    c.excluded_param = config.GetString("excluded_param");
    c.exposure_metric = config.GetString("exposure_metric");
    return std::make_unique<TrendsStep>(std::move(c));
  };
}

}  // namespace docket::workflows
