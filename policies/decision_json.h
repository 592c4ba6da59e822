// DecisionJson: the canonical JSON form of a policy evaluation (schema
// docket.policy_evaluation.v1, docs/policies.md): the policy's name, version and digest,
// the verdict, score and confidence, every rule instance with its outcome, thresholds as
// written and the evidence it read, and the guards. Deterministic: equal inputs give
// equal bytes. Pure; thread-safe.
#pragma once

#include <boost/json/value.hpp>

#include "policies/evaluator.h"
#include "policies/policy.h"

namespace docket::policies {

// Non-finite numbers (an infinite rate ratio) become the strings "inf", "-inf", "nan".
boost::json::value ValueToJson(const expr::Value& value);

boost::json::object DecisionToJson(const Policy& policy, const Decision& decision);

}  // namespace docket::policies
