#include "workflows/synthesize/synthesis_evidence.h"

#include <algorithm>
#include <boost/json.hpp>
#include <map>

#include "workflows/synthesize/group_records.h"

namespace docket::workflows::synthesize {
namespace {

namespace json = boost::json;

const json::value* Global(const json::object& evidence, const std::string& name) {
  const json::value* globals = evidence.if_contains("globals");
  return globals && globals->is_object() ? globals->get_object().if_contains(name) : nullptr;
}

std::string GlobalString(const json::object& evidence, const std::string& name) {
  const json::value* v = Global(evidence, name);
  return v && v->is_string() ? std::string(v->get_string()) : std::string();
}

double Number(const json::object& o, const char* key, double otherwise = 0) {
  const json::value* v = o.if_contains(key);
  return v && v->is_number() ? v->to_number<double>() : otherwise;
}

std::string String(const json::object& o, const char* key) {
  const json::value* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->get_string()) : std::string();
}

void SetMetrics(const json::object& metrics, SynthesisGroup& g) {
  g.observed = static_cast<int64_t>(Number(metrics, "observed"));
  g.baseline = static_cast<int64_t>(Number(metrics, "baseline"));
  g.expected = Number(metrics, "expected");
  g.rate_ratio = Number(metrics, "rate_ratio");
  g.q = Number(metrics, "q", 1);
  g.high = static_cast<int64_t>(Number(metrics, "high"));
  const json::value* flagged = metrics.if_contains("flagged");
  g.flagged = flagged && flagged->is_bool() && flagged->get_bool();
}

// Instances of one evidence dimension, keyed by instance.
std::map<std::string, json::object> Dimension(const json::object& evidence, const char* name) {
  std::map<std::string, json::object> out;
  const json::value* dims = evidence.if_contains("dimensions");
  const json::value* list =
      dims && dims->is_object() ? dims->get_object().if_contains(name) : nullptr;
  if (list == nullptr || !list->is_array()) return out;
  for (const json::value& item : list->get_array()) {
    const json::object* o = item.if_object();
    const json::value* metrics = o ? o->if_contains("metrics") : nullptr;
    if (o == nullptr || metrics == nullptr || !metrics->is_object()) continue;
    out[String(*o, "key")] = metrics->get_object();
  }
  return out;
}

std::vector<SynthesisGroup> AreaGroups(const json::object& evidence, const std::string& version) {
  std::vector<SynthesisGroup> groups;
  for (const auto& [key, metrics] : Dimension(evidence, "feature_area")) {
    SynthesisGroup g;
    g.key = key;
    g.label = key;
    SetMetrics(metrics, g);
    if (!version.empty()) g.releases.push_back(version);
    groups.push_back(std::move(g));
  }
  return groups;
}

StatusOr<std::vector<SynthesisGroup>> ThemeGroups(const json::object& themes,
                                                  const json::object& evidence) {
  if (String(themes, "schema") != "docket.themes.v1" || !themes.contains("themes") ||
      !themes.at("themes").is_array()) {
    return InvalidArgumentError("the `themes` input is not a docket.themes.v1 theme table");
  }
  const std::map<std::string, json::object> dim = Dimension(evidence, "theme");
  std::vector<SynthesisGroup> groups;
  for (const json::value& item : themes.at("themes").get_array()) {
    const json::object* t = item.if_object();
    if (t == nullptr || String(*t, "id").empty()) continue;
    SynthesisGroup g;
    g.key = String(*t, "id");
    if (const json::value* terms = t->if_contains("terms"); terms && terms->is_array()) {
      for (const json::value& term : terms->get_array()) {
        if (term.is_string()) g.terms.emplace_back(term.get_string());
      }
    }
    for (size_t i = 0; i < g.terms.size() && i < 3; ++i) {
      g.label += (i == 0 ? "" : ", ") + g.terms[i];
    }
    if (g.label.empty()) g.label = g.key;
    if (const auto it = dim.find(g.key); it != dim.end()) {
      SetMetrics(it->second, g);
    } else {
      g.observed = static_cast<int64_t>(Number(*t, "size"));
    }
    const json::value* ctx = t->if_contains("context");
    const json::value* versions =
        ctx && ctx->is_object() ? ctx->get_object().if_contains("release_version") : nullptr;
    if (versions && versions->is_object()) {
      for (const auto& kv : versions->get_object()) g.releases.emplace_back(kv.key());
    }
    groups.push_back(std::move(g));
  }
  return groups;
}

// Attaches the decision's non-passing rule instances to the groups they name, and
// collects the failing key rules.
void JoinRules(const json::object& decision, SynthesisEvidence& out) {
  const json::value* rules = decision.if_contains("rules");
  if (rules == nullptr || !rules->is_array()) return;
  const std::string dimension = out.groups_from == "themes" ? "theme" : "feature_area";
  for (const json::value& item : rules->get_array()) {
    const json::object* r = item.if_object();
    if (r == nullptr || String(*r, "outcome") == "pass" || String(*r, "outcome").empty()) continue;
    const json::value* key = r->if_contains("key");
    RuleRef ref{String(*r, "id"), String(*r, "instance"), String(*r, "outcome"),
                key && key->is_bool() && key->get_bool()};
    if (ref.key && ref.outcome == "fail" && String(*r, "mode") == "enforce") {
      out.failing_key_rules.push_back(ref);
    }
    const std::string for_each = String(*r, "for_each");
    std::string instance = ref.instance;
    if (for_each == "area_severity" && dimension == "feature_area") {
      instance = instance.substr(0, instance.find('/'));
    } else if (for_each != dimension) {
      continue;
    }
    for (SynthesisGroup& g : out.groups) {
      if (g.key != instance) continue;
      g.rules.push_back(ref);
      g.high_risk = g.high_risk || ref.outcome == "fail";
    }
  }
}

std::vector<std::string> NameTokens(const std::string& name) {
  std::vector<std::string> tokens(1);
  for (char c : name) {
    if (c == '_' || c == '-' || c == '.') {
      tokens.emplace_back();
    } else {
      tokens.back().push_back(c);
    }
  }
  return tokens;
}

// The enabled flags, and the first one (sorted) matching an area of a failing key rule.
void JoinFlags(const json::object& evidence, const EvidenceOptions& options,
               SynthesisEvidence& out) {
  const json::value* globals = evidence.if_contains("globals");
  if (globals == nullptr || !globals->is_object()) return;
  const std::string prefix = "signals.flags.", suffix = ".enabled";
  for (const auto& kv : globals->get_object()) {
    const std::string k(kv.key());
    if (k.rfind(prefix, 0) != 0 || k.size() <= prefix.size() + suffix.size() ||
        k.compare(k.size() - suffix.size(), suffix.size(), suffix) != 0)
      continue;
    if (kv.value() != true) continue;
    out.enabled_flags.push_back(k.substr(prefix.size(), k.size() - prefix.size() - suffix.size()));
  }
  std::sort(out.enabled_flags.begin(), out.enabled_flags.end());
  for (const RuleRef& rule : out.failing_key_rules) {
    const std::string area = rule.instance.substr(0, rule.instance.find('/'));
    for (const std::string& flag : out.enabled_flags) {
      const std::vector<std::string> tokens = NameTokens(flag);
      bool match = std::find(tokens.begin(), tokens.end(), area) != tokens.end();
      for (const std::string& pair : options.flag_areas) match = match || pair == flag + "=" + area;
      if (match && !area.empty()) {
        out.rollback_flag = flag;
        out.rollback_area = area;
        return;
      }
    }
  }
}

bool MoreSignificant(const SynthesisGroup& a, const SynthesisGroup& b) {
  if (a.high_risk != b.high_risk) return a.high_risk;
  if (a.q != b.q) return a.q < b.q;
  if (a.observed != b.observed) return a.observed > b.observed;
  return a.key < b.key;
}

}  // namespace

StatusOr<SynthesisEvidence> BuildSynthesisEvidence(const json::object& evidence,
                                                   const json::object& decision,
                                                   const json::object* themes,
                                                   const FeedbackBatch* records,
                                                   const EvidenceOptions& options) {
  SynthesisEvidence out;
  out.release_id = GlobalString(evidence, "release.id");
  out.release_version = GlobalString(evidence, "release.version");
  out.product = GlobalString(evidence, "product");
  out.verdict = String(decision, "verdict");
  if (out.release_id.empty()) {
    return InvalidArgumentError("the gate evidence names no release (globals `release.id`)");
  }
  out.groups_from = themes != nullptr ? "themes" : "feature_area";
  if (themes != nullptr) {
    DOCKET_ASSIGN_OR_RETURN(out.groups, ThemeGroups(*themes, evidence));
  } else {
    out.groups = AreaGroups(evidence, out.release_version);
  }
  JoinRules(decision, out);
  JoinFlags(evidence, options, out);
  for (SynthesisGroup& g : out.groups) {
    g.high_risk = g.high_risk || g.flagged;
    g.improved = !g.high_risk && g.expected >= 5 && g.rate_ratio <= options.improved_ratio;
  }
  std::sort(out.groups.begin(), out.groups.end(), MoreSignificant);
  out.groups_total = out.groups.size();
  if (out.groups.size() > options.max_groups) out.groups.resize(options.max_groups);
  if (records != nullptr) JoinRecords(evidence, *records, out);
  size_t next = 0;
  for (SynthesisGroup& g : out.groups) {
    for (Quote& q : g.quotes) {
      q.ref = "f" + std::to_string(++next);
      out.quote_ids[q.ref] = q.id;
    }
  }
  return out;
}

void ResolveCitations(json::value& answer, const std::map<std::string, std::string>& ids) {
  if (answer.is_array()) {
    for (json::value& v : answer.get_array()) ResolveCitations(v, ids);
    return;
  }
  if (!answer.is_object()) return;
  for (auto& [key, value] : answer.get_object()) {
    if (key == "cited_ids" && value.is_array()) {
      for (json::value& id : value.get_array()) {
        if (!id.is_string()) continue;
        auto it = ids.find(std::string(id.get_string()));
        if (it != ids.end()) id = it->second;
      }
    } else {
      ResolveCitations(value, ids);
    }
  }
}

std::string RuleText(const RuleRef& rule) {
  return rule.instance.empty() ? rule.rule : rule.rule + "[" + rule.instance + "]";
}

json::object GroupJson(const SynthesisGroup& g) {
  json::object o;
  o["key"] = g.key;
  o["label"] = g.label;
  json::array terms(g.terms.begin(), g.terms.end());
  o["terms"] = std::move(terms);
  o["has_terms"] = !g.terms.empty();
  o["observed"] = g.observed;
  o["baseline"] = g.baseline;
  o["expected"] = g.expected;
  o["rate_ratio"] = g.rate_ratio;
  o["q"] = g.q;
  o["high"] = g.high;
  o["flagged"] = g.flagged;
  o["high_risk"] = g.high_risk;
  o["improved"] = g.improved;
  json::array rules;
  for (const RuleRef& r : g.rules) {
    rules.push_back(json::object{{"rule", r.rule},
                                 {"instance", r.instance},
                                 {"ref", RuleText(r)},
                                 {"outcome", r.outcome},
                                 {"key", r.key}});
  }
  o["rules"] = std::move(rules);
  o["releases"] = json::array(g.releases.begin(), g.releases.end());
  json::array quotes;
  for (const Quote& q : g.quotes) quotes.push_back(json::object{{"id", q.ref}, {"text", q.text}});
  o["quotes"] = std::move(quotes);
  o["request_ids"] = json::array(g.request_ids.begin(), g.request_ids.end());
  o["error_codes"] = json::array(g.error_codes.begin(), g.error_codes.end());
  json::array segments;
  for (const Segment& s : g.segments)
    segments.push_back(json::object{{"segment", s.name}, {"count", s.count}});
  o["segments"] = std::move(segments);
  return o;
}

}  // namespace docket::workflows::synthesize
