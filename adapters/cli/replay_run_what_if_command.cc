// `docket replay DECISION_ID --workflow NEW.yaml | --set STEP.KEY=VALUE`: run-level
// what-if (replay/run_what_if.h). The recorded run is proven and rebuilt, re-executed
// with the one substitution, its model calls served from their recordings (a call the
// changed workflow makes anew gets "not configured": replay never calls a model, and the
// synthesis falls back), and the gate decision diff is printed and recorded as a signed
// SIMULATION entry in the simulation ledger, never the primary one.
#include <boost/json.hpp>

#include "adapters/cli/exit_codes.h"
#include "adapters/cli/internal/replay_session.h"
#include "adapters/cli/replay_command.h"
#include "adapters/sinks/run_entries.h"
#include "adapters/store/file_artifact_store.h"
#include "engine/base/sha256.h"
#include "engine/json_exact.h"
#include "engine/workflow_parser.h"
#include "replay/run_what_if.h"
#include "workflows/synthesize/chat_call.h"

namespace docket::adapters {
namespace {

namespace json = boost::json;
namespace synthesize = workflows::synthesize;

// Replay never calls out: a request the recorded run never made is answered as if no
// model (or webhook) were configured, and the synthesis falls back.
StatusOr<std::string> UnrecordedAnswer(const engine::EffectCall& call) {
  const std::string detail =
      "what-if replay: the recorded run never made this request, and replay calls no model";
  if (call.kind == synthesize::kWebhookEffectKind) {
    return synthesize::SerializeWebhookResponse(
        {.outcome = synthesize::ChatOutcome::kNotConfigured, .detail = detail});
  }
  return synthesize::SerializeChatResponse(
      {.outcome = synthesize::ChatOutcome::kNotConfigured, .detail = detail});
}

struct Substitution {
  std::string kind;    // "workflow" | "set"
  std::string what;    // the workflow's file name, or the assignment
  std::string digest;  // of the substituted file; "" for set
  std::string workflow_bytes;
};

StatusOr<Substitution> Substitute(const ReplayCommandOptions& o, const replay::RecordedRun& run) {
  if (o.set) {
    DOCKET_ASSIGN_OR_RETURN(std::string bytes, replay::SetStepConfig(run.workflow_bytes, *o.set));
    return Substitution{"set", *o.set, "", std::move(bytes)};
  }
  DOCKET_ASSIGN_OR_RETURN(std::string bytes, ReadFile(*o.workflow, engine::kMaxWorkflowFileBytes));
  const std::string digest = "sha256:" + Sha256(bytes).Hex();
  return Substitution{"workflow", o.workflow->filename().string(), digest, std::move(bytes)};
}

// The release candidate id a gate decision names ("" if it names none).
std::string ReleaseOf(const std::string& decision_json) {
  StatusOr<json::value> d = engine::ParseJsonExact(decision_json, 64);
  if (!d.ok() || !d->is_object()) return "";
  const json::value* release = d->get_object().if_contains("release");
  const json::value* id = release != nullptr && release->is_object()
                              ? release->get_object().if_contains("id")
                              : nullptr;
  return id != nullptr && id->is_string() ? std::string(id->get_string()) : "";
}

}  // namespace

int RunWhatIfCommand(const ReplayCommandOptions& o, Clock& clock, std::ostream& out,
                     std::ostream& err) {
  if (o.decision_id.empty() || o.release || o.since) {
    err << "docket replay: --workflow and --set re-execute one decision; give its id "
           "(bulk what-if is for --policy)\n";
    return kExitUsage;
  }
  StatusOr<std::unique_ptr<LedgerHome>> home = LedgerHome::OpenForBlobReading(o.ledger_dir);
  if (!home.ok()) return ReplayFail(err, home.status());
  StatusOr<std::unique_ptr<internal::ReplaySession>> session =
      internal::ReplaySession::Open(**home, o.decision_id, o.redaction_key);
  if (!session.ok()) return ReplayFail(err, session.status());
  const replay::RecordedRun& run = (*session)->run();
  StatusOr<Substitution> sub = Substitute(o, run);
  if (!sub.ok()) return ReplayFail(err, sub.status());
  (*session)->mutable_recordings().AnswerUnrecordedWith(UnrecordedAnswer);
  StatusOr<replay::RunWhatIf> what_if = replay::ReexecuteWithWorkflow(
      run, sub->workflow_bytes, (*session)->registry(), (*session)->mutable_recordings(),
      {.threads = o.threads, .clock = &clock, .effects = (*session)->effects(),
       .engine_build_id = o.build_id, .vault = (*home)->vault()});
  if (!what_if.ok() && what_if.status().code() == StatusCode::kFailedPrecondition) {
    // The substituted workflow does not build or does not fit the recorded inputs.
    err << "docket replay: " << what_if.status().message() << "\n";
    return kExitUsage;
  }
  if (!what_if.ok()) return ReplayFail(err, what_if.status());

  const std::filesystem::path dir =
      o.simulation_dir.empty() ? o.ledger_dir / "simulation" : o.simulation_dir;
  StatusOr<std::unique_ptr<LedgerHome>> simulation = LedgerHome::OpenForWriting(dir);
  if (!simulation.ok()) return ReplayFail(err, simulation.status());
  json::object doc = replay::DiffToJson(what_if->diff);
  doc["decision_id"] = o.decision_id;
  doc["substitution"] = sub->kind;
  doc["substituted"] = sub->what;
  doc["substituted_digest"] = sub->digest;
  doc["changed_steps"] = json::value_from(what_if->changed_steps);
  doc["unrecorded_model_calls"] = what_if->unrecorded_calls;
  StatusOr<ledger::BlobRef> blob = (*simulation)->vault()->Put(json::serialize(doc));
  if (!blob.ok()) return ReplayFail(err, blob.status());
  const RunFacts facts{.run_id = run.run_id, .decision_id = o.decision_id,
                       .logical_time = run.logical_time_text};
  const std::string release = ReleaseOf(what_if->recorded_decision_json);
  RunEntry entry = SimulationEntry(facts, release, sub->kind, sub->what, sub->digest,
                                   what_if->diff.verdict_before, what_if->diff.verdict_after,
                                   MakeBlob("diff", *blob, "application/json"));
  StatusOr<uint64_t> index =
      (*simulation)->writer()->Append(EntryBytes(entry.entry), entry.terms).get();
  if (!index.ok()) return ReplayFail(err, index.status());
  StatusOr<uint64_t> signed_size = (*simulation)->writer()->RequestCheckpoint().get();
  if (!signed_size.ok()) return ReplayFail(err, signed_size.status());
  if (o.json) {
    doc["simulation_ledger"] = dir.string();
    doc["simulation_index"] = *index;
    out << json::serialize(doc) << "\n";
    return kExitApprove;
  }
  out << "what-if " << o.decision_id << " (as of " << run.logical_time_text << ") with "
      << sub->kind << " " << sub->what << ":\n"
      << replay::DiffToText(what_if->diff) << "  steps whose outputs changed:";
  for (const std::string& s : what_if->changed_steps) out << " " << s;
  if (what_if->changed_steps.empty()) out << " none";
  out << "\n";
  if (what_if->unrecorded_calls > 0) {
    out << "  " << what_if->unrecorded_calls
        << " model calls were never made by the recorded run: answered \"not configured\" "
           "(the synthesis fell back)\n";
  }
  out << "recorded in the simulation ledger " << dir.string() << " (signed checkpoint size "
      << *signed_size << ")\n";
  return kExitApprove;
}

}  // namespace docket::adapters
