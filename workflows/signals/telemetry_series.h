// Telemetry error-rate series for the gate: a strict reader of a CSV file with a header
// and the columns `timestamp,metric,value` plus optional `release` and `region`, in any
// order, e.g.
//   timestamp,metric,release,region,value
//   2026-11-20T10:00:00Z,checkout.error_rate,rc-42,eu-west,0.012
// Timestamps are RFC 3339 with a zone (workflows/ingest/timestamp_parser.h); values are
// finite, non-negative decimal numbers; within each (metric, release, region) series the
// rows must be strictly increasing in time. The CSV itself is read by the strict RFC 4180
// reader of workflows/ingest/csv_reader.h. Pure functions; thread-safe. Results are value
// types that own their data.
#pragma once

#include <boost/json/value.hpp>
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/clock.h"
#include "engine/base/status.h"

namespace docket::workflows::signals {

struct TelemetryPoint {
  Timestamp time;
  double value = 0;  // finite, >= 0

  friend bool operator==(const TelemetryPoint&, const TelemetryPoint&) = default;
};

struct TelemetrySeries {
  std::string metric;   // never empty
  std::string release;  // "" when the file has no `release` column or the cell is empty
  std::string region;   // likewise for `region`
  std::vector<TelemetryPoint> points;  // strictly increasing in time
};

struct TelemetrySeriesSet {
  std::vector<TelemetrySeries> series;  // sorted by (metric, release, region), unique
  uint64_t point_count = 0;             // points over all series

  // The series with this key, or nullptr.
  const TelemetrySeries* Find(std::string_view metric, std::string_view release = "",
                              std::string_view region = "") const;
};

struct TelemetryLimits {
  uint64_t max_bytes = 64ull << 20;
  uint64_t max_points = 5'000'000;
  uint64_t max_series = 100'000;
};

// Parses a telemetry CSV file. `file_name` is only used in messages. A file with only a
// header holds no series and is valid.
// Errors: kInvalidArgument "file:line: column `name`: what is wrong; what to fix",
// "file:line:column: ..." for CSV syntax and encoding, or "file: ..." for the size limit.
[[nodiscard]] StatusOr<TelemetrySeriesSet> ParseTelemetrySeries(std::string_view file_name,
                                                                std::string_view bytes,
                                                                const TelemetryLimits& limits = {});

// What the gate records: {"point_count":..,"series":[{"metric":..,"points":[{"time":
// "2026-11-20T10:00:00Z","value":0.012}],"region":..,"release":..}]}, keys sorted.
boost::json::value ToJson(const TelemetrySeriesSet& set);

// ToJson serialized canonically (sorted keys, no whitespace).
std::string ToCanonicalJson(const TelemetrySeriesSet& set);

}  // namespace docket::workflows::signals
