// Fuzz target for workflow files against the real feedback step types: arbitrary bytes
// go through ParseWorkflow and BuildPlan with RegisterFeedbackSteps, so the feedback
// steps' own config parsers (the ingest `sources` mapping, durations, thresholds) see
// hostile YAML too. Nothing may crash, and a failure always carries a diagnostic.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "engine/plan.h"
#include "engine/step_registry.h"
#include "engine/workflow_parser.h"
#include "tests/fuzz/fuzz_check.h"
#include "workflows/steps/register.h"

namespace {

const docket::engine::StepRegistry& Registry() {
  static const docket::engine::StepRegistry* const registry = [] {
    auto* r = new docket::engine::StepRegistry();
    FUZZ_CHECK(docket::workflows::RegisterFeedbackSteps(*r).ok());
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
    FUZZ_CHECK(!diagnostics.empty());
    return 0;
  }
  std::optional<Plan> plan = BuildPlan(std::move(*def), Registry(), diagnostics);
  FUZZ_CHECK(plan.has_value() == diagnostics.empty());
  return 0;
}
