// StepRegistry: the step types a workflow may use. Filled by explicit Register…() calls
// from main and from tests (no static registration). Register before use; afterwards
// the registry is read-only and safe to share between threads.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/source_pos.h"
#include "engine/step.h"

namespace docket::engine {

// Builds a step from its validated config. Semantic config problems (beyond the schema)
// are reported as diagnostics via config.ErrorAt(), and the factory returns nullptr.
using StepFactory = std::function<std::unique_ptr<Step>(const StepConfig& config,
                                                        std::vector<Diagnostic>& diagnostics)>;

struct StepType {
  StepTypeSpec spec;
  StepFactory factory;
};

class StepRegistry {
 public:
  // Errors: kAlreadyExists for a duplicate type name; kInvalidArgument for a spec with
  // duplicate port or config names.
  [[nodiscard]] Status Register(StepTypeSpec spec, StepFactory factory);

  const StepType* Find(std::string_view type) const;
  std::vector<std::string> TypeNames() const;  // sorted

 private:
  std::map<std::string, StepType, std::less<>> types_;
};

}  // namespace docket::engine
