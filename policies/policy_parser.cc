// Policy files are read in one pass with engine::ConfigReader so a user sees every
// mistake at once; expressions are compiled here so a policy that parses can always be
// evaluated.
#include "policies/policy_parser.h"

#include <algorithm>
#include <set>

#include "engine/base/sha256.h"
#include "engine/config_reader.h"
#include "engine/step_config.h"
#include "engine/workflow_parser.h"

namespace docket::policies {
namespace {

using engine::ConfigNode;
using engine::Diagnostic;

bool ValidRuleId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
  });
}

class PolicyReader {
 public:
  explicit PolicyReader(std::vector<Diagnostic>& diagnostics)
      : diagnostics_(diagnostics), reader_(diagnostics) {}

  void Read(const ConfigNode& root, Policy& policy) {
    if (!reader_.ExpectMap(root, "a gate policy")) return;
    reader_.CheckKeys(root, {"version", "name", "description", "scoring", "guards",
                             "overrides", "rules"});
    reader_.CheckVersion(root, "1");
    if (const ConfigNode* name = Required(root, "name")) policy.name = reader_.Text(*name);
    if (const ConfigNode* d = root.Find("description")) policy.description = reader_.Text(*d);
    if (const ConfigNode* s = root.Find("scoring")) ReadScoring(*s, policy.scoring);
    if (const ConfigNode* g = root.Find("guards")) ReadGuards(*g, policy.guards);
    if (const ConfigNode* o = root.Find("overrides")) ReadOverrides(*o, policy.overrides);
    const ConfigNode* rules = Required(root, "rules");
    if (rules == nullptr) return;
    const std::vector<ConfigNode>& items = reader_.List(*rules);
    if (rules->kind == ConfigNode::Kind::kList && items.empty()) {
      reader_.Error(*rules, "a policy needs at least one rule");
    }
    if (items.size() > kMaxRules) {
      reader_.Error(*rules, "too many rules (" + std::to_string(items.size()) + ")",
                    "at most " + std::to_string(kMaxRules));
      return;
    }
    std::set<std::string> ids;
    for (const ConfigNode& item : items) {
      Rule rule;
      if (!ReadRule(item, rule)) continue;
      if (!ids.insert(rule.id).second) {
        reader_.Error(*item.Find("id"), "duplicate rule id `" + rule.id + "`",
                      "rule ids must be unique within a policy");
        continue;
      }
      policy.rules.push_back(std::move(rule));
    }
  }

 private:
  const ConfigNode* Required(const ConfigNode& map, std::string_view key) {
    const ConfigNode* node = map.Find(key);
    if (node == nullptr) {
      reader_.Error(map, "missing required key `" + std::string(key) + "`");
    }
    return node;
  }

  void ReadScoring(const ConfigNode& node, Scoring& scoring) {
    if (!reader_.ExpectMap(node, "scoring")) return;
    reader_.CheckKeys(node, {"pass", "warning"});
    if (const ConfigNode* p = node.Find("pass")) scoring.pass = reader_.Number(*p, 0, 100).value_or(90);
    if (const ConfigNode* w = node.Find("warning")) {
      scoring.warning = reader_.Number(*w, 0, 100).value_or(75);
    }
    if (scoring.warning > scoring.pass) {
      reader_.Error(node, "scoring.warning is above scoring.pass",
                    "warning must be at most pass (a score between them is a WARN)");
    }
  }

  std::optional<int64_t> Seconds(const ConfigNode& node) {
    if (node.kind != ConfigNode::Kind::kScalar) {
      reader_.Error(node, "expected a duration such as 24h, found " + std::string(node.KindName()));
      return std::nullopt;
    }
    std::optional<engine::Duration> d = engine::ParseDuration(node.scalar);
    if (!d.has_value() || d->count() <= 0 || *d > std::chrono::hours(24 * 3650)) {
      reader_.Error(node, "`" + node.scalar + "` is not a duration between 1s and 3650d",
                    "write it like 30m, 6h or 7d");
      return std::nullopt;
    }
    return std::chrono::duration_cast<std::chrono::seconds>(*d).count();
  }

  void ReadGuards(const ConfigNode& node, Guards& guards) {
    if (!reader_.ExpectMap(node, "guards")) return;
    reader_.CheckKeys(node, {"min_records", "max_source_silence", "max_ingestion_lag"});
    if (const ConfigNode* n = node.Find("min_records")) {
      if (auto v = reader_.Number(*n, 0, 1e12)) guards.min_records = static_cast<uint64_t>(*v);
    }
    if (const ConfigNode* n = node.Find("max_source_silence")) guards.max_source_silence_s = Seconds(*n);
    if (const ConfigNode* n = node.Find("max_ingestion_lag")) guards.max_ingestion_lag_s = Seconds(*n);
  }

  std::optional<bool> Bool(const ConfigNode& node) {
    if (node.kind == ConfigNode::Kind::kScalar && !node.quoted) {
      if (node.scalar == "true") return true;
      if (node.scalar == "false") return false;
    }
    reader_.Error(node, "expected true or false");
    return std::nullopt;
  }

  void ReadOverrides(const ConfigNode& node, OverridePolicy& overrides) {
    if (!reader_.ExpectMap(node, "overrides")) return;
    reader_.CheckKeys(node, {"require_reason", "require_ticket", "require_second_approver",
                             "max_expiry"});
    if (const ConfigNode* n = node.Find("require_reason")) {
      overrides.require_reason = Bool(*n).value_or(true);
    }
    if (const ConfigNode* n = node.Find("require_ticket")) {
      overrides.require_ticket = Bool(*n).value_or(true);
    }
    if (const ConfigNode* n = node.Find("require_second_approver")) {
      overrides.require_second_approver = Bool(*n).value_or(false);
    }
    if (const ConfigNode* n = node.Find("max_expiry")) {
      overrides.max_expiry_s = Seconds(*n).value_or(overrides.max_expiry_s);
    }
  }

  std::optional<Criterion> ReadCriterion(const ConfigNode& node) {
    if (node.kind != ConfigNode::Kind::kScalar || node.scalar.empty()) {
      reader_.Error(node, "expected an expression in quotes, found " + std::string(node.KindName()),
                    "for example: \"rate_ratio >= 2 and q < 0.05\"");
      return std::nullopt;
    }
    StatusOr<expr::Expression> compiled = expr::Compile(node.scalar);
    if (!compiled.ok()) {
      reader_.Error(node, "expression does not compile: " + compiled.status().message());
      return std::nullopt;
    }
    return Criterion{node.scalar, std::move(compiled).value()};
  }

  bool ReadRule(const ConfigNode& node, Rule& rule) {
    if (!reader_.ExpectMap(node, "a rule")) return false;
    const size_t errors_before = diagnostics_.size();
    rule.pos = node.pos;
    reader_.CheckKeys(node, {"id", "description", "for_each", "where", "warn", "fail", "key",
                             "mode", "weight", "on_missing_data"});
    if (const ConfigNode* id = Required(node, "id")) {
      rule.id = reader_.Text(*id);
      if (!rule.id.empty() && !ValidRuleId(rule.id)) {
        reader_.Error(*id, "rule id `" + rule.id + "` has characters other than a-z 0-9 - _ .",
                      "at most 64 of them, lower case");
      }
    }
    if (const ConfigNode* d = node.Find("description")) rule.description = reader_.Text(*d);
    if (const ConfigNode* f = node.Find("for_each")) ReadForEach(*f, rule);
    if (const ConfigNode* w = node.Find("where")) rule.where = ReadCriterion(*w);
    if (const ConfigNode* w = node.Find("warn")) rule.warn = ReadCriterion(*w);
    if (const ConfigNode* f = node.Find("fail")) rule.fail = ReadCriterion(*f);
    if (node.Find("warn") == nullptr && node.Find("fail") == nullptr) {
      reader_.Error(node, "rule `" + rule.id + "` has neither `warn` nor `fail`",
                    "give at least one criterion");
    }
    if (const ConfigNode* k = node.Find("key")) rule.key = Bool(*k).value_or(false);
    if (const ConfigNode* m = node.Find("mode")) ReadMode(*m, rule);
    if (const ConfigNode* w = node.Find("weight")) rule.weight = reader_.Number(*w, 0, 1e6).value_or(1);
    if (const ConfigNode* o = Required(node, "on_missing_data")) ReadMissing(*o, rule);
    rule.model_derived = ReadsModel(rule);
    return diagnostics_.size() == errors_before;
  }

  void ReadForEach(const ConfigNode& node, Rule& rule) {
    rule.for_each = reader_.Text(node);
    const std::vector<std::string>& known = KnownDimensions();
    if (!rule.for_each.empty() &&
        std::find(known.begin(), known.end(), rule.for_each) == known.end()) {
      reader_.Error(node, "unknown for_each dimension `" + rule.for_each + "`",
                    "one of: feature_area, severity, area_severity, theme");
    }
  }

  void ReadMode(const ConfigNode& node, Rule& rule) {
    std::optional<RuleMode> mode = ParseRuleMode(reader_.Text(node));
    if (!mode.has_value()) {
      reader_.Error(node, "unknown mode `" + node.scalar + "`", "one of: enforce, advisory, dry_run");
      return;
    }
    rule.mode = *mode;
  }

  void ReadMissing(const ConfigNode& node, Rule& rule) {
    const std::string text = reader_.Text(node);
    for (MissingData m : {MissingData::kPass, MissingData::kWarn, MissingData::kFail,
                          MissingData::kInconclusive}) {
      if (text == MissingDataName(m)) {
        rule.on_missing_data = m;
        return;
      }
    }
    if (!text.empty()) {
      reader_.Error(node, "unknown on_missing_data `" + text + "`",
                    "one of: pass, warn, fail, inconclusive");
    }
  }

  static bool ReadsModel(const Rule& rule) {
    for (const std::optional<Criterion>* c : {&rule.where, &rule.warn, &rule.fail}) {
      if (!c->has_value()) continue;
      for (const std::string& name : (*c)->compiled.Names()) {
        if (name == "model" || name.rfind("model.", 0) == 0) return true;
      }
    }
    return false;
  }

  std::vector<Diagnostic>& diagnostics_;
  engine::ConfigReader reader_;
};

}  // namespace

StatusOr<Policy> ParsePolicy(std::string_view path, std::string_view bytes) {
  if (bytes.size() > kMaxPolicyFileBytes) {
    return InvalidArgumentError(std::string(path) + ": policy file is " +
                                std::to_string(bytes.size()) + " bytes; the limit is " +
                                std::to_string(kMaxPolicyFileBytes));
  }
  std::vector<Diagnostic> diagnostics;
  std::optional<ConfigNode> root = engine::ParseYamlTree(path, bytes, diagnostics);
  Policy policy;
  policy.path = std::string(path);
  policy.digest = "sha256:" + Sha256(bytes).Hex();
  if (root.has_value()) PolicyReader(diagnostics).Read(*root, policy);
  if (!diagnostics.empty()) return engine::DiagnosticsToStatus(diagnostics);
  return policy;
}

}  // namespace docket::policies
