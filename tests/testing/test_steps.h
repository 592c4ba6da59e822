// Fake step types and helpers shared by engine tests and fuzz targets. The fakes are
// small pure functions over "test.text" / "test.number" artifacts, so a test can build
// chains, diamonds and kind mismatches without the feedback domain. FnStep lets a test
// script one step's behaviour (fail, block, rendezvous) with a callback.
//
// Nothing here is global: RegisterTestSteps() fills a registry the caller owns. The
// registered steps are thread-safe as far as the engine needs (Run may be called from any
// executor thread); FnStep callbacks must be thread-safe themselves.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/artifact.h"
#include "engine/base/status.h"
#include "engine/plan.h"
#include "engine/source_pos.h"
#include "engine/step.h"
#include "engine/step_registry.h"

namespace docket::test {

inline constexpr std::string_view kTextKind = "test.text";
inline constexpr std::string_view kNumberKind = "test.number";
inline constexpr std::string_view kTextMediaType = "text/plain";

// A "test.text" / "test.number" artifact holding `text` / the decimal `n`.
engine::Artifact TextArtifact(std::string text, std::string name = "");
engine::Artifact NumberArtifact(int64_t n, std::string name = "");

// The schema of `test.configured`: one field of every ConfigType (see below).
engine::ConfigSchema ConfiguredSchema();

// Registers the standard fakes:
//   test.source      no inputs; config value: string (default ""); out: text = value.
//   test.concat      in: text (multiple), extra: text (optional); config separator: string
//                    (default ""); out: text = all inputs joined by separator.
//   test.upper       in: text; out: text upper-cased.
//   test.length      in: text; out: number = the input's byte length.
//   test.params      no inputs; out: text = "name=value\n" for every run param, sorted.
//   test.seed        no inputs; out: text = the step's seed in decimal.
//   test.configured  no inputs; out: text; a config field of every ConfigType:
//                      label: string, one_of red|green|blue, default "red"
//                      count: int in [0, 100], required
//                      ratio: double in [0, 1], default "0.5"
//                      verbose: bool, default "false"
//                      wait: duration in [0s, 1h], default "1s"
//                      tags: string list
//                      extra: tree
//                    The factory rejects count == 13 via config.ErrorAt("count", ...).
// Errors: whatever StepRegistry::Register returns (e.g. kAlreadyExists on a second call).
Status RegisterTestSteps(engine::StepRegistry& registry);

// A step whose Run is a callback. Used to script failures, blocking and rendezvous.
using StepFn = std::function<StatusOr<engine::StepOutputs>(engine::StepContext&)>;

// Registers step type `type` with the given ports, config schema and behaviour. Every
// instance of the type shares `fn`.
Status RegisterFnStep(engine::StepRegistry& registry, std::string type,
                      std::vector<engine::PortSpec> inputs, std::vector<engine::PortSpec> outputs,
                      StepFn fn, engine::ConfigSchema config = {});

// Port helpers: a required text input / text output named `name`.
engine::PortSpec TextIn(std::string name, bool multiple = false, bool optional = false);
engine::PortSpec TextOut(std::string name);

// Busy-waits (yielding, never sleeping) until the context is cancelled. Engine
// cancellation is a polled flag, so a test step that "blocks until cancelled" spins.
void SpinUntilCancelled(const engine::StepContext& context);

// All diagnostics, one per line (Diagnostic::ToString).
std::string DiagnosticsText(const std::vector<engine::Diagnostic>& diagnostics);

// ParseWorkflow + BuildPlan. On failure returns kInvalidArgument listing every diagnostic.
StatusOr<engine::Plan> PlanFromYaml(std::string_view yaml, const engine::StepRegistry& registry,
                                    std::string_view path = "test.yaml");

}  // namespace docket::test
