// Step: the unit of work in a workflow. A step type declares its input and output ports
// and config schema (StepTypeSpec); an instance reads input artifacts and config through
// its StepContext and returns output artifacts. Steps must be pure functions of what
// the context gives them: time, seed, params and the outside world come only from it.
// Run() may be called from any executor thread. Usually once at a time per instance,
// but a retry after a timeout may start while the abandoned attempt is still returning,
// so Run() must not mutate the Step object (keep per-run state on the stack).
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/artifact.h"
#include "engine/base/clock.h"
#include "engine/base/status.h"
#include "engine/effects.h"
#include "engine/step_config.h"

namespace docket::engine {

struct PortSpec {
  std::string name;
  std::string kind;       // artifact kind the port carries
  bool multiple = false;  // input only: accepts a list of artifacts
  bool optional = false;  // input only: may be left unconnected
  std::string doc;
};

struct StepTypeSpec {
  std::string type;
  std::string doc;
  std::vector<PortSpec> inputs;
  std::vector<PortSpec> outputs;
  ConfigSchema config;

  const PortSpec* FindInput(std::string_view name) const;
  const PortSpec* FindOutput(std::string_view name) const;
};

using StepOutputs = std::map<std::string, Artifact>;  // output port -> artifact

class StepContext {
 public:
  StepContext(std::string step_id, Timestamp logical_now, uint64_t seed,
              const std::map<std::string, std::string>& params, const StepConfig& config,
              std::map<std::string, std::vector<Artifact>> inputs, Effects& effects,
              const std::atomic<bool>& cancelled)
      : step_id_(std::move(step_id)),
        logical_now_(logical_now),
        seed_(seed),
        params_(params),
        config_(config),
        inputs_(std::move(inputs)),
        effects_(effects),
        cancelled_(cancelled) {}

  const std::string& step_id() const { return step_id_; }
  // The run's logical clock: read once per run, identical for every step.
  Timestamp logical_now() const { return logical_now_; }
  // Derived from the run's content and this step's id: the same on rerun and replay.
  uint64_t seed() const { return seed_; }
  const StepConfig& config() const { return config_; }
  // Run parameters (e.g. "release"), sorted by name.
  const std::map<std::string, std::string>& params() const { return params_; }
  // Artifacts connected to input `port`, in the order the workflow lists them; empty
  // for an unconnected optional port.
  const std::vector<Artifact>& inputs(std::string_view port) const;
  Effects& effects() { return effects_; }
  // True once the run is cancelled or this attempt timed out; long loops should check
  // it and return CancelledError.
  bool cancelled() const { return cancelled_.load(std::memory_order_relaxed); }

  // Counters about the work done (e.g. "records", "input_bytes") for progress output
  // and run events. They never feed an artifact. Call from the step's own thread.
  void SetMetric(const std::string& name, int64_t value) { metrics_[name] = value; }
  const std::map<std::string, int64_t>& metrics() const { return metrics_; }

 private:
  std::string step_id_;
  Timestamp logical_now_;
  uint64_t seed_;
  const std::map<std::string, std::string>& params_;
  const StepConfig& config_;
  std::map<std::string, std::vector<Artifact>> inputs_;
  Effects& effects_;
  const std::atomic<bool>& cancelled_;
  std::map<std::string, int64_t> metrics_;
};

class Step {
 public:
  virtual ~Step() = default;
  // Returns one artifact per declared output port. Errors: kUnavailable or
  // kDeadlineExceeded are retried per the step's retry policy; others fail the step.
  [[nodiscard]] virtual StatusOr<StepOutputs> Run(StepContext& context) = 0;
};

}  // namespace docket::engine
