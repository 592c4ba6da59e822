// The humans in the loop of a gate decision (docs/cli.md, "docket approve, override,
// invalidate, decision show"):
//   approve     approves a WARN or NEEDS_HUMAN (or, as second approver, confirms a
//               pending override): appends an APPROVAL entry
//   override    sets another verdict until an expiry, as the policy's `overrides`
//               section allows: appends an OVERRIDE entry
//   invalidate  excludes the release candidate from future baselines: appends an
//               INVALIDATION entry
//   decision show  the decision, its effective verdict at "now" and the trail
// The rules live in policies/approvals.h; these commands read the decision record
// (adapters/ledger/decision_record.h), ask the rules, and append. Each appended entry is
// durable and covered by a signed checkpoint before the command reports it; with `--key`
// the actor also signs it (adapters/sinks/approval_entries.h). "Now" is `clock`, read
// once per command. The decision entry never changes.
// Exit codes: 0 done; 1 a stored entry or signature is corrupt; 2 refused (unknown
// decision id, stale digest, a missing reason or ticket the policy requires, an expiry
// above its limit, nothing to approve, a bad actor name, a bad --key file) or not a
// ledger; 4 I/O or internal error. Functions of their arguments; one call at a time per
// ledger directory (RocksDB locks it).
#pragma once

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>

#include "engine/base/clock.h"

namespace docket::adapters {

// What `approve`, `override` and `invalidate` take; each uses the fields it documents.
struct DecisionActionOptions {
  std::filesystem::path ledger_dir;
  std::string decision_id;  // dec-<16 hex>, as `docket run` prints it
  std::string actor;        // required
  std::string reason;       // required for approve and invalidate; override: per policy
  std::string ticket;       // override: required when the policy says so
  std::string verdict;      // override: APPROVE, WARN, NEEDS_HUMAN or BLOCK
  std::string expires;      // override: a duration, e.g. 24h, 3d, 1h30m
  // The decision digest the actor reviewed; refused as stale when it is not the
  // decision's. Optional.
  std::optional<std::string> digest;
  // The actor's Ed25519 private key file (signed-note format); optional.
  std::optional<std::filesystem::path> key_file;
};

struct DecisionShowOptions {
  std::filesystem::path ledger_dir;
  std::string decision_id;
  bool json = false;
  // Exit with the effective verdict's code (docs/cli.md, as `docket run`), so a pipeline
  // can wait on an approval: 0 APPROVE, 1 BLOCK, 5 NEEDS_HUMAN, 6 WARN with fail_on warn.
  bool exit_code = false;
  std::string fail_on = "needs_human";
};

int ApproveCommand(const DecisionActionOptions& options, Clock& clock, std::ostream& out,
                   std::ostream& err);
int OverrideCommand(const DecisionActionOptions& options, Clock& clock, std::ostream& out,
                    std::ostream& err);
int InvalidateCommand(const DecisionActionOptions& options, Clock& clock, std::ostream& out,
                      std::ostream& err);
// Reads the master key (the policy input is encrypted); appends nothing.
int DecisionShowCommand(const DecisionShowOptions& options, Clock& clock, std::ostream& out,
                        std::ostream& err);

}  // namespace docket::adapters
