// The `ingest` step: parses raw feedback files (CSV, JSONL) into canonical records with
// the field mapping declared in its config, and sends every unusable row to a
// quarantine artifact with file, line, field and reason. Pure; see ingest/ingest.h.
#pragma once

#include "engine/step_registry.h"

namespace docket::workflows {

engine::StepTypeSpec IngestStepSpec();
engine::StepFactory IngestStepFactory();

}  // namespace docket::workflows
