// Fuzz target for JUnit reports (workflows/signals/junit_report.h): arbitrary bytes go
// through ParseJunitReport. It may not crash; an error must be an InvalidArgument that
// names the file; a report's totals must add up, its suites must be in range and its
// canonical JSON must be stable.
#include <cstdint>
#include <string_view>

#include "tests/fuzz/fuzz_check.h"
#include "workflows/signals/junit_report.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace docket;
  using namespace docket::workflows::signals;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  JunitLimits limits;
  limits.max_failing_cases = 3;
  limits.max_warnings = 2;
  limits.max_elements = 5000;
  StatusOr<JunitReport> report = ParseJunitReport("report.xml", bytes, limits);
  if (!report.ok()) {
    FUZZ_CHECK(report.status().code() == StatusCode::kInvalidArgument);
    FUZZ_CHECK(report.status().message().starts_with("report.xml:"));
    return 0;
  }
  const JunitTotals& t = report->totals;
  FUZZ_CHECK(t.tests == t.passed + t.failed + t.errors + t.skipped);
  FUZZ_CHECK(report->failing_cases.size() <= 3);
  FUZZ_CHECK(report->warnings.size() <= 2);
  FUZZ_CHECK(report->failing_cases.size() + report->failing_cases_omitted <= t.failed + t.errors);
  for (const JunitSuite& suite : report->suites) {
    const JunitTotals& s = suite.totals;
    FUZZ_CHECK(s.tests == s.passed + s.failed + s.errors + s.skipped);
    FUZZ_CHECK(s.tests <= t.tests);
  }
  FUZZ_CHECK(ToCanonicalJson(*report) == ToCanonicalJson(*report));
  return 0;
}
