// The labelled PII evaluation set (pii_eval.jsonl): one record per line, each a text with
// its gold PII spans. Provides the record type, the JSONL reader used by the scorer
// tests and the report, and the writer used by the generator, so both sides agree on
// one format. Type names are those of EntityTypeName in workflows/redact/entity.h; they
// are repeated here because the set must load without the redact library linked
// (pii_eval_set_test checks both tables agree whenever that library is built).
// Plain functions and values; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/status.h"
#include "workflows/redact/entity.h"

namespace docket::golden::redaction {

using workflows::redact::EntityType;
using workflows::redact::kEntityTypeCount;

// One annotated PII span: bytes [start, end) of the record's UTF-8 text.
struct GoldSpan {
  size_t start = 0;
  size_t end = 0;
  EntityType type = EntityType::kEmail;
  friend bool operator==(const GoldSpan&, const GoldSpan&) = default;
};

struct EvalRecord {
  std::string id;      // "pii-00001"
  std::string region;  // ISO 3166-1 alpha-2 phone hint: "US", "GB", "DE", "FR", "ES"
  std::string lang;    // "en", "de", "fr", "es"
  std::string kind;    // "review", "nps", "ticket", "ticket_quoted_email"
  std::string text;
  std::vector<GoldSpan> spans;  // sorted by start, non-overlapping
};

// "EMAIL", "PHONE", ... exactly as EntityTypeName; ParseGoldType is its inverse.
std::string_view GoldTypeName(EntityType type);
std::optional<EntityType> ParseGoldType(std::string_view name);

// One JSONL line, keys in the fixed order id, region, lang, kind, text, spans; no
// trailing newline. Non-ASCII is written as UTF-8, never escaped.
std::string SerializeEvalRecord(const EvalRecord& record);

// Parses one line. Errors: kInvalidArgument if it is not a JSON object with the fields
// above, a type name is unknown, or a span is empty, out of range, splits a UTF-8
// sequence, or overlaps or precedes the previous span.
[[nodiscard]] StatusOr<EvalRecord> ParseEvalRecord(std::string_view line);

// Every record of a JSONL file. Errors: kNotFound if the file cannot be opened;
// kInvalidArgument naming the line number for a bad line.
[[nodiscard]] StatusOr<std::vector<EvalRecord>> LoadEvalSet(const std::string& path);

}  // namespace docket::golden::redaction
