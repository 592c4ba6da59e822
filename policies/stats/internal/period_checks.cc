#include "policies/stats/internal/period_checks.h"

#include <string>

#include "policies/stats/internal/validate.h"

namespace docket::policies::stats::internal {

Status CheckPeriods(std::span<const PeriodCount> periods) {
  for (size_t i = 0; i < periods.size(); ++i) {
    const std::string prefix = "periods[" + std::to_string(i) + "].";
    DOCKET_RETURN_IF_ERROR(CheckCount(prefix + "count", periods[i].count));
    DOCKET_RETURN_IF_ERROR(CheckNonNegativeFinite(prefix + "exposure", periods[i].exposure));
    if (periods[i].exposure == 0 && periods[i].count > 0) {
      return InvalidArgumentError(prefix + "exposure is 0 but " + prefix + "count is " +
                                  std::to_string(periods[i].count));
    }
  }
  return Status::Ok();
}

}  // namespace docket::policies::stats::internal
