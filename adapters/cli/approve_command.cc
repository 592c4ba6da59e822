// `docket approve`, `docket override`, `docket invalidate`: one human action each,
// recorded in this order: the --key file is read and the arguments checked first; then
// the decision record is loaded, the rules (policies/approvals.h) prepare the action at
// "now" or refuse it; only then is the entry (signed by the actor when --key is given)
// appended and covered by a signed checkpoint. A refusal appends nothing.
#include <functional>

#include "adapters/cli/decision_command.h"
#include "adapters/cli/exit_codes.h"
#include "adapters/cli/internal/ledger_exit.h"
#include "adapters/ledger/decision_record.h"
#include "adapters/ledger/ledger_home.h"
#include "adapters/sinks/approval_entries.h"
#include "adapters/sinks/run_entries.h"
#include "engine/base/time_format.h"
#include "engine/step_config.h"
#include "policies/approvals.h"

namespace docket::adapters {
namespace {

using internal::LedgerFailure;
using internal::LedgerUsage;
using policies::HumanAction;

// Turns the loaded record and "now" into the action to record, or a refusal.
using PrepareFn = std::function<StatusOr<HumanAction>(const DecisionRecord&, Timestamp)>;

struct Recorded {
  uint64_t index = 0;
  uint64_t checkpoint = 0;
};

policies::ActionRequest RequestOf(const DecisionActionOptions& o) {
  policies::ActionRequest r;
  r.actor = o.actor;
  r.reason = o.reason;
  r.ticket = o.ticket;
  r.reviewed_digest = o.digest.value_or("");
  return r;
}

// Appends `entry` and waits for a checkpoint covering it.
StatusOr<Recorded> Append(const LedgerHome& home, const ledger::LedgerEntry& entry) {
  DOCKET_ASSIGN_OR_RETURN(const uint64_t index,
                          home.writer()->Append(EntryBytes(entry), IndexTermsOf(entry)).get());
  DOCKET_ASSIGN_OR_RETURN(const uint64_t covered, home.writer()->RequestCheckpoint().get());
  if (covered <= index) {
    return InternalError("the checkpoint of size " + std::to_string(covered) +
                         " does not cover the entry at " + std::to_string(index));
  }
  return Recorded{index, covered};
}

void Report(const DecisionRecord& record, HumanAction action, const Recorded& recorded,
            const std::optional<ledger::Signer>& key, Timestamp now, std::ostream& out) {
  action.sequence = recorded.index;
  std::vector<HumanAction> actions = record.Actions();
  actions.push_back(action);
  const policies::EffectiveVerdict state =
      policies::DeriveEffectiveVerdict(record.decided, actions, record.overrides, now);
  out << record.decision_id << ": " << policies::ActionKindName(action.kind) << " by "
      << action.actor << " recorded at entry " << recorded.index << ", covered by checkpoint "
      << recorded.checkpoint;
  if (key) out << ", signed by " << key->verifier().Format();
  out << "\n";
  const policies::ActionReview& review = state.trail.back();  // the newest entry
  out << "  " << policies::ActionEffectName(review.effect) << ": " << review.note << "\n";
  out << "effective verdict: " << policies::VerdictName(state.effective) << " (decided "
      << policies::VerdictName(state.decided) << ")";
  if (state.falls_back_at) out << " until " << FormatRfc3339(*state.falls_back_at);
  out << "\n";
}

int RecordAction(const DecisionActionOptions& o, const PrepareFn& prepare, std::string_view expires,
                 Clock& clock, std::ostream& out, std::ostream& err) {
  if (Status s = policies::ValidateActionText("decision id", o.decision_id, 256); !s.ok()) {
    return LedgerUsage(err, s.message());
  }
  std::optional<ledger::Signer> key;
  if (o.key_file) {
    StatusOr<ledger::Signer> read = ReadActorKeyFile(*o.key_file);
    if (!read.ok()) return LedgerFailure(err, read.status());
    key = *std::move(read);
  }
  {
    // OpenForWriting would create a ledger in any directory: make sure this is one.
    StatusOr<std::unique_ptr<LedgerHome>> existing = LedgerHome::OpenForReading(o.ledger_dir);
    if (!existing.ok()) return LedgerFailure(err, existing.status());
  }
  StatusOr<std::unique_ptr<LedgerHome>> home = LedgerHome::OpenForWriting(o.ledger_dir);
  if (!home.ok()) return LedgerFailure(err, home.status(), "opening the ledger");
  StatusOr<DecisionRecord> record =
      LoadDecisionRecord((*home)->store(), *(*home)->vault(), o.decision_id);
  if (!record.ok()) return LedgerFailure(err, record.status());
  const Timestamp now = clock.Now();
  StatusOr<HumanAction> action = prepare(*record, now);
  if (!action.ok()) return LedgerFailure(err, action.status(), "refused");
  ledger::LedgerEntry entry = ActionEntry({.decision_id = record->decision_id,
                                           .release = record->release,
                                           .decision_entry = record->entry_index},
                                          *action, expires);
  if (key) {
    if (Status s = SignActionEntry(*key, entry); !s.ok()) return LedgerFailure(err, s, "signing");
  }
  StatusOr<Recorded> recorded = Append(**home, entry);
  if (!recorded.ok()) return LedgerFailure(err, recorded.status(), "recording the action");
  (*home)->CloseWriter();
  Report(*record, *action, *recorded, key, now, out);
  return kExitApprove;
}

}  // namespace

int ApproveCommand(const DecisionActionOptions& o, Clock& clock, std::ostream& out,
                   std::ostream& err) {
  const PrepareFn prepare = [&o](const DecisionRecord& record, Timestamp now) {
    return policies::PrepareApproval(record.decided, record.Actions(), record.overrides, now,
                                     RequestOf(o));
  };
  return RecordAction(o, prepare, "", clock, out, err);
}

int OverrideCommand(const DecisionActionOptions& o, Clock& clock, std::ostream& out,
                    std::ostream& err) {
  const std::optional<policies::Verdict> verdict = policies::ParseVerdict(o.verdict);
  if (!verdict) {
    return LedgerUsage(err,
                       "--verdict '" + o.verdict + "': one of APPROVE, WARN, NEEDS_HUMAN, BLOCK");
  }
  if (o.expires.empty()) {
    return LedgerUsage(err, "--expires is required: how long the override holds, e.g. 24h");
  }
  const std::optional<engine::Duration> expires = engine::ParseDuration(o.expires);
  if (!expires) {
    return LedgerUsage(
        err, "--expires '" + o.expires + "' is not a duration (e.g. 30m, 24h, 3d, 1h30m)");
  }
  policies::ActionRequest request = RequestOf(o);
  request.verdict = *verdict;
  request.expires_in = std::chrono::duration_cast<std::chrono::seconds>(*expires);
  const PrepareFn prepare = [&request](const DecisionRecord& record, Timestamp now) {
    return policies::PrepareOverride(record.decided, record.Actions(), record.overrides, now,
                                     request);
  };
  return RecordAction(o, prepare, engine::FormatDuration(*expires), clock, out, err);
}

int InvalidateCommand(const DecisionActionOptions& o, Clock& clock, std::ostream& out,
                      std::ostream& err) {
  const PrepareFn prepare = [&o](const DecisionRecord& record, Timestamp now) {
    return policies::PrepareInvalidation(record.decided, record.Actions(), RequestOf(o), now);
  };
  return RecordAction(o, prepare, "", clock, out, err);
}

}  // namespace docket::adapters
