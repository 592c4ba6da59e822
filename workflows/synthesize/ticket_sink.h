// Posting triage ticket drafts to a tracker through the Effects door ("webhook.post").
// The payload is built in the tracker's shape (generic JSON, Jira issue, GitHub issue)
// from the ticket as tickets.json holds it, its body rendered from the
// ticket_body.md.mustache template; the request names the configured sink, never a URL
// or a token. The idempotency key is "<release>/<group>", so a retried run does not file
// the same draft twice. Pure apart from the door; thread-safe if the door is.
#pragma once

#include <boost/json/object.hpp>
#include <string>
#include <vector>

#include "engine/artifact.h"
#include "engine/effects.h"
#include "workflows/synthesize/chat_call.h"

namespace docket::workflows::synthesize {

struct TicketSink {
  std::string name;  // the sink the run's configuration resolves; "" posts nothing
  WebhookShape shape = WebhookShape::kGeneric;
  std::string project;  // Jira project key (jira shape only)
  std::vector<std::string> labels;
};

// The payload for `ticket` (an element of tickets.json `tickets`). Errors:
// kInvalidArgument if the body template is missing or lacks a variable.
[[nodiscard]] StatusOr<boost::json::object> TicketPayload(
    const TicketSink& sink, const std::string& release_id, const boost::json::object& ticket,
    const std::vector<engine::Artifact>& templates);

// Posts every ticket of `tickets` (tickets.json) in order and writes each one's `posted`
// object: {sink, outcome, http_status, attempts, created_ref, detail}. Errors: those of
// Effects::Call (the post could not be attempted). An unreadable response is written
// as outcome "invalid_response".
[[nodiscard]] Status PostTickets(engine::Effects& effects, const std::string& step_id,
                                 const TicketSink& sink, boost::json::object& tickets,
                                 const std::vector<engine::Artifact>& templates);

}  // namespace docket::workflows::synthesize
