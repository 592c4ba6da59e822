// Runs one feedback step in isolation: builds its config from YAML text through the
// same schema validation as a workflow, then calls Run with the given inputs.
#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <string>
#include <vector>

#include "engine/base/time_format.h"
#include "engine/step_registry.h"
#include "engine/workflow_parser.h"
#include "workflows/steps/register.h"

namespace docket::workflows::testing {

struct StepHarness {
  engine::StepRegistry registry;
  std::vector<engine::Diagnostic> diagnostics;
  engine::StepConfig config;
  std::unique_ptr<engine::Step> step;
  std::map<std::string, std::string> params;
  Timestamp now = *ParseRfc3339("2026-11-20T00:00:00Z");
  engine::NoEffects effects;
  std::atomic<bool> cancelled{false};
  const RedactionDeps* redaction = nullptr;  // for the redact step

  // Builds the step; returns false (with diagnostics) when the config is rejected.
  bool Build(const std::string& type, const std::string& config_yaml) {
    EXPECT_TRUE(RegisterFeedbackSteps(registry, redaction).ok());
    const engine::StepType* t = registry.Find(type);
    EXPECT_NE(t, nullptr) << type;
    std::optional<engine::ConfigNode> node =
        engine::ParseYamlTree("config.yaml", config_yaml, diagnostics);
    if (!node) return false;
    std::optional<engine::StepConfig> c =
        engine::StepConfig::Build(t->spec.config, *node, {"config.yaml", 1, 1}, diagnostics);
    if (!c) return false;
    config = std::move(*c);
    step = t->factory(config, diagnostics);
    return step != nullptr;
  }

  StatusOr<engine::StepOutputs> Run(std::map<std::string, std::vector<engine::Artifact>> inputs) {
    engine::StepContext ctx("under_test", now, 42, params, config, std::move(inputs), effects,
                            cancelled);
    return step->Run(ctx);
  }

  std::string Errors() const {
    std::string out;
    for (const auto& d : diagnostics) out += d.ToString() + "\n";
    return out;
  }
};

}  // namespace docket::workflows::testing
