// Small tables of the policy model.
#include "policies/policy.h"

namespace docket::policies {

std::string_view MissingDataName(MissingData missing) {
  switch (missing) {
    case MissingData::kPass: return "pass";
    case MissingData::kWarn: return "warn";
    case MissingData::kFail: return "fail";
    case MissingData::kInconclusive: return "inconclusive";
  }
  return "?";
}

const std::vector<std::string>& KnownDimensions() {
  static const std::vector<std::string> kDimensions = {"area_severity", "feature_area", "severity", "theme"};
  return kDimensions;
}

}  // namespace docket::policies
