#include "workflows/steps/gate_steps.h"

#include <boost/json.hpp>

#include <map>

#include "engine/base/time_format.h"
#include "workflows/steps/artifact_kinds.h"
#include "workflows/steps/records_artifact.h"
#include "workflows/steps/release_catalog.h"

namespace docket::workflows {
namespace {

namespace json = boost::json;
using engine::Diagnostic;

constexpr const char* kSeverities[] = {"high", "medium", "low", "unrated"};

class AreaCountsStep final : public engine::Step {
 public:
  AreaCountsStep(engine::Duration window, std::string release_param)
      : window_(window), release_param_(std::move(release_param)) {}

  StatusOr<engine::StepOutputs> Run(engine::StepContext& ctx) override {
    const auto& releases = ctx.inputs("releases");
    if (releases.size() != 1) {
      return InvalidArgumentError("area_counts needs exactly one releases file, got " +
                                  std::to_string(releases.size()));
    }
    DOCKET_ASSIGN_OR_RETURN(ReleaseCatalog catalog,
                            ParseReleaseCatalog(releases[0].name, releases[0].data()));
    auto param = ctx.params().find(release_param_);
    DOCKET_ASSIGN_OR_RETURN(
        ReleaseCandidate rc,
        catalog.Select(param == ctx.params().end() ? std::string_view() : param->second));
    const Timestamp end = rc.evaluate_at.value_or(ctx.logical_now());
    const Timestamp start = end - window_;
    DOCKET_ASSIGN_OR_RETURN(std::unique_ptr<RecordBatch> input,
                            ParseRecordsBatch(ctx.inputs("records")[0]));
    const FeedbackBatch& batch = input->batch();

    std::map<std::string, std::map<std::string, uint64_t>> counts;  // area -> severity -> n
    uint64_t considered = 0;
    for (const FeedbackRecord& r : batch.records()) {
      const Timestamp t{std::chrono::microseconds(r.created_at_us())};
      if (r.release_version() != rc.version || t < start || t >= end) continue;
      ++considered;
      const std::string area = r.feature_area().empty() ? "unassigned" : r.feature_area();
      const std::string severity = r.severity().empty() ? "unrated" : r.severity();
      ++counts[area][severity];
    }
    json::object release;
    release["id"] = rc.id;
    release["version"] = rc.version;
    release["exposure_start"] = rc.exposure_start ? FormatRfc3339(*rc.exposure_start) : "";
    release["evaluate_at"] = FormatRfc3339(end);
    release["evaluate_at_source"] = rc.evaluate_at ? "release" : "run_clock";
    json::object window;
    window["start"] = FormatRfc3339(start);
    window["end"] = FormatRfc3339(end);
    window["length"] = engine::FormatDuration(window_);
    json::array areas;
    for (const auto& [area, by_severity] : counts) {
      json::object a;
      a["feature_area"] = area;
      uint64_t total = 0;
      for (const char* s : kSeverities) {
        auto it = by_severity.find(s);
        const uint64_t n = it == by_severity.end() ? 0 : it->second;
        a[s] = n;
        total += n;
      }
      a["total"] = total;
      areas.push_back(std::move(a));
    }
    json::object doc;
    doc["schema"] = "docket.area_counts.v1";
    doc["product"] = catalog.product;
    doc["release"] = std::move(release);
    doc["window"] = std::move(window);
    doc["records_total"] = batch.records_size();
    doc["records_in_window"] = considered;
    doc["areas"] = std::move(areas);
    return engine::StepOutputs{
        {"counts", engine::Artifact::Make(kKindAreaCounts, kMediaJson, "area_counts.json",
                                          JsonToPrettyString(doc))}};
  }

 private:
  engine::Duration window_;
  std::string release_param_;
};

class ThresholdGateStep final : public engine::Step {
 public:
  explicit ThresholdGateStep(int64_t max_high) : max_high_(max_high) {}

  StatusOr<engine::StepOutputs> Run(engine::StepContext& ctx) override {
    try {
      return Decide(ctx);
    } catch (const std::exception& e) {  // a malformed counts document: our own bug
      return InternalError(std::string("area counts document is malformed: ") + e.what());
    }
  }

 private:
  StatusOr<engine::StepOutputs> Decide(engine::StepContext& ctx) {
    DOCKET_ASSIGN_OR_RETURN(json::value counts,
                            ParseJson(ctx.inputs("counts")[0].data(), "area counts"));
    const json::object& c = counts.as_object();
    json::array rules;
    json::array reasons;
    bool block = false;
    for (const json::value& area : c.at("areas").as_array()) {
      const json::object& a = area.as_object();
      const int64_t high = a.at("high").to_number<int64_t>();
      const bool fail = high > max_high_;
      block = block || fail;
      json::object rule;
      rule["rule"] = "high_severity_per_area";
      rule["feature_area"] = a.at("feature_area");
      rule["observed"] = high;
      rule["threshold"] = max_high_;
      rule["outcome"] = fail ? "fail" : "pass";
      rules.push_back(std::move(rule));
      if (fail) {
        reasons.push_back(json::value(
            std::string(a.at("feature_area").as_string()) + ": " + std::to_string(high) +
            " high-severity items in " + std::string(c.at("window").at("length").as_string()) +
            " exceed the limit of " + std::to_string(max_high_)));
      }
    }
    json::object doc;
    doc["schema"] = "docket.decision.v1";
    doc["verdict"] = block ? "BLOCK" : "APPROVE";
    doc["release"] = c.at("release");
    doc["window"] = c.at("window");
    json::object policy;
    policy["type"] = "threshold";
    policy["description"] = "BLOCK when more than max_high_per_area high-severity records hit "
                            "one feature area in the window";
    policy["max_high_per_area"] = max_high_;
    doc["policy"] = std::move(policy);
    doc["reasons"] = std::move(reasons);
    doc["rules"] = std::move(rules);
    doc["records_in_window"] = c.at("records_in_window");
    return engine::StepOutputs{
        {"decision", engine::Artifact::Make(kKindDecision, kMediaJson, "gate_decision.json",
                                            JsonToPrettyString(doc))}};
  }

  int64_t max_high_;
};

}  // namespace

engine::StepTypeSpec AreaCountsStepSpec() {
  engine::StepTypeSpec spec;
  spec.type = "area_counts";
  spec.doc = "Per feature area counts by severity for one release candidate's window.";
  spec.inputs = {{.name = "records", .kind = kKindRecords},
                 {.name = "releases", .kind = kKindReleasesFile}};
  spec.outputs = {{.name = "counts", .kind = kKindAreaCounts}};
  spec.config.fields = {
      {.name = "window", .type = engine::ConfigType::kDuration, .default_value = "48h",
       .doc = "how far before the evaluation time records count", .min = 60, .max = 86400.0 * 365},
      {.name = "release_param", .type = engine::ConfigType::kString, .default_value = "release",
       .doc = "run param naming the release candidate (\"latest\" or empty: latest evaluate_at)"}};
  return spec;
}

engine::StepFactory AreaCountsStepFactory() {
  return [](const engine::StepConfig& config, std::vector<Diagnostic>&) {
    return std::make_unique<AreaCountsStep>(config.GetDuration("window"),
                                            config.GetString("release_param"));
  };
}

engine::StepTypeSpec ThresholdGateStepSpec() {
  engine::StepTypeSpec spec;
  spec.type = "threshold_gate";
  spec.doc = "BLOCK when more than N high-severity records hit one feature area.";
  spec.inputs = {{.name = "counts", .kind = kKindAreaCounts}};
  spec.outputs = {{.name = "decision", .kind = kKindDecision}};
  spec.config.fields = {{.name = "max_high_per_area", .type = engine::ConfigType::kInt,
                         .required = true, .doc = "largest allowed high-severity count per area",
                         .min = 0, .max = 1e9}};
  return spec;
}

engine::StepFactory ThresholdGateStepFactory() {
  return [](const engine::StepConfig& config, std::vector<Diagnostic>&) {
    return std::make_unique<ThresholdGateStep>(config.GetInt("max_high_per_area"));
  };
}

}  // namespace docket::workflows
