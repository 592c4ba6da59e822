// `docket decision show`: the decision as recorded, its effective verdict at "now" and
// the trail of human actions with what became of each (policies/approvals.h). Text for
// people, --json for scripts; both derive from the same EffectiveVerdict.
#include <boost/json.hpp>

#include "adapters/cli/decision_command.h"

#include "adapters/cli/decision_formats.h"
#include "adapters/cli/exit_codes.h"
#include "adapters/cli/internal/ledger_exit.h"
#include "adapters/ledger/decision_record.h"
#include "adapters/ledger/ledger_home.h"
#include "engine/base/time_format.h"
#include "engine/step_config.h"
#include "policies/approvals.h"

namespace docket::adapters {
namespace {

namespace json = boost::json;
using internal::LedgerFailure;
using policies::EffectiveVerdict;

std::string Attribute(const ledger::LedgerEntry& entry, const std::string& name) {
  const auto it = entry.attributes().find(name);
  return it == entry.attributes().end() ? "" : it->second;
}

std::string OverrideRules(const DecisionRecord& r) {
  const policies::OverridePolicy& p = r.overrides;
  std::string needs;
  for (const auto& [required, what] :
       {std::pair{p.require_reason, "reason"}, std::pair{p.require_ticket, "ticket"},
        std::pair{p.require_second_approver, "second approver"}}) {
    if (required) needs += (needs.empty() ? "" : ", ") + std::string(what);
  }
  return "overrides need " + (needs.empty() ? std::string("nothing") : needs) + "; max expiry " +
         engine::FormatDuration(std::chrono::seconds(p.max_expiry_s)) +
         (r.policy_read ? "" : " (defaults: the decision names no policy file)");
}

json::object OverridesJson(const DecisionRecord& r) {
  json::object o;
  o["require_reason"] = r.overrides.require_reason;
  o["require_ticket"] = r.overrides.require_ticket;
  o["require_second_approver"] = r.overrides.require_second_approver;
  o["max_expiry_s"] = r.overrides.max_expiry_s;
  o["from_policy_file"] = r.policy_read;
  return o;
}

json::value OptionalIndex(const std::optional<uint64_t>& index) {
  return index ? json::value(*index) : json::value(nullptr);
}

json::object TrailItemJson(const RecordedAction& a, const policies::ActionReview& review) {
  json::object item;
  item["entry"] = a.action.sequence;
  item["type"] = policies::ActionKindName(a.action.kind);
  item["logical_time"] = a.entry.logical_time();
  for (const char* name : {"actor", "reason", "ticket", "verdict", "expires_at", "expires_in",
                           "confirms", "decision_digest"}) {
    if (std::string value = Attribute(a.entry, name); !value.empty()) item[name] = value;
  }
  item["signed_by"] = a.signed_by ? json::value(a.signed_by->Format()) : json::value(nullptr);
  item["effect"] = policies::ActionEffectName(review.effect);
  item["note"] = review.note;
  return item;
}

void PrintJson(const DecisionRecord& r, const EffectiveVerdict& e, Timestamp now,
               std::ostream& out) {
  json::object o;
  o["decision_id"] = r.decision_id;
  o["run_id"] = r.run_id;
  o["entry"] = r.entry_index;
  o["release"] = r.release;
  o["decision_digest"] = r.decided.digest;
  o["policy"] = {
      {"name", r.policy_name}, {"digest", r.policy_digest}, {"overrides", OverridesJson(r)}};
  o["verdict"] = policies::VerdictName(e.decided);
  o["effective_verdict"] = policies::VerdictName(e.effective);
  o["as_of"] = FormatRfc3339(now);
  o["override_in_force"] = OptionalIndex(e.override_in_force);
  o["falls_back_at"] =
      e.falls_back_at ? json::value(FormatRfc3339(*e.falls_back_at)) : json::value(nullptr);
  o["approved_by"] = OptionalIndex(e.approved_by);
  o["invalidated_by"] = OptionalIndex(e.invalidated_by);
  json::array trail;
  for (size_t i = 0; i < r.actions.size(); ++i)
    trail.push_back(TrailItemJson(r.actions[i], e.trail[i]));
  o["trail"] = std::move(trail);
  boost::system::error_code ec;
  json::value doc = json::parse(r.document, ec);
  o["decision"] = ec ? json::value(nullptr) : std::move(doc);
  out << json::serialize(o) << "\n";
}

// The rule instances that did not pass, from the decision document.
void PrintRules(const std::string& document, std::ostream& out) {
  boost::system::error_code ec;
  const json::value doc = json::parse(document, ec);
  const json::value* rules =
      ec || !doc.is_object() ? nullptr : doc.as_object().if_contains("rules");
  if (rules == nullptr || !rules->is_array()) return;
  bool header = false;
  for (const json::value& rule : rules->as_array()) {
    if (!rule.is_object()) continue;
    const json::object& r = rule.as_object();
    const json::value* outcome = r.if_contains("outcome");
    if (outcome == nullptr || !outcome->is_string() || outcome->as_string() == "pass") continue;
    if (!header) out << "rules not passing:\n";
    header = true;
    const auto text = [&r](const char* key) {
      const json::value* v = r.if_contains(key);
      return v != nullptr && v->is_string() ? std::string(v->as_string()) : std::string();
    };
    const std::string instance = text("instance");
    out << "  " << text("id") << (instance.empty() ? "" : " [" + instance + "]") << ": "
        << outcome->as_string().c_str() << " -> " << text("contribution") << "  " << text("reason")
        << "\n";
  }
}

void PrintTrail(const DecisionRecord& r, const EffectiveVerdict& e, std::ostream& out) {
  out << "trail:" << (r.actions.empty() ? " (no approvals, overrides or invalidations)" : "")
      << "\n";
  for (size_t i = 0; i < r.actions.size(); ++i) {
    const RecordedAction& a = r.actions[i];
    out << "  entry " << a.action.sequence << "  " << a.entry.logical_time() << "  "
        << policies::ActionKindName(a.action.kind) << " by " << a.action.actor;
    if (a.action.kind == policies::ActionKind::kOverride) {
      out << " -> " << policies::VerdictName(a.action.verdict) << ", ticket "
          << (a.action.ticket.empty() ? "-" : a.action.ticket) << ", expires "
          << Attribute(a.entry, "expires_at");
    }
    out << "\n    " << policies::ActionEffectName(e.trail[i].effect) << ": " << e.trail[i].note
        << "\n";
    if (!a.action.reason.empty()) out << "    reason: " << a.action.reason << "\n";
    out << "    "
        << (a.signed_by ? "signed by " + a.signed_by->Format()
                        : std::string("not signed by the actor"))
        << "\n";
  }
}

void PrintText(const DecisionRecord& r, const EffectiveVerdict& e, Timestamp now,
               std::ostream& out) {
  out << "decision " << r.decision_id << " (run " << r.run_id << ", entry " << r.entry_index
      << ")\n";
  out << "release: " << (r.release.empty() ? "-" : r.release) << "\n";
  out << "policy: " << (r.policy_name.empty() ? "-" : r.policy_name) << " " << r.policy_digest
      << "; " << OverrideRules(r) << "\n";
  out << "decision digest: " << r.decided.digest << "\n";
  out << "verdict: " << policies::VerdictName(e.decided) << "\n";
  out << "effective verdict: " << policies::VerdictName(e.effective) << " as of "
      << FormatRfc3339(now);
  if (e.override_in_force) {
    out << " (override at entry " << *e.override_in_force << ", until "
        << FormatRfc3339(*e.falls_back_at) << ")";
  }
  out << "\n";
  if (e.invalidated_by) {
    out << "invalidated at entry " << *e.invalidated_by << ": excluded from future baselines\n";
  }
  PrintRules(r.document, out);
  PrintTrail(r, e, out);
}

}  // namespace

int DecisionShowCommand(const DecisionShowOptions& o, Clock& clock, std::ostream& out,
                        std::ostream& err) {
  if (Status s = policies::ValidateActionText("decision id", o.decision_id, 256); !s.ok()) {
    return internal::LedgerUsage(err, s.message());
  }
  StatusOr<std::unique_ptr<LedgerHome>> home = LedgerHome::OpenForBlobReading(o.ledger_dir);
  if (!home.ok()) return LedgerFailure(err, home.status());
  StatusOr<DecisionRecord> record =
      LoadDecisionRecord((*home)->store(), *(*home)->vault(), o.decision_id);
  if (!record.ok()) return LedgerFailure(err, record.status());
  const Timestamp now = clock.Now();
  const EffectiveVerdict e =
      policies::DeriveEffectiveVerdict(record->decided, record->Actions(), record->overrides, now);
  if (o.json) {
    PrintJson(*record, e, now, out);
  } else {
    PrintText(*record, e, now, out);
  }
  if (!o.exit_code) return kExitApprove;
  const std::optional<FailOn> fail_on = ParseFailOn(o.fail_on);
  if (!fail_on) {
    return internal::LedgerUsage(err, "--fail-on must be warn, needs_human or block");
  }
  const VerdictExit exit = ExitForVerdict(e.effective, *fail_on);
  if (!exit.note.empty()) err << exit.note << "\n";
  return exit.code;
}

}  // namespace docket::adapters
