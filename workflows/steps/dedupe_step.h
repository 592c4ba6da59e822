// The `dedupe` step: drops exact duplicates and (unless switched off) near-duplicates of
// earlier records, keeping the first record of each group in input order and counting
// the dropped ones on it (FeedbackRecord.duplicate_count), so volume still counts for
// trends. Every dropped record is one line of the `duplicates` artifact:
//   {"id":…,"duplicate_of":…,"similarity":0.8125,"kind":"exact"|"near","file":…,"line":…}
// Grouping is workflows/themes/near_duplicates.h (MinHash + LSH, union-find); config and
// the similarity measure are in docs/workflow-format.md. A pure function of its input
// and config, the same bytes with any `threads`; thread-compatible.
#pragma once

#include "engine/step_registry.h"

namespace docket::workflows {

engine::StepTypeSpec DedupeStepSpec();
engine::StepFactory DedupeStepFactory();

}  // namespace docket::workflows
