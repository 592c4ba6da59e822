// The JSON form of Evidence (schema docket.evidence.v1, docs/policies.md), which the
// trends step writes and the gate step, `docket policy eval` and replay read back:
//   {"schema": "docket.evidence.v1",
//    "globals": {"records.current": 120, "signals.regression.failed": 0, ...},
//    "dimensions": {"feature_area": [{"key": "checkout", "metrics": {"q": 0.01, ...}}]},
//    "guards": {"records_current": 120, "source_silence_s": {"zendesk": 3600},
//               "ingestion_lag_s": 1800}}
// Values are null (missing), booleans, numbers, strings, the strings "inf"/"-inf"/"nan"
// for non-finite numbers, or lists of scalars. Parsing is strict. Pure; thread-safe.
#pragma once

#include <boost/json/object.hpp>
#include <cstddef>
#include <string_view>

#include "engine/base/status.h"
#include "policies/evidence.h"

namespace docket::policies {

inline constexpr size_t kMaxEvidenceBytes = 64 << 20;

boost::json::object EvidenceToJson(const Evidence& evidence);

// Errors: kInvalidArgument naming `source` and the JSON path of the bad value
// ("dimensions.feature_area[3].metrics.q").
[[nodiscard]] StatusOr<Evidence> ParseEvidenceJson(std::string_view source, std::string_view bytes);
[[nodiscard]] StatusOr<Evidence> EvidenceFromJson(std::string_view source,
                                                  const boost::json::object& doc);

}  // namespace docket::policies
