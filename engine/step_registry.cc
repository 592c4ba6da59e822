#include "engine/step_registry.h"

#include <set>

namespace docket::engine {

Status StepRegistry::Register(StepTypeSpec spec, StepFactory factory) {
  if (types_.count(spec.type) != 0) {
    return AlreadyExistsError("step type `" + spec.type + "` is already registered");
  }
  std::set<std::string> seen;
  for (const auto& p : spec.inputs) {
    if (!seen.insert("in:" + p.name).second) {
      return InvalidArgumentError("step type `" + spec.type + "` repeats input " + p.name);
    }
  }
  for (const auto& p : spec.outputs) {
    if (!seen.insert("out:" + p.name).second) {
      return InvalidArgumentError("step type `" + spec.type + "` repeats output " + p.name);
    }
  }
  for (const auto& f : spec.config.fields) {
    if (!seen.insert("cfg:" + f.name).second) {
      return InvalidArgumentError("step type `" + spec.type + "` repeats config " + f.name);
    }
  }
  std::string name = spec.type;
  types_.emplace(std::move(name), StepType{std::move(spec), std::move(factory)});
  return Status::Ok();
}

const StepType* StepRegistry::Find(std::string_view type) const {
  auto it = types_.find(type);
  return it == types_.end() ? nullptr : &it->second;
}

std::vector<std::string> StepRegistry::TypeNames() const {
  std::vector<std::string> names;
  for (const auto& [name, type] : types_) names.push_back(name);
  return names;
}

}  // namespace docket::engine
