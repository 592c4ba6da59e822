// Evidence: everything a policy may read, as named values. Domain-neutral: the gate
// step of workflows/ fills it from the trends artifact and the release signals; the
// evaluator only looks names up. Globals hold release-wide facts
// ("records.current", "signals.regression.failed"); each dimension ("feature_area",
// "theme", "severity") holds one instance per key with its own metrics ("observed",
// "q", ...). Guard observations are separate fields because guards are not written as
// expressions. Value type; immutable once built, safe to share between threads.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "policies/expr/value.h"

namespace docket::policies {

using NamedValues = std::map<std::string, expr::Value, std::less<>>;

struct EvidenceInstance {
  std::string key;      // e.g. "checkout"
  NamedValues metrics;  // e.g. observed, baseline, expected, rate_ratio, p, q
};

struct Evidence {
  NamedValues globals;
  // Dimension name -> instances sorted by key.
  std::map<std::string, std::vector<EvidenceInstance>, std::less<>> dimensions;

  // Guard observations; nullopt when the producer could not tell.
  std::optional<uint64_t> records_current;
  std::map<std::string, int64_t> source_silence_s;  // source -> seconds without records
  std::optional<int64_t> ingestion_lag_s;
};

}  // namespace docket::policies
