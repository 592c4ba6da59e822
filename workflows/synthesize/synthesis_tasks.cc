#include "workflows/synthesize/synthesis_tasks.h"

#include <boost/json.hpp>
#include <map>

#include "engine/json_exact.h"
#include "workflows/synthesize/strict_render.h"

namespace docket::workflows::synthesize {
namespace {

namespace json = boost::json;

json::object CommonModel(const SynthesisEvidence& e) {
  json::object m;
  m["release"] =
      json::object{{"id", e.release_id}, {"version", e.release_version}, {"product", e.product}};
  m["verdict"] = e.verdict;
  m["groups_from"] = e.groups_from;
  m["by_theme"] = e.groups_from == "themes";
  return m;
}

std::string Confidence(const SynthesisGroup& g) {
  if (g.q < 0.01 && g.observed >= 10) return "high";
  return g.q < 0.05 ? "medium" : "low";
}

std::string Severity(const SynthesisGroup& g) {
  bool key_fail = false;
  for (const RuleRef& r : g.rules) key_fail = key_fail || (r.key && r.outcome == "fail");
  if (key_fail) return "critical";
  if (g.high_risk) return "high";
  return g.rules.empty() ? "low" : "medium";
}

void AddQuoteIds(const SynthesisGroup& g, AnswerFacts& facts) {
  for (const Quote& q : g.quotes) facts.citable_ids.insert(q.ref);
}

TaskPlan SummaryPlan(const SynthesisEvidence& e, const SynthesisGroup& g) {
  TaskPlan plan{.task = kTaskThemeSummary, .group = g.key};
  json::object m = CommonModel(e);
  m["group"] = GroupJson(g);
  m["confidence"] = Confidence(g);
  plan.model = std::move(m);
  AddQuoteIds(g, plan.facts);
  plan.facts.exact = {{"group", json::value(g.key)}, {"observed", json::value(g.observed)}};
  plan.facts.allowed["impacted_releases"] = {g.releases.begin(), g.releases.end()};
  return plan;
}

TaskPlan TicketPlan(const SynthesisEvidence& e, const SynthesisGroup& g) {
  TaskPlan plan{.task = kTaskTriageTicket, .group = g.key};
  json::object m = CommonModel(e);
  m["group"] = GroupJson(g);
  m["severity"] = Severity(g);
  json::array telemetry;
  for (const std::string& id : g.request_ids) {
    telemetry.push_back(json::object{{"kind", "request id"}, {"value", id}});
  }
  for (const std::string& code : g.error_codes) {
    telemetry.push_back(json::object{{"kind", "error code"}, {"value", code}});
  }
  m["telemetry"] = std::move(telemetry);
  plan.model = std::move(m);
  AddQuoteIds(g, plan.facts);
  plan.facts.exact = {{"group", json::value(g.key)}};
  for (const RuleRef& r : g.rules) {
    plan.facts.allowed["evidence[].rule"].insert(r.rule);
    plan.facts.allowed["evidence[].instance"].insert(r.instance);
  }
  plan.facts.allowed["evidence[].rule"];
  plan.facts.allowed["evidence[].instance"];
  for (const Segment& s : g.segments) plan.facts.segment_counts[s.name] = s.count;
  return plan;
}

TaskPlan ReleaseNotesPlan(const SynthesisEvidence& e) {
  TaskPlan plan{.task = kTaskReleaseNotes};
  json::object m = CommonModel(e);
  json::array improved, known;
  std::set<std::string>& improved_keys = plan.facts.allowed["improvements[].group"];
  std::set<std::string>& known_keys = plan.facts.allowed["known_issues[].group"];
  for (const SynthesisGroup& g : e.groups) {
    if (g.improved) improved.push_back(GroupJson(g)), improved_keys.insert(g.key);
    if (g.high_risk) known.push_back(GroupJson(g)), known_keys.insert(g.key);
    if (g.improved || g.high_risk) AddQuoteIds(g, plan.facts);
  }
  m["has_improved"] = !improved.empty();
  m["has_known"] = !known.empty();
  m["improved"] = std::move(improved);
  m["known"] = std::move(known);
  plan.model = std::move(m);
  return plan;
}

TaskPlan RollbackPlan(const SynthesisEvidence& e) {
  TaskPlan plan{.task = kTaskRollback};
  json::object m = CommonModel(e);
  const bool by_flag = !e.rollback_flag.empty();
  m["by_flag"] = by_flag;
  m["action"] = by_flag ? "disable_flag" : "roll_back_release";
  m["target"] = by_flag ? e.rollback_flag : e.release_id;
  m["flag"] = e.rollback_flag;
  m["area"] = e.rollback_area;
  m["enabled_flags"] = json::array(e.enabled_flags.begin(), e.enabled_flags.end());
  json::array rules, quotes;
  for (const RuleRef& r : e.failing_key_rules) {
    rules.push_back(json::object{{"rule", r.rule}, {"instance", r.instance}, {"ref", RuleText(r)}});
    plan.facts.allowed["evidence[].rule"].insert(r.rule);
    plan.facts.allowed["evidence[].instance"].insert(r.instance);
    for (const SynthesisGroup& g : e.groups) {
      if (g.key != r.instance.substr(0, r.instance.find('/'))) continue;
      for (const Quote& q : g.quotes) {
        if (plan.facts.citable_ids.insert(q.ref).second) {
          quotes.push_back(json::object{{"id", q.ref}, {"text", q.text}});
        }
      }
    }
  }
  m["rules"] = std::move(rules);
  m["quotes"] = std::move(quotes);
  plan.model = std::move(m);
  plan.facts.allowed["target"] = {e.release_id};
  if (by_flag) plan.facts.allowed["target"].insert(e.rollback_flag);
  return plan;
}

// Renders the task's fallback template and checks the answer against the task schema.
Status BuildFallback(StrictTemplate& tmpl, const std::string& name, TaskPlan& plan) {
  DOCKET_ASSIGN_OR_RETURN(std::string text, tmpl.Render(plan.model));
  StatusOr<json::value> answer = engine::ParseJsonExact(text);
  if (!answer.ok()) {
    return InvalidArgumentError("fallback template " + name +
                                " did not write JSON: " + answer.status().message());
  }
  const std::vector<std::string> violations = plan.prompt->schema->Violations(*answer);
  if (!violations.empty()) {
    return InvalidArgumentError("fallback template " + name + " wrote an answer outside " +
                                plan.prompt->schema_id + ": " + violations.front());
  }
  plan.fallback = std::move(*answer);
  return Status::Ok();
}

}  // namespace

StatusOr<const engine::Artifact*> FindTemplate(const std::vector<engine::Artifact>& templates,
                                               const std::string& name) {
  std::string known;
  for (const engine::Artifact& t : templates) {
    const size_t slash = t.name.find_last_of('/');
    if ((slash == std::string::npos ? t.name : t.name.substr(slash + 1)) == name) return &t;
    known += (known.empty() ? "" : ", ") + t.name;
  }
  return InvalidArgumentError("no template named " + name + " among the `templates` input (" +
                              known + ")");
}

StatusOr<std::vector<TaskPlan>> PlanTasks(const SynthesisEvidence& evidence,
                                          const PromptSet& prompts,
                                          const std::vector<engine::Artifact>& templates) {
  std::vector<TaskPlan> plans;
  for (const SynthesisGroup& g : evidence.groups) plans.push_back(SummaryPlan(evidence, g));
  plans.push_back(ReleaseNotesPlan(evidence));
  for (const SynthesisGroup& g : evidence.groups) {
    if (g.high_risk) plans.push_back(TicketPlan(evidence, g));
  }
  if (!evidence.failing_key_rules.empty()) plans.push_back(RollbackPlan(evidence));
  std::map<std::string, StrictTemplate> parsed;  // each fallback template parsed once
  for (TaskPlan& plan : plans) {
    DOCKET_ASSIGN_OR_RETURN(plan.prompt, prompts.Find(plan.task));
    const std::string name = plan.task + ".json.mustache";
    auto it = parsed.find(name);
    if (it == parsed.end()) {
      DOCKET_ASSIGN_OR_RETURN(const engine::Artifact* file, FindTemplate(templates, name));
      DOCKET_ASSIGN_OR_RETURN(StrictTemplate tmpl,
                              StrictTemplate::Parse(name, file->data(), RenderMode::kJson));
      it = parsed.emplace(name, std::move(tmpl)).first;
    }
    DOCKET_RETURN_IF_ERROR(BuildFallback(it->second, name, plan));
  }
  return plans;
}

}  // namespace docket::workflows::synthesize
