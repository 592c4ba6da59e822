#include "tests/testing/test_steps.h"

#include <cctype>
#include <memory>
#include <thread>
#include <utility>

#include "engine/workflow_parser.h"

namespace docket::test {
namespace {

using engine::ConfigField;
using engine::ConfigSchema;
using engine::ConfigType;
using engine::Diagnostic;
using engine::PortSpec;
using engine::Step;
using engine::StepConfig;
using engine::StepContext;
using engine::StepOutputs;
using engine::StepRegistry;
using engine::StepTypeSpec;

class SourceStep final : public Step {
 public:
  explicit SourceStep(std::string value) : value_(std::move(value)) {}
  StatusOr<StepOutputs> Run(StepContext&) override {
    return StepOutputs{{"out", TextArtifact(value_)}};
  }

 private:
  std::string value_;
};

class ConcatStep final : public Step {
 public:
  explicit ConcatStep(std::string separator) : separator_(std::move(separator)) {}
  StatusOr<StepOutputs> Run(StepContext& context) override {
    std::string out;
    bool first = true;
    for (std::string_view port : {"in", "extra"}) {
      for (const engine::Artifact& a : context.inputs(port)) {
        if (!first) out += separator_;
        first = false;
        out += a.data();
      }
    }
    return StepOutputs{{"out", TextArtifact(std::move(out))}};
  }

 private:
  std::string separator_;
};

class UpperStep final : public Step {
 public:
  StatusOr<StepOutputs> Run(StepContext& context) override {
    const auto& in = context.inputs("in");
    if (in.size() != 1) return InternalError("test.upper expects one input");
    std::string text = in.front().data();
    for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return StepOutputs{{"out", TextArtifact(std::move(text))}};
  }
};

class LengthStep final : public Step {
 public:
  StatusOr<StepOutputs> Run(StepContext& context) override {
    const auto& in = context.inputs("in");
    if (in.size() != 1) return InternalError("test.length expects one input");
    return StepOutputs{{"out", NumberArtifact(static_cast<int64_t>(in.front().data().size()))}};
  }
};

class ParamsStep final : public Step {
 public:
  StatusOr<StepOutputs> Run(StepContext& context) override {
    std::string out;
    for (const auto& [name, value] : context.params()) out += name + "=" + value + "\n";
    return StepOutputs{{"out", TextArtifact(std::move(out))}};
  }
};

class SeedStep final : public Step {
 public:
  StatusOr<StepOutputs> Run(StepContext& context) override {
    return StepOutputs{{"out", TextArtifact(std::to_string(context.seed()))}};
  }
};

class ConfiguredStep final : public Step {
 public:
  explicit ConfiguredStep(std::string canonical) : canonical_(std::move(canonical)) {}
  StatusOr<StepOutputs> Run(StepContext&) override {
    return StepOutputs{{"out", TextArtifact(canonical_)}};
  }

 private:
  std::string canonical_;
};

class FnStep final : public Step {
 public:
  explicit FnStep(StepFn fn) : fn_(std::move(fn)) {}
  StatusOr<StepOutputs> Run(StepContext& context) override { return fn_(context); }

 private:
  StepFn fn_;
};


template <typename S>
engine::StepFactory Simple() {
  return [](const StepConfig&, std::vector<Diagnostic>&) -> std::unique_ptr<Step> {
    return std::make_unique<S>();
  };
}

}  // namespace

ConfigSchema ConfiguredSchema() {
  ConfigSchema schema;
  schema.fields = {
      {.name = "label",
       .type = ConfigType::kString,
       .default_value = "red",
       .one_of = {"red", "green", "blue"}},
      {.name = "count",
       .type = ConfigType::kInt,
       .required = true,
       .doc = "how many rows",
       .min = 0,
       .max = 100},
      {.name = "ratio", .type = ConfigType::kDouble, .default_value = "0.5", .min = 0, .max = 1},
      {.name = "verbose", .type = ConfigType::kBool, .default_value = "false"},
      {.name = "wait", .type = ConfigType::kDuration, .default_value = "1s", .min = 0, .max = 3600},
      {.name = "tags", .type = ConfigType::kStringList},
      {.name = "extra", .type = ConfigType::kTree},
  };
  return schema;
}

engine::Artifact TextArtifact(std::string text, std::string name) {
  return engine::Artifact::Make(std::string(kTextKind), std::string(kTextMediaType),
                                std::move(name), std::move(text));
}

engine::Artifact NumberArtifact(int64_t n, std::string name) {
  return engine::Artifact::Make(std::string(kNumberKind), std::string(kTextMediaType),
                                std::move(name), std::to_string(n));
}

PortSpec TextIn(std::string name, bool multiple, bool optional) {
  return PortSpec{.name = std::move(name),
                  .kind = std::string(kTextKind),
                  .multiple = multiple,
                  .optional = optional};
}

PortSpec TextOut(std::string name) {
  return PortSpec{.name = std::move(name), .kind = std::string(kTextKind)};
}

Status RegisterTestSteps(StepRegistry& registry) {
  const std::string text(kTextKind);
  const std::string number(kNumberKind);
  {
    StepTypeSpec spec{.type = "test.source", .doc = "emits its config value"};
    spec.outputs = {TextOut("out")};
    spec.config.fields = {{.name = "value", .type = ConfigType::kString, .default_value = ""}};
    DOCKET_RETURN_IF_ERROR(
        registry.Register(std::move(spec), [](const StepConfig& config, std::vector<Diagnostic>&) {
          return std::make_unique<SourceStep>(config.GetString("value"));
        }));
  }
  {
    StepTypeSpec spec{.type = "test.concat", .doc = "joins its inputs"};
    spec.inputs = {TextIn("in", /*multiple=*/true), TextIn("extra", false, /*optional=*/true)};
    spec.outputs = {TextOut("out")};
    spec.config.fields = {{.name = "separator", .type = ConfigType::kString, .default_value = ""}};
    DOCKET_RETURN_IF_ERROR(
        registry.Register(std::move(spec), [](const StepConfig& config, std::vector<Diagnostic>&) {
          return std::make_unique<ConcatStep>(config.GetString("separator"));
        }));
  }
  {
    StepTypeSpec spec{.type = "test.upper", .doc = "upper-cases its input"};
    spec.inputs = {TextIn("in")};
    spec.outputs = {TextOut("out")};
    DOCKET_RETURN_IF_ERROR(registry.Register(std::move(spec), Simple<UpperStep>()));
  }
  {
    StepTypeSpec spec{.type = "test.length", .doc = "counts bytes"};
    spec.inputs = {TextIn("in")};
    spec.outputs = {PortSpec{.name = "out", .kind = number}};
    DOCKET_RETURN_IF_ERROR(registry.Register(std::move(spec), Simple<LengthStep>()));
  }
  {
    StepTypeSpec spec{.type = "test.params", .doc = "lists run params"};
    spec.outputs = {TextOut("out")};
    DOCKET_RETURN_IF_ERROR(registry.Register(std::move(spec), Simple<ParamsStep>()));
  }
  {
    StepTypeSpec spec{.type = "test.seed", .doc = "prints its seed"};
    spec.outputs = {TextOut("out")};
    DOCKET_RETURN_IF_ERROR(registry.Register(std::move(spec), Simple<SeedStep>()));
  }
  {
    StepTypeSpec spec{.type = "test.configured", .doc = "every config type"};
    spec.outputs = {TextOut("out")};
    spec.config = ConfiguredSchema();
    DOCKET_RETURN_IF_ERROR(registry.Register(
        std::move(spec),
        [](const StepConfig& config, std::vector<Diagnostic>& diags) -> std::unique_ptr<Step> {
          if (config.GetInt("count") == 13) {
            diags.push_back(config.ErrorAt("count", "13 is unlucky", "pick another count"));
            return nullptr;
          }
          return std::make_unique<ConfiguredStep>(config.canonical_bytes());
        }));
  }
  return Status::Ok();
}

Status RegisterFnStep(StepRegistry& registry, std::string type, std::vector<PortSpec> inputs,
                      std::vector<PortSpec> outputs, StepFn fn, ConfigSchema config) {
  StepTypeSpec spec{.type = std::move(type), .doc = "scripted by a test"};
  spec.inputs = std::move(inputs);
  spec.outputs = std::move(outputs);
  spec.config = std::move(config);
  auto shared = std::make_shared<StepFn>(std::move(fn));
  return registry.Register(std::move(spec), [shared](const StepConfig&, std::vector<Diagnostic>&) {
    return std::make_unique<FnStep>(*shared);
  });
}

void SpinUntilCancelled(const StepContext& context) {
  while (!context.cancelled()) std::this_thread::yield();
}

std::string DiagnosticsText(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics) {
    if (!out.empty()) out += '\n';
    out += d.ToString();
  }
  return out;
}

StatusOr<engine::Plan> PlanFromYaml(std::string_view yaml, const StepRegistry& registry,
                                    std::string_view path) {
  std::vector<Diagnostic> diags;
  std::optional<engine::WorkflowDefinition> def = engine::ParseWorkflow(path, yaml, diags);
  if (def) {
    std::optional<engine::Plan> plan = engine::BuildPlan(std::move(*def), registry, diags);
    if (plan) return std::move(*plan);
  }
  if (diags.empty()) return InternalError("failed without a diagnostic");
  return engine::DiagnosticsToStatus(diags);
}

}  // namespace docket::test
