#include "workflows/steps/emit_step.h"

#include <kainjow/mustache.hpp>

#include <boost/json.hpp>

#include "workflows/steps/artifact_kinds.h"
#include "workflows/steps/records_artifact.h"

namespace docket::workflows {
namespace {

namespace json = boost::json;
namespace mustache = kainjow::mustache;
using engine::Diagnostic;

uint64_t CountLines(const std::string& bytes) {
  return static_cast<uint64_t>(std::count(bytes.begin(), bytes.end(), '\n'));
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

class EmitStep final : public engine::Step {
 public:
  EmitStep(std::string report_template, std::string notes_template)
      : report_template_(std::move(report_template)), notes_template_(std::move(notes_template)) {}

  StatusOr<engine::StepOutputs> Run(engine::StepContext& ctx) override {
    DOCKET_ASSIGN_OR_RETURN(json::value decision,
                            ParseJson(ctx.inputs("decision")[0].data(), "gate decision"));
    DOCKET_ASSIGN_OR_RETURN(json::value counts,
                            ParseJson(ctx.inputs("counts")[0].data(), "area counts"));
    if (!decision.is_object() || !counts.is_object()) {
      return InternalError("gate decision and area counts must be JSON objects");
    }
    json::object quality;
    quality["records_total"] = counts.as_object()["records_total"];
    quality["quarantined_rows"] = CountLines(ctx.inputs("quarantine")[0].data());
    quality["duplicates_removed"] = CountLines(ctx.inputs("duplicates")[0].data());
    json::object& d = decision.as_object();
    d["data_quality"] = quality;

    // The template model: the decision plus the counts and a few derived flags.
    json::object model = d;
    model["blocked"] = d["verdict"] == "BLOCK";
    model["approved"] = d["verdict"] == "APPROVE";
    model["product"] = counts.as_object()["product"];
    model["areas"] = counts.as_object()["areas"];
    const json::value model_value(model);

    const auto& templates = ctx.inputs("templates");
    DOCKET_ASSIGN_OR_RETURN(std::string report, Render(templates, report_template_, model_value));
    DOCKET_ASSIGN_OR_RETURN(std::string notes, Render(templates, notes_template_, model_value));
    engine::StepOutputs out;
    out["decision"] = engine::Artifact::Make(kKindDecision, kMediaJson, "decision.json",
                                             JsonToPrettyString(decision));
    out["report"] = engine::Artifact::Make(kKindReport, kMediaMarkdown, "report.md",
                                           std::move(report));
    out["release_notes"] = engine::Artifact::Make(kKindReleaseNotes, kMediaMarkdown,
                                                  "release-notes.md", std::move(notes));
    return out;
  }

 private:
  std::string report_template_;
  std::string notes_template_;
};

}  // namespace

engine::StepTypeSpec EmitStepSpec() {
  engine::StepTypeSpec spec;
  spec.type = "emit";
  spec.doc = "Final decision JSON, Markdown report and release notes from Mustache templates.";
  spec.inputs = {{.name = "decision", .kind = kKindDecision},
                 {.name = "counts", .kind = kKindAreaCounts},
                 {.name = "quarantine", .kind = kKindQuarantine},
                 {.name = "duplicates", .kind = kKindDuplicates},
                 {.name = "templates", .kind = kKindTemplateFile, .multiple = true}};
  spec.outputs = {{.name = "decision", .kind = kKindDecision},
                  {.name = "report", .kind = kKindReport},
                  {.name = "release_notes", .kind = kKindReleaseNotes}};
  spec.config.fields = {
      {.name = "report_template", .type = engine::ConfigType::kString,
       .default_value = "report.md.mustache", .doc = "file name of the report template"},
      {.name = "release_notes_template", .type = engine::ConfigType::kString,
       .default_value = "release_notes.md.mustache",
       .doc = "file name of the release-notes template"}};
  return spec;
}

engine::StepFactory EmitStepFactory() {
  return [](const engine::StepConfig& config, std::vector<Diagnostic>&) {
    return std::make_unique<EmitStep>(config.GetString("report_template"),
                                      config.GetString("release_notes_template"));
  };
}

}  // namespace docket::workflows
