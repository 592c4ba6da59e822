// The `synthesize` step (docs/synthesis.md): theme summaries, customer-facing release
// notes, triage ticket drafts and rollback guidance written by a model through the
// Effects door ("llm.chat") from the redacted evidence only, each answer validated
// (schema and evidence) with one repair attempt, else built by the deterministic
// template fallback. Prompts (with their manifest and schemas) and fallback templates
// are workflow inputs, so their bytes are part of the run. Optionally posts the ticket
// drafts to a tracker ("webhook.post"). Run() keeps all state on the stack.
#pragma once

#include "engine/step_registry.h"

namespace docket::workflows {

engine::StepTypeSpec SynthesizeStepSpec();
engine::StepFactory SynthesizeStepFactory();

}  // namespace docket::workflows
