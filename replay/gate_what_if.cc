#include "replay/gate_what_if.h"

#include <atomic>
#include <boost/json.hpp>
#include <charconv>
#include <map>
#include <mutex>
#include <thread>

#include "engine/base/sha256.h"
#include "engine/base/time_format.h"
#include "engine/json_exact.h"
#include "ledger/log/ledger_index.h"
#include "ledger/proto/entry.pb.h"
#include "policies/decision_json.h"
#include "policies/evaluator.h"
#include "policies/evidence_json.h"
#include "replay/entry_proofs.h"
#include "replay/recorded_run.h"

namespace docket::replay {
namespace {

namespace json = boost::json;
using ledger::LedgerEntry;

constexpr char kEvidenceKind[] = "gate.evidence";
constexpr char kDecisionKind[] = "gate.decision";

// The bytes of the first output of kind `kind` in a STEP_RESULT, checked against the
// engine digest the entry records for it; nullopt when the entry has no such output.
StatusOr<std::optional<std::string>> OutputOfKind(uint64_t index, const LedgerEntry& e,
                                                  const ledger::BlobVault& vault,
                                                  std::string_view kind) {
  for (const auto& [key, value] : e.attributes()) {
    if (!key.starts_with("output.") || !key.ends_with(".kind") || value != kind) continue;
    const std::string port = key.substr(7, key.size() - 7 - 5);
    const auto digest = e.attributes().find("output." + port + ".digest");
    for (const ledger::BlobDigest& b : e.blobs()) {
      if (b.role() != "output:" + port || digest == e.attributes().end()) continue;
      DOCKET_ASSIGN_OR_RETURN(std::string bytes, vault.Get(b.digest()));
      if ("sha256:" + Sha256(bytes).Hex() != digest->second) {
        return DataLossError("ledger entry " + std::to_string(index) + ": output " + port +
                             " does not match its recorded digest");
      }
      return std::optional<std::string>(std::move(bytes));
    }
  }
  return std::optional<std::string>();
}

std::string Text(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  return v != nullptr && v->is_string() ? std::string(v->get_string()) : std::string();
}

std::optional<double> Number(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  if (v == nullptr || !v->is_number()) return std::nullopt;
  return v->to_number<double>();
}

using RuleKey = std::pair<std::string, std::string>;

std::map<RuleKey, const json::object*> RulesOf(const json::object& decision) {
  std::map<RuleKey, const json::object*> rules;
  const json::value* list = decision.if_contains("rules");
  if (list == nullptr || !list->is_array()) return rules;
  for (const json::value& r : list->get_array()) {
    if (!r.is_object()) continue;
    rules[{Text(r.get_object(), "id"), Text(r.get_object(), "instance")}] = &r.get_object();
  }
  return rules;
}

json::value Field(const json::object* o, std::string_view key) {
  if (o == nullptr) return nullptr;
  const json::value* v = o->if_contains(key);
  return v == nullptr ? json::value(nullptr) : *v;
}

std::string Shortest(double v) {
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

std::string Score(std::optional<double> s) { return s ? Shortest(*s) : "none"; }

// "observed 111, q 2.6370144754263477e-08, rate_ratio 3.7": numbers in shortest form.
std::string EvidenceText(const json::value& evidence) {
  if (!evidence.is_object()) return json::serialize(evidence);
  std::string out;
  for (const auto& [key, value] : evidence.get_object()) {
    if (!out.empty()) out += ", ";
    out += std::string(key) + " ";
    out += value.is_number() ? Shortest(value.to_number<double>()) : json::serialize(value);
  }
  return out;
}

}  // namespace

StatusOr<RecordedGate> LoadRecordedGate(const ledger::LedgerStore& store,
                                        const ledger::BlobVault& vault,
                                        const std::string& run_id) {
  DOCKET_ASSIGN_OR_RETURN(std::vector<uint64_t> indices,
                          ledger::LookupIndex(store, {ledger::IndexKind::kRun, run_id}));
  RecordedGate gate;
  gate.run_id = run_id;
  for (uint64_t index : indices) {
    DOCKET_ASSIGN_OR_RETURN(std::string bytes, store.EntryAt(index));
    LedgerEntry e;
    if (!e.ParseFromString(bytes)) {
      return DataLossError("ledger entry " + std::to_string(index) + " does not parse");
    }
    if (e.type() == LedgerEntry::RUN_STARTED) {
      gate.logical_time_text = e.logical_time();
      DOCKET_ASSIGN_OR_RETURN(gate.logical_time, ParseRfc3339(e.logical_time()));
      gate.entry_indices.push_back(index);
    } else if (e.type() == LedgerEntry::STEP_RESULT) {
      DOCKET_ASSIGN_OR_RETURN(std::optional<std::string> evidence,
                              OutputOfKind(index, e, vault, kEvidenceKind));
      DOCKET_ASSIGN_OR_RETURN(std::optional<std::string> decision,
                              OutputOfKind(index, e, vault, kDecisionKind));
      if (evidence && gate.evidence_json.empty()) gate.evidence_json = *std::move(evidence);
      // The gate's own decision: the first step to output one (emit passes it on).
      if (decision && gate.decision_json.empty()) gate.decision_json = *std::move(decision);
      if (evidence || decision) gate.entry_indices.push_back(index);
    } else if (e.type() == LedgerEntry::DECISION) {
      gate.decision_id = e.decision_id();
      if (auto it = e.attributes().find("release"); it != e.attributes().end()) {
        gate.release = it->second;
      }
      gate.entry_indices.push_back(index);
    }
  }
  if (gate.evidence_json.empty() || gate.decision_json.empty() || gate.logical_time_text.empty()) {
    return NotFoundError("run " + run_id + " recorded no gate evidence and decision");
  }
  return gate;
}

StatusOr<json::object> ReevaluateGate(const policies::Policy& policy, const RecordedGate& gate) {
  DOCKET_ASSIGN_OR_RETURN(policies::Evidence evidence,
                          policies::ParseEvidenceJson("recorded evidence", gate.evidence_json));
  const policies::Decision decision = policies::Evaluate(policy, evidence, gate.logical_time);
  return policies::DecisionToJson(policy, decision);
}

DecisionDiff DiffDecisions(const json::object& before, const json::object& after) {
  DecisionDiff diff{.verdict_before = Text(before, "verdict"),
                    .verdict_after = Text(after, "verdict"),
                    .score_before = Number(before, "score"),
                    .score_after = Number(after, "score")};
  std::map<RuleKey, const json::object*> old_rules = RulesOf(before);
  const json::value* list = after.if_contains("rules");
  for (const json::value& r : list != nullptr && list->is_array() ? list->get_array()
                                                                 : json::array()) {
    if (!r.is_object()) continue;
    const json::object& now = r.get_object();
    const RuleKey key{Text(now, "id"), Text(now, "instance")};
    auto was = old_rules.find(key);
    const json::object* old = was == old_rules.end() ? nullptr : was->second;
    if (old != nullptr) old_rules.erase(was);
    RuleChange c{.id = key.first, .instance = key.second,
                 .outcome_before = old ? Text(*old, "outcome") : "",
                 .outcome_after = Text(now, "outcome"),
                 .contribution_before = old ? Text(*old, "contribution") : "",
                 .contribution_after = Text(now, "contribution"),
                 .evidence = Field(&now, "evidence"), .thresholds = Field(&now, "thresholds")};
    if (old == nullptr || c.outcome_before != c.outcome_after ||
        c.contribution_before != c.contribution_after) {
      diff.changes.push_back(std::move(c));
    }
  }
  for (const auto& [key, old] : old_rules) {
    diff.changes.push_back({.id = key.first, .instance = key.second,
                            .outcome_before = Text(*old, "outcome"),
                            .contribution_before = Text(*old, "contribution"),
                            .evidence = Field(old, "evidence"),
                            .thresholds = Field(old, "thresholds")});
  }
  return diff;
}

namespace {

StatusOr<WhatIfResult> ReevaluateOne(const ledger::LedgerStore& store,
                                     const ledger::BlobVault& vault,
                                     const ledger::Checkpoint& checkpoint,
                                     const policies::Policy& policy,
                                     const std::string& decision_id) {
  DOCKET_ASSIGN_OR_RETURN(std::string run_id, RunIdOfDecision(decision_id));
  DOCKET_ASSIGN_OR_RETURN(RecordedGate gate, LoadRecordedGate(store, vault, run_id));
  if (gate.decision_id != decision_id) {
    return NotFoundError("run " + run_id + " recorded no decision " + decision_id);
  }
  DOCKET_RETURN_IF_ERROR(CheckIncluded(store, gate.entry_indices, checkpoint));
  DOCKET_ASSIGN_OR_RETURN(json::object after, ReevaluateGate(policy, gate));
  DOCKET_ASSIGN_OR_RETURN(json::value before, engine::ParseJsonExact(gate.decision_json, 64));
  if (!before.is_object()) return DataLossError("the recorded gate decision is not an object");
  return WhatIfResult{.decision_id = decision_id, .run_id = run_id, .release = gate.release,
                      .logical_time = gate.logical_time_text,
                      .diff = DiffDecisions(before.get_object(), after)};
}

}  // namespace

StatusOr<std::vector<WhatIfResult>> ReevaluateDecisions(
    const ledger::LedgerStore& store, const ledger::BlobVault& vault,
    const ledger::Checkpoint& checkpoint, const policies::Policy& policy,
    const std::vector<std::string>& decision_ids, int threads,
    const std::function<void(size_t done)>& progress) {
  std::vector<std::optional<StatusOr<WhatIfResult>>> slots(decision_ids.size());
  std::atomic<size_t> next{0};
  std::mutex progress_mu;
  size_t done = 0;
  auto work = [&] {
    for (size_t i = next++; i < decision_ids.size(); i = next++) {
      slots[i] = ReevaluateOne(store, vault, checkpoint, policy, decision_ids[i]);
      if (progress) {
        std::lock_guard<std::mutex> guard(progress_mu);
        progress(++done);
      }
    }
  };
  std::vector<std::thread> workers;
  const int n = std::max(1, std::min<int>(threads, static_cast<int>(decision_ids.size())));
  for (int t = 1; t < n; ++t) workers.emplace_back(work);
  work();
  for (std::thread& w : workers) w.join();
  std::vector<WhatIfResult> results;
  results.reserve(slots.size());
  for (size_t i = 0; i < slots.size(); ++i) {
    if (!slots[i]->ok()) return slots[i]->status().WithContext(decision_ids[i]);
    results.push_back(*std::move(*slots[i]));
  }
  return results;
}

json::object DiffToJson(const DecisionDiff& diff) {
  json::object out;
  out["verdict_before"] = diff.verdict_before;
  out["verdict_after"] = diff.verdict_after;
  out["verdict_changed"] = diff.changed();
  out["score_before"] = diff.score_before ? json::value(*diff.score_before) : nullptr;
  out["score_after"] = diff.score_after ? json::value(*diff.score_after) : nullptr;
  json::array changes;
  for (const RuleChange& c : diff.changes) {
    changes.push_back({{"id", c.id}, {"instance", c.instance},
                       {"outcome_before", c.outcome_before}, {"outcome_after", c.outcome_after},
                       {"contribution_before", c.contribution_before},
                       {"contribution_after", c.contribution_after}, {"evidence", c.evidence},
                       {"thresholds", c.thresholds}});
  }
  out["rule_changes"] = std::move(changes);
  return out;
}

std::string DiffToText(const DecisionDiff& diff) {
  std::string out = "verdict " + diff.verdict_before + " -> " + diff.verdict_after +
                    (diff.changed() ? " (changed)" : " (unchanged)") + ", score " +
                    Score(diff.score_before) + " -> " + Score(diff.score_after) + "\n";
  for (const RuleChange& c : diff.changes) {
    const std::string name = c.id + (c.instance.empty() ? "" : "[" + c.instance + "]");
    if (c.outcome_after.empty()) {
      out += "  - " + name + ": removed (was " + c.outcome_before + ")\n";
      continue;
    }
    out += "  " + std::string(c.outcome_before.empty() ? "+ " : "~ ") + name + ": " +
           (c.outcome_before.empty() ? "new" : c.outcome_before + "/" + c.contribution_before) +
           " -> " + c.outcome_after + "/" + c.contribution_after;
    if (!c.evidence.is_null()) out += "; evidence: " + EvidenceText(c.evidence);
    if (const json::value* fail = c.thresholds.is_object()
                                      ? c.thresholds.get_object().if_contains("fail")
                                      : nullptr) {
      out += "; fail when " + json::serialize(*fail);
    }
    out += "\n";
  }
  return out;
}

}  // namespace docket::replay
