#include "engine/plan.h"

#include <map>
#include <set>

#include "engine/base/closest_name.h"

namespace docket::engine {
namespace {

std::string JoinNames(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

std::string Suggest(std::string_view name, const std::vector<std::string>& candidates) {
  if (auto best = ClosestName(name, candidates)) {
    return "did you mean `" + *best + "`? known: " + JoinNames(candidates);
  }
  return "known: " + JoinNames(candidates);
}

class PlanBuilder {
 public:
  PlanBuilder(const StepRegistry& registry, std::vector<Diagnostic>& diags)
      : registry_(registry), diags_(diags) {}

  std::optional<Plan> Build(WorkflowDefinition def) {
    const size_t before = diags_.size();
    CheckUniqueness(def);
    std::vector<PlannedStep> steps;
    for (const StepDefinition& s : def.steps) steps.push_back(PlanStep(s));
    for (size_t i = 0; i < steps.size(); ++i) CheckInputs(def, steps, i);
    CheckOutputs(def, steps);
    CheckParams(def);
    if (diags_.size() != before) return std::nullopt;
    std::vector<size_t> order;
    if (!TopologicalOrder(steps, order)) return std::nullopt;
    Plan plan;
    plan.definition = std::move(def);
    // Re-index dependencies into the sorted order.
    std::vector<size_t> position(steps.size());
    for (size_t p = 0; p < order.size(); ++p) position[order[p]] = p;
    for (size_t p = 0; p < order.size(); ++p) {
      PlannedStep step = std::move(steps[order[p]]);
      for (size_t& d : step.deps) d = position[d];
      std::sort(step.deps.begin(), step.deps.end());
      plan.steps.push_back(std::move(step));
    }
    return plan;
  }

 private:
  void Error(const SourcePos& pos, std::string message, std::string hint = {}) {
    diags_.push_back({pos, std::move(message), std::move(hint)});
  }

  void CheckUniqueness(const WorkflowDefinition& def) {
    std::map<std::string, SourcePos> ids;
    for (const StepDefinition& s : def.steps) {
      if (s.id.empty()) continue;
      auto [it, inserted] = ids.emplace(s.id, s.pos);
      if (!inserted) {
        Error(s.pos, "duplicate step id `" + s.id + "`",
              "first defined at " + it->second.ToString() + "; ids must be unique");
      }
      id_to_index_.emplace(s.id, &s - def.steps.data());
    }
    std::set<std::string> outputs;
    for (const OutputDefinition& o : def.outputs) {
      if (!outputs.insert(o.name).second) {
        Error(o.ref.pos, "duplicate output name `" + o.name + "`");
      }
    }
  }

  PlannedStep PlanStep(const StepDefinition& s) {
    PlannedStep planned;
    planned.def = s;
    planned.type = registry_.Find(s.type);
    if (planned.type == nullptr) {
      if (!s.type.empty()) {
        Error(s.type_pos, "unknown step type `" + s.type + "` in step `" + s.id + "`",
              Suggest(s.type, registry_.TypeNames()));
      }
      return planned;
    }
    const size_t before = diags_.size();
    std::optional<StepConfig> config =
        StepConfig::Build(planned.type->spec.config, s.config, s.pos, diags_);
    if (!config) return planned;
    planned.config = std::move(*config);
    planned.step = planned.type->factory(planned.config, diags_);
    if (planned.step == nullptr && diags_.size() == before) {
      Error(s.pos, "step `" + s.id + "` of type `" + s.type + "` could not be built");
    }
    return planned;
  }

  // Finds the kind a reference produces, adding a diagnostic if it does not resolve.
  std::optional<std::string> ResolveKind(const WorkflowDefinition& def,
                                         const std::vector<PlannedStep>& steps,
                                         const InputRef& ref, std::optional<size_t>& producer) {
    producer.reset();
    if (ref.IsWorkflowInput()) {
      for (const auto& in : def.inputs) {
        if (in.name == ref.port) return in.kind;
      }
      std::vector<std::string> names;
      for (const auto& in : def.inputs) names.push_back(in.name);
      Error(ref.pos, "no workflow input named `" + ref.port + "`",
            names.empty() ? "declare it under `inputs:`" : Suggest(ref.port, names));
      return std::nullopt;
    }
    auto it = id_to_index_.find(ref.source);
    if (it == id_to_index_.end()) {
      std::vector<std::string> ids;
      for (const auto& [id, idx] : id_to_index_) ids.push_back(id);
      Error(ref.pos, "reference `" + ref.ToString() + "` names no step `" + ref.source + "`",
            Suggest(ref.source, ids));
      return std::nullopt;
    }
    producer = it->second;
    const PlannedStep& source = steps[it->second];
    if (source.type == nullptr) return std::nullopt;  // already reported
    const PortSpec* port = source.type->spec.FindOutput(ref.port);
    if (port == nullptr) {
      std::vector<std::string> names;
      for (const auto& p : source.type->spec.outputs) names.push_back(p.name);
      Error(ref.pos, "step `" + ref.source + "` (type `" + source.def.type +
                         "`) has no output `" + ref.port + "`",
            Suggest(ref.port, names));
      return std::nullopt;
    }
    return port->kind;
  }

  void CheckInputs(const WorkflowDefinition& def, std::vector<PlannedStep>& steps, size_t i) {
    PlannedStep& step = steps[i];
    if (step.type == nullptr) return;
    const StepTypeSpec& spec = step.type->spec;
    std::set<std::string> connected;
    for (const auto& [port_name, refs] : step.def.inputs) {
      const PortSpec* port = spec.FindInput(port_name);
      const SourcePos pos = refs.empty() ? step.def.pos : refs.front().pos;
      if (port == nullptr) {
        std::vector<std::string> names;
        for (const auto& p : spec.inputs) names.push_back(p.name);
        Error(pos, "step `" + step.def.id + "` (type `" + spec.type + "`) has no input `" +
                       port_name + "`",
              names.empty() ? "this step type takes no inputs" : Suggest(port_name, names));
        continue;
      }
      connected.insert(port_name);
      if (!port->multiple && refs.size() != 1) {
        Error(pos, "input `" + port_name + "` of step `" + step.def.id +
                       "` takes exactly one reference, got " + std::to_string(refs.size()));
      }
      for (const InputRef& ref : refs) {
        std::optional<size_t> producer;
        std::optional<std::string> kind = ResolveKind(def, steps, ref, producer);
        if (producer && *producer == i) {
          Error(ref.pos, "step `" + step.def.id + "` reads its own output `" + ref.ToString() +
                             "`");
          continue;
        }
        if (kind && *kind != port->kind) {
          Error(ref.pos, "input `" + port_name + "` of step `" + step.def.id + "` expects `" +
                             port->kind + "` but `" + ref.ToString() + "` is `" + *kind + "`",
                "connect an output of kind `" + port->kind + "`");
        }
        if (producer) step.deps.push_back(*producer);
      }
    }
    for (const PortSpec& port : spec.inputs) {
      if (!port.optional && connected.count(port.name) == 0) {
        Error(step.def.pos, "step `" + step.def.id + "` leaves required input `" + port.name +
                                "` (" + port.kind + ") unconnected",
              "add `" + port.name + ": STEP.PORT` under its `inputs:`");
      }
    }
    std::sort(step.deps.begin(), step.deps.end());
    step.deps.erase(std::unique(step.deps.begin(), step.deps.end()), step.deps.end());
  }

  void CheckOutputs(const WorkflowDefinition& def, const std::vector<PlannedStep>& steps) {
    for (const OutputDefinition& o : def.outputs) {
      if (o.ref.IsWorkflowInput()) {
        Error(o.ref.pos, "output `" + o.name + "` must name a step output, not an input");
        continue;
      }
      std::optional<size_t> producer;
      ResolveKind(def, steps, o.ref, producer);
    }
  }

  void CheckParams(const WorkflowDefinition& def) {
    std::set<std::string> names;
    for (const ParamDefinition& p : def.params) {
      if (!names.insert(p.name).second) Error(p.pos, "duplicate param `" + p.name + "`");
      if (p.required && p.default_value) {
        Error(p.pos, "param `" + p.name + "` is required and has a default",
              "drop one of them");
      }
    }
    if (def.schedule) {
      for (const auto& [k, v] : def.schedule->params) {
        if (names.count(k) == 0) {
          Error(def.schedule->pos, "schedule sets undeclared param `" + k + "`",
                "declare it under `params:`");
        }
      }
    }
  }

  // Kahn's algorithm, always taking the lowest declaration index that is ready.
  bool TopologicalOrder(const std::vector<PlannedStep>& steps, std::vector<size_t>& order) {
    std::vector<size_t> pending(steps.size());
    std::vector<std::vector<size_t>> users(steps.size());
    for (size_t i = 0; i < steps.size(); ++i) {
      pending[i] = steps[i].deps.size();
      for (size_t d : steps[i].deps) users[d].push_back(i);
    }
    std::set<size_t> ready;
    for (size_t i = 0; i < steps.size(); ++i) {
      if (pending[i] == 0) ready.insert(i);
    }
    while (!ready.empty()) {
      const size_t next = *ready.begin();
      ready.erase(ready.begin());
      order.push_back(next);
      for (size_t u : users[next]) {
        if (--pending[u] == 0) ready.insert(u);
      }
    }
    if (order.size() == steps.size()) return true;
    ReportCycle(steps, pending);
    return false;
  }

  void ReportCycle(const std::vector<PlannedStep>& steps, const std::vector<size_t>& pending) {
    // Walk dependencies among unfinished steps until one repeats: that loop is a cycle.
    size_t start = 0;
    while (pending[start] == 0) ++start;
    std::vector<size_t> path;
    std::vector<int> seen_at(steps.size(), -1);
    size_t at = start;
    while (seen_at[at] < 0) {
      seen_at[at] = static_cast<int>(path.size());
      path.push_back(at);
      for (size_t d : steps[at].deps) {
        if (pending[d] != 0) {
          at = d;
          break;
        }
      }
    }
    std::string cycle;
    for (size_t k = seen_at[at]; k < path.size(); ++k) cycle += steps[path[k]].def.id + " <- ";
    cycle += steps[at].def.id;
    Error(steps[at].def.pos, "steps form a cycle: " + cycle,
          "a step cannot depend, directly or not, on its own output");
  }

  const StepRegistry& registry_;
  std::vector<Diagnostic>& diags_;
  std::map<std::string, size_t> id_to_index_;
};

}  // namespace

int Plan::IndexOf(std::string_view id) const {
  for (size_t i = 0; i < steps.size(); ++i) {
    if (steps[i].def.id == id) return static_cast<int>(i);
  }
  return -1;
}

const WorkflowInputDefinition* Plan::FindInput(std::string_view name) const {
  for (const auto& in : definition.inputs) {
    if (in.name == name) return &in;
  }
  return nullptr;
}

std::optional<Plan> BuildPlan(WorkflowDefinition definition, const StepRegistry& registry,
                              std::vector<Diagnostic>& diagnostics) {
  return PlanBuilder(registry, diagnostics).Build(std::move(definition));
}

}  // namespace docket::engine
