// The `redact` step: replaces PII in every free-text field of the feedback records
// (`text` and every `extras` value; ids, timestamps and categorical fields are left
// alone) with the operators of a redaction policy, and records per record what it
// replaced (offsets in the original text, type, detector, validator, score, operator),
// never a raw value. The policy is the optional `policy` input (kind
// file.redaction_policy, a workflow input so its digest is in the run manifest), else
// the bundled default policy. Docs: docs/redaction.md, docs/workflow-format.md.
//
// Per record: the phone region hint is the record's `region` (two letters), else the
// region subtag of its `language` ("de-AT" -> AT), else the policy's region; the data
// subject for tokens is the record id (FeedbackRecord has no customer id field), and
// the vault files it under "customer:<record id>".
//
// The scanner is compiled once per step instance and policy (PiiScanner::Create is the
// expensive part) and shared by later runs; records are redacted sequentially, in input
// order, so the outputs are a pure function of the inputs, the policy and the key.
#pragma once

#include <string>

#include "engine/step_registry.h"
#include "workflows/redact/redactor.h"

namespace docket::workflows {

// What the redact step needs from outside the engine, injected at registration (steps
// never read the environment). Borrowed by the step: the caller keeps it alive as long
// as the registry's plans, may fill it after building the plan, and must not change it
// while a run is in progress.
struct RedactionDeps {
  // The tenant's HMAC key for the pseudonym operator; empty = a policy that pseudonymizes
  // fails the step when it meets such an entity (kFailedPrecondition).
  std::string pseudonym_key;
  // Where the token operator stores raw values; null = the token operator fails the step.
  redact::TokenVault* vault = nullptr;
  // Receives every raw value the step replaced, so the run's egress guard refuses any
  // payload that carries one; null = not collected.
  redact::RawValueRegistry* known_values = nullptr;
};

engine::StepTypeSpec RedactStepSpec();
// `deps` may be null (no key, no vault), e.g. for `docket validate`.
engine::StepFactory RedactStepFactory(const RedactionDeps* deps);

// A short public fingerprint of a pseudonym key (16 hex digits of an HMAC under it), put
// in the evidence so a replay with another key is recognisable; "" for an empty key.
std::string PseudonymKeyId(std::string_view key);

// The phone region hint for `language`/`region` field values, as described above; empty
// if neither gives one (the policy's region then applies).
std::string RegionHintOf(std::string_view region, std::string_view language);

}  // namespace docket::workflows
