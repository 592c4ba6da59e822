// Gate-level what-if (BRIEF §4, issue #8): "what would this policy have said about that
// decision?". A policy substitution changes nothing upstream of the gate (the evidence
// does not depend on the policy), so the answer is the recorded evidence re-evaluated
// under the new policy at the run's logical clock: a pure function, fast enough to sweep
// thousands of past decisions. LoadRecordedGate reads only what that needs (the gate's
// evidence and decision blobs, checked against their recorded digests); DiffDecisions
// compares the recorded gate decision with the new one: verdict, score, and each rule
// instance whose outcome or contribution changed, with its evidence and thresholds.
//
// Pure reads of the store and vault; thread-compatible.
#pragma once

#include <boost/json/object.hpp>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "engine/base/clock.h"
#include "ledger/checkpoint.h"
#include "ledger/log/ledger_store.h"
#include "ledger/vault/blob_vault.h"
#include "policies/policy.h"

namespace docket::replay {

struct RecordedGate {
  std::string run_id;
  std::string decision_id;
  std::string release;
  std::string logical_time_text;
  Timestamp logical_time;
  std::string evidence_json;  // the gate step's evidence input (kind gate.evidence)
  std::string decision_json;  // the gate step's decision output (kind gate.decision)
  std::vector<uint64_t> entry_indices;  // the entries read, to prove (entry_proofs.h)
};

// Errors: kNotFound if the run recorded no gate decision or no evidence; kDataLoss for
// an entry that does not parse or a blob that does not match its recorded digest.
[[nodiscard]] StatusOr<RecordedGate> LoadRecordedGate(const ledger::LedgerStore& store,
                                                      const ledger::BlobVault& vault,
                                                      const std::string& run_id);

// The gate decision `policy` makes on `gate`'s evidence at its logical time, in the
// gate step's document shape (docket.decision.v2 without release and digests).
// Errors: kInvalidArgument if the recorded evidence does not parse.
[[nodiscard]] StatusOr<boost::json::object> ReevaluateGate(const policies::Policy& policy,
                                                           const RecordedGate& gate);

struct RuleChange {
  std::string id;
  std::string instance;
  std::string outcome_before;  // "" if the rule instance did not exist before
  std::string outcome_after;   // "" if it no longer exists
  std::string contribution_before;
  std::string contribution_after;
  boost::json::value evidence;    // as evaluated now (before, for a removed instance)
  boost::json::value thresholds;  // as evaluated now (before, for a removed instance)
};

struct DecisionDiff {
  std::string verdict_before;
  std::string verdict_after;
  std::optional<double> score_before;
  std::optional<double> score_after;
  std::vector<RuleChange> changes;  // in the new decision's order, then removed ones
  bool changed() const { return verdict_before != verdict_after; }
};

DecisionDiff DiffDecisions(const boost::json::object& before, const boost::json::object& after);

// One decision re-evaluated (what `docket replay DECISION --policy` computes).
struct WhatIfResult {
  std::string decision_id;
  std::string run_id;
  std::string release;
  std::string logical_time;
  DecisionDiff diff;
  uint64_t simulation_index = 0;  // where a caller recorded it (simulation ledger), if it did
};

// For each decision: load its gate record, prove the entries read against `checkpoint`,
// re-evaluate under `policy` and diff. Runs on `threads` workers (reads only: the store
// and vault are thread-safe); results are in the order of `decision_ids`, whatever
// finished first. The first error (in that order) is returned, naming its decision.
// `progress`, when set, is called after each decision (from any worker, serialized).
[[nodiscard]] StatusOr<std::vector<WhatIfResult>> ReevaluateDecisions(
    const ledger::LedgerStore& store, const ledger::BlobVault& vault,
    const ledger::Checkpoint& checkpoint, const policies::Policy& policy,
    const std::vector<std::string>& decision_ids, int threads,
    const std::function<void(size_t done)>& progress = nullptr);
boost::json::object DiffToJson(const DecisionDiff& diff);
std::string DiffToText(const DecisionDiff& diff);

}  // namespace docket::replay
