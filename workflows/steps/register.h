// RegisterFeedbackSteps adds every feedback step type to a registry. Called explicitly
// from main and from tests (no static registration).
#pragma once

#include "engine/step_registry.h"

namespace docket::workflows {

[[nodiscard]] Status RegisterFeedbackSteps(engine::StepRegistry& registry);

}  // namespace docket::workflows
