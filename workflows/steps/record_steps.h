// Record-to-record steps of the feedback pipeline:
//   normalize  canonical text and field values (NFC, trimmed, lowercase ids; ingest/normalize.h)
// (The dedupe step is in dedupe_step.h.)
// All pure functions of their inputs and config; thread-compatible.
#pragma once

#include "engine/step_registry.h"

namespace docket::workflows {

engine::StepTypeSpec NormalizeStepSpec();
engine::StepFactory NormalizeStepFactory();

}  // namespace docket::workflows
