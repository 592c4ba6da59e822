// `docket themes`; see themes_command.h.
#include "adapters/cli/themes_command.h"

#include <boost/json.hpp>
#include <cstring>
#include <iterator>
#include <sstream>
#include <vector>

#include "adapters/cli/exit_codes.h"
#include "adapters/store/file_artifact_store.h"
#include "engine/base/sha256.h"
#include "engine/config_reader.h"
#include "engine/workflow_parser.h"
#include "workflows/ingest/csv_reader.h"
#include "workflows/ingest/utf8.h"
#include "workflows/steps/records_artifact.h"
#include "workflows/steps/themes_step.h"
#include "workflows/themes/near_duplicates.h"

namespace docket::adapters {
namespace {

namespace json = boost::json;
namespace th = workflows::themes;

constexpr size_t kMaxInputBytes = size_t{1} << 30;
constexpr size_t kMaxConfigBytes = size_t{1} << 20;
constexpr size_t kMaxRecordBytes = size_t{1} << 20;

struct Settings {
  workflows::ThemesConfig themes;
  th::NearDuplicateOptions duplicates;
};

struct InputRecord {
  json::value id;
  std::string text;
};

StatusOr<Settings> LoadSettings(const std::filesystem::path& path) {
  Settings settings;
  if (path.empty()) return settings;
  DOCKET_ASSIGN_OR_RETURN(std::string bytes, ReadFile(path, kMaxConfigBytes));
  std::vector<engine::Diagnostic> diagnostics;
  std::optional<engine::ConfigNode> root = engine::ParseYamlTree(path.string(), bytes, diagnostics);
  engine::ConfigReader reader(diagnostics);
  if (root.has_value() && reader.ExpectMap(*root, "a themes config")) {
    reader.CheckKeys(*root, {"near_duplicates", "threshold", "min_theme_size", "resolution",
                             "dimensions", "continue_similarity"});
    if (const auto* near = root->Find("near_duplicates")) {
      const std::string v = reader.Text(*near);
      if (v != "true" && v != "false") reader.Error(*near, "`near_duplicates` is true or false");
      settings.duplicates.near_duplicates = v == "true";
    }
    if (const auto* t = root->Find("threshold")) {
      settings.duplicates.threshold = reader.Number(*t, 0.05, 1).value_or(0.7);
    }
    if (const auto* n = root->Find("min_theme_size")) {
      settings.themes.model.clustering.min_cluster_size =
          static_cast<size_t>(reader.Number(*n, 1, 1e6).value_or(3));
    }
    if (const auto* r = root->Find("resolution")) {
      settings.themes.model.clustering.resolution = reader.Number(*r, 0.05, 20).value_or(1);
    }
    if (const auto* d = root->Find("dimensions")) {
      settings.themes.model.lsa.dimensions =
          static_cast<int>(reader.Number(*d, 2, 1000).value_or(100));
    }
    if (const auto* c = root->Find("continue_similarity")) {
      settings.themes.continue_similarity = reader.Number(*c, 0, 1).value_or(0.5);
    }
  }
  if (!diagnostics.empty()) return engine::DiagnosticsToStatus(diagnostics);
  return settings;
}

// JSON Lines or plain text lines; bad lines are reported and skipped.
std::vector<InputRecord> ReadLines(std::string_view bytes, const std::string& name,
                                   std::ostream& err, uint64_t& skipped) {
  std::vector<InputRecord> records;
  uint64_t number = 0;
  size_t pos = 0;
  while (pos < bytes.size()) {
    size_t end = bytes.find('\n', pos);
    if (end == std::string_view::npos) end = bytes.size();
    std::string_view line = bytes.substr(pos, end - pos);
    pos = end + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    const std::string where = name + ":" + std::to_string(number) + ": ";
    if (line.size() > kMaxRecordBytes) {
      err << where << "record over the 1 MiB limit (skipped)\n";
      ++skipped;
      continue;
    }
    if (std::optional<size_t> bad = workflows::FindInvalidUtf8(line)) {
      err << where << "invalid UTF-8 at byte " << *bad + 1 << " (skipped)\n";
      ++skipped;
      continue;
    }
    const size_t first = line.find_first_not_of(" \t");
    if (line[first] == '{') {
      boost::system::error_code ec;
      json::value v = json::parse(line, ec);
      if (!ec && v.is_object()) {
        const json::object& o = v.as_object();
        const json::value* text = o.if_contains("text");
        if (text == nullptr || !text->is_string()) {
          err << where << "a JSON record needs a string `text` field (skipped)\n";
          ++skipped;
          continue;
        }
        const json::value* id = o.if_contains("id");
        records.push_back(
            {id != nullptr ? *id : json::value(number), std::string(text->as_string())});
        continue;
      }
    }
    records.push_back({json::value(number), std::string(line)});
  }
  return records;
}

// CSV with a `text` column and an optional `id` column.
StatusOr<std::vector<InputRecord>> ReadCsv(std::string_view bytes, const std::string& name,
                                           std::ostream& err, uint64_t& skipped) {
  workflows::CsvReader reader(bytes, workflows::CsvLimits{.max_row_bytes = kMaxRecordBytes});
  if (Status s = reader.ReadHeader(); !s.ok()) return s.WithContext(name);
  const auto& header = reader.header();
  const auto column = [&](std::string_view want) -> std::optional<size_t> {
    for (size_t i = 0; i < header.size(); ++i) {
      if (header[i] == want) return i;
    }
    return std::nullopt;
  };
  const std::optional<size_t> text = column("text");
  const std::optional<size_t> id = column("id");
  if (!text) return InvalidArgumentError(name + ": no `text` column in the header");
  std::vector<InputRecord> records;
  workflows::CsvRow row;
  uint64_t row_number = 0;
  while (reader.Next(row)) {
    ++row_number;
    if (!row.problem.empty()) {
      err << name << ": " << row.problem << " (skipped)\n";
      ++skipped;
      continue;
    }
    const std::string_view t = row.fields[*text];
    if (std::optional<size_t> bad = workflows::FindInvalidUtf8(t)) {
      err << name << ":" << row.line << ": invalid UTF-8 in `text` at byte " << *bad + 1
          << " (skipped)\n";
      ++skipped;
      continue;
    }
    json::value record_id =
        id ? json::value(std::string(row.fields[*id])) : json::value(row_number);
    records.push_back({std::move(record_id), std::string(t)});
  }
  if (!reader.status().ok()) return reader.status().WithContext(name);
  return records;
}

uint64_t ContentSeed(const std::vector<InputRecord>& records) {
  Sha256Hasher hasher;
  hasher.Update("docket.themes.seed.v1");
  for (const InputRecord& r : records) {
    const uint64_t size = r.text.size();
    hasher.Update(std::string_view(reinterpret_cast<const char*>(&size), sizeof size));
    hasher.Update(r.text);
  }
  const Sha256Digest digest = hasher.Finish();
  uint64_t seed = 0;
  std::memcpy(&seed, digest.bytes.data(), sizeof seed);
  return seed;
}

std::string IdText(const json::value& id) {
  return id.is_string() ? std::string(id.as_string()) : json::serialize(id);
}

}  // namespace

int ThemesCommand(const ThemesCommandOptions& opts, std::istream& stdin_stream,
                  std::ostream& stdout_stream, std::ostream& err) {
  const auto fail = [&](const Status& s) {
    err << "docket themes: " << s.message() << "\n";
    return kExitUsage;
  };
  StatusOr<Settings> settings = LoadSettings(opts.config);
  if (!settings.ok()) return fail(settings.status());
  th::Lexicon lexicon;
  if (!opts.lexicon.empty()) {
    StatusOr<std::string> bytes = ReadFile(opts.lexicon, th::kMaxLexiconFileBytes);
    if (!bytes.ok()) return fail(bytes.status().WithContext("--lexicon"));
    StatusOr<th::Lexicon> parsed = th::ParseLexicon(opts.lexicon.string(), *bytes);
    if (!parsed.ok()) return fail(parsed.status());
    lexicon = *std::move(parsed);
  }
  std::vector<th::PriorTheme> prior;
  if (!opts.previous.empty()) {
    StatusOr<std::string> bytes = ReadFile(opts.previous, kMaxInputBytes);
    if (!bytes.ok()) return fail(bytes.status().WithContext("--previous"));
    StatusOr<std::vector<th::PriorTheme>> parsed =
        workflows::ParsePriorThemes(*bytes, opts.previous.string());
    if (!parsed.ok()) return fail(parsed.status());
    prior = *std::move(parsed);
  }
  std::string bytes;
  if (opts.input == "-") {
    bytes.assign(std::istreambuf_iterator<char>(stdin_stream), {});
  } else {
    StatusOr<std::string> read = ReadFile(opts.input, kMaxInputBytes);
    if (!read.ok()) return fail(read.status().WithContext("--input"));
    bytes = *std::move(read);
  }
  const std::string name = opts.input == "-" ? "<stdin>" : opts.input;
  uint64_t skipped = 0;
  std::vector<InputRecord> records;
  if (name.size() > 4 && name.compare(name.size() - 4, 4, ".csv") == 0) {
    StatusOr<std::vector<InputRecord>> csv = ReadCsv(bytes, name, err, skipped);
    if (!csv.ok()) return fail(csv.status());
    records = *std::move(csv);
  } else {
    records = ReadLines(bytes, name, err, skipped);
  }

  // Duplicates first; themes over the canonical records, whose volumes count the rest.
  std::vector<std::string_view> texts;
  for (const InputRecord& r : records) texts.push_back(r.text);
  const th::DuplicateReport duplicates = th::FindDuplicates(texts, settings->duplicates);
  workflows::FeedbackBatch kept;
  std::vector<int> kept_index(records.size(), -1);
  for (size_t i = 0; i < records.size(); ++i) {
    if (duplicates.matches[i].kind != th::DuplicateKind::kCanonical) continue;
    kept_index[i] = kept.records_size();
    workflows::FeedbackRecord* r = kept.add_records();
    r->set_id(IdText(records[i].id));
    r->set_text(records[i].text);
  }
  for (size_t i = 0; i < records.size(); ++i) {
    if (kept_index[i] >= 0) continue;
    workflows::FeedbackRecord* canonical =
        kept.mutable_records(kept_index[duplicates.matches[i].canonical]);
    canonical->set_duplicate_count(canonical->duplicate_count() + 1);
  }
  const workflows::ThemesResult themes = workflows::ComputeThemes(
      kept.records(), lexicon, prior, settings->themes, ContentSeed(records));

  std::ostringstream buffered;
  std::ostream& out = opts.out.empty() ? stdout_stream : buffered;
  for (size_t i = 0; i < records.size(); ++i) {
    const th::DuplicateMatch& match = duplicates.matches[i];
    const size_t canonical = match.kind == th::DuplicateKind::kCanonical ? i : match.canonical;
    json::object line;
    line["id"] = records[i].id;
    line["theme"] = themes.record_themes[static_cast<size_t>(kept_index[canonical])];
    line["duplicate_of"] =
        match.kind == th::DuplicateKind::kCanonical ? json::value(nullptr) : records[canonical].id;
    out << json::serialize(line) << "\n";
  }
  boost::system::error_code ec;
  out << json::serialize(json::parse(themes.table_json, ec)) << "\n";
  if (!opts.out.empty()) {
    if (Status s = WriteFileAtomically(opts.out, buffered.str()); !s.ok()) {
      return fail(s.WithContext("writing --out"));
    }
  }
  if (skipped > 0) {
    err << "docket themes: " << skipped << " record(s) skipped, " << records.size() << " read\n";
    return 1;
  }
  return kExitApprove;
}

}  // namespace docket::adapters
