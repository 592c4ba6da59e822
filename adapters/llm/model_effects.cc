// BuildModelEffects and the combined door; see model_effects.h.
#include "adapters/llm/model_effects.h"

#include <utility>
#include <vector>

#include "adapters/llm/curl_transport.h"
#include "adapters/llm/llm_client.h"
#include "adapters/llm/webhook_poster.h"
#include "workflows/synthesize/chat_call.h"

namespace docket::adapters::llm {
namespace {

namespace synth = workflows::synthesize;

// Owns the production transport and timer when the caller gave none, and dispatches by
// kind. Members are const after construction; the clients are thread-safe.
class ModelDoor final : public engine::Effects {
 public:
  ModelDoor(std::unique_ptr<HttpTransport> transport, std::unique_ptr<RetryTimer> timer)
      : owned_transport_(std::move(transport)), owned_timer_(std::move(timer)) {}

  void Serve(std::unique_ptr<LlmClient> chat, std::unique_ptr<WebhookPoster> webhooks) {
    chat_ = std::move(chat);
    webhooks_ = std::move(webhooks);
  }

  StatusOr<std::string> Call(const engine::EffectCall& call) override {
    if (call.kind == synth::kChatEffectKind) {
      if (chat_) return chat_->Call(call);
      DOCKET_RETURN_IF_ERROR(synth::ParseChatRequest(call.canonical_request).status());
      synth::ChatResponse response;
      response.outcome = synth::ChatOutcome::kNotConfigured;
      response.detail = std::string(kNotConfiguredDetail);
      return synth::SerializeChatResponse(response);
    }
    if (call.kind == synth::kWebhookEffectKind) return webhooks_->Call(call);
    return FailedPreconditionError("step `" + call.step_id + "` asked for effect `" + call.kind +
                                   "`, which the model door does not serve");
  }

 private:
  std::unique_ptr<HttpTransport> owned_transport_;
  std::unique_ptr<RetryTimer> owned_timer_;
  std::unique_ptr<LlmClient> chat_;
  std::unique_ptr<WebhookPoster> webhooks_;
};

StatusOr<std::string> Secret(const GetEnv& getenv, AuthKind auth, const std::string& variable,
                             const std::string& who) {
  if (auth == AuthKind::kNone) return std::string();
  std::optional<std::string> value = getenv(variable);
  if (!value || value->empty()) {
    return FailedPreconditionError(who + " needs its secret in the environment variable `" +
                                   variable + "`, which is not set");
  }
  return *value;
}

// Which config applies: the file, else the environment, else none.
StatusOr<std::optional<LlmConfig>> ChooseConfig(const std::optional<std::string>& file,
                                                const std::optional<std::string>& profile,
                                                const GetEnv& getenv) {
  if (file && !file->empty()) {
    DOCKET_ASSIGN_OR_RETURN(LlmConfig config, LoadLlmConfigFile(*file));
    return std::optional<LlmConfig>(std::move(config));
  }
  DOCKET_ASSIGN_OR_RETURN(std::optional<LlmConfig> env, LlmConfigFromEnvironment(getenv));
  if (!env && profile) {
    return InvalidArgumentError("model profile `" + *profile +
                                "` was asked for, but no profiles file is given and "
                                "DOCKET_LLM_BASE_URL is not set");
  }
  return env;
}

std::string Describe(const std::vector<ResolvedProvider>& chain, const LlmConfig& config) {
  if (chain.empty()) return "model: none configured, template fallback";
  const ProviderProfile& p = chain.front().profile;
  const bool azure = p.dialect == Dialect::kAzure || p.dialect == Dialect::kAzureV1;
  std::string out = "model: " + p.name + " (" + std::string(DialectName(p.dialect)) +
                    (azure ? ", deployment " : ", model ") + p.ModelOrDeployment() + ")";
  for (size_t i = 1; i < chain.size(); ++i) {
    out += (i == 1 ? ", fallback " : ", ") + chain[i].profile.name;
  }
  if (config.source == "environment") out += ", from DOCKET_LLM_*";
  return out;
}

StatusOr<std::vector<ResolvedProvider>> ResolveChain(const LlmConfig& config,
                                                     const std::optional<std::string>& profile,
                                                     const GetEnv& getenv) {
  std::vector<ResolvedProvider> chain;
  const std::string name = profile ? *profile : config.default_profile;
  if (name.empty()) return chain;  // a file with only webhooks
  DOCKET_ASSIGN_OR_RETURN(std::vector<const ProviderProfile*> profiles,
                          ProviderChain(config, name));
  for (const ProviderProfile* p : profiles) {
    DOCKET_ASSIGN_OR_RETURN(std::string secret, Secret(getenv, p->auth, p->api_key_env,
                                                       "model profile `" + p->name + "`"));
    chain.push_back({*p, std::move(secret)});
  }
  return chain;
}

}  // namespace

StatusOr<ModelEffects> BuildModelEffects(const std::optional<std::string>& profiles_file,
                                         const std::optional<std::string>& profile,
                                         const GetEnv& getenv, ModelEffectsDeps deps) {
  DOCKET_ASSIGN_OR_RETURN(std::optional<LlmConfig> config,
                          ChooseConfig(profiles_file, profile, getenv));
  const LlmConfig empty;
  const LlmConfig& c = config ? *config : empty;
  DOCKET_ASSIGN_OR_RETURN(std::vector<ResolvedProvider> chain, ResolveChain(c, profile, getenv));
  std::vector<ResolvedWebhook> sinks;
  for (const WebhookProfile& w : c.webhooks) {
    DOCKET_ASSIGN_OR_RETURN(std::string secret,
                            Secret(getenv, w.auth, w.token_env, "webhook `" + w.name + "`"));
    sinks.push_back({w, std::move(secret)});
  }

  auto owned_transport = deps.transport ? nullptr : std::make_unique<CurlTransport>();
  auto owned_timer = deps.timer ? nullptr : std::make_unique<SteadyRetryTimer>();
  HttpTransport& transport = deps.transport ? *deps.transport : *owned_transport;
  RetryTimer& timer = deps.timer ? *deps.timer : *owned_timer;
  const ResilienceOptions options{c.retry, c.breaker, c.deadline, deps.jitter_seed};

  ModelEffects out;
  out.description = Describe(chain, c);
  auto chat = chain.empty()
                  ? nullptr
                  : std::make_unique<LlmClient>(std::move(chain), options, transport, timer);
  auto webhooks = std::make_unique<WebhookPoster>(std::move(sinks), options, transport, timer);
  auto door = std::make_unique<ModelDoor>(std::move(owned_transport), std::move(owned_timer));
  door->Serve(std::move(chat), std::move(webhooks));
  out.effects = std::move(door);
  return out;
}

}  // namespace docket::adapters::llm
