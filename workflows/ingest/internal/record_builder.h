// RecordBuilder applies a SourceMapping's row rules to one row at a time: it gathers
// canonical fields from source fields (joining text, first non-blank for the rest,
// constants as fallback), checks them, and fills a FeedbackRecord or a QuarantineEntry.
// The row itself is reached through RowValues, so CSV and JSON Lines share the rules.
// Borrows the mapping; reuses its own buffers between rows. Not thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "workflows/ingest/ingest.h"
#include "workflows/ingest/source_mapping.h"
#include "workflows/proto/feedback.pb.h"

namespace docket::workflows::internal {

// One row's values by source field, numbered as in RecordBuilder::source_fields().
class RowValues {
 public:
  virtual ~RowValues() = default;
  // Appends the value of source field `index` to `out`; false when the row has none.
  virtual bool Append(size_t index, std::string& out) const = 0;
};

class RecordBuilder {
 public:
  // `file_name` must be valid UTF-8; `mapping` must be valid and outlive the builder.
  RecordBuilder(std::string file_name, const SourceMapping& mapping, const IngestLimits& limits);

  // The source fields the mapping reads (mapped fields first, then extras), each once.
  const std::vector<std::string>& source_fields() const { return source_fields_; }

  // Fills `record` from the row starting at `line` and returns true; or returns false
  // after filling `entry` with why the row cannot be a record. `raw` is the row's bytes.
  bool Build(const RowValues& row, uint64_t line, std::string_view raw, FeedbackRecord& record,
             QuarantineEntry& entry);

  // Fills `entry` for a row rejected before its fields could be read.
  void Reject(uint64_t line, std::string_view raw, std::string_view field, std::string reason,
              QuarantineEntry& entry) const;

 private:
  static constexpr size_t kNumCanonical = kCanonicalFields.size();
  struct Problem {
    std::string field;
    std::string reason;
  };
  struct Slot {
    std::vector<size_t> sources;  // indexes into source_fields_
    std::optional<std::string> constant;
  };

  size_t SourceIndex(const std::string& name);
  std::optional<Problem> Gather(const RowValues& row, size_t canonical, std::string& out);
  std::optional<Problem> CheckRow(FeedbackRecord& record, uint64_t line);
  std::optional<Problem> CopyExtras(const RowValues& row, FeedbackRecord& record);
  std::string* Target(FeedbackRecord& record, size_t canonical);
  std::string SourceList(size_t canonical) const;

  const std::string file_name_;
  const SourceMapping& mapping_;
  const IngestLimits limits_;
  std::vector<std::string> source_fields_;
  std::array<Slot, kNumCanonical> slots_;
  std::vector<size_t> extras_;  // indexes into source_fields_
  std::string created_at_;      // scratch for fields that are not strings in the record
  std::string rating_;
  std::string extra_;
};

}  // namespace docket::workflows::internal
