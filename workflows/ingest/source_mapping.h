// SourceMapping: how one source's export (its format, columns or JSON keys, constants,
// timestamp and rating conventions) maps onto the canonical FeedbackRecord. A plain
// value type, usually loaded from a workflow file; ValidateSourceMapping() checks it
// before any file is read. Thread-compatible.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/status.h"
#include "workflows/ingest/timestamp_parser.h"

namespace docket::workflows {

enum class InputFormat { kCsv, kJsonl };

enum class RatingScale {
  kOneToFive,  // 1..5 as is
  kZeroToTen,  // 0..10 mapped 0-2 -> 1, 3-4 -> 2, 5-6 -> 3, 7-8 -> 4, 9-10 -> 5
};

// The FeedbackRecord fields a mapping may fill, by name.
inline constexpr std::array<std::string_view, 13> kCanonicalFields = {
    "id",
    "channel",
    "language",
    "product",
    "feature_area",
    "release_version",
    "customer_tier",
    "rating",
    "created_at",
    "text",
    "region",
    "request_id",
    "error_code",
};

struct SourceMapping {
  std::string source;  // FeedbackRecord.source, e.g. "zendesk"
  InputFormat format = InputFormat::kCsv;
  // Canonical field name -> source fields: CSV header names, or JSON keys where a
  // dotted path ("device.os") reaches into nested objects. Several source fields for
  // "text" are joined with "\n\n" in order, blank ones skipped; for any other field
  // the first non-blank one wins.
  std::map<std::string, std::vector<std::string>> fields;
  // Canonical field name -> value used when the field is unmapped or blank in a row.
  std::map<std::string, std::string> constants;
  // Source fields copied as they are into FeedbackRecord.extras, keyed by their name.
  std::vector<std::string> extras;
  TimestampFormat timestamp_format = TimestampFormat::kAuto;
  // Zone assumed for created_at values that name none; minutes east of UTC.
  std::optional<int> default_utc_offset_minutes;
  RatingScale rating_scale = RatingScale::kOneToFive;
};

// Checks the mapping itself: canonical names are known, text and created_at are
// mapped or constant, names are non-empty valid UTF-8 and not repeated, constants for
// created_at and rating parse, the default offset is within a day.
// Errors: kInvalidArgument naming the offending entry and what to change.
[[nodiscard]] Status ValidateSourceMapping(const SourceMapping& mapping);

// Parses a rating as a source writes it (a whole number; surrounding spaces ignored)
// and maps it onto 1..5; std::nullopt when it is not a whole number on `scale`.
std::optional<int> ParseRating(std::string_view text, RatingScale scale);

}  // namespace docket::workflows
