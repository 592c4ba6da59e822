// PiiEvalScorer compares a PII scanner's detections with the gold spans of the
// evaluation set and accumulates two measures over all texts added:
//
// - Span level, per entity type. A detection MATCHES a gold span when both have the same
//   type and they share at least half of the gold span's bytes (2 * overlap >= gold
//   length). Half rather than exact boundaries because "Ms. Anna Becker" against "Anna
//   Becker", or a phone with or without its "(0)", is the same finding for a redactor;
//   measured against the gold span, so a detection swallowing the whole text still only
//   matches gold spans it mostly covers. Precision = detections matching some gold span
//   / detections; recall = gold spans matched by some detection / gold spans.
// - Token level, over all types together. Tokens are maximal runs of bytes that are not
//   ASCII whitespace; a token is positive when any of its bytes lies inside a span (gold
//   or predicted, whatever the type). F2 = 5PR / (4P + R) weighs recall four times as
//   much as precision: a leaked value costs more than an over-redacted word.
//
// Not thread-safe; one scorer per evaluation run.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "tests/golden/redaction/pii_eval_set.h"
#include "workflows/redact/entity.h"

namespace docket::golden::redaction {

using workflows::redact::Detection;

struct TypeScore {
  int64_t gold = 0;               // gold spans of this type
  int64_t predicted = 0;          // detections of this type
  int64_t gold_found = 0;         // gold spans matched by at least one detection
  int64_t predicted_correct = 0;  // detections matching at least one gold span
  // Empty when there is nothing to divide by (no detections / no gold spans).
  std::optional<double> Precision() const;
  std::optional<double> Recall() const;
};

struct TokenScore {
  int64_t tokens = 0;
  int64_t true_positive = 0;
  int64_t false_positive = 0;
  int64_t false_negative = 0;
  // 1 when the denominator is 0 (nothing predicted / nothing to find): nothing went wrong.
  double Precision() const;
  double Recall() const;
  double F2() const;  // 0 when precision and recall are both 0
};

struct EvalScore {
  std::array<TypeScore, kEntityTypeCount> per_type;
  TokenScore tokens;
  int64_t texts = 0;
};

class PiiEvalScorer {
 public:
  // Scores one text. Spans past the end of `text` are clipped; order does not matter.
  void Add(std::string_view text, std::span<const GoldSpan> gold,
           std::span<const Detection> predicted);
  const EvalScore& score() const { return score_; }

 private:
  EvalScore score_;
};

// True when `predicted` counts as finding `gold` under the rule above.
bool SpanMatches(const GoldSpan& gold, const Detection& predicted);

}  // namespace docket::golden::redaction
