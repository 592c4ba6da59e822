#include "workflows/steps/policy_gate_step.h"

#include <boost/json.hpp>

#include "engine/base/sha256.h"
#include "policies/decision_json.h"
#include "policies/evaluator.h"
#include "policies/evidence_json.h"
#include "policies/policy_parser.h"
#include "workflows/steps/artifact_kinds.h"
#include "workflows/steps/records_artifact.h"

namespace docket::workflows {
namespace {

namespace json = boost::json;
using engine::Diagnostic;

json::value Global(const policies::Evidence& e, const char* name) {
  const auto it = e.globals.find(name);
  return it == e.globals.end() ? json::value(nullptr) : policies::ValueToJson(it->second);
}

class PolicyGateStep final : public engine::Step {
 public:
  StatusOr<engine::StepOutputs> Run(engine::StepContext& ctx) override {
    const auto& policies_in = ctx.inputs("policy");
    if (policies_in.size() != 1) {
      return InvalidArgumentError("policy_gate needs exactly one policy file, got " +
                                  std::to_string(policies_in.size()));
    }
    DOCKET_ASSIGN_OR_RETURN(policies::Policy policy,
                            policies::ParsePolicy(policies_in[0].name, policies_in[0].data()));
    const engine::Artifact& evidence_in = ctx.inputs("evidence")[0];
    DOCKET_ASSIGN_OR_RETURN(policies::Evidence evidence,
                            policies::ParseEvidenceJson("evidence", evidence_in.data()));
    const policies::Decision decision = policies::Evaluate(policy, evidence, ctx.logical_now());
    json::object doc = policies::DecisionToJson(policy, decision);
    doc["schema"] = "docket.decision.v2";
    json::object release;
    release["id"] = Global(evidence, "release.id");
    release["version"] = Global(evidence, "release.version");
    release["evaluate_at"] = Global(evidence, "release.evaluate_at");
    release["product"] = Global(evidence, "product");
    doc["release"] = std::move(release);
    doc["evidence_digest"] = "sha256:" + Sha256(evidence_in.data()).Hex();
    // Covers everything above; approvals bind to it. The decision id and the effective
    // verdict are not here: the ledger assigns the id per run, and approvals recorded
    // later change the effective verdict, never this artifact.
    doc["decision_digest"] = "sha256:" + Sha256(json::serialize(doc)).Hex();
    ctx.SetMetric("rule_instances", static_cast<int64_t>(decision.rules.size()));
    return engine::StepOutputs{
        {"decision", engine::Artifact::Make(kKindDecision, kMediaJson, "gate_decision.json",
                                            JsonToPrettyString(doc))}};
  }
};

}  // namespace

engine::StepTypeSpec PolicyGateStepSpec() {
  engine::StepTypeSpec spec;
  spec.type = "policy_gate";
  spec.doc = "Evaluate a gate policy file against the trends evidence (docs/policies.md).";
  spec.inputs = {{.name = "evidence", .kind = kKindEvidence},
                 {.name = "policy", .kind = kKindPolicyFile, .doc = "a gate policy YAML file"}};
  spec.outputs = {{.name = "decision", .kind = kKindDecision}};
  return spec;
}

engine::StepFactory PolicyGateStepFactory() {
  return [](const engine::StepConfig&, std::vector<Diagnostic>&) {
    return std::make_unique<PolicyGateStep>();
  };
}

}  // namespace docket::workflows
