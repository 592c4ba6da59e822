// The synthesize step's output documents, assembled in plan order from the evidence,
// the task plans and their results: summaries.json, tickets.json, rollback.json,
// synthesis.json (the per-task manifest, with the release notes' structured answer) and
// release-notes.md. Every JSON artifact
// carries, per item, a `generated_by` object {source, reason, prompt {id, version,
// digest}, provider, model, attempts}; the Markdown states its source in a visible line.
// Pure; thread-safe.
#pragma once

#include <boost/json/object.hpp>
#include <string>
#include <vector>

#include "engine/artifact.h"
#include "engine/base/status.h"
#include "workflows/synthesize/synthesis_evidence.h"
#include "workflows/synthesize/synthesis_tasks.h"
#include "workflows/synthesize/task_runner.h"

namespace docket::workflows::synthesize {

inline constexpr char kSummariesSchema[] = "docket.synthesis.summaries.v1";
inline constexpr char kTicketsSchema[] = "docket.synthesis.tickets.v1";
inline constexpr char kRollbackSchema[] = "docket.synthesis.rollback.v1";
inline constexpr char kManifestSchema[] = "docket.synthesis.v1";

struct SynthesisDocuments {
  boost::json::object summaries;
  boost::json::object tickets;  // each ticket's `posted` is null until a sink answers
  boost::json::object rollback;
  boost::json::object manifest;
  std::string release_notes;  // Markdown
};

// `plans` and `results` are parallel. `templates` holds release_notes.md.mustache.
// `rollback_prompt` names the prompt the (absent) rollback task would use, for the
// not-required case. Errors: kInvalidArgument if the Markdown template is missing or
// uses a variable the model lacks.
[[nodiscard]] StatusOr<SynthesisDocuments> AssembleDocuments(
    const SynthesisEvidence& evidence, const std::vector<TaskPlan>& plans,
    const std::vector<TaskResult>& results, const std::vector<engine::Artifact>& templates,
    const PromptRef& rollback_prompt);

boost::json::object GeneratedBy(const PromptRef& prompt, const TaskResult& result);

}  // namespace docket::workflows::synthesize
