// The renderers behind FormatDecision (adapters/cli/decision_formats.h), one per format,
// each from a checked DecisionView. Each returns the complete bytes, ending in a
// newline. Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "adapters/cli/internal/decision_format_view.h"

namespace docket::adapters::internal {

std::string FormatText(const DecisionView& decision);
std::string FormatJunit(const DecisionView& decision);
std::string FormatSarif(const DecisionView& decision);
std::string FormatGithub(const DecisionView& decision);
std::string FormatMarkdown(const DecisionView& decision);

// The SARIF / GitHub annotation level of a non-pass instance: "error" for a failed key
// rule or a BLOCK contribution; "warning" for a warn outcome or a WARN or NEEDS_HUMAN
// contribution; "note" otherwise (dry runs, score-only failures).
// Dry runs are always "note": they are recorded only.
std::string_view AnnotationLevel(const RuleInstanceView& rule);

}  // namespace docket::adapters::internal
