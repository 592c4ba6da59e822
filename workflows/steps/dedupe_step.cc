// The dedupe step; see dedupe_step.h.
#include "workflows/steps/dedupe_step.h"

#include <algorithm>
#include <boost/json.hpp>
#include <cstdio>

#include "workflows/steps/artifact_kinds.h"
#include "workflows/steps/records_artifact.h"
#include "workflows/themes/near_duplicates.h"

namespace docket::workflows {
namespace {

using engine::ConfigType;
using engine::Diagnostic;
using themes::DuplicateKind;
using themes::NearDuplicateOptions;

// Similarities are written with four decimals ("0.8125"): stable text, no exponent.
std::string FormatSimilarity(double similarity) {
  char text[32];
  std::snprintf(text, sizeof(text), "%.4f", std::clamp(similarity, 0.0, 1.0));
  return text;
}

std::string JsonString(std::string_view s) {
  return boost::json::serialize(boost::json::string(s));
}

std::string DuplicateLine(const FeedbackRecord& dropped, const FeedbackRecord& canonical,
                          const themes::DuplicateMatch& match) {
  return "{\"id\":" + JsonString(dropped.id()) + ",\"duplicate_of\":" + JsonString(canonical.id()) +
         ",\"similarity\":" + FormatSimilarity(match.similarity) +
         ",\"kind\":" + (match.kind == DuplicateKind::kExact ? "\"exact\"" : "\"near\"") +
         ",\"file\":" + JsonString(dropped.origin_file()) +
         ",\"line\":" + std::to_string(dropped.origin_line()) + "}\n";
}

class DedupeStep final : public engine::Step {
 public:
  explicit DedupeStep(NearDuplicateOptions options) : options_(std::move(options)) {}

  StatusOr<engine::StepOutputs> Run(engine::StepContext& ctx) override {
    const auto& in = ctx.inputs("records");
    if (in.size() != 1) return InternalError("expected one records artifact");
    DOCKET_ASSIGN_OR_RETURN(std::unique_ptr<RecordBatch> input, ParseRecordsBatch(in.front()));
    FeedbackBatch& batch = input->batch();
    std::vector<std::string_view> texts;
    texts.reserve(static_cast<size_t>(batch.records_size()));
    for (const FeedbackRecord& r : batch.records()) texts.push_back(r.text());
    const themes::DuplicateReport report = themes::FindDuplicates(texts, options_);

    // Canonical records first (they keep input order), then the counts on them.
    std::vector<int> kept_index(texts.size(), -1);
    FeedbackBatch& kept = input->NewBatch();
    std::string duplicates;
    for (size_t i = 0; i < texts.size(); ++i) {
      const themes::DuplicateMatch& m = report.matches[i];
      if (m.kind == DuplicateKind::kCanonical) {
        kept_index[i] = kept.records_size();
        *kept.add_records() = batch.records(static_cast<int>(i));
        continue;
      }
      FeedbackRecord& canonical = *kept.mutable_records(kept_index[m.canonical]);
      // A dropped record may itself carry counts from an earlier dedupe: keep them.
      canonical.set_duplicate_count(canonical.duplicate_count() + 1 +
                                    batch.records(static_cast<int>(i)).duplicate_count());
      duplicates += DuplicateLine(batch.records(static_cast<int>(i)), canonical, m);
    }
    ctx.SetMetric("records", kept.records_size());
    ctx.SetMetric("duplicates", static_cast<int64_t>(texts.size()) - kept.records_size());
    ctx.SetMetric("exact_duplicates", static_cast<int64_t>(report.exact_duplicates));
    ctx.SetMetric("near_duplicates", static_cast<int64_t>(report.near_duplicates));
    ctx.SetMetric("candidate_pairs", static_cast<int64_t>(report.candidate_pairs));
    engine::StepOutputs out;
    out["records"] = MakeRecordsArtifact(kept);
    out["duplicates"] = engine::Artifact::Make(kKindDuplicates, kMediaJsonLines, "duplicates.jsonl",
                                               std::move(duplicates));
    return out;
  }

 private:
  NearDuplicateOptions options_;
};

}  // namespace

engine::StepTypeSpec DedupeStepSpec() {
  engine::StepTypeSpec spec;
  spec.type = "dedupe";
  spec.doc =
      "Drop exact duplicates (same text ignoring case and spacing) and near-duplicates "
      "(MinHash + LSH over word and character shingles, Jaccard >= threshold), keeping "
      "the first record of each group with a duplicate count.";
  spec.inputs = {{.name = "records", .kind = kKindRecords}};
  spec.outputs = {{.name = "records", .kind = kKindRecords},
                  {.name = "duplicates", .kind = kKindDuplicates}};
  spec.config.fields = {
      {.name = "near_duplicates",
       .type = ConfigType::kBool,
       .default_value = "true",
       .doc = "also drop near-duplicates; false keeps exact matching only"},
      {.name = "threshold",
       .type = ConfigType::kDouble,
       .default_value = "0.7",
       .doc = "Jaccard similarity of shingle sets at or above which two texts are "
              "near-duplicates",
       .min = 0.05,
       .max = 1.0},
      {.name = "word_ngram_max",
       .type = ConfigType::kInt,
       .default_value = "3",
       .doc = "word shingles are 1..N-grams of tokens; 0 switches them off",
       .min = 0,
       .max = 8},
      {.name = "char_ngram_min",
       .type = ConfigType::kInt,
       .default_value = "4",
       .doc = "shortest character n-gram (code points)",
       .min = 1,
       .max = 8},
      {.name = "char_ngram_max",
       .type = ConfigType::kInt,
       .default_value = "5",
       .doc = "longest character n-gram; 0 switches them off",
       .min = 0,
       .max = 8},
      {.name = "num_hashes",
       .type = ConfigType::kInt,
       .default_value = "128",
       .doc = "MinHash signature slots",
       .min = 16,
       .max = 1024},
      {.name = "threads",
       .type = ConfigType::kInt,
       .default_value = "1",
       .doc = "worker threads; the output does not depend on it",
       .min = 1,
       .max = 16},
  };
  return spec;
}

engine::StepFactory DedupeStepFactory() {
  return [](const engine::StepConfig& config,
            std::vector<Diagnostic>& diagnostics) -> std::unique_ptr<engine::Step> {
    NearDuplicateOptions o;
    o.near_duplicates = config.GetBool("near_duplicates");
    o.threshold = config.GetDouble("threshold");
    o.shingles.word_ngram_max = static_cast<int>(config.GetInt("word_ngram_max"));
    o.shingles.char_ngram_min = static_cast<int>(config.GetInt("char_ngram_min"));
    o.shingles.char_ngram_max = static_cast<int>(config.GetInt("char_ngram_max"));
    o.num_hashes = static_cast<int>(config.GetInt("num_hashes"));
    o.threads = static_cast<int>(config.GetInt("threads"));
    if (const std::string error = themes::OptionsError(o); !error.empty()) {
      diagnostics.push_back(config.ErrorAt("char_ngram_min", error,
                                           "e.g. word_ngram_max: 3, char_ngram_min: 4, "
                                           "char_ngram_max: 5"));
      return nullptr;
    }
    return std::make_unique<DedupeStep>(std::move(o));
  };
}

}  // namespace docket::workflows
