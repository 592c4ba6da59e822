// TrendEvidenceNames: every name the `trends` step can put into the gate's evidence,
// with its type, for `docket policy lint` (docs/trends.md, "Names a policy can read").
// Flag keys and telemetry metrics are known only at run time and are matched by shape.
// Pure; thread-safe.
#pragma once

#include "policies/lint.h"

namespace docket::workflows::trends {

policies::EvidenceNames TrendEvidenceNames();

}  // namespace docket::workflows::trends
