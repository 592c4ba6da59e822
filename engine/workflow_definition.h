// WorkflowDefinition: a workflow file as written, with source positions, before it is
// checked against the step registry (see plan.h for the validated form). Value type;
// thread-compatible. The file format is documented in docs/workflow-format.md.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/base/sha256.h"
#include "engine/config_node.h"
#include "engine/source_pos.h"
#include "engine/step_config.h"

namespace docket::engine {

// "inputs.NAME" (a workflow input) or "STEP.PORT" (another step's output).
struct InputRef {
  std::string source;  // "inputs" or a step id
  std::string port;    // input name or output port
  SourcePos pos;

  bool IsWorkflowInput() const { return source == "inputs"; }
  std::string ToString() const { return source + "." + port; }
};

struct RetryPolicy {
  int max_attempts = 1;  // 1 = no retry
  Duration initial_backoff = std::chrono::milliseconds(200);
  Duration max_backoff = std::chrono::seconds(10);
  double multiplier = 2.0;
};

struct StepDefinition {
  std::string id;
  std::string type;
  std::vector<std::pair<std::string, std::vector<InputRef>>> inputs;  // port -> refs
  ConfigNode config;
  RetryPolicy retry;
  std::optional<Duration> timeout;
  SourcePos pos;
  SourcePos type_pos;
};

struct WorkflowInputDefinition {
  std::string name;
  std::string kind;                   // artifact kind given to every file of this input
  std::vector<std::string> defaults;  // file paths relative to the workflow file
  std::string doc;
  SourcePos pos;
};

struct ParamDefinition {
  std::string name;
  std::optional<std::string> default_value;
  bool required = false;
  std::string doc;
  SourcePos pos;
};

struct OutputDefinition {
  std::string name;  // file stem users see, e.g. "decision"
  InputRef ref;      // the step output published under that name
};

struct ScheduleDefinition {
  std::string cron;               // five fields: minute hour day-of-month month day-of-week
  std::string timezone = "UTC";   // "UTC" or a fixed offset "+02:00"
  std::vector<std::pair<std::string, std::string>> params;  // run params for scheduled runs
  SourcePos pos;
};

struct WorkflowDefinition {
  std::string path;    // as given to the parser
  std::string bytes;   // the exact file bytes
  Sha256Digest digest; // SHA-256 of `bytes`
  int version = 0;
  std::string name;
  std::string description;
  std::vector<ParamDefinition> params;
  std::vector<WorkflowInputDefinition> inputs;
  std::vector<StepDefinition> steps;
  std::vector<OutputDefinition> outputs;
  std::optional<ScheduleDefinition> schedule;
};

}  // namespace docket::engine
