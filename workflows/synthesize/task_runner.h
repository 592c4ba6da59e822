// Runs the planned synthesis tasks through the Effects door: one "llm.chat" call per
// task, the answer checked (schema and evidence), one repair attempt for an answer that
// is invalid or truncated, else the plan's fallback answer with the reason. Calls go
// out from a small pool of worker threads (bounded concurrency); results come back in
// plan order, so nothing depends on completion order. The Effects implementation must
// be thread-safe (its contract). RunTasks itself is reentrant.
#pragma once

#include <boost/json/value.hpp>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "engine/effects.h"
#include "workflows/synthesize/prompt_set.h"
#include "workflows/synthesize/synthesis_tasks.h"

namespace docket::workflows::synthesize {

struct ModelSettings {
  std::string step_id;
  bool use_model = true;  // false: every task falls back with reason "model_disabled"
  uint32_t temperature_milli = 200;
  uint32_t max_tokens = 0;
  uint64_t seed = 0;
  size_t concurrency = 4;
};

struct TaskResult {
  boost::json::value answer;  // valid against the task schema, from either source
  std::string source;         // "model" or "fallback"
  std::string reason;         // "valid", "repaired", or why the fallback was used
  std::string outcome;        // the last ChatOutcome name, "none" if no call was made
  uint32_t attempts = 0;      // model calls made (at most 2)
  std::string provider;
  std::string model;
  std::string detail;                 // the provider's detail of the last call
  std::vector<std::string> problems;  // what was wrong with the last answer, if anything
};

// A response whose bytes do not parse falls back with reason "unreadable_response".
// Errors: whatever Effects::Call returns (the call could not be attempted: no handler,
// replay without a recording, egress refused), kInvalidArgument if a prompt cannot be
// rendered (a variable the evidence lacks),
// kCancelled when `cancelled()` turns true (it is called from the worker threads). The first error
// in plan order wins.
[[nodiscard]] StatusOr<std::vector<TaskResult>> RunTasks(engine::Effects& effects,
                                                         const ModelSettings& settings,
                                                         const PromptSet& prompts,
                                                         std::vector<TaskPlan>& plans,
                                                         const std::function<bool()>& cancelled);

}  // namespace docket::workflows::synthesize
