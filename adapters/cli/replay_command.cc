#include "adapters/cli/replay_command.h"

#include <boost/json.hpp>

#include "adapters/cli/exit_codes.h"
#include "adapters/ledger/ledger_home.h"
#include "engine/step_registry.h"
#include "replay/entry_proofs.h"
#include "replay/recorded_effects.h"
#include "replay/recorded_run.h"
#include "replay/reference_token_vault.h"
#include "replay/verify_run.h"
#include "workflows/redact/egress_guard.h"
#include "workflows/steps/register.h"

namespace docket::adapters {
namespace {

namespace json = boost::json;

int Fail(std::ostream& err, const Status& s) {
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
  if (o.policy) return WhatIfCommand(o, out, err);
  if (o.release || o.since) {
    err << "docket replay: --release and --since select decisions for a what-if; add --policy\n";
    return kExitUsage;
  }
  StatusOr<std::string> run_id = replay::RunIdOfDecision(o.decision_id);
  if (!run_id.ok()) return Fail(err, run_id.status());
  StatusOr<std::unique_ptr<LedgerHome>> home = LedgerHome::OpenForBlobReading(o.ledger_dir);
  if (!home.ok()) return Fail(err, home.status());
  const ledger::LedgerStore& store = (*home)->store();
  StatusOr<replay::RecordedRun> run = replay::LoadRecordedRun(store, *(*home)->vault(), *run_id);
  if (!run.ok()) return Fail(err, run.status());
  if (run->decision_id != o.decision_id) {
    return Fail(err, NotFoundError("run " + *run_id + " recorded no decision " + o.decision_id));
  }
  StatusOr<ledger::Verifier> key = (*home)->DirVerifier();
  if (!key.ok()) return Fail(err, key.status());
  StatusOr<ledger::Checkpoint> checkpoint =
      replay::CheckEntriesIncluded(store, run->entry_indices, {*key}, (*home)->origin());
  if (!checkpoint.ok()) return Fail(err, checkpoint.status());
  StatusOr<std::unique_ptr<replay::RecordedEffects>> effects =
      replay::LoadRecordedEffects(store, *(*home)->vault(), *run_id);
  if (!effects.ok()) return Fail(err, effects.status());

  // The same steps as `docket run`, with a token store that keeps nothing and the
  // egress guard still in front of the recordings.
  replay::ReferenceTokenVault tokens(o.redaction_key.value_or((*home)->pseudonym_key()));
  workflows::redact::RawValueRegistry known_values;
  workflows::RedactionDeps redaction{.pseudonym_key = o.redaction_key.value_or((*home)->pseudonym_key()),
                                     .vault = &tokens, .known_values = &known_values};
  engine::StepRegistry registry;
  if (Status s = workflows::RegisterFeedbackSteps(registry, &redaction); !s.ok()) {
    return Fail(err, s);
  }
  workflows::redact::EgressGuard guarded(effects->get(), workflows::redact::ScannerConfig{},
                                         &known_values);
  StatusOr<replay::VerifyReport> report = replay::VerifyRecordedRun(
      *run, registry,
      {.threads = o.threads, .clock = &clock, .effects = &guarded,
       .engine_build_id = o.build_id, .vault = (*home)->vault()});
  if (!report.ok()) return Fail(err, report.status());
  report->unserved_effects = (*effects)->unserved();
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
      return kExitReplayErased;
  }
  return kExitInternal;
}

}  // namespace docket::adapters
