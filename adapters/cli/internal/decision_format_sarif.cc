// SARIF 2.1.0 (OASIS) for code-scanning views such as GitHub's: the tool is Docket,
// its rules are the policy's rules, and each non-pass instance is a result located in
// the policy file (line 1: the decision does not carry rule positions). Built as a JSON
// tree, so all escaping is the serializer's.
#include <boost/json.hpp>
#include <cstdio>
#include <map>

#include "adapters/cli/internal/decision_format_values.h"
#include "adapters/cli/internal/decision_format_writers.h"

namespace docket::adapters::internal {
namespace {

namespace json = boost::json;

// RFC 3986: unreserved characters and '/' stay, every other byte is percent-encoded.
std::string UriReference(std::string_view path) {
  std::string out;
  for (const char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~' || c == '/') {
      out += ch;
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

json::object Text(std::string text) {
  json::object o;
  o["text"] = std::move(text);
  return o;
}

json::object Thresholds(const RuleInstanceView& r) {
  json::object t;
  if (r.where) t["where"] = *r.where;
  if (r.warn) t["warn"] = *r.warn;
  if (r.fail) t["fail"] = *r.fail;
  t["on_missing_data"] = r.on_missing_data;
  t["weight"] = r.weight;
  return t;
}

// One reportingDescriptor per rule id, in the order the rules first appear.
// `index` maps each rule id to its position.
json::array DriverRules(const DecisionView& d, std::map<std::string_view, size_t>& index) {
  json::array rules;
  for (const RuleInstanceView& r : d.rules) {
    if (!index.try_emplace(r.id, rules.size()).second) continue;
    json::object rule;
    rule["id"] = r.id;
    rule["shortDescription"] = Text("Rule " + r.id + " of gate policy " + d.policy_name);
    json::object properties;
    properties["key"] = r.key;
    properties["mode"] = policies::RuleModeName(r.mode);
    if (!r.for_each.empty()) properties["for_each"] = r.for_each;
    properties["thresholds"] = Thresholds(r);
    rule["properties"] = std::move(properties);
    rules.push_back(std::move(rule));
  }
  return rules;
}

json::object Result(const DecisionView& d, const RuleInstanceView& r, size_t rule_index) {
  json::object result;
  result["ruleId"] = r.id;
  result["ruleIndex"] = rule_index;
  result["level"] = AnnotationLevel(r);
  result["message"] =
      Text(r.Label() + ": " + OutcomeAndReason(r) + " (" + (r.key ? "key rule, " : "") +
           std::string(policies::RuleModeName(r.mode)) + " -> " +
           std::string(policies::VerdictName(r.contribution)) + ")" +
           (r.evidence.empty() ? "" : ". Evidence: " + EvidenceLine(r)));
  json::object artifact;
  artifact["uri"] = UriReference(d.policy_file);
  json::object region;
  region["startLine"] = 1;
  json::object physical;
  physical["artifactLocation"] = std::move(artifact);
  physical["region"] = std::move(region);
  json::object location;
  location["physicalLocation"] = std::move(physical);
  result["locations"] = json::array{std::move(location)};
  json::object fingerprints;
  fingerprints["docketRuleInstance/v1"] = d.policy_name + "/" + r.id + "/" + r.instance;
  result["partialFingerprints"] = std::move(fingerprints);
  json::object properties;
  properties["instance"] = r.instance;
  properties["outcome"] = policies::OutcomeName(r.outcome);
  properties["contribution"] = policies::VerdictName(r.contribution);
  json::object evidence;
  for (const EvidenceItem& item : r.evidence) evidence[item.name] = item.value;
  properties["evidence"] = std::move(evidence);
  result["properties"] = std::move(properties);
  return result;
}

json::object RunProperties(const DecisionView& d) {
  json::object p;
  p["verdict"] = policies::VerdictName(d.verdict);
  p["effective_verdict"] = policies::VerdictName(d.effective_verdict);
  if (!d.decision_id.empty()) p["decision_id"] = d.decision_id;
  p["score"] = d.score ? json::value(*d.score) : json::value(nullptr);
  p["confidence"] = d.confidence;
  p["policy_digest"] = d.policy_digest;
  p["decision_digest"] = d.decision_digest;
  p["evidence_digest"] = d.evidence_digest;
  p["release"] = d.release_id;
  p["evaluated_at"] = d.evaluated_at;
  json::array reasons;
  for (const std::string& reason : d.reasons) reasons.emplace_back(reason);
  p["reasons"] = std::move(reasons);
  return p;
}

}  // namespace

std::string FormatSarif(const DecisionView& d) {
  std::map<std::string_view, size_t> index;
  json::object driver;
  driver["name"] = "docket";
  driver["rules"] = DriverRules(d, index);
  json::object tool;
  tool["driver"] = std::move(driver);
  json::array results;
  for (const RuleInstanceView& r : d.rules) {
    if (r.outcome == policies::Outcome::kPass) continue;
    results.push_back(Result(d, r, index.at(r.id)));
  }
  json::object automation;
  automation["id"] = "docket/" + d.policy_name + "/";
  json::object run;
  run["tool"] = std::move(tool);
  run["automationDetails"] = std::move(automation);
  run["results"] = std::move(results);
  run["properties"] = RunProperties(d);
  json::object doc;
  doc["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  doc["version"] = "2.1.0";
  doc["runs"] = json::array{std::move(run)};
  return PrettyJson(doc);
}

std::string_view AnnotationLevel(const RuleInstanceView& r) {
  using policies::Verdict;
  if (r.mode == policies::RuleMode::kDryRun) return "note";  // recorded only
  if ((r.outcome == policies::Outcome::kFail && r.key) || r.contribution == Verdict::kBlock) {
    return "error";
  }
  if (r.outcome == policies::Outcome::kWarn || r.contribution == Verdict::kWarn ||
      r.contribution == Verdict::kNeedsHuman) {
    return "warning";
  }
  return "note";
}

}  // namespace docket::adapters::internal
