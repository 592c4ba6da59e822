// Dialect and auth names, capability defaults; see profile.h.
#include "adapters/llm/profile.h"

#include <array>
#include <utility>

namespace docket::adapters::llm {
namespace {

constexpr std::array<std::pair<Dialect, std::string_view>, 6> kDialects{{
    {Dialect::kAzure, "azure"},
    {Dialect::kAzureV1, "azure-v1"},
    {Dialect::kOpenAi, "openai"},
    {Dialect::kOllama, "ollama"},
    {Dialect::kLlamaCpp, "llamacpp"},
    {Dialect::kVllm, "vllm"},
}};

constexpr std::array<std::pair<AuthKind, std::string_view>, 4> kAuthKinds{{
    {AuthKind::kNone, "none"},
    {AuthKind::kApiKey, "api_key"},
    {AuthKind::kBearer, "bearer"},
    {AuthKind::kBasic, "basic"},
}};

}  // namespace

std::string_view DialectName(Dialect dialect) {
  for (const auto& [d, name] : kDialects) {
    if (d == dialect) return name;
  }
  return "openai";
}

std::optional<Dialect> DialectFromName(std::string_view name) {
  for (const auto& [d, n] : kDialects) {
    if (n == name) return d;
  }
  return std::nullopt;
}

std::vector<std::string> DialectNames() {
  std::vector<std::string> names;
  for (const auto& entry : kDialects) names.emplace_back(entry.second);
  return names;
}

std::string_view AuthKindName(AuthKind auth) {
  for (const auto& [a, name] : kAuthKinds) {
    if (a == auth) return name;
  }
  return "none";
}

std::optional<AuthKind> AuthKindFromName(std::string_view name) {
  for (const auto& [a, n] : kAuthKinds) {
    if (n == name) return a;
  }
  return std::nullopt;
}

// Defaults from the providers' documentation: Azure OpenAI and OpenAI accept
// `response_format` json_schema (strict) and `seed`; Azure filters prompts with HTTP 400
// (error.code "content_filter") and answers with finish_reason "content_filter".
// Ollama (>= 0.5), the llama.cpp server and vLLM take json_schema on their
// OpenAI-compatible endpoint (grammar-constrained) and a seed; they have no content
// filter. Context limits are the usual deployment sizes; a profile overrides any of it.
Capabilities DefaultCapabilities(Dialect dialect) {
  switch (dialect) {
    case Dialect::kAzure:
    case Dialect::kAzureV1:
      return {.json_schema = true,
              .seed = true,
              .context_tokens = 128'000,
              .content_filter = {.http_400_error = true, .finish_reason = true}};
    case Dialect::kOpenAi:
      return {.json_schema = true,
              .seed = true,
              .context_tokens = 128'000,
              .content_filter = {.http_400_error = false, .finish_reason = true}};
    case Dialect::kOllama:
      return {.json_schema = true,
              .seed = true,
              .context_tokens = 4'096,
              .content_filter = {.http_400_error = false, .finish_reason = false}};
    case Dialect::kLlamaCpp:
      return {.json_schema = true,
              .seed = true,
              .context_tokens = 4'096,
              .content_filter = {.http_400_error = false, .finish_reason = false}};
    case Dialect::kVllm:
      return {.json_schema = true,
              .seed = true,
              .context_tokens = 32'768,
              .content_filter = {.http_400_error = false, .finish_reason = false}};
  }
  return {};
}

const std::string& ProviderProfile::ModelOrDeployment() const {
  return (dialect == Dialect::kAzure || dialect == Dialect::kAzureV1) ? deployment : model;
}

const ProviderProfile* LlmConfig::FindProfile(std::string_view name) const {
  for (const ProviderProfile& p : profiles) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

const WebhookProfile* LlmConfig::FindWebhook(std::string_view name) const {
  for (const WebhookProfile& w : webhooks) {
    if (w.name == name) return &w;
  }
  return nullptr;
}

}  // namespace docket::adapters::llm
