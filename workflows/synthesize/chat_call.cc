#include "workflows/synthesize/chat_call.h"

#include <array>
#include <boost/json.hpp>
#include <utility>

#include "engine/json_exact.h"

namespace docket::workflows::synthesize {
namespace {

namespace json = boost::json;

constexpr std::string_view kRequestFormat = "docket.llm_chat_request.v1";
constexpr std::string_view kResponseFormat = "docket.llm_chat_response.v1";
constexpr std::string_view kWebhookRequestFormat = "docket.webhook_request.v1";
constexpr std::string_view kWebhookResponseFormat = "docket.webhook_response.v1";

constexpr std::array<std::pair<ChatOutcome, std::string_view>, 10> kOutcomeNames{{
    {ChatOutcome::kOk, "ok"},
    {ChatOutcome::kTruncated, "truncated"},
    {ChatOutcome::kContentFilter, "content_filter"},
    {ChatOutcome::kRefusal, "refusal"},
    {ChatOutcome::kUnavailable, "unavailable"},
    {ChatOutcome::kRejected, "rejected"},
    {ChatOutcome::kInvalidResponse, "invalid_response"},
    {ChatOutcome::kCircuitOpen, "circuit_open"},
    {ChatOutcome::kDeadlineExceeded, "deadline_exceeded"},
    {ChatOutcome::kNotConfigured, "not_configured"},
}};

constexpr std::array<std::pair<WebhookShape, std::string_view>, 3> kShapeNames{{
    {WebhookShape::kGeneric, "generic"},
    {WebhookShape::kJira, "jira"},
    {WebhookShape::kGithub, "github"},
}};

// Reads fields of one JSON object, remembering the first problem so callers can read
// every field and check once.
class FieldReader {
 public:
  FieldReader(const json::object& object, std::string what)
      : object_(object), what_(std::move(what)) {}

  std::string String(std::string_view key) {
    const json::value* v = object_.if_contains(key);
    if (v == nullptr || !v->is_string()) return Fail(key, "a string"), std::string();
    return std::string(v->get_string());
  }
  uint64_t Unsigned(std::string_view key) {
    const json::value* v = object_.if_contains(key);
    if (v != nullptr && v->is_uint64()) return v->get_uint64();
    if (v != nullptr && v->is_int64() && v->get_int64() >= 0) {
      return static_cast<uint64_t>(v->get_int64());
    }
    return Fail(key, "a non-negative integer"), 0;
  }
  uint32_t Unsigned32(std::string_view key) {
    const uint64_t value = Unsigned(key);
    if (value > UINT32_MAX) return Fail(key, "an integer below 2^32"), 0;
    return static_cast<uint32_t>(value);
  }
  const json::object* Object(std::string_view key) {
    const json::value* v = object_.if_contains(key);
    if (v == nullptr || !v->is_object()) return Fail(key, "an object"), nullptr;
    return &v->get_object();
  }
  const json::array* Array(std::string_view key) {
    const json::value* v = object_.if_contains(key);
    if (v == nullptr || !v->is_array()) return Fail(key, "an array"), nullptr;
    return &v->get_array();
  }
  void Fail(std::string_view key, std::string_view expected) {
    if (!status_.ok()) return;
    status_ = InvalidArgumentError(what_ + ": field `" + std::string(key) + "` must be " +
                                   std::string(expected));
  }
  const Status& status() const { return status_; }

 private:
  const json::object& object_;
  std::string what_;
  Status status_;
};

StatusOr<json::object> ParseObject(std::string_view bytes, std::string_view format,
                                   std::string_view what) {
  DOCKET_ASSIGN_OR_RETURN(json::value value, engine::ParseJsonExact(bytes, 64));
  if (!value.is_object()) {
    return InvalidArgumentError(std::string(what) + ": expected a JSON object");
  }
  const json::value* f = value.get_object().if_contains("format");
  if (f == nullptr || !f->is_string() || f->get_string() != format) {
    return InvalidArgumentError(std::string(what) + ": field `format` must be \"" +
                                std::string(format) + "\"");
  }
  return std::move(value.get_object());
}

StatusOr<json::value> ParseEmbedded(std::string_view text, std::string_view what) {
  StatusOr<json::value> value = engine::ParseJsonExact(text, 64);
  if (!value.ok() || !value->is_object()) {
    return InvalidArgumentError(std::string(what) + " is not a JSON object");
  }
  return value;
}

}  // namespace

std::string_view ChatOutcomeName(ChatOutcome outcome) {
  for (const auto& [o, name] : kOutcomeNames) {
    if (o == outcome) return name;
  }
  return "not_configured";
}

std::optional<ChatOutcome> ChatOutcomeFromName(std::string_view name) {
  for (const auto& [o, n] : kOutcomeNames) {
    if (n == name) return o;
  }
  return std::nullopt;
}

std::string_view WebhookShapeName(WebhookShape shape) {
  for (const auto& [s, name] : kShapeNames) {
    if (s == shape) return name;
  }
  return "generic";
}

std::optional<WebhookShape> WebhookShapeFromName(std::string_view name) {
  for (const auto& [s, n] : kShapeNames) {
    if (n == name) return s;
  }
  return std::nullopt;
}

StatusOr<std::string> SerializeChatRequest(const ChatRequest& request) {
  DOCKET_ASSIGN_OR_RETURN(json::value schema,
                          ParseEmbedded(request.schema_json, "the response schema"));
  json::object out;
  out["format"] = kRequestFormat;
  out["task"] = request.task;
  out["prompt"] = json::object{{"id", request.prompt.id},
                               {"version", request.prompt.version},
                               {"digest", request.prompt.digest}};
  json::array messages;
  for (const ChatMessage& m : request.messages) {
    messages.push_back(json::object{{"role", m.role}, {"content", m.content}});
  }
  out["messages"] = std::move(messages);
  out["schema"] = json::object{{"id", request.schema_id}, {"body", std::move(schema)}};
  out["parameters"] = json::object{{"temperature_milli", request.temperature_milli},
                                   {"seed", request.seed},
                                   {"max_tokens", request.max_tokens}};
  out["attempt"] = request.attempt;
  return json::serialize(out);
}

StatusOr<ChatRequest> ParseChatRequest(std::string_view bytes) {
  DOCKET_ASSIGN_OR_RETURN(json::object object,
                          ParseObject(bytes, kRequestFormat, "model call request"));
  FieldReader top(object, "model call request");
  ChatRequest request;
  request.task = top.String("task");
  request.attempt = top.Unsigned32("attempt");
  if (const json::object* p = top.Object("prompt")) {
    FieldReader prompt(*p, "model call request prompt");
    request.prompt = {prompt.String("id"), prompt.String("version"), prompt.String("digest")};
    DOCKET_RETURN_IF_ERROR(prompt.status());
  }
  if (const json::array* messages = top.Array("messages")) {
    for (const json::value& m : *messages) {
      if (!m.is_object()) return InvalidArgumentError("model call request: a message is not an object");
      FieldReader message(m.get_object(), "model call request message");
      request.messages.push_back({message.String("role"), message.String("content")});
      DOCKET_RETURN_IF_ERROR(message.status());
    }
  }
  if (const json::object* s = top.Object("schema")) {
    FieldReader schema(*s, "model call request schema");
    request.schema_id = schema.String("id");
    if (schema.Object("body") != nullptr) request.schema_json = json::serialize(s->at("body"));
    DOCKET_RETURN_IF_ERROR(schema.status());
  }
  if (const json::object* p = top.Object("parameters")) {
    FieldReader params(*p, "model call request parameters");
    request.temperature_milli = params.Unsigned32("temperature_milli");
    request.seed = params.Unsigned("seed");
    request.max_tokens = params.Unsigned32("max_tokens");
    DOCKET_RETURN_IF_ERROR(params.status());
  }
  DOCKET_RETURN_IF_ERROR(top.status());
  return request;
}

std::string SerializeChatResponse(const ChatResponse& response) {
  json::object out;
  out["format"] = kResponseFormat;
  out["outcome"] = ChatOutcomeName(response.outcome);
  out["content"] = response.content;
  out["finish_reason"] = response.finish_reason;
  out["provider"] = response.provider;
  out["dialect"] = response.dialect;
  out["model"] = response.model;
  out["attempts"] = response.attempts;
  out["detail"] = response.detail;
  out["usage"] = json::object{{"prompt_tokens", response.prompt_tokens},
                              {"completion_tokens", response.completion_tokens}};
  return json::serialize(out);
}

StatusOr<ChatResponse> ParseChatResponse(std::string_view bytes) {
  DOCKET_ASSIGN_OR_RETURN(json::object object,
                          ParseObject(bytes, kResponseFormat, "model call response"));
  FieldReader top(object, "model call response");
  ChatResponse response;
  const std::string outcome = top.String("outcome");
  response.content = top.String("content");
  response.finish_reason = top.String("finish_reason");
  response.provider = top.String("provider");
  response.dialect = top.String("dialect");
  response.model = top.String("model");
  response.attempts = top.Unsigned32("attempts");
  response.detail = top.String("detail");
  if (const json::object* u = top.Object("usage")) {
    FieldReader usage(*u, "model call response usage");
    response.prompt_tokens = usage.Unsigned("prompt_tokens");
    response.completion_tokens = usage.Unsigned("completion_tokens");
    DOCKET_RETURN_IF_ERROR(usage.status());
  }
  DOCKET_RETURN_IF_ERROR(top.status());
  std::optional<ChatOutcome> parsed = ChatOutcomeFromName(outcome);
  if (!parsed) {
    return InvalidArgumentError("model call response: unknown outcome `" + outcome + "`");
  }
  response.outcome = *parsed;
  return response;
}

StatusOr<std::string> SerializeWebhookRequest(const WebhookRequest& request) {
  DOCKET_ASSIGN_OR_RETURN(json::value body, ParseEmbedded(request.body_json, "the webhook body"));
  json::object out;
  out["format"] = kWebhookRequestFormat;
  out["sink"] = request.sink;
  out["shape"] = WebhookShapeName(request.shape);
  out["idempotency_key"] = request.idempotency_key;
  out["body"] = std::move(body);
  return json::serialize(out);
}

StatusOr<WebhookRequest> ParseWebhookRequest(std::string_view bytes) {
  DOCKET_ASSIGN_OR_RETURN(json::object object,
                          ParseObject(bytes, kWebhookRequestFormat, "webhook request"));
  FieldReader top(object, "webhook request");
  WebhookRequest request;
  request.sink = top.String("sink");
  const std::string shape = top.String("shape");
  request.idempotency_key = top.String("idempotency_key");
  if (top.Object("body") != nullptr) request.body_json = json::serialize(object.at("body"));
  DOCKET_RETURN_IF_ERROR(top.status());
  std::optional<WebhookShape> parsed = WebhookShapeFromName(shape);
  if (!parsed) return InvalidArgumentError("webhook request: unknown shape `" + shape + "`");
  request.shape = *parsed;
  return request;
}

std::string SerializeWebhookResponse(const WebhookResponse& response) {
  json::object out;
  out["format"] = kWebhookResponseFormat;
  out["outcome"] = ChatOutcomeName(response.outcome);
  out["http_status"] = response.http_status;
  out["attempts"] = response.attempts;
  out["detail"] = response.detail;
  out["created_ref"] = response.created_ref;
  return json::serialize(out);
}

StatusOr<WebhookResponse> ParseWebhookResponse(std::string_view bytes) {
  DOCKET_ASSIGN_OR_RETURN(json::object object,
                          ParseObject(bytes, kWebhookResponseFormat, "webhook response"));
  FieldReader top(object, "webhook response");
  WebhookResponse response;
  const std::string outcome = top.String("outcome");
  response.http_status = top.Unsigned32("http_status");
  response.attempts = top.Unsigned32("attempts");
  response.detail = top.String("detail");
  response.created_ref = top.String("created_ref");
  DOCKET_RETURN_IF_ERROR(top.status());
  std::optional<ChatOutcome> parsed = ChatOutcomeFromName(outcome);
  if (!parsed) return InvalidArgumentError("webhook response: unknown outcome `" + outcome + "`");
  response.outcome = *parsed;
  return response;
}

}  // namespace docket::workflows::synthesize
