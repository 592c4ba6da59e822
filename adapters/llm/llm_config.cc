// Durations, the profiles file on disk, the environment quick start and fallback
// chains; see llm_config.h. The YAML reader is in profiles_reader.cc.
#include "adapters/llm/llm_config.h"

#include <charconv>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <set>

namespace docket::adapters::llm {

GetEnv ProcessEnvironment() {
  return [](std::string_view name) -> std::optional<std::string> {
    const char* value = std::getenv(std::string(name).c_str());
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  };
}

StatusOr<Millis> ParseDuration(std::string_view text) {
  uint64_t number = 0;
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(begin, end, number);
  const std::string_view unit(ptr, static_cast<size_t>(end - ptr));
  const auto bad = [&] {
    return InvalidArgumentError("`" + std::string(text) +
                                "` is not a duration (a whole number with ms, s or m)");
  };
  if (ec != std::errc() || ptr == begin || number > 86'400'000) return bad();
  if (unit == "ms") return Millis(number);
  if (unit == "s") return Millis(number * 1000);
  if (unit == "m") return Millis(number * 60'000);
  return bad();
}

StatusOr<LlmConfig> LoadLlmConfigFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFoundError("cannot read the model profiles file `" + path + "`");
  std::string bytes;
  char buffer[8192];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    bytes.append(buffer, static_cast<size_t>(in.gcount()));
    if (bytes.size() > kMaxProfilesFileBytes) {
      return InvalidArgumentError("the model profiles file `" + path + "` is larger than " +
                                  std::to_string(kMaxProfilesFileBytes) + " bytes");
    }
  }
  return ParseLlmConfig(path, bytes);
}

namespace {

std::string EnvOr(const GetEnv& getenv, std::string_view name) {
  std::optional<std::string> value = getenv(name);
  return value ? *value : std::string();
}

StatusOr<Dialect> EnvDialect(const GetEnv& getenv, bool has_deployment) {
  const std::string name = EnvOr(getenv, "DOCKET_LLM_DIALECT");
  if (name.empty()) return has_deployment ? Dialect::kAzure : Dialect::kOpenAi;
  std::optional<Dialect> dialect = DialectFromName(name);
  if (!dialect) {
    return InvalidArgumentError("DOCKET_LLM_DIALECT: unknown dialect `" + name +
                                "` (azure, azure-v1, openai, ollama, llamacpp, vllm)");
  }
  return *dialect;
}

}  // namespace

StatusOr<std::optional<LlmConfig>> LlmConfigFromEnvironment(const GetEnv& getenv) {
  std::string base_url = EnvOr(getenv, "DOCKET_LLM_BASE_URL");
  if (base_url.empty()) return std::optional<LlmConfig>();
  if (!base_url.starts_with("http://") && !base_url.starts_with("https://")) {
    return InvalidArgumentError("DOCKET_LLM_BASE_URL must start with http:// or https://");
  }
  while (base_url.ends_with('/')) base_url.pop_back();
  const std::string deployment = EnvOr(getenv, "DOCKET_LLM_DEPLOYMENT");
  const std::string model = EnvOr(getenv, "DOCKET_LLM_MODEL");
  DOCKET_ASSIGN_OR_RETURN(Dialect dialect, EnvDialect(getenv, !deployment.empty()));
  const bool azure = dialect == Dialect::kAzure || dialect == Dialect::kAzureV1;

  ProviderProfile p;
  p.name = std::string(kEnvProfileName);
  p.dialect = dialect;
  p.base_url = base_url;
  p.model = model;
  p.deployment = deployment.empty() ? model : deployment;
  if (p.ModelOrDeployment().empty()) {
    return InvalidArgumentError(azure ? "set DOCKET_LLM_DEPLOYMENT (or DOCKET_LLM_MODEL)"
                                      : "set DOCKET_LLM_MODEL");
  }
  if (dialect == Dialect::kAzure) {
    p.api_version = EnvOr(getenv, "DOCKET_LLM_API_VERSION");
    if (p.api_version.empty()) p.api_version = std::string(kDefaultAzureApiVersion);
  }
  if (!EnvOr(getenv, "DOCKET_LLM_API_KEY").empty()) {
    p.auth = azure ? AuthKind::kApiKey : AuthKind::kBearer;
    p.api_key_env = "DOCKET_LLM_API_KEY";
  }
  p.capabilities = DefaultCapabilities(dialect);

  LlmConfig config;
  config.source = "environment";
  config.default_profile = p.name;
  config.profiles.push_back(std::move(p));
  return std::optional<LlmConfig>(std::move(config));
}

StatusOr<std::vector<const ProviderProfile*>> ProviderChain(const LlmConfig& config,
                                                            std::string_view name) {
  const ProviderProfile* first = config.FindProfile(name);
  if (first == nullptr) {
    return NotFoundError("no model profile `" + std::string(name) + "` in " + config.source);
  }
  std::vector<const ProviderProfile*> chain;
  std::set<std::string> seen;
  // Depth-first, each profile once: a cycle (refused by the parser) cannot loop here.
  std::vector<const ProviderProfile*> stack = {first};
  while (!stack.empty()) {
    const ProviderProfile* p = stack.back();
    stack.pop_back();
    if (!seen.insert(p->name).second) continue;
    chain.push_back(p);
    for (auto it = p->fallbacks.rbegin(); it != p->fallbacks.rend(); ++it) {
      if (const ProviderProfile* q = config.FindProfile(*it)) stack.push_back(q);
    }
  }
  return chain;
}

}  // namespace docket::adapters::llm
