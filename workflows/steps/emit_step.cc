#include "workflows/steps/emit_step.h"

#include <kainjow/mustache.hpp>

#include <boost/json.hpp>

#include <cmath>
#include <cstdio>

#include "workflows/steps/artifact_kinds.h"
#include "workflows/steps/finding_quotes.h"
#include "workflows/steps/records_artifact.h"

namespace docket::workflows {
namespace {

namespace json = boost::json;
namespace mustache = kainjow::mustache;
using engine::Diagnostic;

uint64_t CountLines(const std::string& bytes) {
  return static_cast<uint64_t>(std::count(bytes.begin(), bytes.end(), '\n'));
}

// A double as a report shows it: whole numbers without a fraction, others with four
// significant digits ("0.0003", "1.694e-23", "3.7").
std::string DisplayNumber(double d) {
  char buf[64];
  if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 1e15) {
    std::snprintf(buf, sizeof buf, "%.0f", d);
  } else {
    std::snprintf(buf, sizeof buf, "%.4g", d);
  }
  return buf;
}

// JSON -> Mustache data: objects become maps, arrays lists, scalars strings; booleans
// stay booleans so sections can test them.
mustache::data ToMustache(const json::value& v) {
  switch (v.kind()) {
    case json::kind::object: {
      mustache::data d{mustache::data::type::object};
      for (const auto& kv : v.get_object()) d.set(std::string(kv.key()), ToMustache(kv.value()));
      return d;
    }
    case json::kind::array: {
      mustache::data d{mustache::data::type::list};
      for (const json::value& item : v.get_array()) d.push_back(ToMustache(item));
      return d;
    }
    case json::kind::string:
      return mustache::data(std::string(v.get_string()));
    case json::kind::bool_:
      return mustache::data(v.get_bool() ? mustache::data::type::bool_true
                                         : mustache::data::type::bool_false);
    case json::kind::null:
      return mustache::data(std::string());
    case json::kind::double_:
      return mustache::data(DisplayNumber(v.get_double()));
    default:
      return mustache::data(json::serialize(v));
  }
}

StatusOr<std::string> Render(const std::vector<engine::Artifact>& templates,
                             const std::string& name, const json::value& model) {
  for (const engine::Artifact& t : templates) {
    const size_t slash = t.name.find_last_of('/');
    const std::string base = slash == std::string::npos ? t.name : t.name.substr(slash + 1);
    if (base != name) continue;
    mustache::mustache tmpl{t.data()};
    if (!tmpl.is_valid()) {
      return InvalidArgumentError("template " + t.name + ": " + tmpl.error_message());
    }
    std::string out = tmpl.render(ToMustache(model));
    if (!tmpl.is_valid()) {
      return InvalidArgumentError("template " + t.name + ": " + tmpl.error_message());
    }
    return out;
  }
  std::string known;
  for (const engine::Artifact& t : templates) known += (known.empty() ? "" : ", ") + t.name;
  return InvalidArgumentError("no template named " + name + " among the `templates` input (" +
                              known + ")");
}

json::value GlobalOf(const json::value& evidence, const char* name) {
  const json::value* globals = evidence.as_object().if_contains("globals");
  const json::value* v = globals && globals->is_object() ? globals->as_object().if_contains(name)
                                                         : nullptr;
  return v == nullptr ? json::value(nullptr) : *v;
}

// Numbers as people read them in a report: fixed decimals, "inf" kept as a word.
std::string Fixed(const json::value& v, int decimals) {
  if (v.is_string()) return std::string(v.get_string());
  if (!v.is_number()) return "-";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v.to_number<double>());
  return buf;
}

std::string Probability(const json::value& v) {
  if (!v.is_number()) return "-";
  const double p = v.to_number<double>();
  if (p < 1e-4) return "<0.0001";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", p);
  return buf;
}

// One row per instance of an evidence dimension, formatted for the report.
json::array DimensionRows(const json::object& evidence, const char* dimension) {
  json::array rows;
  const json::value* dims = evidence.if_contains("dimensions");
  const json::value* list = dims && dims->is_object() ? dims->as_object().if_contains(dimension)
                                                      : nullptr;
  if (list == nullptr || !list->is_array()) return rows;
  for (const json::value& item : list->as_array()) {
    const json::object& m = item.at("metrics").as_object();
    const auto get = [&](const char* k) {
      const json::value* v = m.if_contains(k);
      return v ? *v : json::value(nullptr);
    };
    json::object row;
    row["key"] = item.at("key");
    row["observed"] = Fixed(get("observed"), 0);
    row["baseline"] = Fixed(get("baseline"), 0);
    row["expected"] = Fixed(get("expected"), 1);
    row["rate_ratio"] = Fixed(get("rate_ratio"), 2);
    row["ci"] = Fixed(get("ci_low"), 2) + " to " + Fixed(get("ci_high"), 2);
    row["p"] = Probability(get("p"));
    row["q"] = Probability(get("q"));
    row["high"] = Fixed(get("high"), 0);
    row["flagged"] = get("flagged").is_bool() && get("flagged").get_bool();
    rows.push_back(std::move(row));
  }
  return rows;
}

json::object ReportModel(const json::object& decision, const json::object& evidence) {
  json::object model = decision;
  const json::value verdict = decision.at("verdict");
  model["blocked"] = verdict == "BLOCK";
  model["approved"] = verdict == "APPROVE";
  model["needs_human"] = verdict == "NEEDS_HUMAN";
  model["warned"] = verdict == "WARN";
  const json::value ev(evidence);
  model["product"] = GlobalOf(ev, "product");
  json::object window;
  window["start"] = GlobalOf(ev, "window.current_start");
  window["end"] = GlobalOf(ev, "release.evaluate_at");
  window["hours"] = Fixed(GlobalOf(ev, "window.current_hours"), 0);
  window["baseline_start"] = GlobalOf(ev, "window.baseline_start");
  window["baseline_hours"] = Fixed(GlobalOf(ev, "window.baseline_hours"), 0);
  model["window"] = std::move(window);
  model["areas"] = DimensionRows(evidence, "feature_area");
  model["severities"] = DimensionRows(evidence, "severity");
  json::array findings;
  for (const json::value& rule : decision.at("rules").as_array()) {
    if (rule.at("outcome") == "pass") continue;
    json::object f = rule.as_object();
    std::string shown;
    for (const auto& kv : rule.at("evidence").as_object()) {
      shown += (shown.empty() ? "" : ", ") + std::string(kv.key()) + " = " +
               (kv.value().is_string()   ? std::string(kv.value().get_string())
                : kv.value().is_double() ? DisplayNumber(kv.value().get_double())
                                         : json::serialize(kv.value()));
    }
    f["evidence_text"] = shown;
    f["key"] = rule.at("key").is_bool() && rule.at("key").get_bool() ? "key" : "";
    findings.push_back(std::move(f));
  }
  model["has_findings"] = !findings.empty();
  model["findings"] = std::move(findings);
  json::array violated;
  for (const json::value& g : decision.at("guards").as_array()) {
    if (g.at("violated").as_bool()) violated.push_back(g);
  }
  model["has_violated_guards"] = !violated.empty();
  model["violated_guards"] = std::move(violated);
  return model;
}

class EmitStep final : public engine::Step {
 public:
  explicit EmitStep(std::string report_template)
      : report_template_(std::move(report_template)) {}

  StatusOr<engine::StepOutputs> Run(engine::StepContext& ctx) override {
    DOCKET_ASSIGN_OR_RETURN(json::value decision,
                            ParseJson(ctx.inputs("decision")[0].data(), "gate decision"));
    DOCKET_ASSIGN_OR_RETURN(json::value evidence,
                            ParseJson(ctx.inputs("evidence")[0].data(), "gate evidence"));
    if (!decision.is_object() || !evidence.is_object()) {
      return InternalError("gate decision and evidence must be JSON objects");
    }
    json::object quality;
    quality["records_in_window"] = GlobalOf(evidence, "records.current");
    quality["baseline_records"] = GlobalOf(evidence, "records.baseline");
    quality["quarantined_rows"] = CountLines(ctx.inputs("quarantine")[0].data());
    quality["duplicates_removed"] = CountLines(ctx.inputs("duplicates")[0].data());
    json::object& d = decision.as_object();
    d["data_quality"] = quality;

    // The template model: the decision plus readable evidence and a few derived flags.
    json::object model = ReportModel(d, evidence.as_object());
    // What customers said about each finding, from the redacted records (optional input).
    if (const auto& records = ctx.inputs("records"); !records.empty()) {
      DOCKET_ASSIGN_OR_RETURN(std::unique_ptr<RecordBatch> batch, ParseRecordsBatch(records[0]));
      json::array quotes = FindingQuotes(d, evidence.as_object(), batch->batch());
      model["has_quotes"] = !quotes.empty();
      model["quotes"] = std::move(quotes);
    }
    const json::value model_value(model);

    const auto& templates = ctx.inputs("templates");
    DOCKET_ASSIGN_OR_RETURN(std::string report, Render(templates, report_template_, model_value));
    engine::StepOutputs out;
    out["decision"] = engine::Artifact::Make(kKindDecision, kMediaJson, "decision.json",
                                             JsonToPrettyString(decision));
    out["report"] = engine::Artifact::Make(kKindReport, kMediaMarkdown, "report.md",
                                           std::move(report));
    return out;
  }

 private:
  std::string report_template_;
};

}  // namespace

engine::StepTypeSpec EmitStepSpec() {
  engine::StepTypeSpec spec;
  spec.type = "emit";
  spec.doc = "Final decision JSON and the Markdown report from a Mustache template (release "
             "notes come from the synthesize step).";
  spec.inputs = {{.name = "decision", .kind = kKindDecision},
                 {.name = "evidence", .kind = kKindEvidence},
                 {.name = "records",
                  .kind = kKindRecords,
                  .optional = true,
                  .doc = "the redacted records, for customer quotes per finding"},
                 {.name = "quarantine", .kind = kKindQuarantine},
                 {.name = "duplicates", .kind = kKindDuplicates},
                 {.name = "templates", .kind = kKindTemplateFile, .multiple = true}};
  spec.outputs = {{.name = "decision", .kind = kKindDecision},
                  {.name = "report", .kind = kKindReport}};
  spec.config.fields = {
      {.name = "report_template", .type = engine::ConfigType::kString,
       .default_value = "report.md.mustache", .doc = "file name of the report template"}};
  return spec;
}

engine::StepFactory EmitStepFactory() {
  return [](const engine::StepConfig& config, std::vector<Diagnostic>&) {
    return std::make_unique<EmitStep>(config.GetString("report_template"));
  };
}

}  // namespace docket::workflows
