// LlmClient; see llm_client.h.
#include "adapters/llm/llm_client.h"

#include <utility>

#include "adapters/llm/dialect.h"
#include "adapters/llm/scrub.h"

namespace docket::adapters::llm {
namespace {

using workflows::synthesize::ChatOutcome;
using workflows::synthesize::ChatRequest;
using workflows::synthesize::ChatResponse;

// An answer the model gave (even a filtered or refused one) ends the chain: another
// provider is tried only when this one could not answer properly.
bool TryNext(ChatOutcome outcome) {
  return outcome == ChatOutcome::kUnavailable || outcome == ChatOutcome::kRejected ||
         outcome == ChatOutcome::kInvalidResponse || outcome == ChatOutcome::kCircuitOpen;
}

ChatResponse FromAttempts(const AttemptsResult& attempts) {
  ChatResponse r;
  switch (attempts.end) {
    case AttemptsEnd::kAnswered:
      if (attempts.last.error == TransportError::kNone) {
        r = ClassifyChatAnswer(attempts.last.status, attempts.last.body);
      } else {
        r.outcome = attempts.last.error == TransportError::kBodyTooLarge
                        ? ChatOutcome::kInvalidResponse
                        : ChatOutcome::kUnavailable;
        r.detail = std::string(TransportErrorName(attempts.last.error));
      }
      if (!attempts.detail.empty()) r.detail = attempts.detail + ", then " + r.detail;
      return r;
    case AttemptsEnd::kCircuitOpen:
      r.outcome = attempts.attempts == 0 ? ChatOutcome::kCircuitOpen : ChatOutcome::kUnavailable;
      break;
    case AttemptsEnd::kDeadline:
      r.outcome = ChatOutcome::kDeadlineExceeded;
      break;
    case AttemptsEnd::kExhausted:
    case AttemptsEnd::kRetryAfterTooLong:
      r.outcome = ChatOutcome::kUnavailable;
      break;
  }
  r.detail = attempts.detail;
  return r;
}

}  // namespace

LlmClient::LlmClient(std::vector<ResolvedProvider> chain, ResilienceOptions options,
                     HttpTransport& transport, RetryTimer& timer)
    : chain_(std::move(chain)),
      options_(options),
      transport_(transport),
      timer_(timer),
      deadline_(timer.Now() + options.deadline),
      breakers_(options.breaker),
      backoff_(options.retry, options.jitter_seed) {}

StatusOr<std::string> LlmClient::Call(const engine::EffectCall& call) {
  if (call.kind != workflows::synthesize::kChatEffectKind) {
    return FailedPreconditionError("the model client serves `llm.chat`, not `" + call.kind +
                                   "` (step `" + call.step_id + "`)");
  }
  DOCKET_ASSIGN_OR_RETURN(ChatRequest request,
                          workflows::synthesize::ParseChatRequest(call.canonical_request));
  return workflows::synthesize::SerializeChatResponse(Chat(request));
}

ChatResponse LlmClient::Chat(const ChatRequest& request) {
  ChatResponse last;
  uint32_t attempts = 0;
  std::string detail;
  for (const ResolvedProvider& provider : chain_) {
    last = TryProvider(provider, request);
    attempts += last.attempts;
    if (!detail.empty()) detail += "; ";
    detail += chain_.size() > 1 ? provider.profile.name + ": " + last.detail : last.detail;
    if (!TryNext(last.outcome)) break;
  }
  last.attempts = attempts;
  last.detail = std::move(detail);
  return last;
}

ChatResponse LlmClient::TryProvider(const ResolvedProvider& provider, const ChatRequest& request) {
  const ProviderProfile& p = provider.profile;
  AttemptContext ctx{transport_, timer_, breakers_, backoff_, options_.retry, deadline_};
  const AttemptsResult attempts = RunAttempts(
      ctx, "chat:" + p.name, BuildChatPost(p, request, provider.secret), p.max_attempts);
  ChatResponse r = FromAttempts(attempts);
  r.provider = p.name;
  r.dialect = std::string(DialectName(p.dialect));
  if (r.model.empty()) r.model = p.ModelOrDeployment();
  r.attempts = attempts.attempts;
  // Providers may echo what they were sent; none of it may reach a record.
  const std::vector<std::string> needles = SecretNeedles(provider.secret, p.base_url);
  for (std::string* text : {&r.detail, &r.model, &r.finish_reason}) Scrub(*text, needles);
  Scrub(r.content, SecretNeedles(provider.secret, ""));
  return r;
}

}  // namespace docket::adapters::llm
