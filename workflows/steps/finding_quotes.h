// FindingQuotes: what customers said about each rule instance that did not pass, for the
// report: up to three redacted texts of the candidate's current window from the feature
// area, area × severity, severity or theme the instance names, the most severe first
// (severity score, then time, then id: deterministic). The records are the redacted ones
// the gate's evidence was counted from; nothing else is quoted. Pure; thread-safe.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <cstddef>

#include "workflows/proto/feedback.pb.h"

namespace docket::workflows {

inline constexpr size_t kQuotesPerFinding = 3;
inline constexpr size_t kQuoteBytes = 280;

// `decision`: docket.decision.v2; `evidence`: docket.evidence.v1 (window and release).
// Returns [{"rule", "instance", "for_each", "quotes": [{"id", "text"}]}] in the
// decision's rule order; instances without a dimension or without records are left out.
boost::json::array FindingQuotes(const boost::json::object& decision,
                                 const boost::json::object& evidence, const FeedbackBatch& records);

}  // namespace docket::workflows
