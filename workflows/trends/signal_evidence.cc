// Telemetry summaries accumulate per metric across its series in the set's sorted
// order, so the sums (and their rounding) are the same on every run.
#include "workflows/trends/signal_evidence.h"

#include <algorithm>
#include <map>

namespace docket::workflows::trends {
namespace {

using signals::FeatureFlag;
using signals::JunitTotals;
using signals::TelemetryPoint;
using signals::TelemetrySeries;

using Value = policies::expr::Value;

struct Summary {
  double sum = 0;
  double max = 0;
  uint64_t n = 0;
  void Add(double v) {
    sum += v;
    max = n == 0 ? v : std::max(max, v);
    ++n;
  }
};

void Put(policies::Evidence& e, const std::string& prefix, const char* name, const Summary& s) {
  e.globals[prefix + name + "_points"] = Value::Number(static_cast<double>(s.n));
  if (s.n == 0) return;
  e.globals[prefix + name + "_mean"] = Value::Number(s.sum / static_cast<double>(s.n));
  e.globals[prefix + name + "_max"] = Value::Number(s.max);
}

}  // namespace

std::string PolicyIdentifier(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '_';
    if (!ok) c = '_';
  }
  return out;
}

void AddRegressionEvidence(const JunitReport& report, policies::Evidence& evidence) {
  const JunitTotals& t = report.totals;
  const auto put = [&](const char* name, Value v) {
    evidence.globals[std::string("signals.regression.") + name] = std::move(v);
  };
  put("tests", Value::Number(static_cast<double>(t.tests)));
  put("passed", Value::Number(static_cast<double>(t.passed)));
  put("failed", Value::Number(static_cast<double>(t.failed)));
  put("errors", Value::Number(static_cast<double>(t.errors)));
  put("skipped", Value::Number(static_cast<double>(t.skipped)));
  put("empty", Value::Bool(report.empty()));
  const uint64_t ran = t.tests - t.skipped;
  put("pass_rate", ran == 0 ? Value::Missing()
                            : Value::Number(static_cast<double>(t.passed) / static_cast<double>(ran)));
}

void AddFlagEvidence(const FeatureFlagSet& flags, policies::Evidence& evidence) {
  for (const FeatureFlag& flag : flags.flags) {
    const std::string prefix = "signals.flags." + PolicyIdentifier(flag.key) + ".";
    evidence.globals[prefix + "enabled"] = Value::Bool(flag.enabled);
    evidence.globals[prefix + "targeted"] = Value::Bool(flag.has_targeting);
    evidence.globals[prefix + "variant"] =
        flag.default_variant ? Value::String(*flag.default_variant) : Value::Missing();
  }
}

void AddTelemetryEvidence(const TelemetrySeriesSet& set, std::string_view release_version,
                          const SignalWindow& current, const SignalWindow& baseline,
                          policies::Evidence& evidence) {
  std::map<std::string, std::pair<Summary, Summary>> by_metric;
  for (const TelemetrySeries& series : set.series) {
    auto& [cur, base] = by_metric[PolicyIdentifier(series.metric)];
    const bool ours = series.release.empty() || series.release == release_version;
    const bool others = series.release.empty() || series.release != release_version;
    for (const TelemetryPoint& p : series.points) {
      if (ours && current.start <= p.time && p.time < current.end) cur.Add(p.value);
      if (others && baseline.start <= p.time && p.time < baseline.end) base.Add(p.value);
    }
  }
  for (const auto& [metric, summaries] : by_metric) {
    const std::string prefix = "signals.telemetry." + metric + ".";
    Put(evidence, prefix, "current", summaries.first);
    Put(evidence, prefix, "baseline", summaries.second);
  }
}

}  // namespace docket::workflows::trends
