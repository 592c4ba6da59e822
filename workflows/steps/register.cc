#include "workflows/steps/register.h"

#include "workflows/steps/dedupe_step.h"
#include "workflows/steps/emit_step.h"
#include "workflows/steps/ingest_step.h"
#include "workflows/steps/policy_gate_step.h"
#include "workflows/steps/record_steps.h"
#include "workflows/steps/redact_step.h"
#include "workflows/steps/severity_step.h"
#include "workflows/steps/themes_step.h"
#include "workflows/steps/trends_step.h"
#include "workflows/steps/synthesize_step.h"

namespace docket::workflows {

Status RegisterFeedbackSteps(engine::StepRegistry& registry, const RedactionDeps* redaction) {
  DOCKET_RETURN_IF_ERROR(registry.Register(IngestStepSpec(), IngestStepFactory()));
  DOCKET_RETURN_IF_ERROR(registry.Register(NormalizeStepSpec(), NormalizeStepFactory()));
  DOCKET_RETURN_IF_ERROR(registry.Register(RedactStepSpec(), RedactStepFactory(redaction)));
  DOCKET_RETURN_IF_ERROR(registry.Register(DedupeStepSpec(), DedupeStepFactory()));
  DOCKET_RETURN_IF_ERROR(registry.Register(SeverityStepSpec(), SeverityStepFactory()));
  DOCKET_RETURN_IF_ERROR(registry.Register(ThemesStepSpec(), ThemesStepFactory()));
  DOCKET_RETURN_IF_ERROR(registry.Register(TrendsStepSpec(), TrendsStepFactory()));
  DOCKET_RETURN_IF_ERROR(registry.Register(PolicyGateStepSpec(), PolicyGateStepFactory()));
  DOCKET_RETURN_IF_ERROR(registry.Register(SynthesizeStepSpec(), SynthesizeStepFactory()));
  DOCKET_RETURN_IF_ERROR(registry.Register(EmitStepSpec(), EmitStepFactory()));
  return Status::Ok();
}

}  // namespace docket::workflows
