// The LLM profiles file and the environment quick start: turns YAML (or DOCKET_LLM_*
// variables) into an LlmConfig, reporting every problem with file:line:column and what to
// do about it (unknown keys, bad durations, unknown dialects, fallback cycles...).
// Secrets are never read here: profiles name the environment variable that holds one.
// Environment access goes through a GetEnv function object so tests stay hermetic. Pure
// functions of their arguments; thread-safe.
//
//   version: 1
//   default: azure-prod
//   deadline: 60s                     # bounds all model calls of one run
//   retry: {base: 500ms, cap: 8s, max_retry_after: 30s}
//   breaker: {failures: 5, cooldown: 30s}
//   profiles:
//     azure-prod:
//       dialect: azure                # azure | azure-v1 | openai | ollama | llamacpp | vllm
//       base_url: https://example.openai.azure.com
//       deployment: gpt-4o            # `model:` for the other dialects
//       api_version: 2024-10-21
//       auth: api_key                 # api_key | bearer | none
//       api_key_env: AZURE_OPENAI_API_KEY
//       timeouts: {connect: 5s, total: 30s}
//       max_attempts: 3               # 1..3
//       fallbacks: [local]
//       capabilities: {json_schema: true, seed: true, context_tokens: 128000}
//   webhooks:
//     jira:
//       url: https://example.atlassian.net/rest/api/2/issue
//       shape: jira                   # generic | jira | github
//       auth: basic                   # none | bearer | basic ("user:token" in token_env)
//       token_env: JIRA_TOKEN
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/llm/profile.h"
#include "engine/base/status.h"

namespace docket::adapters::llm {

// Returns the value of an environment variable, or nullopt when unset.
using GetEnv = std::function<std::optional<std::string>(std::string_view name)>;

// The process environment (std::getenv): for main only; tests pass a map.
GetEnv ProcessEnvironment();

inline constexpr size_t kMaxProfilesFileBytes = 1 << 20;
inline constexpr std::string_view kDefaultAzureApiVersion = "2024-10-21";
inline constexpr std::string_view kEnvProfileName = "env";

// "250ms", "30s", "2m" (whole numbers). Errors: kInvalidArgument.
[[nodiscard]] StatusOr<Millis> ParseDuration(std::string_view text);

// Parses a profiles file. Errors: kInvalidArgument listing every problem, one per line,
// as "path:line:col: error: what (hint)".
[[nodiscard]] StatusOr<LlmConfig> ParseLlmConfig(std::string_view path, std::string_view yaml);

// Reads and parses `path`. Errors: kNotFound if it cannot be read; kInvalidArgument
// if it is too large or does not parse.
[[nodiscard]] StatusOr<LlmConfig> LoadLlmConfigFile(const std::string& path);

// The quick start: one profile named "env" from DOCKET_LLM_BASE_URL, DOCKET_LLM_API_KEY
// (its name, not its value, is kept), DOCKET_LLM_MODEL or DOCKET_LLM_DEPLOYMENT,
// DOCKET_LLM_DIALECT (default azure when a deployment is given, else openai) and
// DOCKET_LLM_API_VERSION. nullopt when DOCKET_LLM_BASE_URL is unset or empty.
// Errors: kInvalidArgument naming the variable to fix.
[[nodiscard]] StatusOr<std::optional<LlmConfig>> LlmConfigFromEnvironment(const GetEnv& getenv);

// The profiles a call tries, in order: `name`, then its fallbacks depth-first (each
// profile once). Errors: kNotFound naming the unknown profile.
[[nodiscard]] StatusOr<std::vector<const ProviderProfile*>> ProviderChain(const LlmConfig& config,
                                                                          std::string_view name);

}  // namespace docket::adapters::llm
