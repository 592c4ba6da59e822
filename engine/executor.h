// Executor runs a Plan: independent steps in parallel on a fixed-size Boost.Asio thread
// pool, dependents once their inputs exist. It enforces per-step timeouts, retries
// retryable failures with exponential backoff (every attempt is a run event), fails the
// dependents of a failed step while independent branches finish, and honours Cancel().
// Step outputs reach the ArtifactStore only when their step succeeds. The run leaves a
// RunManifest of every digest that determined its outputs.
//
// Threading: Run() blocks its caller, which becomes the run's coordinating thread; steps
// run on the pool. Cancel() may be called from any thread. One Run at a time per object.
#pragma once

#include <atomic>
#include <condition_variable>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "engine/artifact.h"
#include "engine/artifact_store.h"
#include "engine/base/clock.h"
#include "engine/base/status.h"
#include "engine/effects.h"
#include "engine/event_sink.h"
#include "engine/plan.h"
#include "engine/proto/run.pb.h"

namespace docket::engine {

struct RunRequest {
  std::string run_id;
  Timestamp logical_time;  // the run's clock, read once by the caller (or pinned by --as-of)
  // Workflow input name -> files, in the order given. Artifact::name is the file name.
  std::map<std::string, std::vector<Artifact>> inputs;
  // Values for declared params; defaults are applied and required ones checked by Run.
  std::map<std::string, std::string> params;
};

struct ExecutorOptions {
  int threads = 4;
  Clock* clock = nullptr;             // required; monotonic time for timeouts and backoff
  Effects* effects = nullptr;         // required
  EventSink* sink = nullptr;          // optional
  ArtifactStore* store = nullptr;     // optional
  std::string engine_build_id;
};

enum class StepState { kNotRun, kSucceeded, kFailed, kCancelled };
std::string_view StepStateName(StepState state);

struct StepOutcome {
  StepState state = StepState::kNotRun;
  Status error;         // why it failed or was cancelled
  StepOutputs outputs;  // set when it succeeded
  uint32_t attempts = 0;
  std::map<std::string, int64_t> metrics;  // from the successful attempt (metadata)
  bool upstream = false;  // failed or cancelled because a step it depends on did
};

enum class RunStatus { kSucceeded, kFailed, kCancelled };
std::string_view RunStatusName(RunStatus status);

struct RunResult {
  RunStatus status = RunStatus::kSucceeded;
  RunManifest manifest;
  std::map<std::string, StepOutcome> steps;    // by step id
  std::map<std::string, Artifact> outputs;     // workflow outputs by name (succeeded ones)
};

class Executor {
 public:
  explicit Executor(ExecutorOptions options);

  // Errors (before anything runs): kInvalidArgument for a missing or undeclared input
  // or param, or an input file whose kind differs from the declaration. Step failures
  // are not errors of Run: they are reported in RunResult.
  [[nodiscard]] StatusOr<RunResult> Run(const Plan& plan, RunRequest request);

  // Stops launching steps, signals running ones through StepContext::cancelled(), and
  // makes Run return kCancelled once they have returned. Thread-safe, but must not be
  // called from an EventSink (events are emitted under the executor's lock).
  void Cancel();

 private:
  ExecutorOptions options_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::atomic<bool> cancel_requested_{false};
};

}  // namespace docket::engine
