// Decision formats: a gate decision (`decision.json`, schema docket.decision.v2,
// docs/schemas/decision.v2.schema.json) rendered for CI systems and people (docs/cli.md,
// "Decision formats"), and the exit code of an effective verdict. FormatDecision is pure
// and deterministic: equal inputs give equal bytes, no clock, no environment, no I/O;
// numbers follow fixed rules (below). WriteFormattedDecision adds the one piece of I/O a
// format has (GitHub's step summary file). Thread-safe: no shared state.
//
// Human number rules (text, markdown, github, junit/sarif messages): integers as
// integers; other numbers with 4 significant digits; score with one decimal, confidence
// with two; rate ratio and its interval with two; expected with one; p and q with four
// decimals, or "<0.0001"; the strings "inf", "-inf", "nan" as they are; null as
// "missing". The json and sarif documents keep numbers as JSON numbers.
#pragma once

#include <boost/json/object.hpp>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "engine/base/status.h"
#include "policies/verdict.h"

namespace docket::adapters {

enum class DecisionFormat {
  kJson,      // the decision plus `decision_id` and `effective_verdict`, pretty-printed
  kText,      // a terminal summary: verdict, score, reasons, each non-pass instance
  kJunit,     // JUnit XML: one <testcase> per rule instance
  kSarif,     // SARIF 2.1.0: one rule per policy rule, one result per non-pass instance
  kGithub,    // GitHub Actions workflow commands (::error, ::warning, ::notice)
  kMarkdown,  // the "explain" report: per instance evidence, thresholds, guards
};

// "json", "text", "junit", "sarif", "github", "markdown"; nullopt for anything else.
std::optional<DecisionFormat> ParseDecisionFormat(std::string_view name);
std::string_view DecisionFormatName(DecisionFormat format);

struct FormatOptions {
  // The ledger's id of this decision ("dec-…"). Empty: the decision's own
  // `decision_id` field if it has one, else none is shown.
  std::string decision_id;
  // The verdict after approvals and overrides (APPROVE|WARN|NEEDS_HUMAN|BLOCK). Empty:
  // the decision's own `effective_verdict` field if it has one, else its `verdict`.
  std::string effective_verdict;
  // GitHub's step summary file (the caller reads GITHUB_STEP_SUMMARY). Only
  // WriteFormattedDecision uses it: with kGithub it appends the Markdown report there.
  std::filesystem::path step_summary_path;
};

// Renders `decision` in `format`.
// Errors: kInvalidArgument when `decision` is not a docket.decision.v2 document (the
// message names the JSON path of the first bad value, e.g. "rules[2].outcome") or
// `options.effective_verdict` is not a verdict name.
[[nodiscard]] StatusOr<std::string> FormatDecision(const boost::json::object& decision,
                                                   DecisionFormat format,
                                                   const FormatOptions& options);

// Writes FormatDecision's bytes to `out`; for kGithub with a step_summary_path, also
// appends the kMarkdown report to that file (GitHub concatenates what steps append).
// Nothing is written when formatting fails.
// Errors: those of FormatDecision; kUnavailable when the summary file cannot be
// appended to (the message names it).
[[nodiscard]] Status WriteFormattedDecision(const boost::json::object& decision,
                                            DecisionFormat format, const FormatOptions& options,
                                            std::ostream& out);

// The least effective verdict that makes `docket` exit non-zero (`--fail-on`).
enum class FailOn { kWarn, kNeedsHuman, kBlock };

// "warn", "needs_human", "block"; nullopt for anything else.
std::optional<FailOn> ParseFailOn(std::string_view name);

struct VerdictExit {
  int code = 0;      // exit_codes.h
  std::string note;  // one line for stderr when a verdict exits 0 only because of
                     // `fail_on`; empty otherwise
};

// The exit code of an effective verdict: APPROVE 0; BLOCK 1 (always); NEEDS_HUMAN 5
// unless fail_on is kBlock (then 0 with a note); WARN 6 when fail_on is kWarn, else 0
// with a note.
VerdictExit ExitForVerdict(policies::Verdict effective_verdict, FailOn fail_on);

}  // namespace docket::adapters
