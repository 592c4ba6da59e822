// Loads a workflow file and checks it against the registered step types: the shared
// front half of `docket run` and `docket validate`. Touches the filesystem (reads the
// workflow file); thread-compatible.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <vector>

#include "engine/plan.h"
#include "engine/step_registry.h"
#include "workflows/steps/redact_step.h"

namespace docket::adapters {

struct LoadedWorkflow {
  std::unique_ptr<engine::StepRegistry> registry;  // the plan points into it
  std::optional<engine::Plan> plan;
  std::vector<engine::Diagnostic> diagnostics;     // non-empty iff plan is empty
};

// Reads `path`, parses it and builds the plan with every Docket step type registered.
// `redaction` is borrowed by the redact steps (see RedactionDeps); null = none.
LoadedWorkflow LoadWorkflow(const std::filesystem::path& path,
                            const workflows::RedactionDeps* redaction = nullptr);

}  // namespace docket::adapters
