// The severity step; see severity_step.h.
#include "workflows/steps/severity_step.h"

#include "workflows/steps/artifact_kinds.h"
#include "workflows/steps/records_artifact.h"
#include "workflows/themes/severity.h"

namespace docket::workflows {
namespace {

class SeverityStep final : public engine::Step {
 public:
  StatusOr<engine::StepOutputs> Run(engine::StepContext& ctx) override {
    const auto& model_files = ctx.inputs("model");
    if (model_files.size() > 1) {
      return InvalidArgumentError("the severity step takes one model file, got " +
                                  std::to_string(model_files.size()));
    }
    StatusOr<themes::SeverityModel> model =
        model_files.empty()
            ? themes::SeverityModel::Default()
            : themes::SeverityModel::Parse(model_files.front().name, model_files.front().data());
    if (!model.ok()) return model.status();
    const auto& in = ctx.inputs("records");
    if (in.size() != 1) return InternalError("expected one records artifact");
    DOCKET_ASSIGN_OR_RETURN(std::unique_ptr<RecordBatch> input, ParseRecordsBatch(in.front()));
    FeedbackBatch& batch = input->batch();
    int64_t high = 0, medium = 0, low = 0;
    for (FeedbackRecord& r : *batch.mutable_records()) {
      if (ctx.cancelled()) return CancelledError("severity: cancelled");
      themes::SeverityResult result = model->Score({.rating = r.rating(),
                                                    .text = r.text(),
                                                    .customer_tier = r.customer_tier(),
                                                    .error_code = r.error_code()});
      r.set_severity(result.level);
      r.set_severity_score(result.score);
      r.clear_severity_signals();
      for (std::string& signal : result.signals) r.add_severity_signals(std::move(signal));
      ++(result.level == "high" ? high : result.level == "medium" ? medium : low);
    }
    ctx.SetMetric("records", batch.records_size());
    ctx.SetMetric("high", high);
    ctx.SetMetric("medium", medium);
    ctx.SetMetric("low", low);
    return engine::StepOutputs{{"records", MakeRecordsArtifact(batch)}};
  }
};

}  // namespace

engine::StepTypeSpec SeverityStepSpec() {
  engine::StepTypeSpec spec;
  spec.type = "severity";
  spec.doc =
      "Severity per record from a documented model: rating, outage phrases, sentiment "
      "words in several languages (negation-aware), customer tier, telemetry error "
      "code (docs/severity.md).";
  spec.inputs = {{.name = "records", .kind = kKindRecords},
                 {.name = "model",
                  .kind = kKindSeverityModelFile,
                  .optional = true,
                  .doc = "a severity model file; the bundled model when unconnected"}};
  spec.outputs = {{.name = "records", .kind = kKindRecords}};
  return spec;
}

engine::StepFactory SeverityStepFactory() {
  return [](const engine::StepConfig&, std::vector<engine::Diagnostic>&) {
    return std::make_unique<SeverityStep>();
  };
}

}  // namespace docket::workflows
