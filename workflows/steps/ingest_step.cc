#include "workflows/steps/ingest_step.h"

#include <fnmatch.h>

#include <algorithm>

#include <boost/json.hpp>

#include "workflows/ingest/ingest.h"
#include "workflows/ingest/source_mapping.h"
#include "workflows/steps/artifact_kinds.h"
#include "workflows/steps/records_artifact.h"

namespace docket::workflows {
namespace {

using engine::ConfigNode;
using engine::Diagnostic;
using Kind = ConfigNode::Kind;

struct MatchedMapping {
  std::string pattern;  // glob on the file name
  SourceMapping mapping;
};

bool IsCanonical(std::string_view name) {
  return std::find(kCanonicalFields.begin(), kCanonicalFields.end(), name) !=
         kCanonicalFields.end();
}

std::vector<std::string> ScalarOrList(const ConfigNode& node, std::vector<Diagnostic>& diags) {
  std::vector<std::string> out;
  if (node.kind == Kind::kScalar) {
    out.push_back(node.scalar);
  } else if (node.kind == Kind::kList) {
    for (const ConfigNode& item : node.list) {
      if (item.kind == Kind::kScalar) {
        out.push_back(item.scalar);
      } else {
        diags.push_back({item.pos, "expected a field name", ""});
      }
    }
  } else {
    diags.push_back({node.pos, "expected a field name or a list of them", ""});
  }
  return out;
}

std::optional<MatchedMapping> ParseSource(const ConfigNode& node, std::vector<Diagnostic>& diags) {
  const size_t before = diags.size();
  if (node.kind != Kind::kMap) {
    diags.push_back({node.pos, "each entry of `sources` must be a map", ""});
    return std::nullopt;
  }
  MatchedMapping m;
  for (const auto& entry : node.map) {
    // Named references, not a structured binding: clang 14 cannot capture those.
    const std::string& key = entry.first;
    const ConfigNode& value = entry.second;
    auto scalar = [&]() -> std::string {
      if (value.kind != Kind::kScalar) {
        diags.push_back({value.pos, "`" + key + "` must be a scalar", ""});
        return "";
      }
      return value.scalar;
    };
    if (key == "match") {
      m.pattern = scalar();
    } else if (key == "format") {
      const std::string f = scalar();
      if (f == "csv") {
        m.mapping.format = InputFormat::kCsv;
      } else if (f == "jsonl") {
        m.mapping.format = InputFormat::kJsonl;
      } else {
        diags.push_back({value.pos, "unknown format `" + f + "`", "use csv or jsonl"});
      }
    } else if (key == "source") {
      m.mapping.source = scalar();
    } else if (key == "fields" || key == "constants") {
      if (value.kind != Kind::kMap) {
        diags.push_back({value.pos, "`" + key + "` must be a map of canonical field: ...", ""});
        continue;
      }
      for (const auto& [field, target] : value.map) {
        if (!IsCanonical(field)) {
          std::string known;
          for (std::string_view f : kCanonicalFields) {
            known += (known.empty() ? "" : ", ") + std::string(f);
          }
          diags.push_back({target.pos, "`" + field + "` is not a canonical field",
                           "canonical fields: " + known});
          continue;
        }
        if (key == "fields") {
          m.mapping.fields[field] = ScalarOrList(target, diags);
        } else if (target.kind == Kind::kScalar) {
          m.mapping.constants[field] = target.scalar;
        } else {
          diags.push_back({target.pos, "a constant must be a scalar", ""});
        }
      }
    } else if (key == "extras") {
      m.mapping.extras = ScalarOrList(value, diags);
    } else if (key == "timestamp_format") {
      const std::string f = scalar();
      static const std::pair<const char*, TimestampFormat> kFormats[] = {
          {"auto", TimestampFormat::kAuto},
          {"rfc3339", TimestampFormat::kRfc3339},
          {"rfc2822", TimestampFormat::kRfc2822},
          {"epoch_seconds", TimestampFormat::kEpochSeconds},
          {"epoch_millis", TimestampFormat::kEpochMillis}};
      bool found = false;
      for (const auto& [name, fmt] : kFormats) {
        if (f == name) {
          m.mapping.timestamp_format = fmt;
          found = true;
        }
      }
      if (!found) {
        diags.push_back({value.pos, "unknown timestamp_format `" + f + "`",
                         "use auto, rfc3339, rfc2822, epoch_seconds or epoch_millis"});
      }
    } else if (key == "default_utc_offset") {
      const std::string z = scalar();
      int sign = 1, h = 0, mi = 0;
      if (z == "UTC" || z == "Z") {
        m.mapping.default_utc_offset_minutes = 0;
      } else if (z.size() == 6 && (z[0] == '+' || z[0] == '-') && z[3] == ':' &&
                 std::sscanf(z.c_str() + 1, "%2d:%2d", &h, &mi) == 2 && h < 24 && mi < 60) {
        sign = z[0] == '-' ? -1 : 1;
        m.mapping.default_utc_offset_minutes = sign * (h * 60 + mi);
      } else {
        diags.push_back({value.pos, "bad default_utc_offset `" + z + "`",
                         "use UTC or an offset like +02:00"});
      }
    } else if (key == "rating_scale") {
      const std::string r = scalar();
      if (r == "1-5") {
        m.mapping.rating_scale = RatingScale::kOneToFive;
      } else if (r == "0-10") {
        m.mapping.rating_scale = RatingScale::kZeroToTen;
      } else {
        diags.push_back({value.pos, "unknown rating_scale `" + r + "`", "use 1-5 or 0-10"});
      }
    } else {
      diags.push_back({value.pos, "unknown key `" + key + "` in a source mapping",
                       "known: match, format, source, fields, constants, extras, "
                       "timestamp_format, default_utc_offset, rating_scale"});
    }
  }
  if (m.pattern.empty()) diags.push_back({node.pos, "source mapping needs `match`",
                                          "a glob on the file name, e.g. \"*.csv\""});
  if (diags.size() == before) {
    if (Status s = ValidateSourceMapping(m.mapping); !s.ok()) {
      diags.push_back({node.pos, s.message(), ""});
    }
  }
  if (diags.size() != before) return std::nullopt;
  return m;
}

std::string QuarantineLine(const QuarantineEntry& e) {
  boost::json::object o;
  o["file"] = e.file();
  o["line"] = e.line();
  o["field"] = e.field();
  o["reason"] = e.reason();
  o["raw_excerpt"] = e.raw_excerpt();
  return JsonToString(o) + "\n";
}

class IngestStep final : public engine::Step {
 public:
  IngestStep(std::vector<MatchedMapping> sources, IngestLimits limits)
      : sources_(std::move(sources)), limits_(limits) {}

  StatusOr<engine::StepOutputs> Run(engine::StepContext& ctx) override {
    RecordBatch output;
    FeedbackBatch& records = output.batch();
    QuarantineBatch quarantine;
    int64_t input_bytes = 0;
    for (const engine::Artifact& file : ctx.inputs("files")) {
      if (ctx.cancelled()) return CancelledError("ingest cancelled");
      const MatchedMapping* match = nullptr;
      for (const MatchedMapping& m : sources_) {
        if (fnmatch(m.pattern.c_str(), file.name.c_str(), 0) == 0) {
          match = &m;
          break;
        }
      }
      if (match == nullptr) {
        return InvalidArgumentError("input file " + file.name +
                                    " matches no entry of the ingest step's `sources`; add a "
                                    "`match:` pattern for it");
      }
      DOCKET_ASSIGN_OR_RETURN(IngestStats stats, IngestFile(file.name, file.data(), match->mapping,
                                                            limits_, records, quarantine));
      input_bytes += static_cast<int64_t>(stats.bytes);
    }
    std::string quarantine_lines;
    for (const QuarantineEntry& e : quarantine.entries()) quarantine_lines += QuarantineLine(e);
    ctx.SetMetric("input_bytes", input_bytes);
    ctx.SetMetric("records", records.records_size());
    ctx.SetMetric("quarantined", quarantine.entries_size());
    engine::StepOutputs out;
    out["records"] = MakeRecordsArtifact(records);
    out["quarantine"] = engine::Artifact::Make(kKindQuarantine, kMediaJsonLines,
                                               "quarantine.jsonl", std::move(quarantine_lines));
    return out;
  }

 private:
  std::vector<MatchedMapping> sources_;
  IngestLimits limits_;
};

}  // namespace

engine::StepTypeSpec IngestStepSpec() {
  engine::StepTypeSpec spec;
  spec.type = "ingest";
  spec.doc = "Parse CSV/JSONL feedback files into canonical records; quarantine bad rows.";
  spec.inputs = {{.name = "files", .kind = kKindFeedbackFile, .multiple = true}};
  spec.outputs = {{.name = "records", .kind = kKindRecords},
                  {.name = "quarantine", .kind = kKindQuarantine}};
  spec.config.fields = {
      {.name = "sources", .type = engine::ConfigType::kTree, .required = true,
       .doc = "list of source mappings: match, format, source, fields, constants, extras, "
              "timestamp_format, default_utc_offset, rating_scale"},
      {.name = "max_file_bytes", .type = engine::ConfigType::kInt,
       .default_value = std::to_string(1ull << 30), .doc = "largest accepted file",
       .min = 1, .max = 4.0 * (1ull << 30)},
      {.name = "max_row_bytes", .type = engine::ConfigType::kInt,
       .default_value = std::to_string(1 << 20), .doc = "largest accepted row or line",
       .min = 64, .max = 64 << 20},
      {.name = "max_text_bytes", .type = engine::ConfigType::kInt,
       .default_value = std::to_string(64 << 10), .doc = "longest accepted feedback text",
       .min = 16, .max = 16 << 20},
  };
  return spec;
}

engine::StepFactory IngestStepFactory() {
  return [](const engine::StepConfig& config,
            std::vector<Diagnostic>& diags) -> std::unique_ptr<engine::Step> {
    const ConfigNode& tree = config.GetTree("sources");
    if (tree.kind != Kind::kList || tree.list.empty()) {
      diags.push_back(config.ErrorAt("sources", "must be a non-empty list of source mappings"));
      return nullptr;
    }
    const size_t before = diags.size();
    std::vector<MatchedMapping> sources;
    for (const ConfigNode& item : tree.list) {
      if (auto m = ParseSource(item, diags)) sources.push_back(std::move(*m));
    }
    if (diags.size() != before) return nullptr;
    IngestLimits limits;
    limits.max_file_bytes = static_cast<uint64_t>(config.GetInt("max_file_bytes"));
    limits.max_row_bytes = static_cast<uint64_t>(config.GetInt("max_row_bytes"));
    limits.max_text_bytes = static_cast<uint64_t>(config.GetInt("max_text_bytes"));
    return std::make_unique<IngestStep>(std::move(sources), limits);
  };
}

}  // namespace docket::workflows
