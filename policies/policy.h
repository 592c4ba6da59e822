// Policy: a parsed, validated gate policy file (docs/policies.md). Rules say, per
// instance of an evidence dimension (feature area, theme, severity) or once for the
// whole release, when the evidence warns or fails, what missing data means, whether
// the rule blocks alone (key) and how it counts (mode, weight). Guards say when the
// evidence itself is too thin to trust. Immutable after parsing; thread-safe to share.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/source_pos.h"
#include "policies/expr/expression.h"
#include "policies/verdict.h"

namespace docket::policies {

// A criterion as written (for the record) and compiled (for evaluation).
struct Criterion {
  std::string source;
  expr::Expression compiled;
};

// What a rule instance becomes when a criterion reads data the evidence lacks.
enum class MissingData { kPass, kWarn, kFail, kInconclusive };
std::string_view MissingDataName(MissingData missing);

struct Rule {
  std::string id;
  std::string description;
  std::string for_each;  // evidence dimension; empty: one instance for the release
  std::optional<Criterion> where;  // instances where this is not true are skipped
  std::optional<Criterion> warn;
  std::optional<Criterion> fail;
  bool key = false;
  RuleMode mode = RuleMode::kEnforce;
  double weight = 1;
  MissingData on_missing_data = MissingData::kInconclusive;
  // True when a criterion reads a model-derived name (`model.…`): such a rule may at
  // most add an advisory WARN, whatever its mode says.
  bool model_derived = false;
  engine::SourcePos pos;
};

// Keptn-style total score over the non-key enforce rule instances: each contributes
// weight × (1 pass, 0.5 warn, 0 fail); score = 100 × sum / total weight.
struct Scoring {
  double pass = 90;     // score ≥ pass: no contribution
  double warning = 75;  // score ≥ warning: WARN; below: BLOCK
};

// Data guards; an absent field is not checked.
struct Guards {
  std::optional<uint64_t> min_records;           // records in the current window
  std::optional<int64_t> max_source_silence_s;   // per source, evaluation time − newest record
  std::optional<int64_t> max_ingestion_lag_s;    // newest ingestion − newest record
};

// What a human must supply to override a BLOCK (used by `docket override`).
struct OverridePolicy {
  bool require_reason = true;
  bool require_ticket = true;
  bool require_second_approver = false;
  int64_t max_expiry_s = 7 * 24 * 3600;
};

struct Policy {
  std::string path;     // as given to the parser
  std::string digest;   // "sha256:<hex>" of the exact file bytes
  uint32_t version = 1;
  std::string name;
  std::string description;
  Scoring scoring;
  Guards guards;
  OverridePolicy overrides;
  std::vector<Rule> rules;  // file order; ids unique
};

// Dimensions a rule may iterate over (`for_each`).
const std::vector<std::string>& KnownDimensions();

}  // namespace docket::policies
