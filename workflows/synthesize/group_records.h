// JoinRecords: what the redacted records of the candidate's current window add to each
// synthesis group: up to three quotes (most severe first, then time, then id, as the
// report quotes them), telemetry ids for reproduction hints, the release versions and
// the affected segments with counts. Records are matched to groups by feature area or
// theme id, as the trends step counted them. Pure; thread-safe.
#pragma once

#include <boost/json/object.hpp>

#include "workflows/proto/feedback.pb.h"
#include "workflows/synthesize/synthesis_evidence.h"

namespace docket::workflows::synthesize {

inline constexpr size_t kQuotesPerGroup = 3;
inline constexpr size_t kTelemetryIdsPerGroup = 5;
inline constexpr size_t kSegmentsPerGroup = 6;

// `evidence` gives the window (window.current_start, release.evaluate_at) and the
// version; without them no record is joined.
void JoinRecords(const boost::json::object& evidence, const FeedbackBatch& records,
                 SynthesisEvidence& out);

}  // namespace docket::workflows::synthesize
