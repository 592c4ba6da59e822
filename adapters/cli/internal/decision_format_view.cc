// Reading is strict where the formats depend on a field and lenient where the schema is
// (release facts may be any scalar); the first mismatch ends it with its JSON path, so a
// user sees "rules[2].outcome: ..." instead of a half-rendered report.
#include "adapters/cli/internal/decision_format_view.h"

#include <cmath>
#include <cstdint>

namespace docket::adapters::internal {
namespace {

namespace json = boost::json;

constexpr std::string_view kSchema = "docket.decision.v2";

Status Bad(const std::string& path, std::string_view what) {
  return InvalidArgumentError(path.empty() ? "decision: " + std::string(what)
                                           : "decision " + path + ": " + std::string(what));
}

// The JSON path of field `name` of the object at `path`.
std::string Sub(const std::string& path, std::string_view name) {
  return path.empty() ? std::string(name) : path + "." + std::string(name);
}

StatusOr<const json::value*> Field(const json::object& o, const std::string& path,
                                   std::string_view name) {
  const json::value* v = o.if_contains(name);
  if (v == nullptr) return Bad(path, "missing required field `" + std::string(name) + "`");
  return v;
}

StatusOr<std::string> String(const json::object& o, const std::string& path,
                             std::string_view name) {
  DOCKET_ASSIGN_OR_RETURN(const json::value* v, Field(o, path, name));
  if (!v->is_string()) return Bad(Sub(path, name), "must be a string");
  return std::string(v->get_string());
}

StatusOr<std::optional<std::string>> OptionalString(const json::object& o, const std::string& path,
                                                    std::string_view name) {
  const json::value* v = o.if_contains(name);
  if (v == nullptr) return std::optional<std::string>();
  if (!v->is_string()) return Bad(Sub(path, name), "must be a string");
  return std::optional<std::string>(std::string(v->get_string()));
}

StatusOr<bool> Bool(const json::object& o, const std::string& path, std::string_view name,
                    bool optional) {
  const json::value* v = o.if_contains(name);
  if (v == nullptr && optional) return false;
  if (v == nullptr) return Bad(path, "missing required field `" + std::string(name) + "`");
  if (!v->is_bool()) return Bad(Sub(path, name), "must be true or false");
  return v->get_bool();
}

double AsDouble(const json::value& v) {
  if (v.is_int64()) return static_cast<double>(v.get_int64());
  if (v.is_uint64()) return static_cast<double>(v.get_uint64());
  return v.get_double();
}

StatusOr<double> Number(const json::object& o, const std::string& path, std::string_view name) {
  DOCKET_ASSIGN_OR_RETURN(const json::value* v, Field(o, path, name));
  if (!v->is_number() || !std::isfinite(AsDouble(*v))) {
    return Bad(Sub(path, name), "must be a finite number");
  }
  return AsDouble(*v);
}

StatusOr<const json::object*> Object(const json::object& o, const std::string& path,
                                     std::string_view name) {
  DOCKET_ASSIGN_OR_RETURN(const json::value* v, Field(o, path, name));
  if (!v->is_object()) return Bad(Sub(path, name), "must be an object");
  return &v->get_object();
}

StatusOr<const json::array*> Array(const json::object& o, const std::string& path,
                                   std::string_view name) {
  DOCKET_ASSIGN_OR_RETURN(const json::value* v, Field(o, path, name));
  if (!v->is_array()) return Bad(Sub(path, name), "must be an array");
  return &v->get_array();
}

// Parses a name with `parse` (policies/verdict.h), naming the accepted values on error.
template <typename Enum, typename Parse>
StatusOr<Enum> Named(const json::object& o, const std::string& path, std::string_view name,
                     Parse parse, std::string_view accepted) {
  DOCKET_ASSIGN_OR_RETURN(std::string text, String(o, path, name));
  std::optional<Enum> parsed = parse(text);
  if (!parsed) return Bad(Sub(path, name), "must be one of " + std::string(accepted));
  return *parsed;
}

constexpr std::string_view kVerdicts = "APPROVE, WARN, NEEDS_HUMAN, BLOCK";

bool IsEvidenceValue(const json::value& v, int depth) {
  switch (v.kind()) {
    case json::kind::null:
    case json::kind::bool_:
    case json::kind::int64:
    case json::kind::uint64:
    case json::kind::double_:
    case json::kind::string:
      return true;
    case json::kind::array:
      if (depth > 0) return false;  // lists of scalars only
      for (const json::value& item : v.get_array()) {
        if (!IsEvidenceValue(item, depth + 1)) return false;
      }
      return true;
    case json::kind::object:
      return false;
  }
  return false;
}

StatusOr<std::vector<EvidenceItem>> EvidenceMap(const json::object& o, const std::string& path) {
  std::vector<EvidenceItem> items;
  for (const auto& kv : o) {
    if (!IsEvidenceValue(kv.value(), 0)) {
      return Bad(Sub(path, kv.key()),
                 "must be null, a boolean, a number, a string or a list of those");
    }
    items.push_back({std::string(kv.key()), kv.value()});
  }
  return items;
}

Status ReadThresholds(const json::object& t, const std::string& path, RuleInstanceView& r) {
  DOCKET_ASSIGN_OR_RETURN(r.where, OptionalString(t, path, "where"));
  DOCKET_ASSIGN_OR_RETURN(r.warn, OptionalString(t, path, "warn"));
  DOCKET_ASSIGN_OR_RETURN(r.fail, OptionalString(t, path, "fail"));
  DOCKET_ASSIGN_OR_RETURN(r.on_missing_data, String(t, path, "on_missing_data"));
  DOCKET_ASSIGN_OR_RETURN(r.weight, Number(t, path, "weight"));
  return Status();
}

StatusOr<RuleInstanceView> ReadRule(const json::value& v, const std::string& path) {
  if (!v.is_object()) return Bad(path, "must be an object");
  const json::object& o = v.get_object();
  RuleInstanceView r;
  DOCKET_ASSIGN_OR_RETURN(r.id, String(o, path, "id"));
  DOCKET_ASSIGN_OR_RETURN(r.instance, String(o, path, "instance"));
  DOCKET_ASSIGN_OR_RETURN(std::optional<std::string> for_each, OptionalString(o, path, "for_each"));
  r.for_each = for_each.value_or("");
  DOCKET_ASSIGN_OR_RETURN(r.outcome,
                          (Named<policies::Outcome>(o, path, "outcome", policies::ParseOutcome,
                                                    "pass, warn, fail, inconclusive, error")));
  DOCKET_ASSIGN_OR_RETURN(r.key, Bool(o, path, "key", /*optional=*/false));
  DOCKET_ASSIGN_OR_RETURN(r.mode,
                          (Named<policies::RuleMode>(o, path, "mode", policies::ParseRuleMode,
                                                     "enforce, advisory, dry_run")));
  DOCKET_ASSIGN_OR_RETURN(r.model_derived, Bool(o, path, "model_derived", /*optional=*/true));
  DOCKET_ASSIGN_OR_RETURN(
      r.contribution,
      (Named<policies::Verdict>(o, path, "contribution", policies::ParseVerdict, kVerdicts)));
  DOCKET_ASSIGN_OR_RETURN(r.reason, String(o, path, "reason"));
  DOCKET_ASSIGN_OR_RETURN(const json::object* thresholds, Object(o, path, "thresholds"));
  DOCKET_RETURN_IF_ERROR(ReadThresholds(*thresholds, path + ".thresholds", r));
  DOCKET_ASSIGN_OR_RETURN(const json::object* evidence, Object(o, path, "evidence"));
  DOCKET_ASSIGN_OR_RETURN(r.evidence, EvidenceMap(*evidence, path + ".evidence"));
  return r;
}

StatusOr<GuardView> ReadGuard(const json::value& v, const std::string& path) {
  if (!v.is_object()) return Bad(path, "must be an object");
  GuardView g;
  DOCKET_ASSIGN_OR_RETURN(g.guard, String(v.get_object(), path, "guard"));
  DOCKET_ASSIGN_OR_RETURN(g.violated, Bool(v.get_object(), path, "violated", false));
  DOCKET_ASSIGN_OR_RETURN(g.detail, String(v.get_object(), path, "detail"));
  return g;
}

StatusOr<json::value> Scalar(const json::object& o, const std::string& path,
                             std::string_view name) {
  DOCKET_ASSIGN_OR_RETURN(const json::value* v, Field(o, path, name));
  if (!v->is_null() && !v->is_string() && !v->is_number()) {
    return Bad(Sub(path, name), "must be a string, a number or null");
  }
  return *v;
}

Status ReadPolicyAndRelease(const json::object& d, DecisionView& view) {
  DOCKET_ASSIGN_OR_RETURN(const json::object* policy, Object(d, "", "policy"));
  DOCKET_ASSIGN_OR_RETURN(view.policy_name, String(*policy, "policy", "name"));
  DOCKET_ASSIGN_OR_RETURN(const json::value* version, Field(*policy, "policy", "version"));
  if (!version->is_int64() && !version->is_uint64()) {
    return Bad("policy.version", "must be an integer");
  }
  if (version->is_uint64() && version->get_uint64() > uint64_t{INT64_MAX}) {
    return Bad("policy.version", "is out of range");
  }
  view.policy_version =
      version->is_int64() ? version->get_int64() : static_cast<int64_t>(version->get_uint64());
  DOCKET_ASSIGN_OR_RETURN(view.policy_digest, String(*policy, "policy", "digest"));
  DOCKET_ASSIGN_OR_RETURN(view.policy_file, String(*policy, "policy", "file"));
  DOCKET_ASSIGN_OR_RETURN(const json::object* release, Object(d, "", "release"));
  DOCKET_ASSIGN_OR_RETURN(view.release_id, Scalar(*release, "release", "id"));
  DOCKET_ASSIGN_OR_RETURN(view.release_version, Scalar(*release, "release", "version"));
  DOCKET_ASSIGN_OR_RETURN(view.release_evaluate_at, Scalar(*release, "release", "evaluate_at"));
  DOCKET_ASSIGN_OR_RETURN(view.product, Scalar(*release, "release", "product"));
  return Status();
}

Status ReadVerdicts(const json::object& d, const FormatOptions& options, DecisionView& view) {
  DOCKET_ASSIGN_OR_RETURN(view.verdict, (Named<policies::Verdict>(
                                            d, "", "verdict", policies::ParseVerdict, kVerdicts)));
  view.effective_verdict = view.verdict;
  if (!options.effective_verdict.empty()) {
    std::optional<policies::Verdict> v = policies::ParseVerdict(options.effective_verdict);
    if (!v) {
      return InvalidArgumentError("effective verdict `" + options.effective_verdict +
                                  "` must be one of " + std::string(kVerdicts));
    }
    view.effective_verdict = *v;
  } else if (d.contains("effective_verdict")) {
    DOCKET_ASSIGN_OR_RETURN(
        view.effective_verdict,
        (Named<policies::Verdict>(d, "", "effective_verdict", policies::ParseVerdict, kVerdicts)));
  }
  view.decision_id = options.decision_id;
  const json::value* id = d.if_contains("decision_id");
  if (view.decision_id.empty() && id != nullptr && !id->is_null()) {
    DOCKET_ASSIGN_OR_RETURN(view.decision_id, String(d, "", "decision_id"));
  }
  return Status();
}

}  // namespace

const json::value* RuleInstanceView::Evidence(std::string_view name) const {
  for (const EvidenceItem& item : evidence) {
    if (item.name == name) return &item.value;
  }
  return nullptr;
}

std::string RuleInstanceView::Label() const {
  return instance.empty() ? id : id + " [" + instance + "]";
}

StatusOr<DecisionView> ReadDecisionView(const json::object& d, const FormatOptions& options) {
  DecisionView view;
  DOCKET_ASSIGN_OR_RETURN(std::string schema, String(d, "", "schema"));
  if (schema != kSchema) {
    return Bad("schema", "is `" + schema + "`, expected `" + std::string(kSchema) + "`");
  }
  DOCKET_RETURN_IF_ERROR(ReadPolicyAndRelease(d, view));
  DOCKET_RETURN_IF_ERROR(ReadVerdicts(d, options, view));
  DOCKET_ASSIGN_OR_RETURN(view.evaluated_at, String(d, "", "evaluated_at"));
  DOCKET_ASSIGN_OR_RETURN(const json::value* score, Field(d, "", "score"));
  if (!score->is_null()) {
    DOCKET_ASSIGN_OR_RETURN(view.score, Number(d, "", "score"));
  }
  DOCKET_ASSIGN_OR_RETURN(view.confidence, Number(d, "", "confidence"));
  DOCKET_ASSIGN_OR_RETURN(const json::array* reasons, Array(d, "", "reasons"));
  for (size_t i = 0; i < reasons->size(); ++i) {
    if (!(*reasons)[i].is_string())
      return Bad("reasons[" + std::to_string(i) + "]", "must be a string");
    view.reasons.emplace_back((*reasons)[i].get_string());
  }
  DOCKET_ASSIGN_OR_RETURN(const json::array* rules, Array(d, "", "rules"));
  for (size_t i = 0; i < rules->size(); ++i) {
    DOCKET_ASSIGN_OR_RETURN(RuleInstanceView r,
                            ReadRule((*rules)[i], "rules[" + std::to_string(i) + "]"));
    view.rules.push_back(std::move(r));
  }
  DOCKET_ASSIGN_OR_RETURN(const json::array* guards, Array(d, "", "guards"));
  for (size_t i = 0; i < guards->size(); ++i) {
    DOCKET_ASSIGN_OR_RETURN(GuardView g,
                            ReadGuard((*guards)[i], "guards[" + std::to_string(i) + "]"));
    view.guards.push_back(std::move(g));
  }
  DOCKET_ASSIGN_OR_RETURN(view.evidence_digest, String(d, "", "evidence_digest"));
  DOCKET_ASSIGN_OR_RETURN(view.decision_digest, String(d, "", "decision_digest"));
  if (const json::value* q = d.if_contains("data_quality")) {
    if (!q->is_object()) return Bad("data_quality", "must be an object");
    DOCKET_ASSIGN_OR_RETURN(view.data_quality, EvidenceMap(q->get_object(), "data_quality"));
  }
  return view;
}

}  // namespace docket::adapters::internal
