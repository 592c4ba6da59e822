#include "workflows/steps/synthesize_step.h"

#include <boost/json.hpp>

#include "workflows/steps/artifact_kinds.h"
#include "workflows/steps/records_artifact.h"
#include "workflows/synthesize/synthesis_artifacts.h"
#include "workflows/synthesize/task_runner.h"
#include "workflows/synthesize/ticket_sink.h"

namespace docket::workflows {
namespace {

namespace json = boost::json;
using namespace synthesize;  // NOLINT: this file is the step of that namespace
using engine::Artifact;
using engine::ConfigType;

struct StepSettings {
  ModelSettings model;
  EvidenceOptions evidence;
  TicketSink sink;
};

StatusOr<json::object> ParseObjectInput(const Artifact& artifact, std::string_view what) {
  DOCKET_ASSIGN_OR_RETURN(json::value v, ParseJson(artifact.data(), what));
  if (!v.is_object()) return InvalidArgumentError(std::string(what) + " is not a JSON object");
  return std::move(v.get_object());
}

StatusOr<SynthesisEvidence> ReadEvidence(engine::StepContext& ctx, const EvidenceOptions& options) {
  DOCKET_ASSIGN_OR_RETURN(json::object evidence,
                          ParseObjectInput(ctx.inputs("evidence")[0], "gate evidence"));
  DOCKET_ASSIGN_OR_RETURN(json::object decision,
                          ParseObjectInput(ctx.inputs("decision")[0], "gate decision"));
  std::optional<json::object> themes;
  if (const auto& t = ctx.inputs("themes"); !t.empty()) {
    DOCKET_ASSIGN_OR_RETURN(themes, ParseObjectInput(t[0], "theme table"));
  }
  std::unique_ptr<RecordBatch> records;
  if (const auto& r = ctx.inputs("records"); !r.empty()) {
    DOCKET_ASSIGN_OR_RETURN(records, ParseRecordsBatch(r[0]));
  }
  return BuildSynthesisEvidence(evidence, decision, themes ? &*themes : nullptr,
                                records ? &records->batch() : nullptr, options);
}

class SynthesizeStep final : public engine::Step {
 public:
  explicit SynthesizeStep(StepSettings settings) : settings_(std::move(settings)) {}

  StatusOr<engine::StepOutputs> Run(engine::StepContext& ctx) override {
    DOCKET_ASSIGN_OR_RETURN(PromptSet prompts, PromptSet::Load(ctx.inputs("prompts")));
    DOCKET_ASSIGN_OR_RETURN(SynthesisEvidence evidence, ReadEvidence(ctx, settings_.evidence));
    const std::vector<Artifact>& templates = ctx.inputs("templates");
    DOCKET_ASSIGN_OR_RETURN(std::vector<TaskPlan> plans, PlanTasks(evidence, prompts, templates));
    ModelSettings model = settings_.model;
    model.step_id = ctx.step_id();
    // 31 bits: what providers accept as a seed, and a 19-digit number would look like a
    // payment card to the egress guard.
    model.seed = ctx.seed() & 0x7fffffffu;
    DOCKET_ASSIGN_OR_RETURN(
        std::vector<TaskResult> results,
        RunTasks(ctx.effects(), model, prompts, plans, [&ctx] { return ctx.cancelled(); }));
    // Answers cite quotes by their prompt reference; artifacts name the records.
    for (TaskResult& r : results) ResolveCitations(r.answer, evidence.quote_ids);
    DOCKET_ASSIGN_OR_RETURN(const Prompt* rollback, prompts.Find(kTaskRollback));
    DOCKET_ASSIGN_OR_RETURN(SynthesisDocuments docs,
                            AssembleDocuments(evidence, plans, results, templates, rollback->ref));
    if (!settings_.sink.name.empty()) {
      DOCKET_RETURN_IF_ERROR(
          PostTickets(ctx.effects(), ctx.step_id(), settings_.sink, docs.tickets, templates));
    }
    int64_t calls = 0, fallbacks = 0;
    for (const TaskResult& r : results) calls += r.attempts, fallbacks += r.source == "fallback";
    ctx.SetMetric("groups", static_cast<int64_t>(evidence.groups.size()));
    ctx.SetMetric("model_calls", calls);
    ctx.SetMetric("fallbacks", fallbacks);
    engine::StepOutputs out;
    out["summaries"] = Artifact::Make(kKindSynthesisSummaries, kMediaJson, "summaries.json",
                                      JsonToPrettyString(docs.summaries));
    out["release_notes"] = Artifact::Make(kKindReleaseNotes, kMediaMarkdown, "release-notes.md",
                                          std::move(docs.release_notes));
    out["tickets"] = Artifact::Make(kKindSynthesisTickets, kMediaJson, "tickets.json",
                                    JsonToPrettyString(docs.tickets));
    out["rollback"] = Artifact::Make(kKindSynthesisRollback, kMediaJson, "rollback.json",
                                     JsonToPrettyString(docs.rollback));
    out["synthesis"] = Artifact::Make(kKindSynthesisManifest, kMediaJson, "synthesis.json",
                                      JsonToPrettyString(docs.manifest));
    return out;
  }

 private:
  StepSettings settings_;
};

std::vector<engine::ConfigField> SynthesizeConfigFields() {
  return {
      {.name = "use_model",
       .type = ConfigType::kBool,
       .default_value = "true",
       .doc = "false: no model calls, every artifact from the fallback (reason model_disabled)"},
      {.name = "temperature",
       .type = ConfigType::kDouble,
       .default_value = "0.2",
       .doc = "sampling temperature",
       .min = 0,
       .max = 2},
      {.name = "max_tokens",
       .type = ConfigType::kInt,
       .default_value = "1200",
       .doc = "answer length limit per call; 0: the provider's default",
       .min = 0,
       .max = 1e6},
      {.name = "concurrency",
       .type = ConfigType::kInt,
       .default_value = "4",
       .doc = "model calls in flight at once",
       .min = 1,
       .max = 64},
      {.name = "max_themes",
       .type = ConfigType::kInt,
       .default_value = "20",
       .doc = "groups summarized: the largest and most significant",
       .min = 1,
       .max = 100000},
      {.name = "improved_ratio",
       .type = ConfigType::kDouble,
       .default_value = "0.5",
       .doc = "a group at most this rate ratio (and expected >= 5) counts as improved",
       .min = 0,
       .max = 1},
      {.name = "flag_areas",
       .type = ConfigType::kStringList,
       .doc = "FLAG=AREA pairs: which feature flag gates which area, for rollback guidance"},
      {.name = "ticket_sink",
       .type = ConfigType::kString,
       .default_value = "",
       .doc = "a configured webhook sink to post ticket drafts to; empty: files only"},
      {.name = "ticket_shape",
       .type = ConfigType::kString,
       .default_value = "generic",
       .doc = "payload shape of the ticket sink",
       .one_of = {"generic", "jira", "github"}},
      {.name = "ticket_project",
       .type = ConfigType::kString,
       .default_value = "",
       .doc = "Jira project key (jira shape)"},
      {.name = "ticket_labels",
       .type = ConfigType::kStringList,
       .doc = "labels added to every posted ticket"}};
}

}  // namespace

engine::StepTypeSpec SynthesizeStepSpec() {
  engine::StepTypeSpec spec;
  spec.type = "synthesize";
  spec.doc =
      "Theme summaries, release notes, triage tickets and rollback guidance by a model, "
      "validated, with a deterministic template fallback (docs/synthesis.md).";
  spec.inputs = {{.name = "evidence", .kind = kKindEvidence},
                 {.name = "decision", .kind = kKindDecision},
                 {.name = "records",
                  .kind = kKindRecords,
                  .optional = true,
                  .doc = "the redacted records: quotes, telemetry ids and segments per group"},
                 {.name = "themes",
                  .kind = kKindThemes,
                  .optional = true,
                  .doc = "a theme table: groups are its themes instead of the feature areas"},
                 {.name = "prompts",
                  .kind = kKindPromptFile,
                  .multiple = true,
                  .doc = "manifest.yaml, the prompt templates and their response schemas"},
                 {.name = "templates",
                  .kind = kKindTemplateFile,
                  .multiple = true,
                  .doc = "the fallback templates (workflows/templates/synthesis/)"}};
  spec.outputs = {{.name = "summaries", .kind = kKindSynthesisSummaries},
                  {.name = "release_notes", .kind = kKindReleaseNotes},
                  {.name = "tickets", .kind = kKindSynthesisTickets},
                  {.name = "rollback", .kind = kKindSynthesisRollback},
                  {.name = "synthesis", .kind = kKindSynthesisManifest}};
  spec.config.fields = SynthesizeConfigFields();
  return spec;
}

engine::StepFactory SynthesizeStepFactory() {
  return [](const engine::StepConfig& config,
            std::vector<engine::Diagnostic>& diagnostics) -> std::unique_ptr<engine::Step> {
    StepSettings s;
    s.model.use_model = config.GetBool("use_model");
    s.model.temperature_milli =
        static_cast<uint32_t>(std::lround(config.GetDouble("temperature") * 1000));
    s.model.max_tokens = static_cast<uint32_t>(config.GetInt("max_tokens"));
    s.model.concurrency = static_cast<size_t>(config.GetInt("concurrency"));
    s.evidence.max_groups = static_cast<size_t>(config.GetInt("max_themes"));
    s.evidence.improved_ratio = config.GetDouble("improved_ratio");
    if (config.Has("flag_areas")) s.evidence.flag_areas = config.GetStringList("flag_areas");
    for (const std::string& pair : s.evidence.flag_areas) {
      if (pair.find('=') == std::string::npos || pair.front() == '=' || pair.back() == '=') {
        diagnostics.push_back(config.ErrorAt("flag_areas", "`" + pair + "` is not FLAG=AREA"));
        return nullptr;
      }
    }
    s.sink.name = config.GetString("ticket_sink");
    s.sink.shape = *WebhookShapeFromName(config.GetString("ticket_shape"));
    s.sink.project = config.GetString("ticket_project");
    if (config.Has("ticket_labels")) s.sink.labels = config.GetStringList("ticket_labels");
    if (!s.sink.name.empty() && s.sink.shape == WebhookShape::kJira && s.sink.project.empty()) {
      diagnostics.push_back(config.ErrorAt("ticket_project", "the jira shape needs a project key",
                                           "set ticket_project, e.g. ticket_project: SHOP"));
      return nullptr;
    }
    return std::make_unique<SynthesizeStep>(std::move(s));
  };
}

}  // namespace docket::workflows
