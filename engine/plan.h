// Plan: a workflow checked against the step registry and ready to run. BuildPlan
// resolves step types, checks ports, reference targets and artifact kinds, detects
// cycles, validates every config and builds the step instances. Steps are kept in a
// deterministic topological order (ties broken by declaration order). A Plan is
// immutable once built and may be run many times, from one thread at a time.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/source_pos.h"
#include "engine/step_registry.h"
#include "engine/workflow_definition.h"

namespace docket::engine {

struct PlannedStep {
  StepDefinition def;
  const StepType* type = nullptr;  // owned by the registry, which must outlive the plan
  StepConfig config;
  std::shared_ptr<Step> step;      // shared: a timed-out attempt may still hold it
  std::vector<size_t> deps;        // indices into Plan::steps, sorted
};

struct Plan {
  WorkflowDefinition definition;
  std::vector<PlannedStep> steps;  // topological order

  // Index of the step `id`, or -1.
  int IndexOf(std::string_view id) const;
  const WorkflowInputDefinition* FindInput(std::string_view name) const;
};

// Returns nullopt when `diagnostics` gained any error.
std::optional<Plan> BuildPlan(WorkflowDefinition definition, const StepRegistry& registry,
                              std::vector<Diagnostic>& diagnostics);

}  // namespace docket::engine
