// WebhookPoster; see webhook_poster.h.
#include "adapters/llm/webhook_poster.h"

#include <utility>

#include "adapters/llm/dialect.h"
#include "adapters/llm/scrub.h"

namespace docket::adapters::llm {
namespace {

using workflows::synthesize::ChatOutcome;
using workflows::synthesize::WebhookRequest;
using workflows::synthesize::WebhookResponse;

void ClassifyAnswer(const ResolvedWebhook& sink, const AttemptsResult& attempts,
                    WebhookResponse& r) {
  const TransportResult& last = attempts.last;
  std::string what;
  if (last.error != TransportError::kNone) {
    r.outcome = ChatOutcome::kUnavailable;
    what = std::string(TransportErrorName(last.error));
  } else if (last.status >= 200 && last.status <= 299) {
    r.outcome = ChatOutcome::kOk;
    r.created_ref = CreatedRef(sink.sink.shape, last.body);
    what = "HTTP " + std::to_string(last.status) +
           (r.created_ref.empty() ? ", no reference in the answer" : ", created " + r.created_ref);
  } else {
    r.outcome = ChatOutcome::kRejected;
    what = "HTTP " + std::to_string(last.status);
  }
  r.detail = attempts.detail.empty() ? what : attempts.detail + ", then " + what;
}

}  // namespace

WebhookPoster::WebhookPoster(std::vector<ResolvedWebhook> sinks, ResilienceOptions options,
                             HttpTransport& transport, RetryTimer& timer)
    : sinks_(std::move(sinks)),
      options_(options),
      transport_(transport),
      timer_(timer),
      deadline_(timer.Now() + options.deadline),
      breakers_(options.breaker),
      backoff_(options.retry, options.jitter_seed) {}

StatusOr<std::string> WebhookPoster::Call(const engine::EffectCall& call) {
  if (call.kind != workflows::synthesize::kWebhookEffectKind) {
    return FailedPreconditionError("the webhook poster serves `webhook.post`, not `" + call.kind +
                                   "` (step `" + call.step_id + "`)");
  }
  DOCKET_ASSIGN_OR_RETURN(WebhookRequest request,
                          workflows::synthesize::ParseWebhookRequest(call.canonical_request));
  DOCKET_ASSIGN_OR_RETURN(WebhookResponse response, Post(request));
  return workflows::synthesize::SerializeWebhookResponse(response);
}

StatusOr<WebhookResponse> WebhookPoster::Post(const WebhookRequest& request) {
  const ResolvedWebhook* sink = nullptr;
  for (const ResolvedWebhook& s : sinks_) {
    if (s.sink.name == request.sink) sink = &s;
  }
  if (sink == nullptr) {
    return FailedPreconditionError("no webhook sink `" + request.sink +
                                   "` is configured (add it under `webhooks:` in the model "
                                   "profiles file)");
  }
  AttemptContext ctx{transport_, timer_, breakers_, backoff_, options_.retry, deadline_};
  const AttemptsResult attempts =
      RunAttempts(ctx, "webhook:" + sink->sink.name,
                  BuildWebhookPost(sink->sink, request, sink->secret), sink->sink.max_attempts);
  WebhookResponse r;
  r.attempts = attempts.attempts;
  r.http_status = attempts.last.error == TransportError::kNone
                      ? static_cast<uint32_t>(std::max(attempts.last.status, 0))
                      : 0;
  switch (attempts.end) {
    case AttemptsEnd::kAnswered:
      ClassifyAnswer(*sink, attempts, r);
      break;
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
  if (attempts.end != AttemptsEnd::kAnswered) r.detail = attempts.detail;
  // Trackers may echo what they were sent; none of it may reach a record.
  const std::vector<std::string> needles = SecretNeedles(sink->secret, sink->sink.url);
  std::string ref = r.created_ref;
  Scrub(ref, needles);
  if (ref != r.created_ref) r.created_ref.clear();
  Scrub(r.detail, needles);
  return r;
}

}  // namespace docket::adapters::llm
