// The terminal summary: what a person at a shell needs to act on the verdict, with
// every non-pass instance's evidence; passing instances are only counted.
#include <array>

#include "adapters/cli/internal/decision_format_values.h"
#include "adapters/cli/internal/decision_format_writers.h"

namespace docket::adapters::internal {
namespace {

using policies::Outcome;

std::string Release(const DecisionView& d) {
  std::string out = PrintableText(HumanValue(d.release_id));
  out += " (version " + PrintableText(HumanValue(d.release_version));
  out += ", product " + PrintableText(HumanValue(d.product)) + ")";
  return out;
}

std::string RuleCounts(const DecisionView& d) {
  std::array<int, 5> n{};
  for (const RuleInstanceView& r : d.rules) ++n[static_cast<size_t>(r.outcome)];
  std::string out = std::to_string(d.rules.size()) + " (";
  for (size_t i = 0; i < n.size(); ++i) {
    out += (i ? ", " : "") + std::to_string(n[i]) + " " +
           std::string(policies::OutcomeName(static_cast<Outcome>(i)));
  }
  return out + ")";
}

void AppendInstance(const RuleInstanceView& r, std::string& out) {
  std::string outcome(policies::OutcomeName(r.outcome));
  for (char& c : outcome) c = static_cast<char>(c - ('a' - 'A'));
  out += "  " + outcome + std::string(outcome.size() < 13 ? 13 - outcome.size() : 1, ' ');
  out += PrintableText(r.Label()) + "  " + (r.key ? "key, " : "") +
         std::string(policies::RuleModeName(r.mode)) + (r.model_derived ? ", model-derived" : "") +
         " -> " + std::string(policies::VerdictName(r.contribution)) + "\n";
  out += "               reason: " + PrintableText(r.reason) + "\n";
  if (!r.evidence.empty())
    out += "               evidence: " + PrintableText(EvidenceLine(r)) + "\n";
}

}  // namespace

std::string FormatText(const DecisionView& d) {
  std::string out = "verdict: " + std::string(policies::VerdictName(d.verdict)) + "\n";
  if (d.effective_verdict != d.verdict) {
    out += "effective verdict: " + std::string(policies::VerdictName(d.effective_verdict)) +
           " (approvals or overrides)\n";
  }
  if (!d.decision_id.empty()) out += "decision id: " + PrintableText(d.decision_id) + "\n";
  out += "policy: " + PrintableText(d.policy_name) + " v" + std::to_string(d.policy_version) +
         " (" + PrintableText(d.policy_file) + ", " + PrintableText(d.policy_digest) + ")\n";
  out += "release: " + Release(d) + "\n";
  out += "evaluated at: " + PrintableText(d.evaluated_at) + "\n";
  out += "score: " + (d.score ? FixedNumber(*d.score, 1) : std::string("none (no scored rule)")) +
         "\n";
  out += "confidence: " + FixedNumber(d.confidence, 2) + "\n";
  if (!d.reasons.empty()) {
    out += "reasons:\n";
    for (const std::string& reason : d.reasons) out += "  - " + PrintableText(reason) + "\n";
  }
  out += "rule instances: " + RuleCounts(d) + "\n";
  for (const RuleInstanceView& r : d.rules) {
    if (r.outcome != Outcome::kPass) AppendInstance(r, out);
  }
  size_t violated = 0;
  for (const GuardView& g : d.guards) violated += g.violated ? 1 : 0;
  out += "guards: " + std::to_string(d.guards.size() - violated) + " held, " +
         std::to_string(violated) + " violated\n";
  for (const GuardView& g : d.guards) {
    if (g.violated)
      out += "  VIOLATED     " + PrintableText(g.guard) + ": " + PrintableText(g.detail) + "\n";
  }
  if (!d.data_quality.empty()) {
    std::string line;
    for (const EvidenceItem& item : d.data_quality) {
      line += (line.empty() ? "" : ", ") + item.name + " = " + HumanValue(item.value);
    }
    out += "data quality: " + PrintableText(line) + "\n";
  }
  return out;
}

}  // namespace docket::adapters::internal
