#include "replay/recorded_run.h"

#include <algorithm>

#include <google/protobuf/util/json_util.h>

#include "engine/base/sha256.h"
#include "engine/proto/run.pb.h"
#include "engine/base/time_format.h"
#include "ledger/log/ledger_index.h"
#include "ledger/proto/entry.pb.h"

namespace docket::replay {
namespace {

using ledger::LedgerEntry;

Status Corrupt(uint64_t index, const LedgerEntry& e, const std::string& what) {
  return DataLossError("ledger entry " + std::to_string(index) + " (" +
                       LedgerEntry::Type_Name(e.type()) + "): " + what);
}

const std::string* Attribute(const LedgerEntry& e, const std::string& key) {
  auto it = e.attributes().find(key);
  return it == e.attributes().end() ? nullptr : &it->second;
}

const ledger::BlobDigest* BlobWithRole(const LedgerEntry& e, std::string_view role) {
  for (const ledger::BlobDigest& b : e.blobs()) {
    if (b.role() == role) return &b;
  }
  return nullptr;
}

std::string DigestOf(std::string_view bytes) { return "sha256:" + Sha256(bytes).Hex(); }

Status ReadStarted(uint64_t index, const LedgerEntry& e, const ledger::BlobVault& vault,
                   RecordedRun& run) {
  const std::string* digest = Attribute(e, "workflow_digest");
  const ledger::BlobDigest* blob = BlobWithRole(e, "workflow");
  if (digest == nullptr || blob == nullptr) {
    return Corrupt(index, e, "lacks workflow_digest or the workflow blob");
  }
  DOCKET_ASSIGN_OR_RETURN(run.workflow_bytes, vault.Get(blob->digest()));
  if (DigestOf(run.workflow_bytes) != *digest) {
    return Corrupt(index, e, "workflow blob does not match workflow_digest " + *digest);
  }
  run.workflow_digest = *digest;
  if (const std::string* name = Attribute(e, "workflow_name")) run.workflow_name = *name;
  if (const std::string* build = Attribute(e, "engine_build_id")) run.engine_build_id = *build;
  for (const auto& [key, value] : e.attributes()) {
    if (key.starts_with("param.")) run.params[key.substr(6)] = value;
  }
  run.logical_time_text = e.logical_time();
  StatusOr<Timestamp> t = ParseRfc3339(e.logical_time());
  if (!t.ok()) return Corrupt(index, e, "logical_time: " + std::string(t.status().message()));
  run.logical_time = *t;
  return Status::Ok();
}

Status ReadInput(uint64_t index, const LedgerEntry& e, const ledger::BlobVault& vault,
                 RecordedRun& run) {
  const std::string* input = Attribute(e, "input");
  const std::string* name = Attribute(e, "name");
  const std::string* kind = Attribute(e, "kind");
  const std::string* digest = Attribute(e, "digest");
  const ledger::BlobDigest* blob = BlobWithRole(e, "input");
  if (!input || !name || !kind || !digest || !blob) {
    return Corrupt(index, e, "lacks input, name, kind, digest or the input blob");
  }
  StatusOr<std::string> bytes = vault.Get(blob->digest());
  if (!bytes.ok() && bytes.status().code() == StatusCode::kFailedPrecondition) {
    run.erased.push_back({*input, *name, *digest, std::string(bytes.status().message())});
    return Status::Ok();
  }
  if (!bytes.ok()) return bytes.status();
  if (DigestOf(*bytes) != *digest) {
    return Corrupt(index, e, "input blob does not match digest " + *digest);
  }
  run.inputs[*input].push_back(
      engine::Artifact::Make(*kind, blob->media_type(), *name, *std::move(bytes)));
  return Status::Ok();
}

Status ReadStep(uint64_t index, const LedgerEntry& e, RecordedRun& run) {
  RecordedStep step;
  step.index = index;
  step.step_id = e.step_id();
  for (const auto& [key, value] : e.attributes()) {
    if (key == "step_type") step.step_type = value;
    if (key == "status") step.status = value;
    if (key == "config_digest") step.config_digest = value;
    if (key == "seed") step.seed = value;
    if (!key.starts_with("output.")) continue;
    const size_t dot = key.rfind('.');
    const std::string port = key.substr(7, dot - 7);
    if (key.ends_with(".digest")) step.outputs[port].digest = value;
    if (key.ends_with(".kind")) step.outputs[port].kind = value;
  }
  if (step.step_id.empty() || step.status.empty()) {
    return Corrupt(index, e, "lacks step_id or status");
  }
  for (auto& [port, out] : step.outputs) {
    if (const ledger::BlobDigest* b = BlobWithRole(e, "output:" + port)) {
      out.blob_digest = b->digest();
    }
  }
  run.steps.push_back(std::move(step));
  return Status::Ok();
}

// The per-step input digests of the run's manifest (RUN_FINISHED's blob).
Status ReadManifest(uint64_t index, const LedgerEntry& e, const ledger::BlobVault& vault,
                    RecordedRun& run) {
  const ledger::BlobDigest* blob = BlobWithRole(e, "manifest");
  if (blob == nullptr) return Corrupt(index, e, "lacks its manifest blob");
  DOCKET_ASSIGN_OR_RETURN(std::string json, vault.Get(blob->digest()));
  engine::RunManifest manifest;
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = true;  // a newer build may have added fields
  if (!google::protobuf::util::JsonStringToMessage(json, &manifest, options).ok()) {
    return Corrupt(index, e, "manifest blob does not parse");
  }
  for (const engine::StepRecord& step : manifest.steps()) {
    for (const engine::StepRecord::PortInputs& port : step.inputs()) {
      run.step_inputs[step.id()][port.port()] = {port.digests().begin(), port.digests().end()};
    }
  }
  return Status::Ok();
}

}  // namespace

StatusOr<std::string> RunIdOfDecision(std::string_view decision_id) {
  const bool hex = decision_id.size() == 20 && decision_id.starts_with("dec-") &&
                   std::all_of(decision_id.begin() + 4, decision_id.end(), [](char c) {
                     return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
                   });
  if (!hex) {
    return InvalidArgumentError("`" + std::string(decision_id) +
                                "` is not a decision id (dec- followed by 16 hex digits)");
  }
  return "run-" + std::string(decision_id.substr(4));
}

StatusOr<RecordedRun> LoadRecordedRun(const ledger::LedgerStore& store,
                                      const ledger::BlobVault& vault, const std::string& run_id) {
  DOCKET_ASSIGN_OR_RETURN(std::vector<uint64_t> indices,
                          ledger::LookupIndex(store, {ledger::IndexKind::kRun, run_id}));
  if (indices.empty()) return NotFoundError("the ledger holds no entry of run " + run_id);
  RecordedRun run;
  run.run_id = run_id;
  run.entry_indices = indices;
  bool started = false;
  for (uint64_t index : indices) {
    DOCKET_ASSIGN_OR_RETURN(std::string bytes, store.EntryAt(index));
    LedgerEntry e;
    if (!e.ParseFromString(bytes)) return DataLossError("ledger entry " + std::to_string(index) + " does not parse");
    if (e.run_id() != run_id) return Corrupt(index, e, "is filed under run " + run_id + " but names " + e.run_id());
    switch (e.type()) {
      case LedgerEntry::RUN_STARTED:
        DOCKET_RETURN_IF_ERROR(ReadStarted(index, e, vault, run));
        started = true;
        break;
      case LedgerEntry::INPUT_SNAPSHOT:
        DOCKET_RETURN_IF_ERROR(ReadInput(index, e, vault, run));
        break;
      case LedgerEntry::STEP_RESULT:
        DOCKET_RETURN_IF_ERROR(ReadStep(index, e, run));
        break;
      case LedgerEntry::RUN_FINISHED:
        DOCKET_RETURN_IF_ERROR(ReadManifest(index, e, vault, run));
        break;
      case LedgerEntry::DECISION:
        run.decision_id = e.decision_id();
        if (const std::string* v = Attribute(e, "verdict")) run.verdict = *v;
        if (const std::string* d = Attribute(e, "decision_digest")) run.decision_digest = *d;
        break;
      default:
        break;  // effects are served by RecordedEffects; the rest is not re-executed
    }
  }
  if (!started) return DataLossError("run " + run_id + " has entries but no RUN_STARTED");
  return run;
}

}  // namespace docket::replay
