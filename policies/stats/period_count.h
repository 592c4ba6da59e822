// PeriodCount: events and exposure in one period (hour, day) of a monitored series,
// the input of the sequential watch statistics (poisson_cusum.h, rate_ewma.h).
// Plain value type.
#pragma once

#include <cstdint>

namespace docket::policies::stats {

struct PeriodCount {
  int64_t count = 0;    // events in the period, >= 0
  double exposure = 0;  // sessions (or other exposure) in the period, finite and >= 0;
                        // 0 only together with count == 0 (nothing observed)
};

}  // namespace docket::policies::stats
