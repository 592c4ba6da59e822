#include "adapters/cli/replay_command.h"

#include <boost/json.hpp>

#include "adapters/cli/exit_codes.h"
#include "adapters/cli/internal/replay_session.h"
#include "adapters/ledger/ledger_home.h"
#include "replay/recorded_run.h"
#include "replay/verify_run.h"

namespace docket::adapters {
namespace {

namespace json = boost::json;

}  // namespace

int ReplayFail(std::ostream& err, const Status& s) {
  err << "docket replay: " << s.message() << "\n";
  switch (s.code()) {
    case StatusCode::kInvalidArgument:
    case StatusCode::kNotFound:
      return kExitUsage;
    case StatusCode::kDataLoss:
      return kExitBlock;  // the ledger does not verify
    default:
      return kExitInternal;
  }
}

namespace {

int Fail(std::ostream& err, const Status& s) { return ReplayFail(err, s); }

json::object ReportJson(const replay::RecordedRun& run, const replay::VerifyReport& r,
                        const ledger::Checkpoint& checkpoint) {
  json::object doc;
  doc["decision_id"] = run.decision_id;
  doc["run_id"] = run.run_id;
  doc["result"] = replay::ReplayStatusName(r.status);
  doc["verdict"] = run.verdict;
  doc["checkpoint_size"] = checkpoint.size;
  doc["entries_proven"] = run.entry_indices.size();
  doc["recorded_build"] = r.recorded_build;
  doc["replay_build"] = r.replay_build;
  doc["same_build"] = r.recorded_build == r.replay_build;
  doc["identical_steps"] = json::value_from(r.identical_steps);
  doc["recorded_decision_digest"] = r.recorded_decision_digest;
  doc["replayed_decision_digest"] = r.replayed_decision_digest;
  if (r.first_divergence) {
    const replay::Divergence& d = *r.first_divergence;
    doc["first_divergence"] = {{"step", d.step_id},
                               {"kind", replay::DivergenceKindName(d.kind)},
                               {"port", d.port},
                               {"recorded", d.recorded}, {"replayed", d.replayed},
                               {"difference", d.difference}};
  }
  json::array erased;
  for (const replay::ErasedInput& e : run.erased) {
    erased.push_back({{"input", e.input}, {"name", e.name}, {"digest", e.digest},
                      {"reason", e.reason}});
  }
  doc["erased_inputs"] = std::move(erased);
  if (r.status == replay::ReplayStatus::kErased) {
    json::object remaining;
    remaining["artifacts_verified"] = r.remaining.artifacts_verified;
    remaining["artifacts_unreadable"] = json::value_from(r.remaining.artifacts_unreadable);
    remaining["gate_consistent"] = r.remaining.gate_consistent
                                       ? json::value(*r.remaining.gate_consistent)
                                       : json::value(nullptr);
    remaining["gate_note"] = r.remaining.gate_note;
    doc["remaining"] = std::move(remaining);
  }
  return doc;
}

void PrintText(const replay::RecordedRun& run, const replay::VerifyReport& r,
               const ledger::Checkpoint& checkpoint, std::ostream& out) {
  out << "replay " << run.decision_id << " (run " << run.run_id << ", verdict " << run.verdict
      << ", as of " << run.logical_time_text << "): " << replay::ReplayStatusName(r.status)
      << "\n";
  out << "  ledger: " << run.entry_indices.size()
      << " entries proven against the signed checkpoint of size " << checkpoint.size << "\n";
  if (r.recorded_build != r.replay_build) {
    out << "  build: recorded by " << r.recorded_build << ", replayed by " << r.replay_build
        << " (a different build: differences may come from the engine itself)\n";
  }
  for (const replay::ErasedInput& e : run.erased) {
    out << "  erased input " << e.input << " (" << e.name << ", " << e.digest
        << "): " << e.reason << "\n";
  }
  if (r.status == replay::ReplayStatus::kErased) {
    out << "  not re-executed: the run's inputs above were erased; every entry still "
           "verifies\n";
    out << "  what remains: " << r.remaining.artifacts_verified
        << " recorded step outputs hash as recorded";
    for (const std::string& bad : r.remaining.artifacts_unreadable) out << "; " << bad;
    out << "\n  gate: "
        << (!r.remaining.gate_consistent ? "not checked"
            : *r.remaining.gate_consistent ? "consistent"
                                           : "INCONSISTENT")
        << " (" << r.remaining.gate_note << ")\n";
    return;
  }
  out << "  steps identical: " << r.identical_steps.size() << "\n";
  if (r.first_divergence) {
    const replay::Divergence& d = *r.first_divergence;
    out << "  first divergent step: " << d.step_id << " ("
        << replay::DivergenceKindName(d.kind) << (d.port.empty() ? "" : " " + d.port)
        << ")\n    recorded " << d.recorded << "\n    replayed " << d.replayed << "\n";
    if (!d.difference.empty()) out << "    " << d.difference;
  } else {
    out << "  decision " << r.replayed_decision_digest << " matches the record\n";
  }
}

}  // namespace

int ReplayCommand(const ReplayCommandOptions& o, Clock& clock, std::ostream& out,
                  std::ostream& err) {
  const int modes = (o.policy ? 1 : 0) + (o.workflow ? 1 : 0) + (o.set ? 1 : 0) + (o.compat ? 1 : 0);
  if (modes > 1) {
    err << "docket replay: --policy, --workflow, --set (one substitution each) and --compat "
           "are different replays; pick one\n";
    return kExitUsage;
  }
  if (o.policy) return WhatIfCommand(o, out, err);
  if (o.workflow || o.set) return RunWhatIfCommand(o, clock, out, err);
  if (o.compat) return CompatCommand(o, clock, out, err);
  if (o.release || o.since) {
    err << "docket replay: --release and --since select decisions for --policy or --compat\n";
    return kExitUsage;
  }
  StatusOr<std::unique_ptr<LedgerHome>> home = LedgerHome::OpenForBlobReading(o.ledger_dir);
  if (!home.ok()) return Fail(err, home.status());
  StatusOr<std::unique_ptr<internal::ReplaySession>> session =
      internal::ReplaySession::Open(**home, o.decision_id, o.redaction_key);
  if (!session.ok()) return Fail(err, session.status());
  const replay::RecordedRun* run = &(*session)->run();
  const ledger::Checkpoint* checkpoint = &(*session)->checkpoint();
  StatusOr<replay::VerifyReport> report = replay::VerifyRecordedRun(
      *run, (*session)->registry(),
      {.threads = o.threads, .clock = &clock, .effects = (*session)->effects(),
       .engine_build_id = o.build_id, .vault = (*home)->vault()});
  if (!report.ok()) return Fail(err, report.status());
  report->unserved_effects = (*session)->recordings().unserved();
  if (o.json) {
    out << json::serialize(ReportJson(*run, *report, *checkpoint)) << "\n";
  } else {
    PrintText(*run, *report, *checkpoint, out);
  }
  switch (report->status) {
    case replay::ReplayStatus::kIdentical:
      return kExitApprove;
    case replay::ReplayStatus::kDiverged:
      return kExitBlock;
    case replay::ReplayStatus::kErased:
      // What remains must verify: an unreadable artifact or a gate that no longer
      // re-derives is a failure, not just an erasure.
      return report->remaining.artifacts_unreadable.empty() &&
                     report->remaining.gate_consistent.value_or(true)
                 ? kExitReplayErased
                 : kExitBlock;
  }
  return kExitInternal;
}

}  // namespace docket::adapters
