// Test support for the synthesize step: the repository's prompts and fallback templates
// as workflow inputs, a small gate evidence/decision/records fixture (feature areas) and
// a theme-table variant, a scripted in-process Effects door, and a harness that builds
// the step from YAML config and runs it. Header-only; the scripted door is thread-safe.
#pragma once

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <mutex>
#include <string>
#include <vector>

#include "engine/base/time_format.h"
#include "engine/step_registry.h"
#include "engine/workflow_parser.h"
#include "workflows/steps/artifact_kinds.h"
#include "workflows/steps/records_artifact.h"
#include "workflows/steps/register.h"
#include "workflows/synthesize/chat_call.h"

namespace docket::workflows::synthesize::testing {

namespace json = boost::json;

inline std::string SourceDir() {
  const char* dir = std::getenv("DOCKET_SOURCE_DIR");
  return dir != nullptr ? dir : DOCKET_SOURCE_DIR;
}

inline std::string Slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Every file under `dir` (recursively, sorted) as artifacts of `kind`, named by file name.
inline std::vector<engine::Artifact> FilesUnder(const std::string& dir, const char* kind) {
  std::vector<std::filesystem::path> paths;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) paths.push_back(e.path());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<engine::Artifact> out;
  for (const auto& p : paths) {
    out.push_back(
        engine::Artifact::Make(kind, "application/octet-stream", p.filename().string(), Slurp(p)));
  }
  return out;
}

inline std::vector<engine::Artifact> RepoPrompts() {
  return FilesUnder(SourceDir() + "/workflows/prompts", kKindPromptFile);
}
inline std::vector<engine::Artifact> RepoTemplates() {
  return FilesUnder(SourceDir() + "/workflows/templates/synthesis", kKindTemplateFile);
}

// Replaces the bytes of the file named `name` among `files`.
inline void ReplaceFile(std::vector<engine::Artifact>& files, const std::string& name,
                        std::string bytes) {
  for (engine::Artifact& f : files) {
    if (f.name == name) f = engine::Artifact::Make(f.kind, f.media_type, f.name, std::move(bytes));
  }
}

inline json::object Metrics(int64_t observed, int64_t baseline, double expected, double ratio,
                            double q, bool flagged, int64_t high) {
  return json::object{{"baseline", baseline},
                      {"ci_high", "inf"},
                      {"expected", expected},
                      {"flagged", flagged},
                      {"high", high},
                      {"observed", observed},
                      {"p", q},
                      {"q", q},
                      {"rate_ratio", ratio}};
}

inline json::object FixtureEvidence(bool with_theme_dimension = false) {
  json::object globals{{"product", "Acme Shop"},
                       {"release.evaluate_at", "2026-11-03T00:00:00Z"},
                       {"release.id", "rc-9"},
                       {"release.version", "9.0.0"},
                       {"signals.flags.dark_mode.enabled", false},
                       {"signals.flags.new_checkout.enabled", true},
                       {"window.current_start", "2026-11-01T00:00:00Z"}};
  json::array areas{
      json::object{{"key", "checkout"}, {"metrics", Metrics(5, 70, 1.25, 4, 1e-6, true, 3)}},
      json::object{{"key", "login"}, {"metrics", Metrics(2, 35, 1.5, 1.3333, 0.6, false, 0)}},
      json::object{{"key", "search"}, {"metrics", Metrics(1, 84, 12, 0.0833, 1, false, 0)}}};
  json::object dims{{"feature_area", std::move(areas)}};
  if (with_theme_dimension) {
    dims["theme"] =
        json::array{json::object{{"key", "t1"}, {"metrics", Metrics(4, 20, 1, 4, 1e-5, true, 3)}}};
  }
  return json::object{{"schema", "docket.evidence.v1"},
                      {"globals", std::move(globals)},
                      {"dimensions", std::move(dims)}};
}

inline json::object Rule(const char* id, const char* instance, const char* for_each,
                         const char* outcome, bool key) {
  json::object r{
      {"id", id}, {"instance", instance}, {"outcome", outcome}, {"key", key}, {"mode", "enforce"}};
  if (for_each[0] != '\0') r["for_each"] = for_each;
  return r;
}

inline json::object FixtureDecision() {
  return json::object{
      {"schema", "docket.decision.v2"},
      {"verdict", "BLOCK"},
      {"rules", json::array{Rule("area-spike", "checkout", "feature_area", "fail", true),
                            Rule("area-spike", "search", "feature_area", "pass", true),
                            Rule("high-severity-spike", "high", "severity", "fail", true),
                            Rule("theme-growth", "t1", "theme", "fail", false),
                            Rule("rating-drop", "", "", "warn", false)}}};
}

inline json::object FixtureThemes() {
  return json::object{
      {"schema", "docket.themes.v1"},
      {"themes",
       json::array{
           json::object{{"id", "t1"},
                        {"size", 4},
                        {"terms", json::array{"declined", "payment", "card"}},
                        {"context", json::object{{"release_version", json::object{{"9.0.0", 4}}}}}},
           json::object{
               {"id", "t2"},
               {"size", 2},
               {"terms", json::array{"password", "login"}},
               {"context", json::object{{"release_version", json::object{{"9.0.0", 2}}}}}}}}};
}

inline FeedbackBatch FixtureRecords() {
  struct Row {
    const char *id, *area, *theme, *version, *at, *tier, *channel, *req, *code, *severity;
    double score;
    const char* text;
  };
  const Row rows[] = {
      {"z-101", "checkout", "t1", "9.0.0", "2026-11-01T10:00:00Z", "pro", "ticket", "req-a1",
       "PAY-402", "high", 5, "Card declined at checkout three times, <EMAIL> got no receipt"},
      {"z-102", "checkout", "t1", "9.0.0", "2026-11-01T11:00:00Z", "free", "review", "", "PAY-402",
       "high", 4, "Payment fails\nwith the new checkout"},
      {"z-103", "checkout", "t1", "9.0.0", "2026-11-02T09:00:00Z", "pro", "ticket", "req-b2", "",
       "medium", 2, "Checkout spinner never ends"},
      {"z-104", "checkout", "t1", "9.0.0", "2026-11-02T12:00:00Z", "free", "review", "", "", "high",
       4, "Charged twice for one \"order\""},
      {"z-105", "checkout", "", "9.0.0", "2026-11-02T13:00:00Z", "", "survey", "", "", "low", 0,
       ""},
      {"z-201", "login", "t2", "9.0.0", "2026-11-01T08:00:00Z", "pro", "ticket", "req-c3", "AUTH-9",
       "low", 1, "Password reset mail arrives late"},
      {"z-202", "login", "t2", "9.0.0", "2026-11-02T08:00:00Z", "free", "review", "", "", "low", 1,
       "Login asks for the code twice"},
      {"z-301", "search", "", "9.0.0", "2026-11-01T07:00:00Z", "free", "review", "", "", "low", 0,
       "Search is fine now"},
      {"z-900", "checkout", "t1", "8.9.0", "2026-11-01T10:00:00Z", "pro", "ticket", "", "", "high",
       5, "Old version report"},
      {"z-901", "checkout", "t1", "9.0.0", "2026-10-20T10:00:00Z", "pro", "ticket", "", "", "high",
       5, "Before the window"},
  };
  FeedbackBatch batch;
  for (const Row& row : rows) {
    FeedbackRecord* r = batch.add_records();
    r->set_id(row.id);
    r->set_feature_area(row.area);
    r->set_theme(row.theme[0] == '\0' ? "unthemed" : row.theme);
    r->set_release_version(row.version);
    r->set_created_at_us(std::chrono::duration_cast<std::chrono::microseconds>(
                             ParseRfc3339(row.at)->time_since_epoch())
                             .count());
    r->set_customer_tier(row.tier);
    r->set_channel(row.channel);
    r->set_request_id(row.req);
    r->set_error_code(row.code);
    r->set_severity(row.severity);
    r->set_severity_score(row.score);
    r->set_text(row.text);
  }
  return batch;
}

inline engine::Artifact JsonArtifact(const char* kind, const char* name, const json::object& o) {
  return engine::Artifact::Make(kind, kMediaJson, name, json::serialize(o));
}

using StepInputs = std::map<std::string, std::vector<engine::Artifact>>;

inline StepInputs FixtureInputs(bool themes = false) {
  StepInputs in;
  in["evidence"] = {JsonArtifact(kKindEvidence, "evidence.json", FixtureEvidence(themes))};
  in["decision"] = {JsonArtifact(kKindDecision, "decision.json", FixtureDecision())};
  in["records"] = {MakeRecordsArtifact(FixtureRecords())};
  if (themes) in["themes"] = {JsonArtifact(kKindThemes, "themes.json", FixtureThemes())};
  in["prompts"] = RepoPrompts();
  in["templates"] = RepoTemplates();
  return in;
}

// The group key a theme-summary or ticket request is about ("Group key: X" in the user
// message), or "" for run-wide tasks.
inline std::string GroupOf(const ChatRequest& request) {
  const std::string marker = "Group key: ";
  for (const ChatMessage& m : request.messages) {
    const size_t at = m.content.find(marker);
    if (at == std::string::npos) continue;
    const size_t from = at + marker.size();
    return m.content.substr(from, m.content.find_first_of(" \n", from) - from);
  }
  return "";
}

inline ChatResponse Served(ChatOutcome outcome, std::string content = {}) {
  ChatResponse r;
  r.outcome = outcome;
  r.content = std::move(content);
  r.provider = "fake";
  r.dialect = "openai";
  r.model = "fake-model-1";
  r.attempts = 1;
  r.detail = std::string(ChatOutcomeName(outcome));
  return r;
}

// An Effects door that answers "llm.chat" with a script and "webhook.post" with a
// created ref; it keeps every request. Thread-safe.
class ScriptedEffects final : public engine::Effects {
 public:
  using ChatScript = std::function<StatusOr<ChatResponse>(const ChatRequest&)>;
  explicit ScriptedEffects(ChatScript script) : script_(std::move(script)) {}

  StatusOr<std::string> Call(const engine::EffectCall& call) override {
    if (call.kind == kWebhookEffectKind) {
      StatusOr<WebhookRequest> request = ParseWebhookRequest(call.canonical_request);
      if (!request.ok()) return request.status();
      std::lock_guard<std::mutex> lock(mu_);
      posts_.push_back(*request);
      WebhookResponse response{.outcome = ChatOutcome::kOk,
                               .http_status = 201,
                               .attempts = 1,
                               .created_ref = "SHOP-" + std::to_string(posts_.size())};
      return SerializeWebhookResponse(response);
    }
    StatusOr<ChatRequest> request = ParseChatRequest(call.canonical_request);
    if (!request.ok()) return request.status();
    {
      std::lock_guard<std::mutex> lock(mu_);
      requests_.push_back(*request);
    }
    StatusOr<ChatResponse> response = script_(*request);
    if (!response.ok()) return response.status();
    return SerializeChatResponse(*response);
  }

  std::vector<ChatRequest> requests() const {
    std::lock_guard<std::mutex> lock(mu_);
    return requests_;
  }
  std::vector<WebhookRequest> posts() const {
    std::lock_guard<std::mutex> lock(mu_);
    return posts_;
  }

 private:
  ChatScript script_;
  mutable std::mutex mu_;
  std::vector<ChatRequest> requests_;
  std::vector<WebhookRequest> posts_;
};

// Builds the synthesize step from YAML config text and runs it on `inputs`.
inline StatusOr<engine::StepOutputs> RunSynthesize(const std::string& config_yaml,
                                                   StepInputs inputs, engine::Effects& effects) {
  engine::StepRegistry registry;
  DOCKET_RETURN_IF_ERROR(RegisterFeedbackSteps(registry));
  const engine::StepType* type = registry.Find("synthesize");
  if (type == nullptr) return InternalError("synthesize is not registered");
  std::vector<engine::Diagnostic> diagnostics;
  std::optional<engine::ConfigNode> node =
      engine::ParseYamlTree("config.yaml", config_yaml, diagnostics);
  if (!node) return engine::DiagnosticsToStatus(diagnostics);
  std::optional<engine::StepConfig> config =
      engine::StepConfig::Build(type->spec.config, *node, {"config.yaml", 1, 1}, diagnostics);
  if (!config) return engine::DiagnosticsToStatus(diagnostics);
  std::unique_ptr<engine::Step> step = type->factory(*config, diagnostics);
  if (!step) return engine::DiagnosticsToStatus(diagnostics);
  const std::map<std::string, std::string> params;
  std::atomic<bool> cancelled{false};
  engine::StepContext ctx("synthesize", *ParseRfc3339("2026-11-03T00:00:00Z"), 7, params, *config,
                          std::move(inputs), effects, cancelled);
  return step->Run(ctx);
}

inline json::object JsonOf(const engine::StepOutputs& out, const char* port) {
  return json::parse(out.at(port).data()).as_object();
}

}  // namespace docket::workflows::synthesize::testing
