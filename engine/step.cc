#include "engine/step.h"

namespace docket::engine {

const PortSpec* StepTypeSpec::FindInput(std::string_view name) const {
  for (const PortSpec& p : inputs) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

const PortSpec* StepTypeSpec::FindOutput(std::string_view name) const {
  for (const PortSpec& p : outputs) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

const std::vector<Artifact>& StepContext::inputs(std::string_view port) const {
  static const std::vector<Artifact> kNone;
  auto it = inputs_.find(std::string(port));
  return it == inputs_.end() ? kNone : it->second;
}

}  // namespace docket::engine
