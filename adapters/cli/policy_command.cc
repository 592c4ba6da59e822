#include "adapters/cli/policy_command.h"

#include <boost/json.hpp>

#include "adapters/cli/exit_codes.h"
#include "adapters/store/file_artifact_store.h"
#include "engine/base/time_format.h"
#include "policies/decision_json.h"
#include "policies/evaluator.h"
#include "policies/evidence_json.h"
#include "policies/lint.h"
#include "policies/policy_parser.h"
#include "workflows/trends/evidence_names.h"

namespace docket::adapters {
namespace {

namespace json = boost::json;

}  // namespace

int PolicyLintCommand(const PolicyLintOptions& options, std::ostream& out, std::ostream& err) {
  const policies::EvidenceNames names = workflows::trends::TrendEvidenceNames();
  int code = kExitApprove;
  for (const std::string& file : options.files) {
    StatusOr<std::string> bytes = ReadFile(file, policies::kMaxPolicyFileBytes);
    if (!bytes.ok()) {
      err << "docket policy lint: " << bytes.status().message() << "\n";
      code = kExitUsage;
      continue;
    }
    StatusOr<policies::Policy> policy = policies::ParsePolicy(file, *bytes);
    if (!policy.ok()) {
      err << policy.status().message() << "\n";
      code = kExitUsage;
      continue;
    }
    size_t errors = 0;
    size_t warnings = 0;
    for (const policies::LintFinding& f : policies::LintPolicy(*policy, names)) {
      out << f.ToString() << "\n";
      (f.severity == policies::LintFinding::Severity::kError ? errors : warnings) += 1;
    }
    out << file << ": " << policy->rules.size() << " rules, " << errors << " errors, "
        << warnings << " warnings\n";
    if ((errors > 0 || (options.strict && warnings > 0)) && code == kExitApprove) code = kExitBlock;
  }
  return code;
}

int PolicyEvalCommand(const PolicyEvalOptions& options, std::ostream& out, std::ostream& err) {
  const auto usage = [&](const std::string& message) {
    err << "docket policy eval: " << message << "\n";
    return kExitUsage;
  };
  StatusOr<std::string> policy_bytes = ReadFile(options.policy, policies::kMaxPolicyFileBytes);
  if (!policy_bytes.ok()) return usage(policy_bytes.status().message());
  StatusOr<policies::Policy> policy = policies::ParsePolicy(options.policy, *policy_bytes);
  if (!policy.ok()) return usage(policy.status().message());
  StatusOr<std::string> evidence_bytes = ReadFile(options.evidence, policies::kMaxEvidenceBytes);
  if (!evidence_bytes.ok()) return usage(evidence_bytes.status().message());
  StatusOr<policies::Evidence> evidence =
      policies::ParseEvidenceJson(options.evidence, *evidence_bytes);
  if (!evidence.ok()) return usage(evidence.status().message());
  std::string at = options.at;
  if (at.empty()) {
    const auto it = evidence->globals.find("release.evaluate_at");
    if (it == evidence->globals.end() || it->second.kind() != policies::expr::ValueKind::kString) {
      return usage("the evidence has no release.evaluate_at; pass --at TIME (RFC 3339)");
    }
    at = it->second.string();
  }
  StatusOr<Timestamp> now = ParseRfc3339(at);
  if (!now.ok()) return usage("--at: " + now.status().message());
  const policies::Decision decision = policies::Evaluate(*policy, *evidence, *now);
  if (options.json) {
    out << json::serialize(policies::DecisionToJson(*policy, decision)) << "\n";
  } else {
    out << "verdict: " << policies::VerdictName(decision.verdict) << "\n";
    out << "policy: " << policy->name << " (" << policy->digest << ")\n";
    if (decision.score) out << "score: " << policies::expr::FormatNumber(*decision.score) << "\n";
    out << "confidence: " << policies::expr::FormatNumber(decision.confidence) << "\n";
    for (const std::string& reason : decision.reasons) out << "  " << reason << "\n";
  }
  switch (decision.verdict) {
    case policies::Verdict::kBlock: return kExitBlock;
    case policies::Verdict::kNeedsHuman: return kExitNeedsHuman;
    default: return kExitApprove;
  }
}

}  // namespace docket::adapters
