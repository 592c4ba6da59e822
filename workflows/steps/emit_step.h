// The `emit` step: turns the gate decision and its evidence into what people read: the
// final decision JSON (with a data-quality summary), a Markdown report and release
// notes, rendered from Mustache templates that are workflow inputs (so their digests
// are part of the run). Pure; rendering never reads files itself.
#pragma once

#include "engine/step_registry.h"

namespace docket::workflows {

engine::StepTypeSpec EmitStepSpec();
engine::StepFactory EmitStepFactory();

}  // namespace docket::workflows
