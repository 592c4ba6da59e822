// Fuzz target for policies/policy_parser and the evaluator: any bytes either parse to a
// policy or are refused with a message; a policy that parses evaluates against a fixed
// evidence without crashing, and twice to the same decision JSON.
#include <boost/json.hpp>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "policies/decision_json.h"
#include "policies/evaluator.h"
#include "policies/lint.h"
#include "policies/policy_parser.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

docket::policies::Evidence FixedEvidence() {
  using docket::policies::expr::Value;
  docket::policies::Evidence e;
  e.globals["records.current"] = Value::Number(120);
  e.globals["signals.regression.failed"] = Value::Number(1);
  e.globals["release.id"] = Value::String("rc-1");
  e.dimensions["feature_area"] = {
      {"checkout", {{"observed", Value::Number(40)}, {"q", Value::Number(1e-6)},
                    {"rate_ratio", Value::Number(3.5)}}},
      {"search", {{"observed", Value::Number(2)}, {"q", Value::Number(0.9)}}}};
  e.dimensions["severity"] = {{"high", {{"observed", Value::Number(9)}}}};
  e.records_current = 120;
  e.source_silence_s = {{"zendesk", 7200}};
  e.ingestion_lag_s = 60;
  return e;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace docket::policies;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  docket::StatusOr<Policy> policy = ParsePolicy("fuzz.yaml", bytes);
  if (!policy.ok()) {
    FUZZ_CHECK(policy.status().code() == docket::StatusCode::kInvalidArgument);
    FUZZ_CHECK(!policy.status().message().empty());
    return 0;
  }
  static const Evidence kEvidence = FixedEvidence();
  const docket::Timestamp now{std::chrono::seconds(1'800'000'000)};
  const Decision a = Evaluate(*policy, kEvidence, now);
  const Decision b = Evaluate(*policy, kEvidence, now);
  FUZZ_CHECK(boost::json::serialize(DecisionToJson(*policy, a)) ==
             boost::json::serialize(DecisionToJson(*policy, b)));
  FUZZ_CHECK(a.confidence >= 0 && a.confidence <= 1);
  FUZZ_CHECK(!a.score || (*a.score >= 0 && *a.score <= 100));
  (void)LintPolicy(*policy, EvidenceNames{});
  return 0;
}
