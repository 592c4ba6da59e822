// Effects: the only door from a step to the outside world (model calls, embeddings,
// webhooks). Steps describe a call as a kind and canonical request bytes; the door
// decides how it is served: live by an adapter, recorded by the ledger, or replayed
// from a recording. Implementations must be thread-safe: parallel steps share one.
#pragma once

#include <string>

#include "engine/base/status.h"

namespace docket::engine {

struct EffectCall {
  std::string step_id;            // the calling step, for recording and errors
  std::string kind;               // e.g. "llm.chat", "embeddings", "webhook.post"
  std::string canonical_request;  // exact bytes that identify the call; never secrets
};

class Effects {
 public:
  virtual ~Effects() = default;
  // Returns the response bytes. Errors: kUnavailable (retryable), kFailedPrecondition
  // (no handler for this kind, or replay without a recording).
  [[nodiscard]] virtual StatusOr<std::string> Call(const EffectCall& call) = 0;
};

// Refuses every call: for runs whose workflow declares no effects, and for tests.
class NoEffects final : public Effects {
 public:
  StatusOr<std::string> Call(const EffectCall& call) override {
    return FailedPreconditionError("step `" + call.step_id + "` asked for effect `" +
                                   call.kind + "`, but this run has no effect handlers");
  }
};

}  // namespace docket::engine
