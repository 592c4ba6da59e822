#include "workflows/steps/record_steps.h"

#include "workflows/ingest/normalize.h"
#include "workflows/steps/artifact_kinds.h"
#include "workflows/steps/records_artifact.h"

namespace docket::workflows {
namespace {

using engine::Diagnostic;

StatusOr<std::unique_ptr<RecordBatch>> SingleRecordsInput(engine::StepContext& ctx) {
  const auto& in = ctx.inputs("records");
  if (in.size() != 1) return InternalError("expected one records artifact");
  return ParseRecordsBatch(in.front());
}

class NormalizeStep final : public engine::Step {
 public:
  StatusOr<engine::StepOutputs> Run(engine::StepContext& ctx) override {
    DOCKET_ASSIGN_OR_RETURN(std::unique_ptr<RecordBatch> input, SingleRecordsInput(ctx));
    FeedbackBatch& batch = input->batch();
    for (FeedbackRecord& r : *batch.mutable_records()) NormalizeRecord(r);
    ctx.SetMetric("records", batch.records_size());
    return engine::StepOutputs{{"records", MakeRecordsArtifact(batch)}};
  }
};

engine::StepTypeSpec RecordsInOut(std::string type, std::string doc) {
  engine::StepTypeSpec spec;
  spec.type = std::move(type);
  spec.doc = std::move(doc);
  spec.inputs = {{.name = "records", .kind = kKindRecords}};
  spec.outputs = {{.name = "records", .kind = kKindRecords}};
  return spec;
}

}  // namespace

engine::StepTypeSpec NormalizeStepSpec() {
  return RecordsInOut("normalize",
                      "Unicode NFC text, trimmed and lowercased field values, BCP 47 language tags.");
}

engine::StepFactory NormalizeStepFactory() {
  return [](const engine::StepConfig&, std::vector<Diagnostic>&) {
    return std::make_unique<NormalizeStep>();
  };
}

}  // namespace docket::workflows
