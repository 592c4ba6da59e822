// ParseLlmConfig: the YAML profiles file reader; see llm_config.h. One pass reports
// every problem with its position.
#include <algorithm>
#include <set>

#include "adapters/llm/llm_config.h"
#include "engine/config_reader.h"
#include "engine/workflow_parser.h"

namespace docket::adapters::llm {
namespace {

using engine::ConfigEntry;
using engine::ConfigNode;
using engine::Diagnostic;

const std::vector<std::string> kRootKeys = {"version", "default",  "deadline", "retry",
                                            "breaker", "profiles", "webhooks"};
const std::vector<std::string> kProfileKeys = {
    "dialect",     "base_url", "model",        "deployment", "api_version",  "auth",
    "api_key_env", "timeouts", "max_attempts", "fallbacks",  "capabilities", "proxy"};
const std::vector<std::string> kWebhookKeys = {"url",      "shape",        "auth", "token_env",
                                               "timeouts", "max_attempts", "proxy"};
const std::vector<std::string> kCapabilityKeys = {"json_schema", "seed", "context_tokens",
                                                  "filter_http_400", "filter_finish_reason"};

bool IsHttpUrl(std::string_view url) {
  return url.starts_with("http://") || url.starts_with("https://");
}

std::string WithoutTrailingSlash(std::string url) {
  while (url.ends_with('/')) url.pop_back();
  return url;
}

class ProfilesReader {
 public:
  explicit ProfilesReader(std::vector<Diagnostic>& diagnostics) : reader_(diagnostics) {}

  void Read(const ConfigNode& root, LlmConfig& config) {
    if (!reader_.ExpectMap(root, "a model profiles file")) return;
    reader_.CheckVersion(root, "1");
    reader_.CheckKeys(root, kRootKeys);
    if (const ConfigNode* n = root.Find("deadline")) Duration(*n, config.deadline);
    if (const ConfigNode* n = root.Find("retry")) ReadRetry(*n, config.retry);
    if (const ConfigNode* n = root.Find("breaker")) ReadBreaker(*n, config.breaker);
    if (const ConfigNode* n = root.Find("profiles"); n && reader_.ExpectMap(*n, "`profiles`")) {
      for (const ConfigEntry& e : n->map) config.profiles.push_back(ReadProfile(e));
    }
    if (const ConfigNode* n = root.Find("webhooks"); n && reader_.ExpectMap(*n, "`webhooks`")) {
      for (const ConfigEntry& e : n->map) config.webhooks.push_back(ReadWebhook(e));
    }
    CheckFallbacks(root, config);
    if (const ConfigNode* n = root.Find("default")) {
      config.default_profile = reader_.Text(*n);
      if (!config.default_profile.empty() && !config.FindProfile(config.default_profile)) {
        reader_.Error(*n, "`default` names no profile `" + config.default_profile + "`",
                      "use one of the names under `profiles:`");
      }
    } else if (!config.profiles.empty()) {
      config.default_profile = config.profiles.front().name;
    }
  }

 private:
  void Duration(const ConfigNode& node, Millis& out) {
    StatusOr<Millis> value = ParseDuration(node.scalar);
    if (node.kind != ConfigNode::Kind::kScalar || !value.ok() || value->count() <= 0) {
      reader_.Error(node, "`" + node.scalar + "` is not a duration",
                    "a positive whole number with ms, s or m, e.g. 30s");
      return;
    }
    out = *value;
  }

  void Count(const ConfigNode& node, uint32_t min, uint32_t max, uint32_t& out) {
    std::optional<double> value = reader_.Number(node, min, max);
    if (!value) return;
    if (*value != static_cast<double>(static_cast<uint32_t>(*value))) {
      reader_.Error(node, "expected a whole number");
      return;
    }
    out = static_cast<uint32_t>(*value);
  }

  void Flag(const ConfigNode& node, bool& out) {
    if (node.kind == ConfigNode::Kind::kScalar && !node.quoted &&
        (node.scalar == "true" || node.scalar == "false")) {
      out = node.scalar == "true";
      return;
    }
    reader_.Error(node, "expected true or false");
  }

  void Timeouts(const ConfigNode& node, Millis& connect, Millis& total) {
    if (!reader_.ExpectMap(node, "`timeouts`")) return;
    reader_.CheckKeys(node, {"connect", "total"});
    if (const ConfigNode* n = node.Find("connect")) Duration(*n, connect);
    if (const ConfigNode* n = node.Find("total")) Duration(*n, total);
  }

  void ReadRetry(const ConfigNode& node, RetryPolicy& retry) {
    if (!reader_.ExpectMap(node, "`retry`")) return;
    reader_.CheckKeys(node, {"base", "cap", "max_retry_after"});
    if (const ConfigNode* n = node.Find("base")) Duration(*n, retry.base);
    if (const ConfigNode* n = node.Find("cap")) Duration(*n, retry.cap);
    if (const ConfigNode* n = node.Find("max_retry_after")) Duration(*n, retry.max_retry_after);
  }

  void ReadBreaker(const ConfigNode& node, BreakerPolicy& breaker) {
    if (!reader_.ExpectMap(node, "`breaker`")) return;
    reader_.CheckKeys(node, {"failures", "cooldown"});
    if (const ConfigNode* n = node.Find("failures")) Count(*n, 1, 1000, breaker.failures);
    if (const ConfigNode* n = node.Find("cooldown")) Duration(*n, breaker.cooldown);
  }

  AuthKind Auth(const ConfigNode& node, const std::vector<std::string>& allowed) {
    const std::string name = reader_.Text(node);
    std::optional<AuthKind> auth = AuthKindFromName(name);
    if (!auth || std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      std::string list;
      for (const std::string& a : allowed) list += (list.empty() ? "" : ", ") + a;
      if (!name.empty()) reader_.Error(node, "unknown auth `" + name + "`", "one of " + list);
      return AuthKind::kNone;
    }
    return *auth;
  }

  std::string Url(const ConfigNode& node) {
    std::string url = reader_.Text(node);
    if (!url.empty() && !IsHttpUrl(url)) {
      reader_.Error(node, "the URL must start with http:// or https://");
    }
    return WithoutTrailingSlash(std::move(url));
  }

  ProviderProfile ReadProfile(const ConfigEntry& entry) {
    ProviderProfile p;
    p.name = entry.first;
    const ConfigNode& node = entry.second;
    if (!reader_.ExpectMap(node, "profile `" + p.name + "`")) return p;
    reader_.CheckKeys(node, kProfileKeys);
    ReadDialect(node, p);
    p.capabilities = DefaultCapabilities(p.dialect);
    ReadEndpoint(node, p);
    if (const ConfigNode* n = node.Find("timeouts")) {
      Timeouts(*n, p.connect_timeout, p.total_timeout);
    }
    if (const ConfigNode* n = node.Find("max_attempts")) Count(*n, 1, 3, p.max_attempts);
    if (const ConfigNode* n = node.Find("fallbacks")) p.fallbacks = reader_.TextList(*n);
    if (const ConfigNode* n = node.Find("capabilities")) ReadCapabilities(*n, p.capabilities);
    if (const ConfigNode* n = node.Find("proxy")) p.proxy = Url(*n);
    return p;
  }

  void ReadDialect(const ConfigNode& node, ProviderProfile& p) {
    const ConfigNode* n = node.Find("dialect");
    if (n == nullptr) {
      reader_.Error(node, "profile `" + p.name + "` has no `dialect`",
                    "add `dialect:` azure, azure-v1, openai, ollama, llamacpp or vllm");
      return;
    }
    const std::string name = reader_.Text(*n);
    if (std::optional<Dialect> d = DialectFromName(name)) {
      p.dialect = *d;
    } else if (!name.empty()) {
      reader_.Error(*n, "unknown dialect `" + name + "`",
                    "one of azure, azure-v1, openai, ollama, llamacpp, vllm");
    }
  }

  void ReadEndpoint(const ConfigNode& node, ProviderProfile& p) {
    const bool azure = p.dialect == Dialect::kAzure || p.dialect == Dialect::kAzureV1;
    if (const ConfigNode* n = node.Find("base_url")) {
      p.base_url = Url(*n);
    } else {
      reader_.Error(node, "profile `" + p.name + "` has no `base_url`");
    }
    if (const ConfigNode* n = node.Find("model")) p.model = reader_.Text(*n);
    if (const ConfigNode* n = node.Find("deployment")) p.deployment = reader_.Text(*n);
    if (azure && p.deployment.empty()) p.deployment = p.model;
    if (p.ModelOrDeployment().empty()) {
      reader_.Error(node, "profile `" + p.name + "` names no model",
                    azure ? "add `deployment:`" : "add `model:`");
    }
    if (const ConfigNode* n = node.Find("api_version")) p.api_version = reader_.Text(*n);
    if (p.dialect == Dialect::kAzure && p.api_version.empty()) {
      p.api_version = std::string(kDefaultAzureApiVersion);
    }
    p.auth = azure ? AuthKind::kApiKey : AuthKind::kNone;
    if (const ConfigNode* n = node.Find("auth")) p.auth = Auth(*n, {"api_key", "bearer", "none"});
    if (const ConfigNode* n = node.Find("api_key_env")) p.api_key_env = reader_.Text(*n);
    if (p.auth != AuthKind::kNone && p.api_key_env.empty()) {
      reader_.Error(node,
                    "profile `" + p.name + "` uses auth `" + std::string(AuthKindName(p.auth)) +
                        "` but has no `api_key_env`",
                    "name the environment variable that holds the key; keys never go in "
                    "this file");
    }
  }

  void ReadCapabilities(const ConfigNode& node, Capabilities& c) {
    if (!reader_.ExpectMap(node, "`capabilities`")) return;
    reader_.CheckKeys(node, kCapabilityKeys);
    if (const ConfigNode* n = node.Find("json_schema")) Flag(*n, c.json_schema);
    if (const ConfigNode* n = node.Find("seed")) Flag(*n, c.seed);
    if (const ConfigNode* n = node.Find("context_tokens")) {
      Count(*n, 256, 10'000'000, c.context_tokens);
    }
    if (const ConfigNode* n = node.Find("filter_http_400"))
      Flag(*n, c.content_filter.http_400_error);
    if (const ConfigNode* n = node.Find("filter_finish_reason")) {
      Flag(*n, c.content_filter.finish_reason);
    }
  }

  WebhookProfile ReadWebhook(const ConfigEntry& entry) {
    WebhookProfile w;
    w.name = entry.first;
    const ConfigNode& node = entry.second;
    if (!reader_.ExpectMap(node, "webhook `" + w.name + "`")) return w;
    reader_.CheckKeys(node, kWebhookKeys);
    if (const ConfigNode* n = node.Find("url")) {
      w.url = Url(*n);
    } else {
      reader_.Error(node, "webhook `" + w.name + "` has no `url`");
    }
    if (const ConfigNode* n = node.Find("shape")) {
      const std::string shape = reader_.Text(*n);
      if (auto s = workflows::synthesize::WebhookShapeFromName(shape)) {
        w.shape = *s;
      } else if (!shape.empty()) {
        reader_.Error(*n, "unknown shape `" + shape + "`", "one of generic, jira, github");
      }
    }
    if (const ConfigNode* n = node.Find("auth")) w.auth = Auth(*n, {"bearer", "basic", "none"});
    if (const ConfigNode* n = node.Find("token_env")) w.token_env = reader_.Text(*n);
    if (w.auth != AuthKind::kNone && w.token_env.empty()) {
      reader_.Error(node, "webhook `" + w.name + "` has auth but no `token_env`",
                    "name the environment variable that holds the token");
    }
    if (const ConfigNode* n = node.Find("timeouts")) {
      Timeouts(*n, w.connect_timeout, w.total_timeout);
    }
    if (const ConfigNode* n = node.Find("max_attempts")) Count(*n, 1, 3, w.max_attempts);
    if (const ConfigNode* n = node.Find("proxy")) w.proxy = Url(*n);
    return w;
  }

  // Unknown names and cycles, each reported at the fallbacks list that causes it.
  void CheckFallbacks(const ConfigNode& root, const LlmConfig& config) {
    const ConfigNode* profiles = root.Find("profiles");
    if (profiles == nullptr || profiles->kind != ConfigNode::Kind::kMap) return;
    for (const ProviderProfile& p : config.profiles) {
      const ConfigNode* node = profiles->Find(p.name);
      if (node == nullptr) continue;
      const ConfigNode* at = node->Find("fallbacks") ? node->Find("fallbacks") : node;
      for (const std::string& next : p.fallbacks) {
        if (config.FindProfile(next) == nullptr) {
          reader_.Error(*at, "fallback `" + next + "` is not a profile",
                        "use one of the names under `profiles:`");
        }
      }
      if (ReachesItself(config, p)) {
        reader_.Error(*at, "the fallbacks of profile `" + p.name + "` lead back to it",
                      "a profile may not fall back to itself, directly or through others");
      }
    }
  }

  static bool ReachesItself(const LlmConfig& config, const ProviderProfile& start) {
    std::set<std::string> seen;
    std::vector<const ProviderProfile*> stack = {&start};
    while (!stack.empty()) {
      const ProviderProfile* p = stack.back();
      stack.pop_back();
      for (const std::string& next : p->fallbacks) {
        if (next == start.name) return true;
        const ProviderProfile* q = config.FindProfile(next);
        if (q != nullptr && seen.insert(next).second) stack.push_back(q);
      }
    }
    return false;
  }

  engine::ConfigReader reader_;
};

}  // namespace

StatusOr<LlmConfig> ParseLlmConfig(std::string_view path, std::string_view yaml) {
  std::vector<Diagnostic> diagnostics;
  std::optional<ConfigNode> root = engine::ParseYamlTree(path, yaml, diagnostics);
  LlmConfig config;
  config.source = std::string(path);
  if (root.has_value()) ProfilesReader(diagnostics).Read(*root, config);
  if (!diagnostics.empty()) return engine::DiagnosticsToStatus(diagnostics);
  return config;
}

}  // namespace docket::adapters::llm
