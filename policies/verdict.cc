// Names of verdicts, outcomes and modes as they appear in policy files and decisions.
#include "policies/verdict.h"

#include <array>
#include <utility>

namespace docket::policies {
namespace {

template <typename E, size_t N>
std::optional<E> Lookup(const std::array<std::pair<E, std::string_view>, N>& table,
                        std::string_view name) {
  for (const auto& [value, text] : table) {
    if (text == name) return value;
  }
  return std::nullopt;
}

template <typename E, size_t N>
std::string_view NameOf(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
  for (const auto& [v, text] : table) {
    if (v == value) return text;
  }
  return "?";
}

constexpr std::array<std::pair<Verdict, std::string_view>, 4> kVerdicts = {{
    {Verdict::kApprove, "APPROVE"},
    {Verdict::kWarn, "WARN"},
    {Verdict::kNeedsHuman, "NEEDS_HUMAN"},
    {Verdict::kBlock, "BLOCK"},
}};
constexpr std::array<std::pair<Outcome, std::string_view>, 5> kOutcomes = {{
    {Outcome::kPass, "pass"},
    {Outcome::kWarn, "warn"},
    {Outcome::kFail, "fail"},
    {Outcome::kInconclusive, "inconclusive"},
    {Outcome::kError, "error"},
}};
constexpr std::array<std::pair<RuleMode, std::string_view>, 3> kModes = {{
    {RuleMode::kEnforce, "enforce"},
    {RuleMode::kAdvisory, "advisory"},
    {RuleMode::kDryRun, "dry_run"},
}};

}  // namespace

std::string_view VerdictName(Verdict verdict) { return NameOf(kVerdicts, verdict); }
std::optional<Verdict> ParseVerdict(std::string_view name) { return Lookup(kVerdicts, name); }
std::string_view OutcomeName(Outcome outcome) { return NameOf(kOutcomes, outcome); }
std::optional<Outcome> ParseOutcome(std::string_view name) { return Lookup(kOutcomes, name); }
std::string_view RuleModeName(RuleMode mode) { return NameOf(kModes, mode); }
std::optional<RuleMode> ParseRuleMode(std::string_view name) { return Lookup(kModes, name); }

}  // namespace docket::policies
