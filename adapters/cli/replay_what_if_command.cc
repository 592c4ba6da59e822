// `docket replay … --policy NEW.yaml`: gate-level what-if over one decision or a bulk
// selection (see replay_command.h and replay/gate_what_if.h). Each re-evaluation is
// proven against the primary ledger's signed checkpoint first, and its decision diff is
// appended to the simulation ledger (a separate directory with its own key) and signed
// there; the primary ledger is only read.
#include <boost/json.hpp>
#include <chrono>
#include <deque>
#include <future>
#include <map>

#include "adapters/cli/exit_codes.h"
#include "adapters/cli/internal/decision_selection.h"
#include "adapters/cli/replay_command.h"
#include "adapters/ledger/ledger_home.h"
#include "adapters/sinks/run_entries.h"
#include "adapters/store/file_artifact_store.h"
#include "engine/base/time_format.h"
#include "engine/json_exact.h"
#include "ledger/log/ledger_index.h"
#include "ledger/proto/entry.pb.h"
#include "policies/policy_parser.h"
#include "replay/entry_proofs.h"
#include "replay/gate_what_if.h"
#include "replay/recorded_run.h"

namespace docket::adapters {
namespace {

namespace json = boost::json;
using ledger::LedgerEntry;

int Fail(std::ostream& err, const Status& s) { return ReplayFail(err, s); }

using WhatIf = replay::WhatIfResult;

// Appends `w`'s diff to the simulation ledger; the future holds its index once durable.
StatusOr<std::future<StatusOr<uint64_t>>> RecordSimulation(const WhatIf& w,
                                                           const policies::Policy& policy,
                                                           LedgerHome& simulation) {
  json::object doc = replay::DiffToJson(w.diff);
  doc["decision_id"] = w.decision_id;
  doc["policy"] = policy.name;
  doc["policy_digest"] = policy.digest;
  DOCKET_ASSIGN_OR_RETURN(ledger::BlobRef blob, simulation.vault()->Put(json::serialize(doc)));
  const RunFacts facts{.run_id = w.run_id, .decision_id = w.decision_id,
                       .logical_time = w.logical_time};
  RunEntry entry = SimulationEntry(facts, w.release, "policy", policy.name, policy.digest,
                                   w.diff.verdict_before, w.diff.verdict_after,
                                   MakeBlob("diff", blob, "application/json"));
  return simulation.writer()->Append(EntryBytes(entry.entry), entry.terms);
}

// Appends every diff in decision order (so the simulation ledger's order does not depend
// on which worker finished first), waiting only when the writer's queue is full.
Status RecordSimulations(std::vector<WhatIf>& all, const policies::Policy& policy,
                         LedgerHome& simulation) {
  std::deque<std::pair<WhatIf*, std::future<StatusOr<uint64_t>>>> pending;
  auto settle_oldest = [&pending]() -> Status {
    DOCKET_ASSIGN_OR_RETURN(pending.front().first->simulation_index,
                            pending.front().second.get());
    pending.pop_front();
    return Status::Ok();
  };
  for (WhatIf& w : all) {
    for (;;) {
      DOCKET_ASSIGN_OR_RETURN(std::future<StatusOr<uint64_t>> index,
                              RecordSimulation(w, policy, simulation));
      if (index.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
        StatusOr<uint64_t> now = index.get();
        if (!now.ok() && now.status().code() == StatusCode::kResourceExhausted &&
            !pending.empty()) {
          DOCKET_RETURN_IF_ERROR(settle_oldest());
          continue;
        }
        DOCKET_ASSIGN_OR_RETURN(w.simulation_index, std::move(now));
        break;
      }
      pending.emplace_back(&w, std::move(index));
      break;
    }
  }
  while (!pending.empty()) DOCKET_RETURN_IF_ERROR(settle_oldest());
  return Status::Ok();
}

json::object OneJson(const WhatIf& w) {
  json::object doc = replay::DiffToJson(w.diff);
  doc["decision_id"] = w.decision_id;
  doc["release"] = w.release;
  doc["as_of"] = w.logical_time;
  doc["simulation_index"] = w.simulation_index;
  return doc;
}

void PrintSummary(const std::vector<WhatIf>& all, const policies::Policy& policy, bool bulk,
                  bool json_out, uint64_t checkpoint_size, const std::filesystem::path& dir,
                  std::ostream& out) {
  std::map<std::string, int64_t> transitions;
  std::map<std::string, int64_t> rules;  // rule id -> decisions where it changed
  json::array changed;
  for (const WhatIf& w : all) {
    if (!w.diff.changed()) continue;
    transitions[w.diff.verdict_before + " -> " + w.diff.verdict_after]++;
    std::map<std::string, bool> seen;
    for (const replay::RuleChange& c : w.diff.changes) {
      if (!seen[c.id]) rules[c.id]++, seen[c.id] = true;
    }
    changed.push_back({{"decision_id", w.decision_id}, {"release", w.release},
                       {"verdict_before", w.diff.verdict_before},
                       {"verdict_after", w.diff.verdict_after}});
  }
  const size_t n_changed = changed.size();
  if (json_out) {
    json::object doc{{"policy", policy.name}, {"policy_digest", policy.digest},
                     {"decisions", all.size()}, {"verdicts_changed", n_changed},
                     {"simulation_ledger", dir.string()}, {"checkpoint_size", checkpoint_size}};
    if (!bulk) doc["decision"] = OneJson(all[0]);
    json::object t, r;
    for (const auto& [k, v] : transitions) t[k] = v;
    for (const auto& [k, v] : rules) r[k] = v;
    doc["transitions"] = std::move(t);
    doc["rules_changed"] = std::move(r);
    doc["changed"] = std::move(changed);
    out << json::serialize(doc) << "\n";
    return;
  }
  if (!bulk) {
    out << "what-if " << all[0].decision_id << " (release " << all[0].release << ", as of "
        << all[0].logical_time << ") under " << policy.name << " (" << policy.digest << "):\n"
        << replay::DiffToText(all[0].diff);
  } else {
    out << "what-if under " << policy.name << " (" << policy.digest << "): " << all.size()
        << " decisions, " << n_changed << " verdicts change\n";
    for (const auto& [k, v] : transitions) out << "  " << k << ": " << v << "\n";
    for (const auto& [k, v] : rules) out << "  rule " << k << " changed in " << v << "\n";
  }
  out << "recorded in the simulation ledger " << dir.string() << " (signed checkpoint size "
      << checkpoint_size << ")\n";
}

}  // namespace

int WhatIfCommand(const ReplayCommandOptions& o, std::ostream& out, std::ostream& err) {
  if (o.decision_id.empty() == !(o.release || o.since)) {
    err << "docket replay: give a decision id, or --release / --since for a bulk what-if\n";
    return kExitUsage;
  }
  StatusOr<std::string> policy_bytes = ReadFile(*o.policy, policies::kMaxPolicyFileBytes);
  if (!policy_bytes.ok()) return Fail(err, policy_bytes.status());
  StatusOr<policies::Policy> policy = policies::ParsePolicy(o.policy->string(), *policy_bytes);
  if (!policy.ok()) return Fail(err, policy.status());
  StatusOr<std::unique_ptr<LedgerHome>> primary = LedgerHome::OpenForBlobReading(o.ledger_dir);
  if (!primary.ok()) return Fail(err, primary.status());
  StatusOr<ledger::Verifier> key = (*primary)->DirVerifier();
  if (!key.ok()) return Fail(err, key.status());
  StatusOr<ledger::Checkpoint> checkpoint =
      replay::OpenLatestCheckpoint((*primary)->store(), {*key}, (*primary)->origin());
  if (!checkpoint.ok()) return Fail(err, checkpoint.status());
  StatusOr<std::vector<std::string>> ids = internal::SelectDecisions(
      (*primary)->store(), {.decision_id = o.decision_id, .release = o.release, .since = o.since});
  if (!ids.ok()) return Fail(err, ids.status());
  if (ids->empty()) return Fail(err, NotFoundError("no recorded decision matches the selection"));
  const std::filesystem::path dir =
      o.simulation_dir.empty() ? o.ledger_dir / "simulation" : o.simulation_dir;
  StatusOr<std::unique_ptr<LedgerHome>> simulation = LedgerHome::OpenForWriting(dir);
  if (!simulation.ok()) return Fail(err, simulation.status());
  const size_t total = ids->size();
  StatusOr<std::vector<WhatIf>> all = replay::ReevaluateDecisions(
      (*primary)->store(), *(*primary)->vault(), *checkpoint, *policy, *ids, o.threads,
      [&err, total](size_t done) {
        if (total > 1 && (done % 1000 == 0 || done == total)) {
          err << "docket replay: " << done << "/" << total << " decisions\n";
        }
      });
  if (!all.ok()) return Fail(err, all.status());
  if (Status recorded = RecordSimulations(*all, *policy, **simulation); !recorded.ok()) {
    return Fail(err, recorded);
  }
  StatusOr<uint64_t> signed_size = (*simulation)->writer()->RequestCheckpoint().get();
  if (!signed_size.ok()) return Fail(err, signed_size.status());
  PrintSummary(*all, *policy, o.decision_id.empty(), o.json, *signed_size, dir, out);
  return kExitApprove;
}

}  // namespace docket::adapters
