#include "workflows/synthesize/synthesis_artifacts.h"

#include <boost/json.hpp>

#include "workflows/synthesize/strict_render.h"

namespace docket::workflows::synthesize {
namespace {

namespace json = boost::json;

json::object ReleaseJson(const SynthesisEvidence& e) {
  return json::object{{"id", e.release_id}, {"version", e.release_version}, {"product", e.product}};
}

json::object PromptJson(const PromptRef& p) {
  return json::object{{"id", p.id}, {"version", p.version}, {"digest", p.digest}};
}

const SynthesisGroup* FindGroup(const SynthesisEvidence& e, const std::string& key) {
  for (const SynthesisGroup& g : e.groups) {
    if (g.key == key) return &g;
  }
  return nullptr;
}

// Problems as the manifest keeps them: contact details the model invented are masked,
// so the artifact never repeats them.
json::array MaskedProblems(const std::vector<std::string>& problems) {
  json::array out;
  for (std::string p : problems) {
    for (const std::string& found : FindContactDetails(p)) {
      for (size_t at = p.find(found); at != std::string::npos; at = p.find(found, at + 9)) {
        p.replace(at, found.size(), "[contact]");
      }
    }
    out.push_back(json::value(p));
  }
  return out;
}

json::object SummaryItem(const SynthesisGroup& g, const TaskPlan& plan, const TaskResult& r) {
  json::object o;
  o["group"] = g.key;
  o["label"] = g.label;
  o["observed"] = g.observed;
  o["baseline"] = g.baseline;
  o["expected"] = g.expected;
  o["rate_ratio"] = g.rate_ratio;
  o["q"] = g.q;
  o["flagged"] = g.flagged;
  o["high_risk"] = g.high_risk;
  o["summary"] = r.answer;
  o["generated_by"] = GeneratedBy(plan.prompt->ref, r);
  return o;
}

json::object TicketItem(const SynthesisGroup& g, const TaskPlan& plan, const TaskResult& r) {
  json::object o;
  o["group"] = g.key;
  o["label"] = g.label;
  o["observed"] = g.observed;
  o["draft"] = r.answer;
  json::array quotes;
  for (const Quote& q : g.quotes) quotes.push_back(json::object{{"id", q.id}, {"text", q.text}});
  o["quotes"] = std::move(quotes);
  o["telemetry"] =
      json::object{{"request_ids", json::array(g.request_ids.begin(), g.request_ids.end())},
                   {"error_codes", json::array(g.error_codes.begin(), g.error_codes.end())}};
  json::array evidence;
  for (const RuleRef& rule : g.rules) {
    evidence.push_back(json::object{{"rule", rule.rule},
                                    {"instance", rule.instance},
                                    {"outcome", rule.outcome},
                                    {"key", rule.key}});
  }
  o["evidence"] = std::move(evidence);
  o["generated_by"] = GeneratedBy(plan.prompt->ref, r);
  o["posted"] = nullptr;
  return o;
}

json::object RollbackDocument(const SynthesisEvidence& e, const TaskPlan* plan, const TaskResult* r,
                              const PromptRef& prompt) {
  json::object o;
  o["schema"] = kRollbackSchema;
  o["release"] = ReleaseJson(e);
  o["required"] = plan != nullptr;
  json::array rules;
  for (const RuleRef& rule : e.failing_key_rules) {
    rules.push_back(
        json::object{{"rule", rule.rule}, {"instance", rule.instance}, {"outcome", rule.outcome}});
  }
  o["failing_key_rules"] = std::move(rules);
  if (plan != nullptr) {
    o["guidance"] = r->answer;
    o["generated_by"] = GeneratedBy(plan->prompt->ref, *r);
  } else {
    TaskResult none;
    none.source = "fallback";
    none.reason = "no_key_rule_failed";
    o["guidance"] = nullptr;
    o["generated_by"] = GeneratedBy(prompt, none);
  }
  return o;
}

json::object ManifestEntry(const TaskPlan& plan, const TaskResult& r) {
  json::object o;
  o["task"] = plan.task;
  o["group"] = plan.group;
  o["source"] = r.source;
  o["reason"] = r.reason;
  o["outcome"] = r.outcome;
  o["attempts"] = r.attempts;
  o["prompt"] = PromptJson(plan.prompt->ref);
  o["schema_id"] = plan.prompt->schema_id;
  o["provider"] = r.provider;
  o["model"] = r.model;
  o["problems"] = MaskedProblems(r.problems);
  return o;
}

StatusOr<std::string> ReleaseNotesMarkdown(const SynthesisEvidence& e, const TaskPlan& plan,
                                           const TaskResult& r,
                                           const std::vector<engine::Artifact>& templates) {
  constexpr char kName[] = "release_notes.md.mustache";
  DOCKET_ASSIGN_OR_RETURN(const engine::Artifact* tmpl, FindTemplate(templates, kName));
  json::object model = r.answer.as_object();
  model["release"] = ReleaseJson(e);
  model["from_model"] = r.source == "model";
  model["generated_by"] = GeneratedBy(plan.prompt->ref, r);
  return RenderStrict(kName, tmpl->data(), model);
}

}  // namespace

json::object GeneratedBy(const PromptRef& prompt, const TaskResult& result) {
  json::object o;
  o["source"] = result.source;
  o["reason"] = result.reason;
  o["prompt"] = PromptJson(prompt);
  o["provider"] = result.provider;
  o["model"] = result.model;
  o["attempts"] = result.attempts;
  return o;
}

StatusOr<SynthesisDocuments> AssembleDocuments(const SynthesisEvidence& e,
                                               const std::vector<TaskPlan>& plans,
                                               const std::vector<TaskResult>& results,
                                               const std::vector<engine::Artifact>& templates,
                                               const PromptRef& rollback_prompt) {
  SynthesisDocuments docs;
  json::array summaries, tickets, entries;
  const TaskPlan* rollback_plan = nullptr;
  const TaskResult* rollback_result = nullptr;
  uint32_t calls = 0;
  json::value notes;
  for (size_t i = 0; i < plans.size(); ++i) {
    const TaskPlan& plan = plans[i];
    const TaskResult& r = results[i];
    calls += r.attempts;
    entries.push_back(ManifestEntry(plan, r));
    const SynthesisGroup* g = FindGroup(e, plan.group);
    if (plan.task == kTaskThemeSummary && g) summaries.push_back(SummaryItem(*g, plan, r));
    if (plan.task == kTaskTriageTicket && g) tickets.push_back(TicketItem(*g, plan, r));
    if (plan.task == kTaskRollback) rollback_plan = &plan, rollback_result = &r;
    if (plan.task == kTaskReleaseNotes) {
      DOCKET_ASSIGN_OR_RETURN(docs.release_notes, ReleaseNotesMarkdown(e, plan, r, templates));
      notes =
          json::object{{"content", r.answer}, {"generated_by", GeneratedBy(plan.prompt->ref, r)}};
    }
  }
  const json::object release = ReleaseJson(e);
  docs.summaries = json::object{{"schema", kSummariesSchema},
                                {"release", release},
                                {"groups_from", e.groups_from},
                                {"groups_total", e.groups_total},
                                {"groups", std::move(summaries)}};
  docs.tickets = json::object{
      {"schema", kTicketsSchema}, {"release", release}, {"tickets", std::move(tickets)}};
  docs.rollback = RollbackDocument(e, rollback_plan, rollback_result, rollback_prompt);
  docs.manifest =
      json::object{{"schema", kManifestSchema},         {"release", release},
                   {"groups_from", e.groups_from},      {"groups_total", e.groups_total},
                   {"groups_shown", e.groups.size()},   {"model_calls", calls},
                   {"release_notes", std::move(notes)}, {"tasks", std::move(entries)}};
  return docs;
}

}  // namespace docket::workflows::synthesize
