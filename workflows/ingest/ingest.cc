#include "workflows/ingest/ingest.h"

#include <cstring>
#include <string>
#include <vector>

#include "workflows/ingest/csv_reader.h"
#include "engine/base/closest_name.h"
#include "workflows/ingest/internal/record_builder.h"
#include "workflows/ingest/jsonl_reader.h"
#include "workflows/ingest/utf8.h"

namespace docket::workflows {
namespace {

using internal::RecordBuilder;

// JSON Lines input whose first this-many non-blank lines are all bad is not JSON Lines.
constexpr uint64_t kJsonlProbeLines = 3;

Status CheckWholeFile(std::string_view bytes, const IngestLimits& limits) {
  if (bytes.size() > limits.max_file_bytes) {
    return InvalidArgumentError("file is " + std::to_string(bytes.size()) +
                                " bytes, over the limit of " +
                                std::to_string(limits.max_file_bytes) + "; split it");
  }
  std::string_view body = bytes;
  if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return InvalidArgumentError("file is empty");
  }
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    return InvalidArgumentError("file starts with a UTF-16 byte order mark; re-export it as UTF-8");
  }
  if (const void* nul = std::memchr(bytes.data(), '\0', bytes.size())) {
    const size_t offset = static_cast<const char*>(nul) - bytes.data();
    return InvalidArgumentError("file has a NUL byte at offset " + std::to_string(offset) +
                                "; it looks binary (or UTF-16), not UTF-8 text");
  }
  return Status::Ok();
}

void Tally(bool became_record, IngestStats& stats) {
  ++stats.rows;
  ++(became_record ? stats.records : stats.quarantined);
}

// Builds one record (or quarantine entry) in place at the end of the batches.
bool BuildInto(RecordBuilder& builder, const internal::RowValues& row, uint64_t line,
               std::string_view raw, FeedbackBatch& records, QuarantineBatch& quarantine) {
  QuarantineEntry entry;
  if (builder.Build(row, line, raw, *records.add_records(), entry)) return true;
  records.mutable_records()->RemoveLast();  // keeps the cleared object for reuse
  *quarantine.add_entries() = std::move(entry);
  return false;
}

class CsvRowValues final : public internal::RowValues {
 public:
  CsvRowValues(const CsvRow& row, const std::vector<size_t>& columns)
      : row_(row), columns_(columns) {}
  bool Append(size_t index, std::string& out) const override {
    out.append(row_.fields[columns_[index]]);
    return true;
  }

 private:
  const CsvRow& row_;
  const std::vector<size_t>& columns_;
};

std::string ListColumns(const std::vector<std::string>& header) {
  constexpr size_t kMaxListed = 30;
  std::string list;
  for (size_t i = 0; i < header.size() && i < kMaxListed; ++i) {
    list += (i > 0 ? ", \"" : "\"") + SafeUtf8Excerpt(header[i], 64) + "\"";
  }
  if (header.size() > kMaxListed) list += ", ... (" + std::to_string(header.size()) + " in all)";
  return list;
}

// The header position of every source field the mapping reads.
StatusOr<std::vector<size_t>> ResolveColumns(const std::vector<std::string>& names,
                                             const std::vector<std::string>& header) {
  std::vector<size_t> columns;
  for (const std::string& name : names) {
    std::vector<size_t> found;
    for (size_t i = 0; i < header.size(); ++i) {
      if (header[i] == name) found.push_back(i);
    }
    if (found.size() == 1) {
      columns.push_back(found[0]);
      continue;
    }
    std::string message = "column \"" + SafeUtf8Excerpt(name, 64) + "\" named in the mapping ";
    if (found.empty()) {
      message += "is not in the CSV header";
      if (auto closest = ClosestName(name, header)) {
        message += " (did you mean \"" + SafeUtf8Excerpt(*closest, 64) + "\"?)";
      }
    } else {
      message += "appears " + std::to_string(found.size()) + " times in the CSV header";
    }
    return InvalidArgumentError(message + "; header columns: " + ListColumns(header));
  }
  return columns;
}

StatusOr<IngestStats> IngestCsv(std::string_view bytes, const IngestLimits& limits,
                                RecordBuilder& builder, FeedbackBatch& records,
                                QuarantineBatch& quarantine) {
  CsvReader reader(bytes, CsvLimits{limits.max_row_bytes, limits.max_fields});
  DOCKET_RETURN_IF_ERROR(reader.ReadHeader());
  DOCKET_ASSIGN_OR_RETURN(const std::vector<size_t> columns,
                          ResolveColumns(builder.source_fields(), reader.header()));
  IngestStats stats;
  CsvRow row;
  const CsvRowValues values(row, columns);
  while (reader.Next(row)) {
    if (!row.problem.empty()) {
      builder.Reject(row.line, row.raw, "", std::move(row.problem), *quarantine.add_entries());
      Tally(false, stats);
      continue;
    }
    Tally(BuildInto(builder, values, row.line, row.raw, records, quarantine), stats);
  }
  DOCKET_RETURN_IF_ERROR(reader.status());
  return stats;
}

class JsonlRowValues final : public internal::RowValues {
 public:
  JsonlRowValues(const JsonlReader& reader, const std::vector<std::string>& paths)
      : reader_(reader), paths_(paths) {}
  bool Append(size_t index, std::string& out) const override {
    return reader_.AppendValue(paths_[index], out);
  }

 private:
  const JsonlReader& reader_;
  const std::vector<std::string>& paths_;
};

Status NotJsonLines(const JsonlLine& first_bad, uint64_t lines) {
  return InvalidArgumentError("not JSON Lines: none of the first " + std::to_string(lines) +
                              " non-blank lines is a JSON object (first problem: " +
                              SafeUtf8Excerpt(first_bad.problem, 200) + ")");
}

StatusOr<IngestStats> IngestJsonl(std::string_view bytes, const IngestLimits& limits,
                                  RecordBuilder& builder, FeedbackBatch& records,
                                  QuarantineBatch& quarantine) {
  JsonlReader reader(bytes, JsonlLimits{.max_line_bytes = limits.max_row_bytes});
  const JsonlRowValues values(reader, builder.source_fields());
  IngestStats stats;
  JsonlLine line;
  JsonlLine first_bad;
  bool seen_object = false;
  while (reader.Next(line)) {
    if (line.problem.empty()) {
      seen_object = true;
      Tally(BuildInto(builder, values, line.line, line.raw, records, quarantine), stats);
      continue;
    }
    if (!seen_object && stats.rows == 0) first_bad = line;
    if (!seen_object && stats.rows + 1 == kJsonlProbeLines) {
      return NotJsonLines(first_bad, kJsonlProbeLines);
    }
    builder.Reject(line.line, line.raw, "", std::move(line.problem), *quarantine.add_entries());
    Tally(false, stats);
  }
  DOCKET_RETURN_IF_ERROR(reader.status());
  if (!seen_object && stats.rows > 0) return NotJsonLines(first_bad, stats.rows);
  return stats;
}

// Drops what was appended after `records_before` / `entries_before`.
void RollBack(int records_before, int entries_before, FeedbackBatch& records,
              QuarantineBatch& quarantine) {
  records.mutable_records()->DeleteSubrange(records_before,
                                            records.records_size() - records_before);
  quarantine.mutable_entries()->DeleteSubrange(entries_before,
                                               quarantine.entries_size() - entries_before);
}

}  // namespace

StatusOr<IngestStats> IngestFile(std::string_view file_name, std::string_view bytes,
                                 const SourceMapping& mapping, const IngestLimits& limits,
                                 FeedbackBatch& records, QuarantineBatch& quarantine) {
  // File names are arbitrary bytes; records and messages need UTF-8.
  std::string file = SafeUtf8Excerpt(file_name, file_name.size() * 3);
  DOCKET_RETURN_IF_ERROR(ValidateSourceMapping(mapping).WithContext(file + ": mapping"));
  DOCKET_RETURN_IF_ERROR(CheckWholeFile(bytes, limits).WithContext(file));
  const int records_before = records.records_size();
  const int entries_before = quarantine.entries_size();
  RecordBuilder builder(file, mapping, limits);
  StatusOr<IngestStats> stats = mapping.format == InputFormat::kCsv
                                    ? IngestCsv(bytes, limits, builder, records, quarantine)
                                    : IngestJsonl(bytes, limits, builder, records, quarantine);
  if (!stats.ok()) {
    RollBack(records_before, entries_before, records, quarantine);
    return stats.status().WithContext(file);
  }
  stats->bytes = bytes.size();
  return stats;
}

}  // namespace docket::workflows
