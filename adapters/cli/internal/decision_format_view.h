// DecisionView: a docket.decision.v2 document read into typed fields, checked once, so
// that every decision format renders from values that cannot be of the wrong JSON kind.
// ReadDecisionView requires every field the formats read, with the JSON kind and names
// the schema (docs/schemas/decision.v2.schema.json) gives it; it leaves the rest of the
// schema (closed field sets, digest patterns, ranges) to the producer and the tests.
// Values; pure; thread-safe.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/cli/decision_formats.h"
#include "engine/base/status.h"
#include "policies/verdict.h"

namespace docket::adapters::internal {

// One evidence value a criterion read: null, bool, number, string or list.
struct EvidenceItem {
  std::string name;
  boost::json::value value;
};

struct RuleInstanceView {
  std::string id;
  std::string instance;  // "" for a release-wide rule
  std::string for_each;  // "" for a release-wide rule
  policies::Outcome outcome = policies::Outcome::kPass;
  bool key = false;
  policies::RuleMode mode = policies::RuleMode::kEnforce;
  bool model_derived = false;
  policies::Verdict contribution = policies::Verdict::kApprove;
  std::string reason;
  // Thresholds as written in the policy.
  std::optional<std::string> where;
  std::optional<std::string> warn;
  std::optional<std::string> fail;
  std::string on_missing_data;
  double weight = 0;
  std::vector<EvidenceItem> evidence;  // document order (the producer sorts by name)

  // The evidence value named `name`, or nullptr when the criteria did not read it.
  const boost::json::value* Evidence(std::string_view name) const;
  // "id [instance]", or "id" for a release-wide rule.
  std::string Label() const;
};

struct GuardView {
  std::string guard;
  bool violated = false;
  std::string detail;
};

struct DecisionView {
  std::string policy_name;
  int64_t policy_version = 0;
  std::string policy_digest;
  std::string policy_file;
  std::string evaluated_at;
  policies::Verdict verdict = policies::Verdict::kApprove;
  policies::Verdict effective_verdict = policies::Verdict::kApprove;
  std::string decision_id;  // "" when unknown
  std::optional<double> score;
  double confidence = 0;
  std::vector<std::string> reasons;
  std::vector<RuleInstanceView> rules;
  std::vector<GuardView> guards;
  // Release facts as the evidence gave them: string, number or null.
  boost::json::value release_id;
  boost::json::value release_version;
  boost::json::value release_evaluate_at;
  boost::json::value product;
  std::string evidence_digest;
  std::string decision_digest;
  std::vector<EvidenceItem> data_quality;  // empty when the document has none
};

// Errors: kInvalidArgument naming the JSON path of the first value that does not match
// the schema, or a bad options.effective_verdict.
[[nodiscard]] StatusOr<DecisionView> ReadDecisionView(const boost::json::object& decision,
                                                      const FormatOptions& options);

}  // namespace docket::adapters::internal
