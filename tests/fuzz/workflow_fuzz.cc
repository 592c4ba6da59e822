// Fuzz target for workflow files: arbitrary bytes go through ParseWorkflow and, when they
// parse, through BuildPlan against the fake step types of tests/testing. Neither may
// crash, hang or leave a failure without a diagnostic.
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string_view>
#include <vector>

#include "engine/base/check.h"
#include "engine/plan.h"
#include "engine/step_registry.h"
#include "engine/workflow_parser.h"
#include "tests/testing/test_steps.h"

namespace {

const docket::engine::StepRegistry& Registry() {
  static const docket::engine::StepRegistry* const registry = [] {
    auto* r = new docket::engine::StepRegistry();
    DOCKET_CHECK(docket::test::RegisterTestSteps(*r).ok());
    return r;
  }();
  return *registry;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace docket::engine;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::vector<Diagnostic> diagnostics;
  std::optional<WorkflowDefinition> def = ParseWorkflow("fuzz.yaml", bytes, diagnostics);
  if (!def) {
    DOCKET_CHECK(!diagnostics.empty());
    for (const Diagnostic& d : diagnostics) (void)d.ToString();
    return 0;
  }
  DOCKET_CHECK(diagnostics.empty());
  DOCKET_CHECK(def->version == 1 && !def->steps.empty());
  std::optional<Plan> plan = BuildPlan(std::move(*def), Registry(), diagnostics);
  if (!plan) {
    DOCKET_CHECK(!diagnostics.empty());
    return 0;
  }
  DOCKET_CHECK(diagnostics.empty());
  // The order is topological: every dependency comes before its user.
  for (size_t i = 0; i < plan->steps.size(); ++i) {
    DOCKET_CHECK(plan->steps[i].step != nullptr);
    for (size_t d : plan->steps[i].deps) DOCKET_CHECK(d < i);
  }
  return 0;
}
