// The `severity` step: scores every record with a severity model (workflows/themes/
// severity.h) and sets its severity level, score and the signals that fired. The model
// is the optional `model` input (kind file.severity_model, a workflow input so its
// digest is in the run manifest), else the bundled model. Records keep their order; the
// output is a pure function of the records and the model. Docs: docs/severity.md.
#pragma once

#include "engine/step_registry.h"

namespace docket::workflows {

engine::StepTypeSpec SeverityStepSpec();
engine::StepFactory SeverityStepFactory();

}  // namespace docket::workflows
