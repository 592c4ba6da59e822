// The synthesis tasks of one run, planned from the evidence: one theme summary per group,
// one release-notes call, one triage ticket per high-risk group and, when a key rule
// fails, one rollback guidance call. Each plan holds the model the prompt and the
// fallback template render, the facts an answer is checked against, and the fallback
// answer itself (built first, so the step can always deliver). Pure; thread-safe.
#pragma once

#include <boost/json/value.hpp>
#include <string>
#include <vector>

#include "engine/artifact.h"
#include "engine/base/status.h"
#include "workflows/synthesize/answer_validator.h"
#include "workflows/synthesize/prompt_set.h"
#include "workflows/synthesize/synthesis_evidence.h"

namespace docket::workflows::synthesize {

inline constexpr char kTaskThemeSummary[] = "theme_summary";
inline constexpr char kTaskReleaseNotes[] = "release_notes";
inline constexpr char kTaskTriageTicket[] = "triage_ticket";
inline constexpr char kTaskRollback[] = "rollback_guidance";

struct TaskPlan {
  std::string task;                // one of the kTask names; also the prompt id
  std::string group;               // the group key, "" for run-wide tasks
  const Prompt* prompt = nullptr;  // borrowed from the PromptSet
  boost::json::value model;        // what the prompt and the fallback template see
  AnswerFacts facts;               // input_text is filled when the prompt is rendered
  boost::json::value fallback;     // the fallback answer, valid against the schema
};

// Plans every task in artifact order: summaries (group order), release notes, tickets
// (group order), rollback. `templates`: the fallback templates ("<task>.json.mustache").
// Errors: kInvalidArgument for a prompt or template missing from the inputs, a template
// that uses a variable the evidence does not define, or a fallback answer that does not
// validate against its schema (a template bug, named).
[[nodiscard]] StatusOr<std::vector<TaskPlan>> PlanTasks(
    const SynthesisEvidence& evidence, const PromptSet& prompts,
    const std::vector<engine::Artifact>& templates);

// The template named `name` among `templates` (by file name). Errors: kInvalidArgument
// listing the templates there are.
[[nodiscard]] StatusOr<const engine::Artifact*> FindTemplate(
    const std::vector<engine::Artifact>& templates, const std::string& name);

}  // namespace docket::workflows::synthesize
