// LintPolicy: checks a parsed policy beyond what parsing guarantees (docs/policies.md,
// "Linting"): every name a criterion reads must be evidence the producer can supply
// (with a did-you-mean), types must fit how names are used, and rule settings must
// not contradict each other (a key rule that cannot fail, an advisory key rule, a
// model-derived rule that claims to block, a scored rule of weight 0). Which names
// exist is the caller's knowledge (the workflow's evidence producer), passed in.
// Pure; thread-safe.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "engine/source_pos.h"
#include "policies/expr/check_names.h"
#include "policies/policy.h"

namespace docket::policies {

struct EvidenceNames {
  expr::NameTable globals;                             // release-wide names
  std::map<std::string, expr::NameTable> per_dimension;  // for_each dimension -> names
  // Names decided at run time (a flag key, a telemetry metric): true if `name` is one.
  std::function<bool(std::string_view name)> dynamic;
};

struct LintFinding {
  enum class Severity { kWarning, kError };
  Severity severity = Severity::kWarning;
  engine::SourcePos pos;
  std::string rule_id;  // empty for policy-wide findings
  std::string message;

  // "file:line:col: warning: rule `id`: message".
  std::string ToString() const;
};

std::vector<LintFinding> LintPolicy(const Policy& policy, const EvidenceNames& names);

}  // namespace docket::policies
