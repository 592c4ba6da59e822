#include "workflows/synthesize/ticket_sink.h"

#include <boost/json.hpp>

#include "workflows/synthesize/strict_render.h"
#include "workflows/synthesize/synthesis_tasks.h"

namespace docket::workflows::synthesize {
namespace {

namespace json = boost::json;

std::string JiraPriority(std::string_view severity) {
  if (severity == "critical") return "Highest";
  if (severity == "high") return "High";
  if (severity == "medium") return "Medium";
  return "Low";
}

json::array Labels(const TicketSink& sink, const std::string& severity) {
  json::array labels;
  for (const std::string& l : sink.labels) labels.push_back(json::value(l));
  labels.push_back(json::value("severity:" + severity));
  return labels;
}

}  // namespace

StatusOr<json::object> TicketPayload(const TicketSink& sink, const std::string& release_id,
                                     const json::object& ticket,
                                     const std::vector<engine::Artifact>& templates) {
  constexpr char kName[] = "ticket_body.md.mustache";
  DOCKET_ASSIGN_OR_RETURN(const engine::Artifact* tmpl, FindTemplate(templates, kName));
  json::object model = ticket;
  model["release_id"] = release_id;
  DOCKET_ASSIGN_OR_RETURN(std::string body, RenderStrict(kName, tmpl->data(), model));
  const json::object& draft = ticket.at("draft").as_object();
  const std::string title(draft.at("title").as_string());
  const std::string severity(draft.at("severity").as_string());
  switch (sink.shape) {
    case WebhookShape::kJira:
      return json::object{
          {"fields", json::object{{"project", json::object{{"key", sink.project}}},
                                  {"summary", title},
                                  {"description", body},
                                  {"issuetype", json::object{{"name", "Bug"}}},
                                  {"priority", json::object{{"name", JiraPriority(severity)}}},
                                  {"labels", Labels(sink, severity)}}}};
    case WebhookShape::kGithub:
      return json::object{{"title", title}, {"body", body}, {"labels", Labels(sink, severity)}};
    case WebhookShape::kGeneric:
      break;
  }
  return json::object{{"release", release_id}, {"group", ticket.at("group")},
                      {"title", title},        {"severity", severity},
                      {"body", body},          {"labels", Labels(sink, severity)},
                      {"ticket", ticket}};
}

Status PostTickets(engine::Effects& effects, const std::string& step_id, const TicketSink& sink,
                   json::object& tickets, const std::vector<engine::Artifact>& templates) {
  const std::string release_id(tickets.at("release").at("id").as_string());
  for (json::value& item : tickets.at("tickets").as_array()) {
    json::object& ticket = item.as_object();
    json::object unposted = ticket;
    unposted.erase("posted");
    DOCKET_ASSIGN_OR_RETURN(json::object payload,
                            TicketPayload(sink, release_id, unposted, templates));
    WebhookRequest request{
        .sink = sink.name,
        .shape = sink.shape,
        .body_json = json::serialize(payload),
        .idempotency_key = release_id + "/" + std::string(ticket.at("group").as_string())};
    DOCKET_ASSIGN_OR_RETURN(std::string bytes, SerializeWebhookRequest(request));
    DOCKET_ASSIGN_OR_RETURN(
        std::string answer,
        effects.Call({step_id, std::string(kWebhookEffectKind), std::move(bytes)}));
    StatusOr<WebhookResponse> response = ParseWebhookResponse(answer);
    if (!response.ok()) {
      response = WebhookResponse{.outcome = ChatOutcome::kInvalidResponse,
                                 .detail = "unreadable response: " + response.status().message()};
    }
    ticket["posted"] = json::object{{"sink", sink.name},
                                    {"outcome", ChatOutcomeName(response->outcome)},
                                    {"http_status", response->http_status},
                                    {"attempts", response->attempts},
                                    {"created_ref", response->created_ref},
                                    {"detail", response->detail}};
  }
  return Status::Ok();
}

}  // namespace docket::workflows::synthesize
