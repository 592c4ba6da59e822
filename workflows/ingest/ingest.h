// IngestFile: turns one source file's bytes (CSV or JSON Lines, per its SourceMapping)
// into canonical FeedbackRecords plus a quarantine of the rows that could not become
// records, each with file, line, field and what to fix. Nothing is dropped silently:
// every data row becomes exactly one record or one quarantine entry. Pure function over
// bytes (no file I/O, no clock); thread-safe. Normalization is a separate step
// (normalize.h).
#pragma once

#include <cstdint>
#include <string_view>

#include "engine/base/status.h"
#include "workflows/ingest/source_mapping.h"
#include "workflows/proto/feedback.pb.h"

namespace docket::workflows {

struct IngestLimits {
  uint64_t max_file_bytes = 1ull << 30;
  uint64_t max_row_bytes = 1 << 20;    // a CSV record or a JSON line
  uint64_t max_text_bytes = 64 << 10;  // FeedbackRecord.text once assembled
  uint32_t max_fields = 512;           // CSV header columns
};

struct IngestStats {
  uint64_t rows = 0;         // data rows read (blank lines and the CSV header excluded)
  uint64_t records = 0;      // rows that became records
  uint64_t quarantined = 0;  // rows that went to quarantine; rows == records + quarantined
  uint64_t bytes = 0;        // size of the file
};

// Parses one file's bytes into canonical records (appended to `records`, in file order)
// and quarantine entries (appended to `quarantine`). A row becomes a record when its
// text is non-blank and at most max_text_bytes, created_at is present and parses, the
// rating is empty or a whole number on the mapping's scale, and every value is valid
// UTF-8. Records get id = the mapped id or "<file_name>:<line>", and origin_file and
// origin_line. Records are not normalized.
// Errors (and nothing appended) when the file as a whole is unusable:
// kInvalidArgument for an invalid mapping, an empty file or one over max_file_bytes,
// one not in the declared format (NUL bytes, a UTF-16 BOM, a CSV header without a
// mapped column, JSON Lines whose first lines are not JSON objects), or a truncated
// file (an unterminated quoted field, a cut last JSON line). Messages name the file.
[[nodiscard]] StatusOr<IngestStats> IngestFile(std::string_view file_name, std::string_view bytes,
                                               const SourceMapping& mapping,
                                               const IngestLimits& limits, FeedbackBatch& records,
                                               QuarantineBatch& quarantine);

}  // namespace docket::workflows
