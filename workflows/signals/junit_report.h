// The regression suite's result for the gate: a strict reader of JUnit XML reports as
// Maven Surefire, pytest --junitxml, jest-junit, go-junit-report and most CI tools write
// them. Accepted shapes: a <testsuites> root holding <testsuite> elements, or a single
// <testsuite> root; suites may nest; <testcase name classname time> elements with
// <failure>, <error> or <skipped> children. Totals are counted from the test cases; the
// counts the report declares about itself are only compared (a mismatch is a warning).
// Refused: XML that is not well-formed, a DOCTYPE, a wrong root element, a test case
// without a name, a non-numeric time, and files over the size, element or depth caps.
// No DTD is loaded and no entity but the five predefined ones and character references
// is expanded (pugixml has no DTD support; see internal/junit_document.h). Pure functions;
// thread-safe. Results are value types that own their data.
#pragma once

#include <boost/json/value.hpp>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/status.h"

namespace docket::workflows::signals {

// Outcome counts of a set of test cases. A case with an <error> counts as an error, else
// one with a <failure> as failed, else one with <skipped> as skipped, else as passed.
struct JunitTotals {
  uint64_t tests = 0;
  uint64_t passed = 0;
  uint64_t failed = 0;
  uint64_t errors = 0;
  uint64_t skipped = 0;

  friend bool operator==(const JunitTotals&, const JunitTotals&) = default;
};

struct JunitSuite {
  std::string name;    // the `name` attribute; may be empty
  std::string path;    // names of the enclosing suites and this one, joined by '/'
  uint32_t depth = 0;  // 0 for a root <testsuite> or a child of <testsuites>
  JunitTotals totals;  // the suite's own cases and those of suites nested in it
};

struct JunitReport {
  JunitTotals totals;              // every test case in the report, once
  std::vector<JunitSuite> suites;  // every <testsuite>, in document order
  // Identifiers ("classname.name", or "name" without a classname) of the cases that
  // failed or errored: distinct, sorted by bytes, at most JunitLimits::max_failing_cases.
  std::vector<std::string> failing_cases;
  uint64_t failing_cases_omitted = 0;  // distinct failing identifiers beyond the cap
  // "file:line:column: ..." for each declared count that disagrees with the cases (and
  // for declared counts that are not numbers); at most JunitLimits::max_warnings.
  std::vector<std::string> warnings;
  uint64_t warnings_omitted = 0;  // warnings beyond the cap

  // True when the report holds no test case at all: valid, but says nothing.
  bool empty() const { return totals.tests == 0; }
};

struct JunitLimits {
  uint64_t max_bytes = 64ull << 20;
  uint64_t max_elements = 2'000'000;
  uint32_t max_depth = 64;  // element nesting, the root being depth 1
  uint32_t max_failing_cases = 1000;
  uint32_t max_warnings = 100;
};

// Parses a JUnit XML report. `file_name` is only used in messages.
// Errors: kInvalidArgument "file:line:column: what is wrong; what to fix", or "file: ..."
// for the size limit.
[[nodiscard]] StatusOr<JunitReport> ParseJunitReport(std::string_view file_name,
                                                     std::string_view bytes,
                                                     const JunitLimits& limits = {});

// What the gate records: {"empty":..,"failing_cases":[..],"failing_cases_omitted":..,
// "suites":[{"depth":..,"name":..,"path":..,"totals":{..}}],"totals":{"errors":..,
// "failed":..,"passed":..,"skipped":..,"tests":..},"warnings":[..],
// "warnings_omitted":..}, keys sorted.
boost::json::value ToJson(const JunitReport& report);

// ToJson serialized canonically (sorted keys, no whitespace).
std::string ToCanonicalJson(const JunitReport& report);

}  // namespace docket::workflows::signals
