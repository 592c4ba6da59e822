// The themes step and the theme table; see themes_step.h.
#include "workflows/steps/themes_step.h"

#include <boost/json.hpp>
#include <cmath>
#include <map>

#include "workflows/steps/artifact_kinds.h"
#include "workflows/steps/records_artifact.h"

namespace docket::workflows {
namespace {

namespace json = boost::json;

// Below this many records the LSA keeps its singular values (see ComputeThemes).
constexpr size_t kSmallCorpus = 1000;

// Four decimals: stable text for ratios and weights.
double Rounded(double x) { return std::round(x * 1e4) / 1e4; }

json::object Counts(const std::map<std::string, uint64_t>& counts) {
  json::object out;
  for (const auto& [key, n] : counts) out[key.empty() ? "(none)" : key] = n;
  return out;
}

struct ThemeStats {
  uint64_t size = 0;
  uint64_t volume = 0;
  std::map<std::string, uint64_t> severity, versions, areas, regions, channels;
  double severity_score = 0;
};

class ThemesStep final : public engine::Step {
 public:
  explicit ThemesStep(ThemesConfig config) : config_(std::move(config)) {}

  StatusOr<engine::StepOutputs> Run(engine::StepContext& ctx) override {
    themes::Lexicon lexicon;
    if (const auto& files = ctx.inputs("lexicon"); !files.empty()) {
      if (files.size() > 1) return InvalidArgumentError("the themes step takes one lexicon");
      DOCKET_ASSIGN_OR_RETURN(lexicon,
                              themes::ParseLexicon(files.front().name, files.front().data()));
    }
    std::vector<themes::PriorTheme> prior;
    if (const auto& files = ctx.inputs("previous"); !files.empty()) {
      if (files.size() > 1) return InvalidArgumentError("the themes step takes one earlier table");
      DOCKET_ASSIGN_OR_RETURN(prior, ParsePriorThemes(files.front().data(), files.front().name));
    }
    const auto& in = ctx.inputs("records");
    if (in.size() != 1) return InternalError("expected one records artifact");
    DOCKET_ASSIGN_OR_RETURN(std::unique_ptr<RecordBatch> input, ParseRecordsBatch(in.front()));
    FeedbackBatch& batch = input->batch();
    ThemesResult result = ComputeThemes(batch.records(), lexicon, prior, config_, ctx.seed());
    int64_t unthemed = 0;
    for (int i = 0; i < batch.records_size(); ++i) {
      batch.mutable_records(i)->set_theme(result.record_themes[static_cast<size_t>(i)]);
      unthemed += result.record_themes[static_cast<size_t>(i)] == kUnthemedId;
    }
    ctx.SetMetric("records", batch.records_size());
    ctx.SetMetric("unthemed", unthemed);
    engine::StepOutputs out;
    out["records"] = MakeRecordsArtifact(batch);
    out["themes"] = engine::Artifact::Make(kKindThemes, kMediaJson, "themes.json",
                                           std::move(result.table_json));
    return out;
  }

 private:
  ThemesConfig config_;
};

}  // namespace

ThemesResult ComputeThemes(const google::protobuf::RepeatedPtrField<FeedbackRecord>& records,
                           const themes::Lexicon& lexicon,
                           const std::vector<themes::PriorTheme>& prior, const ThemesConfig& config,
                           uint64_t seed) {
  std::vector<std::string> texts;
  texts.reserve(static_cast<size_t>(records.size()));
  for (const FeedbackRecord& r : records) texts.push_back(r.text());
  themes::ThemeModelOptions model = config.model;
  // Weighting every LSA direction equally (power 0) clusters large corpora better but
  // over-splits small ones, where a few directions carry the themes (measured,
  // docs/benchmarks.md): small batches keep the singular values.
  if (texts.size() < kSmallCorpus) model.lsa.singular_value_power = 1.0;
  const themes::Embedding points = themes::EmbedTexts(texts, lexicon, model, seed);
  const themes::Clustering clustering = themes::ClusterEmbedded(points, model, seed);
  const std::vector<themes::ThemeLabel> labels =
      themes::LabelThemes(texts, points, clustering, lexicon, config.labels);
  std::vector<themes::Signature> signatures;
  for (const auto& label : labels) signatures.push_back(label.signature);
  const std::vector<themes::ThemeIdMatch> ids =
      themes::AssignThemeIds(signatures, prior, config.continue_similarity);

  ThemesResult result;
  std::vector<ThemeStats> stats(clustering.cluster_count);
  ThemeStats unthemed;
  for (int i = 0; i < records.size(); ++i) {
    const FeedbackRecord& r = records[i];
    const int32_t c = static_cast<size_t>(i) < clustering.assignment.size()
                          ? clustering.assignment[static_cast<size_t>(i)]
                          : themes::kUnthemed;
    const bool themed = c >= 0 && static_cast<size_t>(c) < stats.size();
    result.record_themes.push_back(themed ? ids[static_cast<size_t>(c)].id : kUnthemedId);
    ThemeStats& s = themed ? stats[static_cast<size_t>(c)] : unthemed;
    s.size += 1;
    s.volume += 1 + r.duplicate_count();
    ++s.severity[r.severity().empty() ? "unscored" : r.severity()];
    s.severity_score += r.severity_score();
    ++s.versions[r.release_version()];
    ++s.areas[r.feature_area()];
    ++s.regions[r.region()];
    ++s.channels[r.channel()];
  }

  json::array table;
  for (size_t c = 0; c < stats.size(); ++c) {
    const ThemeStats& s = stats[c];
    json::object theme;
    theme["id"] = ids[c].id;
    theme["continued"] = ids[c].continued;
    if (ids[c].continued) theme["similarity_to_previous"] = Rounded(ids[c].similarity);
    theme["size"] = s.size;
    theme["volume"] = s.volume;
    json::array terms;
    for (const std::string& t : labels[c].terms) terms.emplace_back(t);
    theme["terms"] = std::move(terms);
    json::array representatives;
    for (size_t index : labels[c].representatives) {
      representatives.emplace_back(records[static_cast<int>(index)].id());
    }
    theme["representatives"] = std::move(representatives);
    json::object severity = Counts(s.severity);
    const auto high = s.severity.find("high");
    severity["high_share"] = Rounded(
        s.size == 0 || high == s.severity.end() ? 0.0 : static_cast<double>(high->second) / s.size);
    severity["mean_score"] = Rounded(s.size == 0 ? 0.0 : s.severity_score / s.size);
    theme["severity"] = std::move(severity);
    json::object context;
    context["release_version"] = Counts(s.versions);
    context["feature_area"] = Counts(s.areas);
    context["region"] = Counts(s.regions);
    context["channel"] = Counts(s.channels);
    theme["context"] = std::move(context);
    json::array signature;
    for (const auto& [term, weight] : labels[c].signature) {
      signature.emplace_back(json::array{json::value(term), json::value(Rounded(weight))});
    }
    theme["signature"] = std::move(signature);
    table.emplace_back(std::move(theme));
  }
  json::object doc;
  doc["schema"] = "docket.themes.v1";
  doc["records"] = records.size();
  doc["themes_found"] = stats.size();
  json::object unthemed_doc;
  unthemed_doc["size"] = unthemed.size;
  unthemed_doc["volume"] = unthemed.volume;
  doc["unthemed"] = std::move(unthemed_doc);
  doc["themes"] = std::move(table);
  result.table_json = JsonToPrettyString(doc);
  return result;
}

StatusOr<std::vector<themes::PriorTheme>> ParsePriorThemes(std::string_view bytes,
                                                           std::string_view name) {
  DOCKET_ASSIGN_OR_RETURN(json::value doc, ParseJson(bytes, name));
  const auto bad = [&](std::string what) {
    return InvalidArgumentError(std::string(name) + ": not a theme table (" + what +
                                "); pass the themes.json of an earlier run");
  };
  if (!doc.is_object()) return bad("not a JSON object");
  const json::value* schema = doc.as_object().if_contains("schema");
  if (schema == nullptr || !schema->is_string() || schema->as_string() != "docket.themes.v1") {
    return bad("schema is not docket.themes.v1");
  }
  const json::value* list = doc.as_object().if_contains("themes");
  if (list == nullptr || !list->is_array()) return bad("no `themes` list");
  std::vector<themes::PriorTheme> prior;
  for (const json::value& item : list->as_array()) {
    const json::object* theme = item.if_object();
    const json::value* id = theme ? theme->if_contains("id") : nullptr;
    const json::value* signature = theme ? theme->if_contains("signature") : nullptr;
    if (id == nullptr || !id->is_string() || signature == nullptr || !signature->is_array()) {
      return bad("a theme without `id` or `signature`");
    }
    themes::PriorTheme p{.id = std::string(id->as_string())};
    for (const json::value& pair : signature->as_array()) {
      const json::array* a = pair.if_array();
      if (a == nullptr || a->size() != 2 || !(*a)[0].is_string() || !(*a)[1].is_number()) {
        return bad("theme " + p.id + ": a signature entry is not [term, weight]");
      }
      p.signature.emplace_back(std::string((*a)[0].as_string()), (*a)[1].to_number<double>());
    }
    prior.push_back(std::move(p));
  }
  return prior;
}

engine::StepTypeSpec ThemesStepSpec() {
  engine::StepTypeSpec spec;
  spec.type = "themes";
  spec.doc =
      "Group records into themes by meaning (TF-IDF + LSA + kNN-graph communities), "
      "with labels, representatives, severity mix, release context and stable ids "
      "(docs/themes.md).";
  spec.inputs = {{.name = "records", .kind = kKindRecords},
                 {.name = "lexicon",
                  .kind = kKindLexiconFile,
                  .optional = true,
                  .doc = "synonyms to canonical terms (docs/themes.md)"},
                 {.name = "previous",
                  .kind = kKindThemesFile,
                  .optional = true,
                  .doc = "an earlier run's themes.json, whose theme ids are continued"}};
  spec.outputs = {{.name = "records", .kind = kKindRecords},
                  {.name = "themes", .kind = kKindThemes}};
  spec.config.fields = {{.name = "min_theme_size",
                         .type = engine::ConfigType::kInt,
                         .default_value = "3",
                         .doc = "themes with fewer records go to unthemed",
                         .min = 1,
                         .max = 1e6},
                        {.name = "resolution",
                         .type = engine::ConfigType::kDouble,
                         .default_value = "1.0",
                         .doc = "higher gives more, smaller themes",
                         .min = 0.05,
                         .max = 20},
                        {.name = "dimensions",
                         .type = engine::ConfigType::kInt,
                         .default_value = "100",
                         .doc = "LSA dimensions",
                         .min = 2,
                         .max = 1000},
                        {.name = "continue_similarity",
                         .type = engine::ConfigType::kDouble,
                         .default_value = "0.5",
                         .doc = "least label similarity for a theme to keep an earlier theme's id",
                         .min = 0,
                         .max = 1}};
  return spec;
}

engine::StepFactory ThemesStepFactory() {
  return [](const engine::StepConfig& config, std::vector<engine::Diagnostic>&) {
    ThemesConfig c;
    c.model.clustering.min_cluster_size = static_cast<size_t>(config.GetInt("min_theme_size"));
    c.model.clustering.resolution = config.GetDouble("resolution");
    c.model.lsa.dimensions = static_cast<int>(config.GetInt("dimensions"));
    c.continue_similarity = config.GetDouble("continue_similarity");
    return std::make_unique<ThemesStep>(std::move(c));
  };
}

}  // namespace docket::workflows
