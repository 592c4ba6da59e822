// `docket replay DECISION_ID` (verify mode, docs/replay.md): proves every entry of the
// decision's run is in the signed ledger, rebuilds the run from the ledger alone and
// re-executes it with recorded effects (replay/), then prints IDENTICAL or the first
// divergent step with both digests and a readable difference. Writes nothing to the
// ledger. Thread-compatible.
#pragma once

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>

#include "engine/base/clock.h"

namespace docket::adapters {

struct ReplayCommandOptions {
  std::string decision_id;
  std::filesystem::path ledger_dir;
  int threads = 4;
  bool json = false;
  // The redaction pseudonym key of the run (main.cc fills it from DOCKET_REDACTION_KEY);
  // unset = the key derived from the ledger's master key, as `docket run` uses.
  std::optional<std::string> redaction_key;
  std::string build_id;  // this build's engine build id
};

// Exit codes: 0 IDENTICAL; 1 DIVERGED (or the ledger does not verify); 2 usage (bad id,
// unknown decision); 4 internal; 7 the run's inputs were erased (the report names them).
inline constexpr int kExitReplayErased = 7;

int ReplayCommand(const ReplayCommandOptions& options, Clock& clock, std::ostream& out,
                  std::ostream& err);

}  // namespace docket::adapters
