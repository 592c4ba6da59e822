// Evaluate: the gate decision as a pure function of a policy, its evidence and the
// run's logical time (BRIEF §6). Each rule instance ends in pass / warn / fail /
// inconclusive / error with the values its criteria read; verdicts combine by maximum
// on APPROVE < WARN < NEEDS_HUMAN < BLOCK:
//   key enforce rule      fail -> BLOCK, warn -> WARN, inconclusive/error -> NEEDS_HUMAN
//   non-key enforce rule  counts in the Keptn-style score (a rule scores its worst
//                         instance: pass 1, warn 0.5, fail 0, times its weight);
//                         inconclusive/error -> NEEDS_HUMAN
//   advisory rule, or any rule reading model-derived names (model.…)
//                         anything but pass -> WARN at most
//   dry_run rule          recorded, no effect
// Score >= scoring.pass: no effect; >= scoring.warning: WARN; below: BLOCK.
// A violated data guard lowers confidence and lifts APPROVE/WARN to NEEDS_HUMAN.
// Thread-safe: no shared state.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/base/clock.h"
#include "policies/evidence.h"
#include "policies/policy.h"
#include "policies/verdict.h"

namespace docket::policies {

struct RuleResult {
  std::string rule_id;
  std::string instance;  // the dimension key; "" for a release-wide rule
  Outcome outcome = Outcome::kPass;
  bool key = false;
  RuleMode mode = RuleMode::kEnforce;
  bool model_derived = false;
  Verdict contribution = Verdict::kApprove;
  std::string reason;     // why this outcome, readable
  NamedValues evidence;   // every name a criterion read -> its value (missing included)
};

struct GuardResult {
  std::string guard;  // "min_records", "max_source_silence:<source>", "max_ingestion_lag"
  bool violated = false;
  std::string detail;  // observed vs limit, readable
};

struct Decision {
  Verdict verdict = Verdict::kApprove;
  std::optional<double> score;  // 0..100; nullopt when no rule is scored
  double confidence = 1;        // share of guards that hold; 1 when none is set
  std::vector<RuleResult> rules;  // policy order, then instance key order
  std::vector<GuardResult> guards;
  std::vector<std::string> reasons;  // the contributions that set the verdict, readable
  Timestamp evaluated_at{};
};

Decision Evaluate(const Policy& policy, const Evidence& evidence, Timestamp logical_time);

}  // namespace docket::policies
