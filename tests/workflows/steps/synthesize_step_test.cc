// The synthesize step end to end with a scripted Effects door: the fault matrix over every
// model outcome and every kind of bad answer, repair, fallback, the step's errors,
// determinism and bounded concurrency.
#include "workflows/steps/synthesize_step.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <regex>

#include <boost/json.hpp>

#include "engine/base/sha256.h"
#include "tests/workflows/synthesize/synthesis_fixture.h"
#include "workflows/synthesize/answer_validator.h"

namespace docket::workflows::synthesize::testing {
namespace {

struct Outputs {
  engine::StepOutputs out;
  std::vector<ChatRequest> requests;
  std::vector<WebhookRequest> posts;
};

StatusOr<Outputs> RunWith(ScriptedEffects::ChatScript script, const std::string& config = "",
                          StepInputs inputs = FixtureInputs()) {
  ScriptedEffects effects(std::move(script));
  DOCKET_ASSIGN_OR_RETURN(engine::StepOutputs out, RunSynthesize(config.empty() ? "{}" : config,
                                                                 std::move(inputs), effects));
  return Outputs{std::move(out), effects.requests(), effects.posts()};
}

// The answers the fallback delivers for the fixture, keyed "task/group".
const std::map<std::string, json::value>& FallbackAnswers() {
  static const std::map<std::string, json::value> answers = [] {
    StatusOr<Outputs> run = RunWith(nullptr, "use_model: false");
    EXPECT_TRUE(run.ok()) << run.status().ToString();
    std::map<std::string, json::value> a;
    const json::object summaries = JsonOf(run->out, "summaries");
    const json::object tickets = JsonOf(run->out, "tickets");
    for (const json::value& g : summaries.at("groups").as_array()) {
      a["theme_summary/" + std::string(g.at("group").as_string())] = g.at("summary");
    }
    for (const json::value& t : tickets.at("tickets").as_array()) {
      a["triage_ticket/" + std::string(t.at("group").as_string())] = t.at("draft");
    }
    a["rollback_guidance/"] = JsonOf(run->out, "rollback").at("guidance");
    a["release_notes/"] = JsonOf(run->out, "synthesis").at("release_notes").at("content");
    return a;
  }();
  return answers;
}

const char* TextField(const std::string& task) {
  if (task == "release_notes") return "headline";
  return task == "rollback_guidance" ? "reason" : "summary";
}

// The quote references ("f1", "f2", …) the request's messages show, in order.
std::vector<std::string> QuoteRefs(const ChatRequest& r) {
  std::vector<std::string> refs;
  const std::regex ref(R"(\bf[0-9]+\b)");
  for (const ChatMessage& m : r.messages) {
    for (auto it = std::sregex_iterator(m.content.begin(), m.content.end(), ref);
         it != std::sregex_iterator(); ++it) {
      if (std::find(refs.begin(), refs.end(), it->str()) == refs.end()) refs.push_back(it->str());
    }
  }
  return refs;
}

// Answers cite quotes by the references the prompt showed, never by record id: the
// artifacts' record ids, in the fallback's order, back to the prompt's references.
void CiteByReference(json::value& v, const std::vector<std::string>& refs) {
  if (v.is_array()) {
    for (json::value& x : v.get_array()) CiteByReference(x, refs);
  } else if (v.is_object()) {
    for (auto& [key, value] : v.get_object()) {
      if (key != "cited_ids" || !value.is_array()) {
        CiteByReference(value, refs);
        continue;
      }
      json::array& ids = value.get_array();
      for (size_t i = 0; i < ids.size() && i < refs.size(); ++i) ids[i] = refs[i];
    }
  }
}

// A valid model answer: the fallback's, with its text marked as the model's.
json::object ValidAnswer(const ChatRequest& r) {
  json::value a = FallbackAnswers().at(r.task + "/" + GroupOf(r));
  CiteByReference(a, QuoteRefs(r));
  json::object& o = a.as_object();
  o[TextField(r.task)] = "Model: " + std::string(o[TextField(r.task)].as_string());
  return o;
}

enum class Bad { kInvalidJson, kSchema, kHallucinatedId, kUrl, kEmail };

std::string BadAnswer(const ChatRequest& r, Bad bad) {
  json::object a = ValidAnswer(r);
  switch (bad) {
    case Bad::kInvalidJson:
      return "{\"group\": ";
    case Bad::kSchema:
      a.erase("cited_ids");
      break;
    case Bad::kHallucinatedId:
      a["cited_ids"] = json::array{"z-999"};
      break;
    case Bad::kUrl:
      a[TextField(r.task)] = "Details at https://status.evil.example/incident";
      break;
    case Bad::kEmail:
      a[TextField(r.task)] = "Write to help@evil.example";
      break;
  }
  return json::serialize(a);
}

struct Cell {
  std::string name;
  std::function<ChatResponse(const ChatRequest&)> answer;
  std::string source, reason;
  uint32_t attempts;
};

std::vector<Cell> FaultMatrix() {
  std::vector<Cell> cells;
  for (ChatOutcome o :
       {ChatOutcome::kContentFilter, ChatOutcome::kRefusal, ChatOutcome::kUnavailable,
        ChatOutcome::kRejected, ChatOutcome::kInvalidResponse, ChatOutcome::kCircuitOpen,
        ChatOutcome::kDeadlineExceeded, ChatOutcome::kNotConfigured}) {
    const std::string name(ChatOutcomeName(o));
    cells.push_back({name, [o](const ChatRequest&) { return Served(o, "I can't help."); },
                     "fallback", name, 1});
  }
  const auto valid = [](const ChatRequest& r) {
    return Served(ChatOutcome::kOk, json::serialize(ValidAnswer(r)));
  };
  cells.push_back({"valid", valid, "model", "valid", 1});
  const std::pair<const char*, Bad> bads[] = {{"invalid_json", Bad::kInvalidJson},
                                              {"schema_violation", Bad::kSchema},
                                              {"hallucinated_id", Bad::kHallucinatedId},
                                              {"unknown_url", Bad::kUrl},
                                              {"unknown_email", Bad::kEmail}};
  for (const auto& [name, bad] : bads) {
    const auto bad_answer = [bad](const ChatRequest& r) {
      return Served(ChatOutcome::kOk, BadAnswer(r, bad));
    };
    cells.push_back(
        {std::string(name) + "_twice", bad_answer, "fallback", "invalid_after_repair", 2});
    cells.push_back({std::string(name) + "_then_repaired",
                     [bad_answer, valid](const ChatRequest& r) {
                       return r.attempt == 1 ? bad_answer(r) : valid(r);
                     },
                     "model", "repaired", 2});
  }
  const auto truncated = [](const ChatRequest& r) {
    return Served(ChatOutcome::kTruncated, json::serialize(ValidAnswer(r)).substr(0, 20));
  };
  cells.push_back({"truncated_then_repaired",
                   [=](const ChatRequest& r) { return r.attempt == 1 ? truncated(r) : valid(r); },
                   "model", "repaired", 2});
  cells.push_back({"truncated_twice", truncated, "fallback", "invalid_after_repair", 2});
  cells.push_back({"repair_unavailable",
                   [](const ChatRequest& r) {
                     return r.attempt == 1 ? Served(ChatOutcome::kOk, "nope")
                                           : Served(ChatOutcome::kUnavailable);
                   },
                   "fallback", "unavailable", 2});
  return cells;
}

std::unique_ptr<AnswerSchema> Schema(const std::string& task) {
  const std::string path = SourceDir() + "/workflows/prompts/schemas/" + task + ".schema.json";
  return std::move(*AnswerSchema::Compile(task, Slurp(path)));
}

void ExpectValid(const std::string& task, const json::value& answer, const std::string& cell) {
  const std::vector<std::string> v = Schema(task)->Violations(answer);
  EXPECT_TRUE(v.empty()) << cell << " " << task << ": " << v.front();
}

// Every delivered answer validates against its schema and says where it came from.
void ExpectDelivered(const engine::StepOutputs& out, const Cell& cell) {
  const json::object summaries = JsonOf(out, "summaries");
  const json::object tickets = JsonOf(out, "tickets");
  for (const json::value& g : summaries.at("groups").as_array()) {
    ExpectValid("theme_summary", g.at("summary"), cell.name);
    EXPECT_EQ(g.at("generated_by").at("source"), cell.source.c_str()) << cell.name;
    EXPECT_EQ(g.at("generated_by").at("reason"), cell.reason.c_str()) << cell.name;
  }
  for (const json::value& t : tickets.at("tickets").as_array()) {
    ExpectValid("triage_ticket", t.at("draft"), cell.name);
  }
  ExpectValid("rollback_guidance", JsonOf(out, "rollback").at("guidance"), cell.name);
  const json::object manifest = JsonOf(out, "synthesis");
  ExpectValid("release_notes", manifest.at("release_notes").at("content"), cell.name);
  for (const json::value& task : manifest.at("tasks").as_array()) {
    EXPECT_EQ(task.at("source"), cell.source.c_str()) << cell.name << " " << task;
    EXPECT_EQ(task.at("reason"), cell.reason.c_str()) << cell.name << " " << task;
    EXPECT_EQ(task.at("attempts").to_number<uint32_t>(), cell.attempts) << cell.name;
  }
  const std::string& notes = out.at("release_notes").data();
  EXPECT_NE(notes.find(cell.source == "model" ? "Written by the model fake-model-1"
                                              : "template fallback (reason: " + cell.reason),
            std::string::npos)
      << cell.name << "\n"
      << notes;
}

TEST(SynthesizeStepTest, FaultMatrix) {
  for (const Cell& cell : FaultMatrix()) {
    StatusOr<Outputs> run = RunWith([&](const ChatRequest& r) { return cell.answer(r); });
    ASSERT_TRUE(run.ok()) << cell.name << ": " << run.status().ToString();
    ExpectDelivered(run->out, cell);
    EXPECT_FALSE(run->requests.empty());
  }
}

TEST(SynthesizeStepTest, AValidModelAnswerIsUsedAsIs) {
  StatusOr<Outputs> run = RunWith([](const ChatRequest& r) {
    return Served(ChatOutcome::kOk, json::serialize(ValidAnswer(r)));
  });
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  const json::object summaries = JsonOf(run->out, "summaries");
  const json::value& first = summaries.at("groups").at(0);
  EXPECT_EQ(first.at("group"), "checkout");
  EXPECT_EQ(first.at("summary").at("summary").as_string().rfind("Model: ", 0), 0u);
  const json::object& by = first.at("generated_by").as_object();
  EXPECT_EQ(by.at("provider"), "fake");
  EXPECT_EQ(by.at("model"), "fake-model-1");
  EXPECT_EQ(by.at("attempts"), 1);
  EXPECT_EQ(by.at("prompt").at("id"), "theme_summary");
  EXPECT_NE(run->out.at("release_notes").data().find("# Model: Acme Shop 9.0.0"),
            std::string::npos);
}

TEST(SynthesizeStepTest, RequestsCarryPromptSchemaSeedAndParameters) {
  StatusOr<Outputs> run = RunWith(
      [](const ChatRequest& r) {
        return r.attempt == 1 ? Served(ChatOutcome::kOk, BadAnswer(r, Bad::kHallucinatedId))
                              : Served(ChatOutcome::kOk, json::serialize(ValidAnswer(r)));
      },
      "temperature: 0.3\nmax_tokens: 900\n");
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  // 3 summaries + release notes + 1 ticket + rollback, each tried twice.
  ASSERT_EQ(run->requests.size(), 12u);
  for (const ChatRequest& r : run->requests) {
    EXPECT_EQ(r.seed, 7u);
    EXPECT_EQ(r.temperature_milli, 300u);
    EXPECT_EQ(r.max_tokens, 900u);
    EXPECT_EQ(r.schema_id, "docket.synthesis." + r.task + ".v1");
    EXPECT_EQ(r.prompt.id, r.task);
    EXPECT_EQ(r.prompt.digest.size(), 7u + 64u);
    if (r.attempt == 2) {
      ASSERT_EQ(r.messages.size(), 4u);
      EXPECT_EQ(r.messages[2].role, "assistant");
      EXPECT_NE(r.messages[3].content.find("z-999"), std::string::npos);
    }
  }
}

TEST(SynthesizeStepTest, PromptsHoldOnlyRedactedEvidence) {
  StatusOr<Outputs> run =
      RunWith([](const ChatRequest&) { return Served(ChatOutcome::kNotConfigured); });
  ASSERT_TRUE(run.ok());
  bool quoted = false;
  for (const ChatRequest& r : run->requests) {
    for (const ChatMessage& m : r.messages) {
      quoted = quoted || m.content.find("<EMAIL> got no receipt") != std::string::npos;
      EXPECT_EQ(m.content.find("Old version report"), std::string::npos);
    }
  }
  EXPECT_TRUE(quoted);
}

TEST(SynthesizeStepTest, AnEffectsErrorFailsTheStep) {
  StatusOr<Outputs> run = RunWith([](const ChatRequest&) -> StatusOr<ChatResponse> {
    return FailedPreconditionError("egress guard refused the payload");
  });
  ASSERT_FALSE(run.ok());
  EXPECT_EQ(run.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(run.status().message().find("egress guard"), std::string::npos);
}

TEST(SynthesizeStepTest, UseModelFalseMakesNoCalls) {
  StatusOr<Outputs> run = RunWith(
      [](const ChatRequest&) -> StatusOr<ChatResponse> {
        return InternalError("must not be called");
      },
      "use_model: false");
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  EXPECT_TRUE(run->requests.empty());
  EXPECT_EQ(JsonOf(run->out, "synthesis").at("tasks").at(0).at("reason"), "model_disabled");
}

TEST(SynthesizeStepTest, AMissingPromptVariableFailsTheStep) {
  StepInputs inputs = FixtureInputs();
  std::string manifest, prompt;
  for (const engine::Artifact& f : inputs["prompts"]) {
    if (f.name == "manifest.yaml") manifest = f.data();
    if (f.name == "theme_summary.mustache") prompt = f.data();
  }
  const std::string old_digest = Sha256(prompt).Hex();
  prompt += "Owner: {{group.owner}}\n";
  manifest.replace(manifest.find(old_digest), old_digest.size(), Sha256(prompt).Hex());
  ReplaceFile(inputs["prompts"], "theme_summary.mustache", prompt);
  ReplaceFile(inputs["prompts"], "manifest.yaml", manifest);
  StatusOr<Outputs> run =
      RunWith([](const ChatRequest&) { return Served(ChatOutcome::kNotConfigured); }, "", inputs);
  ASSERT_FALSE(run.ok());
  EXPECT_EQ(run.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(run.status().message().find("group.owner"), std::string::npos);
}

TEST(SynthesizeStepTest, AManifestDigestMismatchFailsTheStep) {
  StepInputs inputs = FixtureInputs();
  ReplaceFile(inputs["prompts"], "release_notes.mustache", "edited\n{{! user }}\nhi\n");
  StatusOr<Outputs> run = RunWith(nullptr, "use_model: false", inputs);
  ASSERT_FALSE(run.ok());
  EXPECT_NE(run.status().message().find("release_notes.mustache"), std::string::npos);
}

// Answers that depend only on the request, mixing every path.
StatusOr<ChatResponse> Mixed(const ChatRequest& r) {
  const std::string group = GroupOf(r);
  if (group == "login") return Served(ChatOutcome::kRefusal, "no");
  if (group == "search" && r.attempt == 1) return Served(ChatOutcome::kOk, "{");
  if (r.task == "rollback_guidance") return Served(ChatOutcome::kContentFilter);
  return Served(ChatOutcome::kOk, json::serialize(ValidAnswer(r)));
}

TEST(SynthesizeStepTest, OutputsAreDeterministicAndIndependentOfConcurrency) {
  std::map<std::string, std::string> first;
  for (const char* config :
       {"concurrency: 4", "concurrency: 4", "concurrency: 1", "concurrency: 16"}) {
    StatusOr<Outputs> run = RunWith(Mixed, config);
    ASSERT_TRUE(run.ok()) << run.status().ToString();
    for (const auto& [port, artifact] : run->out) {
      if (first.count(port) == 0) first[port] = artifact.data();
      EXPECT_EQ(first[port], artifact.data()) << config << " " << port;
    }
  }
  const json::object manifest = json::parse(first["synthesis"]).as_object();
  std::map<std::string, std::string> reasons;
  for (const json::value& t : manifest.at("tasks").as_array()) {
    reasons[std::string(t.at("task").as_string()) + "/" + std::string(t.at("group").as_string())] =
        std::string(t.at("reason").as_string());
  }
  EXPECT_EQ(reasons["theme_summary/checkout"], "valid");
  EXPECT_EQ(reasons["theme_summary/login"], "refusal");
  EXPECT_EQ(reasons["theme_summary/search"], "repaired");
  EXPECT_EQ(reasons["rollback_guidance/"], "content_filter");
}

TEST(SynthesizeStepTest, GroupsAndTheirOrder) {
  StatusOr<Outputs> run = RunWith(nullptr, "use_model: false");
  ASSERT_TRUE(run.ok());
  const json::object s = JsonOf(run->out, "summaries");
  EXPECT_EQ(s.at("groups_from"), "feature_area");
  const json::array& groups = s.at("groups").as_array();
  ASSERT_EQ(groups.size(), 3u);
  EXPECT_EQ(groups[0].at("group"), "checkout");  // high risk first
  EXPECT_EQ(groups[0].at("summary").at("cited_ids"), (json::array{"z-101", "z-102", "z-104"}));
  const json::object tickets = JsonOf(run->out, "tickets");
  ASSERT_EQ(tickets.at("tickets").as_array().size(), 1u);
  const json::value& t = tickets.at("tickets").at(0);
  EXPECT_EQ(t.at("telemetry").at("request_ids"), (json::array{"req-a1", "req-b2"}));
  EXPECT_EQ(t.at("draft").at("severity"), "critical");
  const json::object rollback = JsonOf(run->out, "rollback");
  EXPECT_EQ(rollback.at("required"), true);
  // The enabled flag new_checkout names the failing area checkout.
  EXPECT_EQ(rollback.at("guidance").at("action"), "disable_flag");
  EXPECT_EQ(rollback.at("guidance").at("target"), "new_checkout");

  StatusOr<Outputs> bounded = RunWith(nullptr, "use_model: false\nmax_themes: 1");
  ASSERT_TRUE(bounded.ok());
  EXPECT_EQ(JsonOf(bounded->out, "summaries").at("groups").as_array().size(), 1u);
  EXPECT_EQ(JsonOf(bounded->out, "summaries").at("groups_total"), 3);
}

TEST(SynthesizeStepTest, ThemesAreTheGroupsWhenGiven) {
  StatusOr<Outputs> run = RunWith(nullptr, "use_model: false", FixtureInputs(true));
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  const json::object s = JsonOf(run->out, "summaries");
  EXPECT_EQ(s.at("groups_from"), "themes");
  EXPECT_EQ(s.at("groups").at(0).at("group"), "t1");
  EXPECT_EQ(s.at("groups").at(0).at("label"), "declined, payment, card");
}

TEST(SynthesizeStepTest, RollbackByFlagAndNotRequired) {
  StepInputs renamed = FixtureInputs();
  json::object evidence = FixtureEvidence();
  evidence["globals"].as_object().erase("signals.flags.new_checkout.enabled");
  evidence["globals"].as_object()["signals.flags.payments_v2.enabled"] = true;
  renamed["evidence"] = {JsonArtifact(kKindEvidence, "evidence.json", evidence)};
  StatusOr<Outputs> mapped =
      RunWith(nullptr, "use_model: false\nflag_areas: [payments_v2=checkout]", renamed);
  ASSERT_TRUE(mapped.ok()) << mapped.status().ToString();
  const json::object by_flag = JsonOf(mapped->out, "rollback");
  EXPECT_EQ(by_flag.at("guidance").at("action"), "disable_flag");
  EXPECT_EQ(by_flag.at("guidance").at("target"), "payments_v2");
  StatusOr<Outputs> unmapped = RunWith(nullptr, "use_model: false", renamed);
  ASSERT_TRUE(unmapped.ok());
  const json::object by_release = JsonOf(unmapped->out, "rollback");
  EXPECT_EQ(by_release.at("guidance").at("action"), "roll_back_release");
  EXPECT_EQ(by_release.at("guidance").at("target"), "rc-9");

  StepInputs inputs = FixtureInputs();
  json::object decision = FixtureDecision();
  decision["rules"] = json::array{Rule("rating-drop", "", "", "warn", false)};
  inputs["decision"] = {JsonArtifact(kKindDecision, "decision.json", decision)};
  StatusOr<Outputs> calm = RunWith(nullptr, "use_model: false", inputs);
  ASSERT_TRUE(calm.ok()) << calm.status().ToString();
  const json::object none = JsonOf(calm->out, "rollback");
  EXPECT_EQ(none.at("required"), false);
  EXPECT_TRUE(none.at("guidance").is_null());
  EXPECT_EQ(none.at("generated_by").at("reason"), "no_key_rule_failed");
}

TEST(SynthesizeStepTest, TicketDraftsArePostedInTheTrackersShape) {
  const auto not_configured = [](const ChatRequest&) {
    return Served(ChatOutcome::kNotConfigured);
  };
  StatusOr<Outputs> jira =
      RunWith(not_configured, "ticket_sink: tracker\nticket_shape: jira\nticket_project: SHOP\n");
  ASSERT_TRUE(jira.ok()) << jira.status().ToString();
  ASSERT_EQ(jira->posts.size(), 1u);
  const WebhookRequest& post = jira->posts[0];
  EXPECT_EQ(post.sink, "tracker");
  EXPECT_EQ(post.shape, WebhookShape::kJira);
  EXPECT_EQ(post.idempotency_key, "rc-9/checkout");
  const json::value body = json::parse(post.body_json);
  EXPECT_EQ(body.at("fields").at("project").at("key"), "SHOP");
  EXPECT_EQ(body.at("fields").at("priority").at("name"), "Highest");
  EXPECT_NE(body.at("fields").at("description").as_string().find("> Card declined"),
            std::string::npos);
  const json::object posted_tickets = JsonOf(jira->out, "tickets");
  const json::value& posted = posted_tickets.at("tickets").at(0).at("posted");
  EXPECT_EQ(posted.at("created_ref"), "SHOP-1");
  EXPECT_EQ(posted.at("outcome"), "ok");

  StatusOr<Outputs> github = RunWith(not_configured, "ticket_sink: gh\nticket_shape: github\n");
  ASSERT_TRUE(github.ok());
  const json::value gh = json::parse(github->posts.at(0).body_json);
  EXPECT_TRUE(gh.at("title").is_string());
  EXPECT_TRUE(gh.at("labels").is_array());

  StatusOr<Outputs> generic = RunWith(not_configured, "ticket_sink: hook\n");
  ASSERT_TRUE(generic.ok());
  EXPECT_EQ(json::parse(generic->posts.at(0).body_json).at("group"), "checkout");

  StatusOr<Outputs> no_project = RunWith(not_configured, "ticket_sink: t\nticket_shape: jira\n");
  EXPECT_FALSE(no_project.ok());
}

}  // namespace
}  // namespace docket::workflows::synthesize::testing
