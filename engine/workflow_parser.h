// Parses a workflow YAML file into a WorkflowDefinition, checking its structure (known
// keys, value shapes, reference syntax) and reporting every problem with file:line:col.
// Registry-dependent checks (step types, ports, kinds, cycles, configs) happen in
// BuildPlan. Pure function of its arguments; thread-safe.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "engine/source_pos.h"
#include "engine/workflow_definition.h"

namespace docket::engine {

inline constexpr size_t kMaxWorkflowFileBytes = 4 << 20;

// Returns nullopt when `diagnostics` gained any error.
std::optional<WorkflowDefinition> ParseWorkflow(std::string_view path, std::string_view bytes,
                                                std::vector<Diagnostic>& diagnostics);

// Converts YAML text to a ConfigNode tree (also used for other Docket YAML files).
std::optional<ConfigNode> ParseYamlTree(std::string_view path, std::string_view bytes,
                                        std::vector<Diagnostic>& diagnostics);

}  // namespace docket::engine
