// BuildModelEffects: the one call `docket run` makes to get its live model and webhook
// door. From an optional profiles file, an optional profile name (--llm NAME) and an
// environment lookup it builds ONE engine::Effects serving both "llm.chat" (LlmClient
// over the profile and its fallbacks) and "webhook.post" (WebhookPoster over the file's
// sinks), plus a one-line description for the run output. Secrets are read from the
// environment here, once. The returned door is thread-safe; build one per run (the run
// deadline starts when it is built).
//
// main must hold a CurlGlobal (curl_transport.h) for as long as the door is used.
//
//   CurlGlobal curl = ...;
//   DOCKET_ASSIGN_OR_RETURN(ModelEffects model,
//                           BuildModelEffects(profiles_path, llm_flag, ProcessEnvironment()));
//   out << model.description << "\n";   // "model: azure-prod (azure, deployment gpt-4o), ..."
//   ... wrap model.effects with the recording door and hand it to the executor ...
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "adapters/llm/http_transport.h"
#include "adapters/llm/llm_config.h"
#include "adapters/llm/resilience.h"
#include "engine/base/status.h"
#include "engine/effects.h"

namespace docket::adapters::llm {

inline constexpr std::string_view kNotConfiguredDetail =
    "no model configured (set DOCKET_LLM_* or pass --llm)";

struct ModelEffects {
  // Serves "llm.chat" and "webhook.post"; any other kind is kFailedPrecondition. With no
  // model configured, llm.chat answers outcome not_configured (kNotConfiguredDetail).
  // webhook.post to a sink the file does not define is kFailedPrecondition naming it.
  std::unique_ptr<engine::Effects> effects;
  // "model: azure-prod (azure, deployment gpt-4o), fallback local", or
  // "model: none configured, template fallback".
  std::string description;
};

// Test seams; production leaves them empty.
struct ModelEffectsDeps {
  HttpTransport* transport = nullptr;  // borrowed; null: a CurlTransport owned by the door
  RetryTimer* timer = nullptr;         // borrowed; null: a SteadyRetryTimer owned by the door
  uint64_t jitter_seed = 0x646f636b6574;
};

// `profiles_file`: the profiles YAML; nullopt or "" to rely on DOCKET_LLM_* alone.
// `profile`: the profile to use; nullopt for the file's `default` (or the environment's).
// Errors: kNotFound (file unreadable, unknown profile); kInvalidArgument (the file or a
// DOCKET_LLM_* variable is invalid; `profile` given with nothing configured);
// kFailedPrecondition (a secret's environment variable named by the chosen profiles or
// the sinks is unset or empty).
[[nodiscard]] StatusOr<ModelEffects> BuildModelEffects(
    const std::optional<std::string>& profiles_file, const std::optional<std::string>& profile,
    const GetEnv& getenv, ModelEffectsDeps deps = {});

}  // namespace docket::adapters::llm
