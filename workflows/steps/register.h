// RegisterFeedbackSteps adds every feedback step type to a registry. Called explicitly
// from main and from tests (no static registration).
#pragma once

#include "engine/step_registry.h"
#include "workflows/steps/redact_step.h"

namespace docket::workflows {

// `redaction` (borrowed; see RedactionDeps for when it may be filled) gives the redact
// step its pseudonym key and token vault; null means neither (enough for validation,
// and for policies that only use placeholders, masks and drops).
[[nodiscard]] Status RegisterFeedbackSteps(engine::StepRegistry& registry,
                                           const RedactionDeps* redaction = nullptr);

}  // namespace docket::workflows
