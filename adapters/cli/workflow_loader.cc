#include "adapters/cli/workflow_loader.h"

#include "adapters/store/file_artifact_store.h"
#include "engine/base/check.h"
#include "engine/workflow_parser.h"
#include "workflows/steps/register.h"

namespace docket::adapters {

LoadedWorkflow LoadWorkflow(const std::filesystem::path& path,
                            const workflows::RedactionDeps* redaction) {
  LoadedWorkflow loaded;
  loaded.registry = std::make_unique<engine::StepRegistry>();
  const Status registered = workflows::RegisterFeedbackSteps(*loaded.registry, redaction);
  DOCKET_CHECK(registered.ok());
  StatusOr<std::string> bytes = ReadFile(path, engine::kMaxWorkflowFileBytes);
  if (!bytes.ok()) {
    engine::Diagnostic unreadable;
    unreadable.pos.file = path.string();
    unreadable.message = bytes.status().message();
    loaded.diagnostics.push_back(std::move(unreadable));
    return loaded;
  }
  std::optional<engine::WorkflowDefinition> def =
      engine::ParseWorkflow(path.string(), *bytes, loaded.diagnostics);
  if (!def) return loaded;
  loaded.plan = engine::BuildPlan(std::move(*def), *loaded.registry, loaded.diagnostics);
  return loaded;
}

}  // namespace docket::adapters
