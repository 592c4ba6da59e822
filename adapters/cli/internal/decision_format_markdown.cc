// The "explain" report in GitHub-flavoured Markdown: the verdict and why, then each
// rule with its thresholds as written and a table of its instances (observed against
// expected, rate ratio with its interval, p and q where the evidence has them), the
// guards and data quality. Text from the decision is escaped: instance names can be
// theme labels drawn from customer feedback, and must not become markup or HTML.
#include <algorithm>
#include <array>
#include <map>

#include "adapters/cli/internal/decision_format_values.h"
#include "adapters/cli/internal/decision_format_writers.h"

namespace docket::adapters::internal {
namespace {

// Inline text: Markdown punctuation backslash-escaped, HTML specials as entities, line
// breaks as spaces (a table row is one line).
std::string Md(std::string_view raw) {
  std::string flat(raw);
  for (char& c : flat) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  std::string out;
  for (const char c : PrintableText(flat)) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '|':
      case '~':
      case '#':
        out += '\\';
        out += c;
        break;
      default:
        out += c;
    }
  }
  return out;
}

// A code span whose fence is longer than any backtick run inside; pipes escaped, since
// GitHub splits table cells on them even inside code.
std::string Code(std::string_view raw) {
  std::string flat(raw);
  for (char& c : flat) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  const std::string text = PrintableText(flat);
  size_t longest = 0;
  size_t run = 0;
  std::string body;
  for (const char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
    body += c == '|' ? std::string("\\|") : std::string(1, c);
  }
  const std::string fence(longest + 1, '`');
  const bool pad = !body.empty() && (body.front() == '`' || body.back() == '`');
  return fence + (pad ? " " : "") + body + (pad ? " " : "") + fence;
}

// The evidence columns a rule's table shows: only those some instance has.
struct Column {
  std::string_view header;
  std::string_view name;  // the evidence name that makes the column appear
  std::string (*cell)(const RuleInstanceView&);
};

const std::array<Column, 5> kColumns = {{
    {"Observed", "observed",
     [](const RuleInstanceView& r) { return FixedValue(r.Evidence("observed"), 0); }},
    {"Expected", "expected",
     [](const RuleInstanceView& r) { return FixedValue(r.Evidence("expected"), 1); }},
    {"Rate ratio (95% CI)", "rate_ratio",
     [](const RuleInstanceView& r) { return RateRatioWithInterval(r); }},
    {"p", "p", [](const RuleInstanceView& r) { return ProbabilityValue(r.Evidence("p")); }},
    {"q", "q", [](const RuleInstanceView& r) { return ProbabilityValue(r.Evidence("q")); }},
}};

bool Shown(std::string_view name) {
  for (const Column& c : kColumns) {
    if (c.name == name) return true;
  }
  return name == "ci_low" || name == "ci_high" || name == "instance";  // the first column
}

std::string OtherEvidence(const RuleInstanceView& r) {
  std::string out;
  for (const EvidenceItem& item : r.evidence) {
    if (Shown(item.name)) continue;
    out += (out.empty() ? "" : ", ") + Md(item.name) + " = " + Md(HumanValue(item.value));
  }
  return out;
}

std::string RuleHeading(const RuleInstanceView& first) {
  std::string out = "### " + Code(first.id) + "\n\n";
  out += std::string(first.key ? "Key rule" : "Rule") + ", " +
         std::string(policies::RuleModeName(first.mode)) +
         (first.for_each.empty() ? ", release-wide" : ", for each " + Md(first.for_each)) +
         (first.model_derived ? ", reads model-derived values" : "") + ".\n";
  out += "Thresholds as written:";
  if (first.where) out += " where " + Code(*first.where) + ";";
  if (first.fail) out += " fail " + Code(*first.fail) + ";";
  if (first.warn) out += " warn " + Code(*first.warn) + ";";
  out += " on missing data: " + Md(first.on_missing_data) + "; weight " +
         HumanNumber(first.weight) + ".\n\n";
  return out;
}

// One rule: its heading, then a row per instance (`rules` holds that rule's instances).
std::string RuleSection(const std::vector<const RuleInstanceView*>& rules) {
  std::vector<const Column*> columns;
  for (const Column& c : kColumns) {
    for (const RuleInstanceView* r : rules) {
      if (r->Evidence(c.name) != nullptr) {
        columns.push_back(&c);
        break;
      }
    }
  }
  bool other = false;
  for (const RuleInstanceView* r : rules) other = other || !OtherEvidence(*r).empty();
  std::string out = RuleHeading(*rules.front());
  out += "| Instance | Outcome | Contribution |";
  std::string rule_line = "| --- | --- | --- |";
  for (const Column* c : columns) {
    out += " " + std::string(c->header) + " |";
    rule_line += " ---: |";
  }
  out += std::string(other ? " Other evidence |" : "") + " Reason |\n";
  out += rule_line + (other ? " --- |" : "") + " --- |\n";
  for (const RuleInstanceView* r : rules) {
    const std::string outcome(policies::OutcomeName(r->outcome));
    out += "| " + (r->instance.empty() ? std::string("(release)") : Md(r->instance)) + " | " +
           (r->outcome == policies::Outcome::kPass ? outcome : "**" + outcome + "**") + " | " +
           std::string(policies::VerdictName(r->contribution)) + " |";
    for (const Column* c : columns) out += " " + Md(c->cell(*r)) + " |";
    if (other) out += " " + OtherEvidence(*r) + " |";
    out += " " + Md(r->reason) + " |\n";
  }
  return out + "\n";
}

std::string Summary(const DecisionView& d) {
  std::string out =
      "# Docket decision: " + std::string(policies::VerdictName(d.effective_verdict)) + "\n\n";
  out += "| | |\n| --- | --- |\n";
  out += "| Verdict | **" + std::string(policies::VerdictName(d.verdict)) + "** |\n";
  out += "| Effective verdict | **" + std::string(policies::VerdictName(d.effective_verdict)) +
         "**" + (d.effective_verdict != d.verdict ? " (approvals or overrides)" : "") + " |\n";
  if (!d.decision_id.empty()) out += "| Decision | " + Code(d.decision_id) + " |\n";
  out += "| Policy | " + Md(d.policy_name) + " v" + std::to_string(d.policy_version) + " (" +
         Code(d.policy_file) + ", " + Code(d.policy_digest) + ") |\n";
  out += "| Release | " + Md(HumanValue(d.release_id)) + " (version " +
         Md(HumanValue(d.release_version)) + ", product " + Md(HumanValue(d.product)) + ") |\n";
  out += "| Evaluated at | " + Md(d.evaluated_at) + " |\n";
  out += "| Score | " +
         (d.score ? FixedNumber(*d.score, 1) : std::string("none (no scored rule)")) + " |\n";
  out += "| Confidence | " + FixedNumber(d.confidence, 2) + " |\n";
  out += "| Decision digest | " + Code(d.decision_digest) + " |\n\n";
  out += "## Why\n\n";
  if (d.reasons.empty()) out += "Every rule passed.\n";
  for (const std::string& reason : d.reasons) out += "- " + Md(reason) + "\n";
  return out + "\n";
}

std::string Guards(const DecisionView& d) {
  std::string out = "## Guards\n\n";
  if (d.guards.empty()) return out + "The policy sets no data guards.\n\n";
  out += "| Guard | Status | Detail |\n| --- | --- | --- |\n";
  for (const GuardView& g : d.guards) {
    out += "| " + Md(g.guard) + " | " + (g.violated ? "**violated**" : "held") + " | " +
           Md(g.detail) + " |\n";
  }
  return out + "\n";
}

}  // namespace

std::string FormatMarkdown(const DecisionView& d) {
  std::string out = Summary(d);
  out += "## Rules\n\n";
  if (d.rules.empty()) out += "The policy evaluated no rule instance.\n\n";
  // Instances grouped by rule, rules in the order they first appear.
  std::map<std::string_view, size_t> group_of;
  std::vector<std::vector<const RuleInstanceView*>> groups;
  for (const RuleInstanceView& r : d.rules) {
    const auto [it, added] = group_of.try_emplace(r.id, groups.size());
    if (added) groups.emplace_back();
    groups[it->second].push_back(&r);
  }
  for (const auto& instances : groups) out += RuleSection(instances);
  out += Guards(d);
  if (!d.data_quality.empty()) {
    out += "## Data quality\n\n| Measure | Value |\n| --- | --- |\n";
    for (const EvidenceItem& item : d.data_quality) {
      out += "| " + Md(item.name) + " | " + Md(HumanValue(item.value)) + " |\n";
    }
    out += "\n";
  }
  // TODO(#6): representative customer quotes per failing theme, once themes carry them.
  out += "## Customer quotes\n\n<!-- docket:hook customer-quotes -->\n";
  out += "_Representative customer quotes per failing theme are not part of decisions yet._\n";
  return out;
}

}  // namespace docket::adapters::internal
