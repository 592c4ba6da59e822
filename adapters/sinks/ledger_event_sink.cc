#include "adapters/sinks/ledger_event_sink.h"

#include <chrono>
#include <cstdio>

#include "engine/base/time_format.h"
#include "engine/seed.h"
#include "workflows/steps/artifact_kinds.h"

namespace docket::adapters {
namespace {

using ledger::LedgerEntry;

std::map<std::string, std::string> ResolvedParams(const engine::Plan& plan,
                                                  std::map<std::string, std::string> params) {
  // The same defaults Executor::Run applies, so the recorded params and seeds are the
  // ones the steps saw.
  for (const engine::ParamDefinition& p : plan.definition.params) {
    if (params.count(p.name) == 0 && p.default_value) params[p.name] = *p.default_value;
  }
  return params;
}

std::string SeedHex(uint64_t seed) {
  char text[17];
  std::snprintf(text, sizeof(text), "%016llx", static_cast<unsigned long long>(seed));
  return text;
}

Status LedgerError(const Status& s) { return s.WithContext("ledger"); }

}  // namespace

LedgerEventSink::LedgerEventSink(ledger::LedgerWriter* writer, ledger::BlobVault* vault,
                                 LedgerArtifactStore* artifacts, const engine::Plan& plan,
                                 const engine::RunRequest& request, std::string engine_build_id)
    : writer_(writer),
      vault_(vault),
      artifacts_(artifacts),
      plan_(plan),
      inputs_(request.inputs),
      params_(ResolvedParams(plan, request.params)),
      seed_root_(engine::DeriveRunSeedRoot(plan.definition.digest, request.inputs, params_,
                                           request.logical_time)),
      engine_build_id_(std::move(engine_build_id)),
      facts_{.run_id = request.run_id,
             .decision_id = DecisionIdFor(request.run_id),
             .logical_time = FormatRfc3339(request.logical_time)} {}

Status LedgerEventSink::Emit(const engine::RunEvent& event) {
  Status s;
  switch (event.type()) {
    case engine::RunEvent::RUN_STARTED:
      s = RecordStart();
      break;
    case engine::RunEvent::STEP_FINISHED:
    case engine::RunEvent::STEP_FAILED:
    case engine::RunEvent::STEP_CANCELLED:
      s = RecordStep(event);
      break;
    default:
      break;  // RUN_FINISHED is written by Finish, with the manifest
  }
  if (!s.ok()) {
    std::lock_guard<std::mutex> guard(mu_);
    if (failed_.ok()) failed_ = s;
  }
  return s;
}

Status LedgerEventSink::failure() const {
  std::lock_guard<std::mutex> guard(mu_);
  return failed_;
}

Status LedgerEventSink::RecordStart() {
  std::lock_guard<std::mutex> guard(mu_);
  started_ = true;
  StatusOr<ledger::BlobRef> workflow = vault_->Put(plan_.definition.bytes);
  if (!workflow.ok()) return failed_ = LedgerError(workflow.status());
  DOCKET_RETURN_IF_ERROR(
      AppendLocked(RunStartedEntry(facts_, plan_, params_, engine_build_id_, *workflow)));
  for (const auto& [input, files] : inputs_) {
    for (const engine::Artifact& file : files) {
      StatusOr<ledger::BlobRef> blob = vault_->PutForSubject(InputSubject(file), file.data());
      if (!blob.ok()) return failed_ = LedgerError(blob.status());
      DOCKET_RETURN_IF_ERROR(AppendLocked(InputSnapshotEntry(facts_, input, file, *blob)));
    }
  }
  return Status::Ok();
}

StatusOr<ledger::BlobDigest> LedgerEventSink::OutputBlob(const engine::ArtifactRef& out) const {
  Sha256Digest digest;
  if (out.digest().rfind("sha256:", 0) != 0 || !ParseSha256Hex(out.digest().substr(7), digest)) {
    return InternalError("step output `" + out.port() + "` has a malformed digest");
  }
  DOCKET_ASSIGN_OR_RETURN(ledger::BlobRef ref, artifacts_->RefFor(digest));
  return MakeBlob("output:" + out.port(), ref, out.media_type());
}

Status LedgerEventSink::RecordStep(const engine::RunEvent& event) {
  const int i = plan_.IndexOf(event.step_id());
  if (i < 0) return InternalError("event for unknown step `" + event.step_id() + "`");
  const engine::PlannedStep& step = plan_.steps[static_cast<size_t>(i)];
  std::vector<ledger::BlobDigest> blobs;
  for (const engine::ArtifactRef& out : event.outputs()) {
    StatusOr<ledger::BlobDigest> blob = OutputBlob(out);
    if (!blob.ok()) return LedgerError(blob.status());
    blobs.push_back(*std::move(blob));
  }
  std::lock_guard<std::mutex> guard(mu_);
  const std::string seed = SeedHex(engine::DeriveStepSeed(seed_root_, step.def.id));
  DOCKET_RETURN_IF_ERROR(AppendLocked(StepResultEntry(facts_, event, step, seed, blobs)));
  if (event.type() != engine::RunEvent::STEP_FINISHED || !IsGateStep(step)) return Status::Ok();
  for (size_t k = 0; k < static_cast<size_t>(event.outputs_size()); ++k) {
    const engine::ArtifactRef& out = event.outputs(static_cast<int>(k));
    if (out.kind() != workflows::kKindDecision) continue;
    Sha256Digest digest;
    (void)ParseSha256Hex(out.digest().substr(7), digest);  // checked by OutputBlob
    StatusOr<std::string> bytes = artifacts_->Get(digest);
    if (!bytes.ok()) return failed_ = LedgerError(bytes.status());
    DOCKET_RETURN_IF_ERROR(
        AppendLocked(PolicyEvaluationEntry(facts_, step, *bytes, out.digest(), blobs[k])));
  }
  return Status::Ok();
}

Status LedgerEventSink::AppendLocked(RunEntry entry) {
  if (!failed_.ok()) return failed_;
  const LedgerEntry::Type type = entry.entry.type();
  const std::string bytes = EntryBytes(entry.entry);
  for (;;) {
    std::future<StatusOr<uint64_t>> index = writer_->Append(bytes, entry.terms);
    // kResourceExhausted arrives at once; anything else may still be pending.
    if (index.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
      StatusOr<uint64_t> now = index.get();
      if (!now.ok() && now.status().code() == StatusCode::kResourceExhausted &&
          !outstanding_.empty()) {
        DOCKET_RETURN_IF_ERROR(WaitOldestLocked());  // back off; never drop
        continue;
      }
      std::promise<StatusOr<uint64_t>> done;
      done.set_value(std::move(now));
      index = done.get_future();
    }
    outstanding_.push_back({std::move(index), type});
    return CollectReadyLocked();
  }
}

Status LedgerEventSink::WaitOldestLocked() {
  Outstanding oldest = std::move(outstanding_.front());
  outstanding_.pop_front();
  StatusOr<uint64_t> index = oldest.index.get();
  if (!index.ok()) {
    if (failed_.ok()) failed_ = LedgerError(index.status());
    return failed_;
  }
  if (oldest.type == LedgerEntry::RUN_STARTED) record_.first_index = *index;
  if (oldest.type == LedgerEntry::DECISION) record_.decision_index = *index;
  record_.last_index = *index;
  return Status::Ok();
}

// Surfaces a writer error at the next event instead of at the end of the run.
Status LedgerEventSink::CollectReadyLocked() {
  while (!outstanding_.empty() && outstanding_.front().index.wait_for(std::chrono::seconds(0)) ==
                                      std::future_status::ready) {
    DOCKET_RETURN_IF_ERROR(WaitOldestLocked());
  }
  return Status::Ok();
}

Status LedgerEventSink::DrainLocked() {
  // Every outstanding append is waited for, also after an error: none is abandoned.
  while (!outstanding_.empty()) (void)WaitOldestLocked();
  return failed_;
}

Status LedgerEventSink::Drain() {
  std::lock_guard<std::mutex> guard(mu_);
  return DrainLocked();
}

StatusOr<LedgerRunRecord> LedgerEventSink::Finish(const engine::RunResult& result,
                                                  std::string_view manifest_json) {
  std::lock_guard<std::mutex> guard(mu_);
  if (!started_) return FailedPreconditionError("ledger: the run never started");
  if (auto it = result.outputs.find("decision"); it != result.outputs.end() &&
                                                 result.status == engine::RunStatus::kSucceeded &&
                                                 failed_.ok()) {
    StatusOr<ledger::BlobRef> ref = artifacts_->RefFor(it->second.digest);
    if (!ref.ok()) return LedgerError(ref.status());
    StatusOr<RunEntry> decision =
        DecisionEntry(facts_, it->second, MakeBlob("decision", *ref, it->second.media_type));
    if (!decision.ok()) return LedgerError(decision.status());
    DOCKET_RETURN_IF_ERROR(AppendLocked(*std::move(decision)));
    record_.decision_id = facts_.decision_id;
  }
  if (failed_.ok()) {
    StatusOr<ledger::BlobRef> manifest = vault_->Put(manifest_json);
    if (!manifest.ok()) return LedgerError(manifest.status());
    DOCKET_RETURN_IF_ERROR(AppendLocked(RunFinishedEntry(
        facts_, engine::RunStatusName(result.status), "sha256:" + plan_.definition.digest.Hex(),
        MakeBlob("manifest", *manifest, "application/json"))));
  }
  DOCKET_RETURN_IF_ERROR(DrainLocked());
  return record_;
}

}  // namespace docket::adapters
