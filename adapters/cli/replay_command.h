// `docket replay DECISION_ID` (verify mode, docs/replay.md): proves every entry of the
// decision's run is in the signed ledger, rebuilds the run from the ledger alone and
// re-executes it with recorded effects (replay/), then prints IDENTICAL or the first
// divergent step with both digests and a readable difference. Writes nothing to the
// ledger. With --policy, what-if instead: the recorded evidence of one decision (or of
// every decision of --release / --since) re-evaluated under another policy, with a
// decision diff recorded and signed in a separate simulation ledger. Thread-compatible.
#pragma once

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>

#include "engine/base/clock.h"
#include "engine/base/status.h"

namespace docket::adapters {

struct ReplayCommandOptions {
  std::string decision_id;  // one decision; or empty with `release` / `since` (bulk)
  std::filesystem::path ledger_dir;
  int threads = 4;
  bool json = false;
  // The redaction pseudonym key of the run (main.cc fills it from DOCKET_REDACTION_KEY);
  // unset = the key derived from the ledger's master key, as `docket run` uses.
  std::optional<std::string> redaction_key;
  std::string build_id;  // this build's engine build id
  // What-if (docs/replay.md): re-evaluate the recorded evidence under this policy file
  // instead of verifying; the diff goes to the simulation ledger, never the primary one.
  std::optional<std::filesystem::path> policy;
  std::optional<std::string> release;  // bulk what-if: every decision of this candidate
  std::optional<std::string> since;    // bulk what-if: every decision at or after (RFC 3339)
  std::filesystem::path simulation_dir;  // default: <ledger_dir>/simulation
  // Run-level what-if (one decision): re-execute the recorded run with this workflow
  // file instead of the recorded one, or with one step config value changed
  // ("step.key=value").
  std::optional<std::filesystem::path> workflow;
  std::optional<std::string> set;
  // Compatibility replay: re-execute with this build and classify every difference
  // (step, artifact, policy change) instead of stopping at the first; with a decision
  // id, or over --release / --since.
  bool compat = false;
};

// Exit codes: 0 IDENTICAL; 1 DIVERGED (or the ledger does not verify); 2 usage (bad id,
// unknown decision); 4 internal; 7 the run's inputs were erased (the report names them).
inline constexpr int kExitReplayErased = 7;

int ReplayCommand(const ReplayCommandOptions& options, Clock& clock, std::ostream& out,
                  std::ostream& err);

// The what-if half of ReplayCommand (replay_what_if_command.cc): one decision or a bulk
// selection re-evaluated under `options.policy`. Exit 0 when done (whether verdicts
// changed or not); 1 if an entry does not verify; 2 usage; 4 internal.
int WhatIfCommand(const ReplayCommandOptions& options, std::ostream& out, std::ostream& err);

// Prints "docket replay: <message>" and returns the exit code for `s`: 2 for a bad or
// unknown selection, 1 for something that does not verify (kDataLoss), else 4.
int ReplayFail(std::ostream& err, const Status& s);

// Run-level what-if (replay_run_what_if_command.cc): --workflow or --set on one
// decision. Exit 0 when done; 1 if something does not verify; 2 usage; 4 internal.
int RunWhatIfCommand(const ReplayCommandOptions& options, Clock& clock, std::ostream& out,
                     std::ostream& err);

// The compat half (replay_compat_command.cc). Exit 0 when every selected decision
// replays identical; 1 when any differs or does not verify; 2 usage; 4 internal.
int CompatCommand(const ReplayCommandOptions& options, Clock& clock, std::ostream& out,
                  std::ostream& err);

}  // namespace docket::adapters
