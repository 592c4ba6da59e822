// Verdicts and rule outcomes of the gate (BRIEF §6). Verdicts form the lattice
// APPROVE < WARN < NEEDS_HUMAN < BLOCK and a decision is the maximum of its rules'
// contributions; every rule instance ends in exactly one Outcome. Values; thread-safe.
#pragma once

#include <optional>
#include <string_view>

namespace docket::policies {

enum class Verdict { kApprove = 0, kWarn = 1, kNeedsHuman = 2, kBlock = 3 };
enum class Outcome { kPass, kWarn, kFail, kInconclusive, kError };
// How a rule's outcome may change the decision.
enum class RuleMode {
  kEnforce,   // counts fully
  kAdvisory,  // at most WARN, never in the score
  kDryRun,    // recorded only
};

// "APPROVE", "WARN", "NEEDS_HUMAN", "BLOCK".
std::string_view VerdictName(Verdict verdict);
std::optional<Verdict> ParseVerdict(std::string_view name);  // case-sensitive names above

// "pass", "warn", "fail", "inconclusive", "error".
std::string_view OutcomeName(Outcome outcome);
std::optional<Outcome> ParseOutcome(std::string_view name);

// "enforce", "advisory", "dry_run".
std::string_view RuleModeName(RuleMode mode);
std::optional<RuleMode> ParseRuleMode(std::string_view name);

inline Verdict MaxVerdict(Verdict a, Verdict b) { return a < b ? b : a; }

}  // namespace docket::policies
