#include "workflows/ingest/internal/record_builder.h"

#include <algorithm>

#include "workflows/ingest/normalize.h"
#include "workflows/ingest/timestamp_parser.h"
#include "workflows/ingest/utf8.h"

namespace docket::workflows::internal {
namespace {

// Positions in kCanonicalFields.
enum Canonical : size_t {
  kId,
  kChannel,
  kLanguage,
  kProduct,
  kFeatureArea,
  kReleaseVersion,
  kCustomerTier,
  kRating,
  kCreatedAt,
  kText,
  kRegion,
  kRequestId,
  kErrorCode,
};
static_assert(kCanonicalFields[kRating] == "rating" && kCanonicalFields[kText] == "text" &&
              kCanonicalFields[kErrorCode] == "error_code");

bool IsBlank(std::string_view s) { return TrimWhiteSpace(s).empty(); }

std::string Quote(std::string_view value) {
  std::string quoted(1, '"');
  quoted += SafeUtf8Excerpt(value, 64);
  quoted += value.size() > 64 ? "...\"" : "\"";
  return quoted;
}

std::string InvalidUtf8(size_t offset, std::string_view source_field) {
  return "invalid UTF-8 at byte " + std::to_string(offset) + " of source field " +
         Quote(source_field) + "; re-export the file as UTF-8";
}

}  // namespace

RecordBuilder::RecordBuilder(std::string file_name, const SourceMapping& mapping,
                             const IngestLimits& limits)
    : file_name_(std::move(file_name)), mapping_(mapping), limits_(limits) {
  for (size_t c = 0; c < kNumCanonical; ++c) {
    const std::string name(kCanonicalFields[c]);
    if (auto it = mapping.fields.find(name); it != mapping.fields.end()) {
      for (const std::string& source : it->second) slots_[c].sources.push_back(SourceIndex(source));
    }
    if (auto it = mapping.constants.find(name); it != mapping.constants.end()) {
      slots_[c].constant = it->second;
    }
  }
  for (const std::string& extra : mapping.extras) extras_.push_back(SourceIndex(extra));
}

size_t RecordBuilder::SourceIndex(const std::string& name) {
  auto it = std::find(source_fields_.begin(), source_fields_.end(), name);
  if (it != source_fields_.end()) return it - source_fields_.begin();
  source_fields_.push_back(name);
  return source_fields_.size() - 1;
}

bool RecordBuilder::Build(const RowValues& row, uint64_t line, std::string_view raw,
                          FeedbackRecord& record, QuarantineEntry& entry) {
  record.Clear();
  std::optional<Problem> problem;
  for (size_t c = 0; c < kNumCanonical && !problem; ++c) {
    problem = Gather(row, c, *Target(record, c));
  }
  if (!problem) problem = CopyExtras(row, record);
  if (!problem) problem = CheckRow(record, line);
  if (problem) {
    Reject(line, raw, problem->field, std::move(problem->reason), entry);
    return false;
  }
  record.set_source(mapping_.source);
  record.set_origin_file(file_name_);
  record.set_origin_line(line);
  return true;
}

void RecordBuilder::Reject(uint64_t line, std::string_view raw, std::string_view field,
                           std::string reason, QuarantineEntry& entry) const {
  entry.Clear();
  entry.set_file(file_name_);
  entry.set_line(line);
  entry.set_field(std::string(field));
  entry.set_reason(std::move(reason));
  entry.set_raw_excerpt(SafeUtf8Excerpt(raw, 200));
}

// Text joins every non-blank source with a blank line; other fields take the first
// non-blank source. The constant stands in when nothing was found.
std::optional<RecordBuilder::Problem> RecordBuilder::Gather(const RowValues& row, size_t canonical,
                                                            std::string& out) {
  out.clear();
  const bool join = canonical == kText;
  for (size_t index : slots_[canonical].sources) {
    const size_t mark = out.size();
    if (join && mark > 0) out.append("\n\n");
    const size_t start = out.size();
    if (!row.Append(index, out)) {
      out.resize(mark);
      continue;
    }
    const std::string_view value(out.data() + start, out.size() - start);
    if (auto bad = FindInvalidUtf8(value)) {
      return Problem{std::string(kCanonicalFields[canonical]),
                     InvalidUtf8(*bad, source_fields_[index])};
    }
    if (IsBlank(value)) {
      out.resize(mark);
    } else if (!join) {
      break;
    }
  }
  if (out.empty() && slots_[canonical].constant) out = *slots_[canonical].constant;
  return std::nullopt;
}

std::optional<RecordBuilder::Problem> RecordBuilder::CopyExtras(const RowValues& row,
                                                                FeedbackRecord& record) {
  for (size_t i = 0; i < extras_.size(); ++i) {
    extra_.clear();
    if (!row.Append(extras_[i], extra_)) continue;
    if (auto bad = FindInvalidUtf8(extra_)) {
      return Problem{mapping_.extras[i], InvalidUtf8(*bad, mapping_.extras[i])};
    }
    (*record.mutable_extras())[mapping_.extras[i]] = extra_;
  }
  return std::nullopt;
}

std::optional<RecordBuilder::Problem> RecordBuilder::CheckRow(FeedbackRecord& record,
                                                              uint64_t line) {
  if (IsBlank(record.text())) {
    return Problem{
        "text", "text is empty (from " + SourceList(kText) + "); every record needs feedback text"};
  }
  if (record.text().size() > limits_.max_text_bytes) {
    return Problem{"text", "text is " + std::to_string(record.text().size()) +
                               " bytes, over the limit of " +
                               std::to_string(limits_.max_text_bytes) + " bytes"};
  }
  if (IsBlank(created_at_)) {
    return Problem{"created_at", "created_at is empty (from " + SourceList(kCreatedAt) +
                                     "); every record needs a creation time"};
  }
  auto created_at = ParseFeedbackTimestamp(created_at_, mapping_.timestamp_format,
                                           mapping_.default_utc_offset_minutes);
  if (!created_at.ok()) return Problem{"created_at", created_at.status().message()};
  record.set_created_at_us(created_at->time_since_epoch().count());
  if (!IsBlank(rating_)) {
    const std::optional<int> rating = ParseRating(rating_, mapping_.rating_scale);
    if (!rating) {
      const bool five = mapping_.rating_scale == RatingScale::kOneToFive;
      return Problem{"rating", "rating " + Quote(rating_) + " is not a whole number in " +
                                   (five ? "1..5; if this source rates 0..10, set the "
                                           "mapping's rating_scale to 0-10"
                                         : "0..10")};
    }
    record.set_rating(*rating);
  }
  if (record.id().empty()) record.set_id(file_name_ + ":" + std::to_string(line));
  return std::nullopt;
}

std::string* RecordBuilder::Target(FeedbackRecord& record, size_t canonical) {
  switch (canonical) {
    case kId:
      return record.mutable_id();
    case kChannel:
      return record.mutable_channel();
    case kLanguage:
      return record.mutable_language();
    case kProduct:
      return record.mutable_product();
    case kFeatureArea:
      return record.mutable_feature_area();
    case kReleaseVersion:
      return record.mutable_release_version();
    case kCustomerTier:
      return record.mutable_customer_tier();
    case kRating:
      return &rating_;
    case kCreatedAt:
      return &created_at_;
    case kText:
      return record.mutable_text();
    case kRegion:
      return record.mutable_region();
    case kRequestId:
      return record.mutable_request_id();
    default:
      return record.mutable_error_code();
  }
}

std::string RecordBuilder::SourceList(size_t canonical) const {
  const Slot& slot = slots_[canonical];
  if (slot.sources.empty()) return "the mapping's constant";
  std::string list = slot.sources.size() == 1 ? "source field " : "source fields ";
  for (size_t i = 0; i < slot.sources.size(); ++i) {
    list += (i > 0 ? ", " : "") + Quote(source_fields_[slot.sources[i]]);
  }
  return list;
}

}  // namespace docket::workflows::internal
