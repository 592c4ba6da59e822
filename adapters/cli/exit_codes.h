// The exit codes of `docket`, stable and documented in docs/cli.md. CI pipelines
// depend on them: never renumber, only add.
#pragma once

namespace docket::adapters {

inline constexpr int kExitApprove = 0;       // run succeeded; verdict APPROVE (or no gate)
inline constexpr int kExitBlock = 1;         // run succeeded; verdict BLOCK
inline constexpr int kExitUsage = 2;         // bad command line, workflow file or input data
inline constexpr int kExitRunFailed = 3;     // a step failed for another reason (see events)
inline constexpr int kExitInternal = 4;      // Docket's own bug or an unwritable output
inline constexpr int kExitNeedsHuman = 5;    // run succeeded; effective verdict NEEDS_HUMAN
inline constexpr int kExitWarn = 6;          // effective verdict WARN, with --fail-on warn
inline constexpr int kExitCancelled = 130;   // interrupted (Ctrl-C / SIGTERM)

}  // namespace docket::adapters
