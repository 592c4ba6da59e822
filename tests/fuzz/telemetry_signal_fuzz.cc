// Fuzz target for telemetry series files (workflows/signals/telemetry_series.h):
// arbitrary bytes go through ParseTelemetrySeries. It may not crash; an error must be an
// InvalidArgument that names the file; series must be sorted and unique, their points
// strictly increasing in time with finite non-negative values, and the canonical JSON
// stable.
#include <cmath>
#include <cstdint>
#include <string_view>
#include <tuple>

#include "tests/fuzz/fuzz_check.h"
#include "workflows/signals/telemetry_series.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace docket;
  using namespace docket::workflows::signals;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  StatusOr<TelemetrySeriesSet> set = ParseTelemetrySeries("telemetry.csv", bytes);
  if (!set.ok()) {
    FUZZ_CHECK(set.status().code() == StatusCode::kInvalidArgument);
    FUZZ_CHECK(set.status().message().starts_with("telemetry.csv"));
    return 0;
  }
  uint64_t points = 0;
  for (size_t i = 0; i < set->series.size(); ++i) {
    const TelemetrySeries& s = set->series[i];
    if (i > 0) {
      const TelemetrySeries& p = set->series[i - 1];
      FUZZ_CHECK(std::tie(p.metric, p.release, p.region) < std::tie(s.metric, s.release, s.region));
    }
    FUZZ_CHECK(!s.metric.empty() && !s.points.empty());
    FUZZ_CHECK(set->Find(s.metric, s.release, s.region) == &s);
    for (size_t j = 0; j < s.points.size(); ++j) {
      FUZZ_CHECK(std::isfinite(s.points[j].value) && s.points[j].value >= 0);
      if (j > 0) FUZZ_CHECK(s.points[j - 1].time < s.points[j].time);
    }
    points += s.points.size();
  }
  FUZZ_CHECK(points == set->point_count);
  FUZZ_CHECK(ToCanonicalJson(*set) == ToCanonicalJson(*set));
  return 0;
}
