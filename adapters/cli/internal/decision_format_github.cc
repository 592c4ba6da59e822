// GitHub Actions workflow commands: one annotation per non-pass rule instance and one
// for the verdict. Values are escaped as the Actions runner unescapes them (its
// ActionCommand escape rules), so that no text from a decision can end a command or
// start another.
#include "adapters/cli/internal/decision_format_values.h"
#include "adapters/cli/internal/decision_format_writers.h"

namespace docket::adapters::internal {
namespace {

// Command data: % -> %25, CR -> %0D, LF -> %0A.
std::string EscapeData(std::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// A property value: as data, and also : -> %3A, , -> %2C.
std::string EscapeProperty(std::string_view text) {
  std::string out;
  for (const char c : EscapeData(text)) {
    switch (c) {
      case ':':
        out += "%3A";
        break;
      case ',':
        out += "%2C";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string Command(std::string_view level, std::string_view title, std::string_view message) {
  const std::string_view command = level == "note" ? "notice" : level;
  return "::" + std::string(command) + " title=" + EscapeProperty(title) +
         "::" + EscapeData(message) + "\n";
}

std::string_view VerdictLevel(policies::Verdict v) {
  switch (v) {
    case policies::Verdict::kBlock:
      return "error";
    case policies::Verdict::kNeedsHuman:
    case policies::Verdict::kWarn:
      return "warning";
    case policies::Verdict::kApprove:
      return "notice";
  }
  return "notice";
}

std::string VerdictMessage(const DecisionView& d) {
  std::string out(policies::VerdictName(d.effective_verdict));
  if (d.effective_verdict != d.verdict) {
    out += " (decided " + std::string(policies::VerdictName(d.verdict)) +
           ", changed by approvals or overrides)";
  }
  out += ": policy " + d.policy_name + " v" + std::to_string(d.policy_version) + ", release " +
         HumanValue(d.release_id) + ", score " +
         (d.score ? FixedNumber(*d.score, 1) : std::string("none")) + ", confidence " +
         FixedNumber(d.confidence, 2);
  if (!d.decision_id.empty()) out += ", decision " + d.decision_id;
  for (const std::string& reason : d.reasons) out += "\n- " + reason;
  for (const GuardView& g : d.guards) {
    if (g.violated) out += "\n- guard " + g.guard + " violated: " + g.detail;
  }
  return out;
}

}  // namespace

std::string FormatGithub(const DecisionView& d) {
  std::string out;
  for (const RuleInstanceView& r : d.rules) {
    if (r.outcome == policies::Outcome::kPass) continue;
    std::string message = OutcomeAndReason(r) + " (" + (r.key ? "key rule, " : "") +
                          std::string(policies::RuleModeName(r.mode)) + " -> " +
                          std::string(policies::VerdictName(r.contribution)) + ")";
    if (!r.evidence.empty()) message += "\nevidence: " + EvidenceLine(r);
    out += Command(AnnotationLevel(r), "Docket: " + r.Label(), message);
  }
  out += Command(VerdictLevel(d.effective_verdict),
                 "Docket verdict: " + std::string(policies::VerdictName(d.effective_verdict)),
                 VerdictMessage(d));
  return out;
}

}  // namespace docket::adapters::internal
