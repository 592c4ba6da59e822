// Rule instances keep the evaluation's order (policy order, then instance key), and
// evidence maps are sorted by name, so the JSON is byte-stable.
#include "policies/decision_json.h"

#include <cmath>

#include "engine/base/time_format.h"

namespace docket::policies {
namespace {

namespace json = boost::json;

const Rule* FindRule(const Policy& policy, const std::string& id) {
  for (const Rule& rule : policy.rules) {
    if (rule.id == id) return &rule;
  }
  return nullptr;
}

json::object RuleToJson(const Rule* rule, const RuleResult& r) {
  json::object o;
  o["id"] = r.rule_id;
  o["instance"] = r.instance;
  if (rule != nullptr && !rule->for_each.empty()) o["for_each"] = rule->for_each;
  o["outcome"] = OutcomeName(r.outcome);
  o["key"] = r.key;
  o["mode"] = RuleModeName(r.mode);
  if (r.model_derived) o["model_derived"] = true;
  o["contribution"] = VerdictName(r.contribution);
  o["reason"] = r.reason;
  json::object thresholds;
  if (rule != nullptr) {
    if (rule->where) thresholds["where"] = rule->where->source;
    if (rule->warn) thresholds["warn"] = rule->warn->source;
    if (rule->fail) thresholds["fail"] = rule->fail->source;
    thresholds["on_missing_data"] = MissingDataName(rule->on_missing_data);
    thresholds["weight"] = rule->weight;
  }
  o["thresholds"] = std::move(thresholds);
  json::object evidence;
  for (const auto& [name, value] : r.evidence) evidence[name] = ValueToJson(value);
  o["evidence"] = std::move(evidence);
  return o;
}

}  // namespace

json::value ValueToJson(const expr::Value& value) {
  switch (value.kind()) {
    case expr::ValueKind::kMissing: return nullptr;
    case expr::ValueKind::kBool: return value.bool_value();
    case expr::ValueKind::kNumber: {
      const double n = value.number();
      if (!std::isfinite(n)) return json::string(expr::FormatNumber(n));
      if (n == std::floor(n) && std::fabs(n) < 9.007199254740992e15) {
        return static_cast<int64_t>(n);
      }
      return n;
    }
    case expr::ValueKind::kString: return json::string(value.string());
    case expr::ValueKind::kList: {
      json::array a;
      for (const expr::Value& item : value.list()) a.push_back(ValueToJson(item));
      return a;
    }
  }
  return nullptr;
}

json::object DecisionToJson(const Policy& policy, const Decision& decision) {
  json::object doc;
  doc["schema"] = "docket.policy_evaluation.v1";
  json::object p;
  p["name"] = policy.name;
  p["version"] = policy.version;
  p["digest"] = policy.digest;
  p["file"] = policy.path;
  doc["policy"] = std::move(p);
  doc["evaluated_at"] = FormatRfc3339(decision.evaluated_at);
  doc["verdict"] = VerdictName(decision.verdict);
  if (decision.score) {
    doc["score"] = *decision.score;
  } else {
    doc["score"] = nullptr;
  }
  doc["confidence"] = decision.confidence;
  json::array reasons;
  for (const std::string& reason : decision.reasons) reasons.emplace_back(reason);
  doc["reasons"] = std::move(reasons);
  json::array rules;
  for (const RuleResult& r : decision.rules) {
    rules.emplace_back(RuleToJson(FindRule(policy, r.rule_id), r));
  }
  doc["rules"] = std::move(rules);
  json::array guards;
  for (const GuardResult& g : decision.guards) {
    json::object o;
    o["guard"] = g.guard;
    o["violated"] = g.violated;
    o["detail"] = g.detail;
    guards.push_back(std::move(o));
  }
  doc["guards"] = std::move(guards);
  return doc;
}

}  // namespace docket::policies
