// ReferenceTokenVault: the redactor's token operator during a replay. It returns the
// same reference a run's vault-backed store returned (workflows/redact/token_reference.h,
// under the same tenant key) but keeps nothing: a replay never writes raw values, or
// anything else, to the ledger. Thread-safe (stateless after construction).
#pragma once

#include <string>
#include <utility>

#include "workflows/redact/redactor.h"
#include "workflows/redact/token_reference.h"

namespace docket::replay {

class ReferenceTokenVault final : public workflows::redact::TokenVault {
 public:
  explicit ReferenceTokenVault(std::string key) : key_(std::move(key)) {}

  // Errors: kFailedPrecondition without a key (as the run's store).
  StatusOr<std::string> Tokenize(std::string_view subject, workflows::redact::EntityType type,
                                 std::string_view raw) override {
    if (key_.empty()) return FailedPreconditionError("token vault: no tenant key");
    return workflows::redact::TokenReference(key_, subject, type, raw);
  }

 private:
  const std::string key_;
};

}  // namespace docket::replay
