// `docket run`: loads a workflow, gathers its input files, runs it on the executor,
// records the run in the signed ledger (LedgerHome + LedgerEventSink: every entry is
// durable before the result is printed) and writes its outputs (atomically, only when
// the run finished) plus the run manifest. Prints the verdict, decision id, ledger
// checkpoint size and output paths, or the decision in a --format, and exits by the
// verdict (exit_codes.h, --fail-on). The caller owns cancellation (see main.cc).
// One call at a time per Executor; otherwise thread-compatible.
#pragma once

#include <atomic>
#include <filesystem>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "adapters/cli/decision_formats.h"
#include "adapters/llm/llm_config.h"
#include "adapters/llm/model_effects.h"
#include "engine/base/clock.h"

namespace docket::adapters {

struct RunCommandOptions {
  std::filesystem::path workflow;
  std::vector<std::string> inputs;             // "FILE" (first declared input) or "NAME=FILE"
  std::optional<std::string> release;          // sets the `release` param
  std::vector<std::string> params;             // "NAME=VALUE"
  std::filesystem::path out_dir;               // default: out/<workflow name>
  std::filesystem::path ledger_dir;            // the ledger directory (ledger_home.h)
  std::optional<std::string> as_of;            // RFC 3339; pins the logical clock
  int threads = 4;
  // The redaction pseudonym key (main.cc fills it from DOCKET_REDACTION_KEY); unset =
  // the key derived from the ledger's master key (LedgerHome::pseudonym_key).
  std::optional<std::string> redaction_key;
  bool json = false;
  // --format: the decision in this format on stdout (decision_formats.h), and the run
  // summary on stderr; unset = the text summary on stdout. Not with `json`.
  std::optional<DecisionFormat> format;
  // --fail-on: the least effective verdict that exits non-zero (exit_codes.h).
  FailOn fail_on = FailOn::kNeedsHuman;
  // GitHub's step summary file (main.cc reads GITHUB_STEP_SUMMARY); with --format github
  // the Markdown report is appended to it.
  std::filesystem::path step_summary;
  bool quiet = false;
  bool color = false;
  std::string build_id;
  // The model for the synthesis step (docs/llm.md): a profiles file (--llm-profiles, or
  // DOCKET_LLM_PROFILES) and a profile in it (--llm NAME); both unset = DOCKET_LLM_*
  // alone; nothing configured = the template fallback, said in the run output.
  std::optional<std::string> llm_profiles;
  std::optional<std::string> llm_profile;
};

struct RunCommandEnv {
  Clock* clock = nullptr;
  std::ostream* out = nullptr;
  std::ostream* err = nullptr;
  // Called with a function that cancels the run; the caller arranges for it to be
  // called on Ctrl-C. Optional.
  std::function<void(std::function<void()>)> on_cancellable;
  // Environment lookup for the model's secrets and DOCKET_LLM_* (main passes the
  // process environment); null = an empty environment.
  llm::GetEnv getenv;
  // Test seams for the model door (transport, retry timer); production leaves them empty.
  llm::ModelEffectsDeps model_deps;
};

// Returns the process exit code (exit_codes.h).
int RunWorkflowCommand(const RunCommandOptions& options, const RunCommandEnv& env);

// `docket validate FILE`: prints every diagnostic; exit 0 when valid, 2 otherwise.
int ValidateWorkflowCommand(const std::filesystem::path& workflow, bool json,
                            std::ostream& out, std::ostream& err);

}  // namespace docket::adapters
