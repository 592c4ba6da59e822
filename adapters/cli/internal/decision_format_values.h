// Values of a decision as people read them, by the fixed number rules documented in
// adapters/cli/decision_formats.h, and the one-line evidence summary every format
// shares. Pure; thread-safe.
#pragma once

#include <boost/json/value.hpp>
#include <string>
#include <string_view>

#include "adapters/cli/internal/decision_format_view.h"

namespace docket::adapters::internal {

// Integral values (below 2^53 in magnitude) as integers, others with 4 significant
// digits ("2.5", "0.0123", "1.2e-07"); non-finite as "inf", "-inf", "nan".
std::string HumanNumber(double value);

// `decimals` digits after the point; "-0.00" is written "0.00".
std::string FixedNumber(double value, int decimals);

// Any evidence value: numbers by HumanNumber, strings as they are, null as "missing",
// booleans as true/false, lists as "[a, b]".
std::string HumanValue(const boost::json::value& value);

// A number with `decimals` digits; a string ("inf") as it is; anything else "-".
std::string FixedValue(const boost::json::value* value, int decimals);

// A p or q value: "<0.0001" below 1e-4, else four decimals; "-" when not a number.
std::string ProbabilityValue(const boost::json::value* value);

// "2.50 (1.60 to 3.80)", "2.50", "-": the rate ratio with its interval when the
// instance's evidence has them.
std::string RateRatioWithInterval(const RuleInstanceView& rule);

// The instance's reason, led by its outcome unless the reason already starts with it
// ("fail: q < 0.05", "inconclusive: missing data, ...").
std::string OutcomeAndReason(const RuleInstanceView& rule);

// "observed = 31, q = 0.0003, rate_ratio = 2.5": every evidence value, in order.
std::string EvidenceLine(const RuleInstanceView& rule);

// Two-space indented JSON with a trailing newline, keys in document order (the style
// of the run's decision.json).
std::string PrettyJson(const boost::json::value& value);

// `text` with C0 controls, DEL and C1 controls shown as "\xNN", so that customer-derived
// strings cannot move a terminal's cursor or end a line.
std::string PrintableText(std::string_view text);

}  // namespace docket::adapters::internal
