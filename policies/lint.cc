// Unknown names are errors: a criterion reading a name nothing produces is missing
// data on every run, which is almost always a typo. Contradictory settings are
// warnings: the policy still means something, just not what its author likely meant.
#include "policies/lint.h"

namespace docket::policies {
namespace {

using Severity = LintFinding::Severity;

void CheckCriterion(const Rule& rule, const char* field, const std::optional<Criterion>& c,
                    const EvidenceNames& names, std::vector<LintFinding>& out) {
  if (!c) return;
  expr::NameTable table = names.globals;
  if (!rule.for_each.empty()) {
    if (auto it = names.per_dimension.find(rule.for_each); it != names.per_dimension.end()) {
      table.insert(it->second.begin(), it->second.end());
    }
    table.emplace("instance", expr::NameType::kString);
  }
  for (const std::string& name : c->compiled.Names()) {
    if (name == "model" || name.rfind("model.", 0) == 0 || (names.dynamic && names.dynamic(name))) {
      table.emplace(name, expr::NameType::kAny);
    }
  }
  const Status status = expr::CheckNames(c->compiled, table);
  if (!status.ok()) {
    out.push_back({Severity::kError, rule.pos, rule.id,
                   std::string(field) + " `" + c->source + "`: " + status.message()});
  }
}

}  // namespace

std::string LintFinding::ToString() const {
  std::string text = pos.ToString() + (severity == Severity::kError ? ": error: " : ": warning: ");
  if (!rule_id.empty()) text += "rule `" + rule_id + "`: ";
  return text + message;
}

std::vector<LintFinding> LintPolicy(const Policy& policy, const EvidenceNames& names) {
  std::vector<LintFinding> out;
  for (const Rule& rule : policy.rules) {
    CheckCriterion(rule, "where", rule.where, names, out);
    CheckCriterion(rule, "warn", rule.warn, names, out);
    CheckCriterion(rule, "fail", rule.fail, names, out);
    const auto warn = [&](std::string message) {
      out.push_back({Severity::kWarning, rule.pos, rule.id, std::move(message)});
    };
    if (rule.key && !rule.fail) warn("key rule without a `fail` criterion can never block");
    if (rule.key && rule.mode != RuleMode::kEnforce) {
      warn("`key: true` has no effect in mode " + std::string(RuleModeName(rule.mode)));
    }
    if (rule.model_derived && (rule.key || rule.mode == RuleMode::kEnforce)) {
      warn("reads model output (model.…): it can at most add an advisory WARN, whatever "
           "its key and mode say; write `mode: advisory` to make that visible");
    }
    if (!rule.key && rule.mode == RuleMode::kEnforce && !rule.model_derived && rule.weight == 0) {
      warn("weight 0: this scored rule never changes the score");
    }
    if (rule.on_missing_data == MissingData::kPass && rule.key) {
      warn("key rule passes on missing data: a silent signal can approve a release");
    }
    if (rule.where && rule.for_each.empty()) {
      bool reads_instance = false;
      for (const std::string& n : rule.where->compiled.Names()) reads_instance |= n == "instance";
      if (reads_instance) warn("`where` reads `instance` but the rule has no `for_each`");
    }
  }
  if (policy.scoring.warning == policy.scoring.pass) {
    out.push_back({Severity::kWarning, {policy.path, 0, 0}, "",
                   "scoring.warning equals scoring.pass: a score is never a WARN"});
  }
  return out;
}

}  // namespace docket::policies
