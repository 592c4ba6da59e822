#include "adapters/sinks/effect_recorder.h"

#include <chrono>
#include <thread>
#include <utility>

#include "engine/base/sha256.h"

namespace docket::adapters {

EffectRecorder::EffectRecorder(engine::Effects* live, ledger::LedgerWriter* writer,
                               ledger::BlobVault* vault, RunFacts run)
    : live_(live), writer_(writer), vault_(vault), run_(std::move(run)) {}

StatusOr<std::string> EffectRecorder::Call(const engine::EffectCall& call) {
  DOCKET_ASSIGN_OR_RETURN(std::string response, live_->Call(call));
  if (Status recorded = Record(call, response); !recorded.ok()) {
    std::lock_guard<std::mutex> guard(mu_);
    if (failed_.ok()) failed_ = recorded;
    return recorded;
  }
  return response;
}

Status EffectRecorder::failure() const {
  std::lock_guard<std::mutex> guard(mu_);
  return failed_;
}

Status EffectRecorder::Record(const engine::EffectCall& call, const std::string& response) {
  auto ledger_error = [&call](const Status& s) {
    return Status(s.code(), "ledger: recording effect `" + call.kind + "` of step `" +
                                call.step_id + "`: " + std::string(s.message()));
  };
  StatusOr<ledger::BlobRef> request_blob = vault_->Put(call.canonical_request);
  if (!request_blob.ok()) return ledger_error(request_blob.status());
  StatusOr<ledger::BlobRef> response_blob = vault_->Put(response);
  if (!response_blob.ok()) return ledger_error(response_blob.status());
  RunEntry entry = EffectEntry(run_, call.step_id, call.kind,
                               "sha256:" + Sha256(call.canonical_request).Hex(),
                               MakeBlob("request", *request_blob, "application/json"),
                               MakeBlob("response", *response_blob, "application/json"));
  const std::string bytes = EntryBytes(entry.entry);
  for (;;) {
    StatusOr<uint64_t> index = writer_->Append(bytes, entry.terms).get();
    if (index.ok()) return Status::Ok();
    if (index.status().code() != StatusCode::kResourceExhausted) {
      return ledger_error(index.status());
    }
    // The queue is full: its batch will drain; wait one group-commit interval and retry
    // rather than drop the record.
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

}  // namespace docket::adapters
