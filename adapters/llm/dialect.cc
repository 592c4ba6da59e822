// Request shaping and answer classification per dialect; see dialect.h.
#include "adapters/llm/dialect.h"

#include <boost/json.hpp>
#include <cctype>
#include <cstdio>

#include "engine/base/encoding.h"
#include "engine/json_exact.h"

namespace docket::adapters::llm {
namespace {

namespace json = boost::json;
using workflows::synthesize::ChatOutcome;
using workflows::synthesize::ChatRequest;
using workflows::synthesize::ChatResponse;
using workflows::synthesize::WebhookRequest;
using workflows::synthesize::WebhookShape;

// json_schema names allow [A-Za-z0-9_-]{1,64}; schema ids use dots.
std::string SchemaName(std::string_view schema_id) {
  std::string name;
  for (char c : schema_id.substr(0, 64)) {
    const bool ok = std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
    name.push_back(ok ? c : '_');
  }
  return name.empty() ? "response" : name;
}

// "0.2" rather than Boost.JSON's "2E-1": exact for every temperature_milli.
std::string Temperature(uint32_t milli) {
  char text[32];
  std::snprintf(text, sizeof text, "%u.%03u", milli / 1000, milli % 1000);
  std::string out = text;
  while (out.back() == '0') out.pop_back();
  if (out.back() == '.') out.pop_back();
  return out;
}

json::value ResponseFormat(const ProviderProfile& profile, const ChatRequest& request) {
  if (!profile.capabilities.json_schema || request.schema_json.empty()) {
    return json::object{{"type", "json_object"}};
  }
  StatusOr<json::value> schema = engine::ParseJsonExact(request.schema_json, 64);
  if (!schema.ok()) return json::object{{"type", "json_object"}};
  return json::object{{"type", "json_schema"},
                      {"json_schema", json::object{{"name", SchemaName(request.schema_id)},
                                                   {"strict", true},
                                                   {"schema", std::move(*schema)}}}};
}

void AddAuth(AuthKind auth, std::string_view secret, HttpPost& post) {
  const std::string value(secret);
  switch (auth) {
    case AuthKind::kNone:
      return;
    case AuthKind::kApiKey:
      post.headers.emplace_back("api-key", value);
      return;
    case AuthKind::kBearer:
      post.headers.emplace_back("Authorization", "Bearer " + value);
      return;
    case AuthKind::kBasic:
      post.headers.emplace_back("Authorization", "Basic " + Base64Encode(value));
      return;
  }
}

// A provider's error code is worth quoting only if it looks like one.
std::string SafeToken(std::string_view s) {
  if (s.empty() || s.size() > 64) return {};
  for (char c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-' && c != '.') {
      return {};
    }
  }
  return std::string(s);
}

std::string SafeCode(const json::value* v) {
  return v != nullptr && v->is_string() ? SafeToken(v->get_string()) : std::string();
}

const json::object* ObjectAt(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  return v != nullptr && v->is_object() ? &v->get_object() : nullptr;
}

std::string StringAt(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  return v != nullptr && v->is_string() ? std::string(v->get_string()) : std::string();
}

uint64_t CountAt(const json::object* o, std::string_view key) {
  const json::value* v = o ? o->if_contains(key) : nullptr;
  if (v != nullptr && v->is_uint64()) return v->get_uint64();
  if (v != nullptr && v->is_int64() && v->get_int64() >= 0) return v->get_int64();
  return 0;
}

ChatResponse Invalid(std::string detail) {
  ChatResponse r;
  r.outcome = ChatOutcome::kInvalidResponse;
  r.detail = std::move(detail);
  return r;
}

ChatResponse ClassifyError(int status, const json::value* parsed) {
  ChatResponse r;
  const json::object* error =
      parsed && parsed->is_object() ? ObjectAt(parsed->get_object(), "error") : nullptr;
  const std::string code = error ? SafeCode(error->if_contains("code")) : "";
  const json::object* inner = error ? ObjectAt(*error, "innererror") : nullptr;
  const std::string inner_code = inner ? SafeCode(inner->if_contains("code")) : "";
  if (status == 400 && (code == "content_filter" || inner_code == "ResponsibleAIPolicyViolation")) {
    r.outcome = ChatOutcome::kContentFilter;
    r.detail = "HTTP 400 content_filter: the provider's content filter blocked the prompt";
    return r;
  }
  r.outcome = ChatOutcome::kRejected;
  r.detail = "HTTP " + std::to_string(status) + (code.empty() ? "" : " (" + code + ")");
  return r;
}

ChatResponse ClassifyChoice(const json::object& message, std::string finish_reason) {
  ChatResponse r;
  r.finish_reason = finish_reason;
  const std::string refusal = StringAt(message, "refusal");
  if (!refusal.empty()) {
    r.outcome = ChatOutcome::kRefusal;
    r.content = refusal;
    r.detail = "the model refused";
    return r;
  }
  if (finish_reason == "content_filter") {
    r.outcome = ChatOutcome::kContentFilter;
    r.detail = "finish_reason content_filter: the provider's content filter blocked the answer";
    return r;
  }
  const json::value* content = message.if_contains("content");
  if (finish_reason == "tool_calls" || finish_reason == "function_call") {
    return Invalid("the model answered with a tool call");
  }
  if (content == nullptr || !content->is_string()) {
    return Invalid("choices[0].message.content is not a string");
  }
  r.content = std::string(content->get_string());
  if (finish_reason == "length") {
    r.outcome = ChatOutcome::kTruncated;
    r.detail = "finish_reason length: the answer was cut off";
    return r;
  }
  if (!finish_reason.empty() && finish_reason != "stop" && finish_reason != "eos") {
    return Invalid("unexpected finish_reason `" + SafeToken(finish_reason) + "`");
  }
  if (r.content.empty()) return Invalid("the answer is empty");
  r.outcome = ChatOutcome::kOk;
  r.detail = "served";
  return r;
}

ChatResponse ClassifyCompletion(const json::value& parsed) {
  if (!parsed.is_object()) return Invalid("the answer is not a JSON object");
  const json::object& top = parsed.get_object();
  const json::value* choices = top.if_contains("choices");
  if (choices == nullptr || !choices->is_array() || choices->get_array().empty()) {
    return Invalid("the answer has no choices: not a chat completion");
  }
  const json::value& first = choices->get_array().front();
  const json::object* message =
      first.is_object() ? ObjectAt(first.get_object(), "message") : nullptr;
  if (message == nullptr) return Invalid("choices[0].message is missing");
  const json::value* reason = first.get_object().if_contains("finish_reason");
  if (reason != nullptr && !reason->is_string() && !reason->is_null()) {
    return Invalid("choices[0].finish_reason is not a string");
  }
  ChatResponse r = ClassifyChoice(
      *message, reason && reason->is_string() ? std::string(reason->get_string()) : std::string());
  r.model = StringAt(top, "model").substr(0, 128);
  const json::object* usage = ObjectAt(top, "usage");
  r.prompt_tokens = CountAt(usage, "prompt_tokens");
  r.completion_tokens = CountAt(usage, "completion_tokens");
  return r;
}

}  // namespace

std::string ChatUrl(const ProviderProfile& p) {
  switch (p.dialect) {
    case Dialect::kAzure:
      return p.base_url + "/openai/deployments/" + p.deployment +
             "/chat/completions?api-version=" + p.api_version;
    case Dialect::kAzureV1:
      return p.base_url + "/openai/v1/chat/completions" +
             (p.api_version.empty() ? "" : "?api-version=" + p.api_version);
    default:
      return p.base_url + "/v1/chat/completions";
  }
}

std::string ChatBody(const ProviderProfile& profile, const ChatRequest& request) {
  json::object body;
  if (profile.dialect != Dialect::kAzure) body["model"] = profile.ModelOrDeployment();
  json::array messages;
  for (const auto& m : request.messages) {
    messages.push_back(json::object{{"role", m.role}, {"content", m.content}});
  }
  body["messages"] = std::move(messages);
  if (request.max_tokens > 0) body["max_tokens"] = request.max_tokens;
  if (profile.capabilities.seed) body["seed"] = request.seed % (uint64_t{1} << 31);
  body["response_format"] = ResponseFormat(profile, request);
  // Temperature goes first, written by hand (see Temperature()).
  return "{\"temperature\":" + Temperature(request.temperature_milli) + "," +
         json::serialize(body).substr(1);
}

HttpPost BuildChatPost(const ProviderProfile& profile, const ChatRequest& request,
                       std::string_view secret) {
  HttpPost post;
  post.url = ChatUrl(profile);
  post.headers = {{"Content-Type", "application/json"}, {"Accept", "application/json"}};
  AddAuth(profile.auth, secret, post);
  post.body = ChatBody(profile, request);
  post.connect_timeout = profile.connect_timeout;
  post.total_timeout = profile.total_timeout;
  post.max_response_bytes = kMaxAnswerBytes;
  post.proxy = profile.proxy;
  return post;
}

bool IsRetryableStatus(int status) {
  return status == 408 || status == 409 || status == 429 || (status >= 500 && status <= 599);
}

ChatResponse ClassifyChatAnswer(int status, std::string_view body) {
  if (body.size() > kMaxAnswerBytes) return Invalid("the answer is too large");
  StatusOr<json::value> parsed = engine::ParseJsonExact(body, 64);
  if (status < 200 || status > 299) return ClassifyError(status, parsed.ok() ? &*parsed : nullptr);
  if (!parsed.ok())
    return Invalid("HTTP " + std::to_string(status) + " with a body that is not JSON");
  return ClassifyCompletion(*parsed);
}

HttpPost BuildWebhookPost(const WebhookProfile& sink, const WebhookRequest& request,
                          std::string_view secret) {
  HttpPost post;
  post.url = sink.url;
  post.headers = {{"Content-Type", "application/json"}};
  if (sink.shape == WebhookShape::kGithub) {
    post.headers.emplace_back("Accept", "application/vnd.github+json");
    post.headers.emplace_back("X-GitHub-Api-Version", "2022-11-28");
  } else {
    post.headers.emplace_back("Accept", "application/json");
  }
  if (!request.idempotency_key.empty()) {
    post.headers.emplace_back("Idempotency-Key", request.idempotency_key);
  }
  AddAuth(sink.auth, secret, post);
  post.body = request.body_json;
  post.connect_timeout = sink.connect_timeout;
  post.total_timeout = sink.total_timeout;
  post.max_response_bytes = 1 << 20;
  post.proxy = sink.proxy;
  return post;
}

std::string CreatedRef(WebhookShape shape, std::string_view body) {
  if (body.size() > kMaxAnswerBytes) return {};
  StatusOr<json::value> parsed = engine::ParseJsonExact(body, 64);
  if (!parsed.ok() || !parsed->is_object()) return {};
  const json::object& o = parsed->get_object();
  const std::string_view key = shape == WebhookShape::kJira     ? "key"
                               : shape == WebhookShape::kGithub ? "number"
                                                                : "id";
  const json::value* v = o.if_contains(key);
  if (v == nullptr) return {};
  if (v->is_uint64()) return std::to_string(v->get_uint64());
  if (v->is_int64()) return std::to_string(v->get_int64());
  return SafeCode(v);
}

}  // namespace docket::adapters::llm
