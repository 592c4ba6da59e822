// Kept next to the code that fills the evidence (trend_evidence.cc, signal_evidence.cc,
// trends_step.cc); evidence_names_test checks that every name a real run produces is
// declared here.
#include "workflows/trends/evidence_names.h"

#include <algorithm>

namespace docket::workflows::trends {
namespace {

using policies::expr::NameType;

bool IsIdentifier(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  });
}

// "<prefix><identifier>.<one of suffixes>".
bool Matches(std::string_view name, std::string_view prefix,
             std::initializer_list<std::string_view> suffixes) {
  if (name.substr(0, prefix.size()) != prefix) return false;
  name.remove_prefix(prefix.size());
  const size_t dot = name.find('.');
  if (dot == std::string_view::npos || !IsIdentifier(name.substr(0, dot))) return false;
  const std::string_view suffix = name.substr(dot + 1);
  return std::find(suffixes.begin(), suffixes.end(), suffix) != suffixes.end();
}

}  // namespace

policies::EvidenceNames TrendEvidenceNames() {
  policies::EvidenceNames names;
  for (const char* n : {"release.id", "release.version", "release.evaluate_at", "product",
                        "window.current_start", "window.baseline_start"}) {
    names.globals[n] = NameType::kString;
  }
  for (const char* n :
       {"records.current", "records.baseline", "exposure.current", "exposure.baseline",
        "window.current_hours", "window.baseline_hours", "rating.current_mean",
        "rating.baseline_mean", "signals.regression.tests", "signals.regression.passed",
        "signals.regression.failed", "signals.regression.errors", "signals.regression.skipped",
        "signals.regression.pass_rate"}) {
    names.globals[n] = NameType::kNumber;
  }
  names.globals["signals.regression.empty"] = NameType::kBool;
  names.globals["baseline.excluded_versions"] = NameType::kList;
  policies::expr::NameTable instance;
  for (const char* n : {"observed", "baseline", "expected", "rate_ratio", "ci_low", "ci_high", "p",
                        "q", "share", "high", "high_share", "dispersion", "cusum"}) {
    instance[n] = NameType::kNumber;
  }
  instance["flagged"] = NameType::kBool;
  instance["filtered"] = NameType::kBool;
  instance["cusum_alarm"] = NameType::kBool;
  instance["screen"] = NameType::kString;
  for (const char* dimension : {"feature_area", "severity", "area_severity", "theme"}) {
    names.per_dimension[dimension] = instance;
  }
  names.dynamic = [](std::string_view name) {
    return Matches(name, "signals.flags.", {"enabled", "targeted", "variant"}) ||
           Matches(name, "signals.telemetry.",
                   {"current_mean", "current_max", "current_points", "baseline_mean",
                    "baseline_max", "baseline_points"});
  };
  return names;
}

}  // namespace docket::workflows::trends
