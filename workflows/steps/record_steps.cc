#include "workflows/steps/record_steps.h"

#include <boost/json.hpp>

#include <map>

#include "engine/base/sha256.h"
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

class DedupeStep final : public engine::Step {
 public:
  StatusOr<engine::StepOutputs> Run(engine::StepContext& ctx) override {
    DOCKET_ASSIGN_OR_RETURN(std::unique_ptr<RecordBatch> input, SingleRecordsInput(ctx));
    FeedbackBatch& batch = input->batch();
    FeedbackBatch& kept = input->NewBatch();
    std::map<Sha256Digest, int> first_index;  // duplicate key -> index in `kept`
    std::string duplicates;
    for (FeedbackRecord& r : *batch.mutable_records()) {
      const Sha256Digest key = Sha256(DuplicateKey(r.text()));
      auto [it, inserted] = first_index.emplace(key, kept.records_size());
      if (inserted) {
        *kept.add_records() = std::move(r);
        continue;
      }
      FeedbackRecord& canonical = *kept.mutable_records(it->second);
      canonical.set_duplicate_count(canonical.duplicate_count() + 1);
      boost::json::object line;
      line["id"] = r.id();
      line["duplicate_of"] = canonical.id();
      line["file"] = r.origin_file();
      line["line"] = r.origin_line();
      duplicates += JsonToString(line) + "\n";
    }
    ctx.SetMetric("records", kept.records_size());
    ctx.SetMetric("duplicates", batch.records_size() - kept.records_size());
    engine::StepOutputs out;
    out["records"] = MakeRecordsArtifact(kept);
    out["duplicates"] = engine::Artifact::Make(kKindDuplicates, kMediaJsonLines,
                                               "duplicates.jsonl", std::move(duplicates));
    return out;
  }
};

class SeverityStep final : public engine::Step {
 public:
  explicit SeverityStep(std::vector<std::string> terms) : terms_(std::move(terms)) {}

  StatusOr<engine::StepOutputs> Run(engine::StepContext& ctx) override {
    DOCKET_ASSIGN_OR_RETURN(std::unique_ptr<RecordBatch> input, SingleRecordsInput(ctx));
    FeedbackBatch& batch = input->batch();
    for (FeedbackRecord& r : *batch.mutable_records()) {
      r.set_severity(SeverityOf(r.rating(), r.text(), terms_));
    }
    return engine::StepOutputs{{"records", MakeRecordsArtifact(batch)}};
  }

 private:
  std::vector<std::string> terms_;
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

std::string DuplicateKey(std::string_view text) {
  std::string key;
  key.reserve(text.size());
  bool pending_space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      pending_space = !key.empty();
      continue;
    }
    if (pending_space) key.push_back(' ');
    pending_space = false;
    key.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return key;
}

std::string SeverityOf(int rating, std::string_view text,
                       const std::vector<std::string>& outage_terms) {
  if (rating >= 1 && rating <= 2) return "high";
  if (rating == 3) return "medium";
  if (rating >= 4) return "low";
  const std::string lowered = DuplicateKey(text);
  for (const std::string& term : outage_terms) {
    if (!term.empty() && lowered.find(term) != std::string::npos) return "high";
  }
  return "unrated";
}

engine::StepTypeSpec NormalizeStepSpec() {
  return RecordsInOut("normalize",
                      "Unicode NFC text, trimmed and lowercased field values, BCP 47 language tags.");
}

engine::StepFactory NormalizeStepFactory() {
  return [](const engine::StepConfig&, std::vector<Diagnostic>&) {
    return std::make_unique<NormalizeStep>();
  };
}

engine::StepTypeSpec DedupeStepSpec() {
  engine::StepTypeSpec spec =
      RecordsInOut("dedupe", "Drop exact duplicates (same text, ignoring case and spacing).");
  spec.outputs.push_back({.name = "duplicates", .kind = kKindDuplicates});
  return spec;
}

engine::StepFactory DedupeStepFactory() {
  return [](const engine::StepConfig&, std::vector<Diagnostic>&) {
    return std::make_unique<DedupeStep>();
  };
}

engine::StepTypeSpec SeverityStepSpec() {
  engine::StepTypeSpec spec =
      RecordsInOut("severity", "Severity from rating (1-2 high, 3 medium, 4-5 low) and, for "
                               "unrated records, outage terms in the text.");
  spec.config.fields = {
      {.name = "outage_terms", .type = engine::ConfigType::kStringList,
       .default_value = std::nullopt,
       .doc = "lowercase phrases that make an unrated record high severity"}};
  return spec;
}

engine::StepFactory SeverityStepFactory() {
  return [](const engine::StepConfig& config,
            std::vector<Diagnostic>&) -> std::unique_ptr<engine::Step> {
    std::vector<std::string> terms = {"crash", "charged twice", "can't log in",
                                      "cannot log in", "data loss", "outage"};
    if (config.Has("outage_terms")) terms = config.GetStringList("outage_terms");
    for (std::string& t : terms) t = DuplicateKey(t);
    return std::make_unique<SeverityStep>(std::move(terms));
  };
}

}  // namespace docket::workflows
