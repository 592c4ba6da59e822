#include "replay/recorded_effects.h"

#include <memory>

#include "engine/base/sha256.h"
#include "ledger/log/ledger_index.h"
#include "ledger/proto/entry.pb.h"

namespace docket::replay {

void RecordedEffects::Add(std::string kind, std::string request_digest, std::string response) {
  std::lock_guard<std::mutex> guard(mu_);
  answers_[{std::move(kind), std::move(request_digest)}].push_back(std::move(response));
}

StatusOr<std::string> RecordedEffects::Call(const engine::EffectCall& call) {
  const std::string digest = "sha256:" + Sha256(call.canonical_request).Hex();
  std::unique_lock<std::mutex> lock(mu_);
  auto it = answers_.find({call.kind, digest});
  if ((it == answers_.end() || it->second.empty()) && unrecorded_) {
    ++unrecorded_calls_;
    lock.unlock();
    return unrecorded_(call);
  }
  if (it == answers_.end() || it->second.empty()) {
    return FailedPreconditionError("replay: no recording for effect `" + call.kind +
                                   "` of step `" + call.step_id + "` (request " + digest +
                                   "); replay never makes a live call");
  }
  std::string answer = std::move(it->second.front());
  it->second.pop_front();
  return answer;
}

size_t RecordedEffects::unrecorded_calls() const {
  std::lock_guard<std::mutex> guard(mu_);
  return unrecorded_calls_;
}

size_t RecordedEffects::unserved() const {
  std::lock_guard<std::mutex> guard(mu_);
  size_t n = 0;
  for (const auto& [key, answers] : answers_) n += answers.size();
  return n;
}

namespace {

Status Corrupt(uint64_t index, const std::string& what) {
  return DataLossError("ledger entry " + std::to_string(index) + " (EFFECT): " + what);
}

const ledger::BlobDigest* BlobWithRole(const ledger::LedgerEntry& entry, std::string_view role) {
  for (const ledger::BlobDigest& b : entry.blobs()) {
    if (b.role() == role) return &b;
  }
  return nullptr;
}

}  // namespace

StatusOr<std::unique_ptr<RecordedEffects>> LoadRecordedEffects(const ledger::LedgerStore& store,
                                                               const ledger::BlobVault& vault,
                                                               const std::string& run_id) {
  DOCKET_ASSIGN_OR_RETURN(std::vector<uint64_t> indices,
                          ledger::LookupIndex(store, {ledger::IndexKind::kRun, run_id}));
  auto effects = std::make_unique<RecordedEffects>();
  for (uint64_t index : indices) {
    DOCKET_ASSIGN_OR_RETURN(std::string bytes, store.EntryAt(index));
    ledger::LedgerEntry entry;
    if (!entry.ParseFromString(bytes)) return Corrupt(index, "does not parse");
    if (entry.type() != ledger::LedgerEntry::EFFECT) continue;
    const auto kind = entry.attributes().find("kind");
    const auto digest = entry.attributes().find("request_digest");
    const ledger::BlobDigest* request = BlobWithRole(entry, "request");
    const ledger::BlobDigest* response = BlobWithRole(entry, "response");
    if (kind == entry.attributes().end() || digest == entry.attributes().end() ||
        request == nullptr || response == nullptr) {
      return Corrupt(index, "lacks kind, request_digest or its request/response blobs");
    }
    DOCKET_ASSIGN_OR_RETURN(std::string request_bytes, vault.Get(request->digest()));
    if ("sha256:" + Sha256(request_bytes).Hex() != digest->second) {
      return Corrupt(index, "request blob does not match request_digest " + digest->second);
    }
    DOCKET_ASSIGN_OR_RETURN(std::string response_bytes, vault.Get(response->digest()));
    effects->Add(kind->second, digest->second, std::move(response_bytes));
  }
  return effects;
}

}  // namespace docket::replay
