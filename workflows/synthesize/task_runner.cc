#include "workflows/synthesize/task_runner.h"

#include <boost/json.hpp>
#include <optional>
#include <thread>

#include "workflows/synthesize/chat_call.h"

namespace docket::workflows::synthesize {
namespace {

namespace json = boost::json;

TaskResult Fallback(const TaskPlan& plan, TaskResult result, std::string reason) {
  result.answer = plan.fallback;
  result.source = "fallback";
  result.reason = std::move(reason);
  return result;
}

// One call through the door. A response that does not parse is answered as
// kInvalidResponse, so the task falls back instead of failing the step.
StatusOr<ChatResponse> Call(engine::Effects& effects, const ModelSettings& settings,
                            const TaskPlan& plan, std::vector<ChatMessage> messages,
                            uint32_t attempt) {
  ChatRequest request{.task = plan.task,
                      .prompt = plan.prompt->ref,
                      .messages = std::move(messages),
                      .schema_id = plan.prompt->schema_id,
                      .schema_json = plan.prompt->schema_json,
                      .temperature_milli = settings.temperature_milli,
                      .seed = settings.seed,
                      .max_tokens = settings.max_tokens,
                      .attempt = attempt};
  DOCKET_ASSIGN_OR_RETURN(std::string bytes, SerializeChatRequest(request));
  DOCKET_ASSIGN_OR_RETURN(
      std::string answer,
      effects.Call({settings.step_id, std::string(kChatEffectKind), std::move(bytes)}));
  StatusOr<ChatResponse> response = ParseChatResponse(answer);
  if (!response.ok()) {
    ChatResponse unreadable;
    unreadable.outcome = ChatOutcome::kInvalidResponse;
    unreadable.detail = "unreadable_response: " + response.status().message();
    return unreadable;
  }
  return response;
}

void Record(const ChatResponse& response, uint32_t attempt, TaskResult& result) {
  result.attempts = attempt;
  result.outcome = std::string(ChatOutcomeName(response.outcome));
  result.provider = response.provider;
  result.model = response.model;
  result.detail = response.detail;
}

// Problems of a served answer: the checker's, or truncation. Empty: usable as is.
std::vector<std::string> ProblemsOf(const ChatResponse& response, const TaskPlan& plan,
                                    json::value& answer) {
  if (response.outcome == ChatOutcome::kTruncated) {
    return {"the answer was cut off (finish_reason: length); answer more briefly"};
  }
  AnswerCheck check = CheckAnswer(response.content, *plan.prompt->schema, plan.facts);
  answer = std::move(check.answer);
  return check.problems;
}

bool Served(const ChatResponse& r) {
  return r.outcome == ChatOutcome::kOk || r.outcome == ChatOutcome::kTruncated;
}

std::string FallbackReason(const ChatResponse& r) {
  if (r.detail.rfind("unreadable_response", 0) == 0) return "unreadable_response";
  return std::string(ChatOutcomeName(r.outcome));
}

StatusOr<TaskResult> RunOne(engine::Effects& effects, const ModelSettings& settings,
                            const PromptSet& prompts, TaskPlan& plan) {
  TaskResult result;
  result.outcome = "none";
  if (!settings.use_model) return Fallback(plan, std::move(result), "model_disabled");
  DOCKET_ASSIGN_OR_RETURN(std::vector<ChatMessage> messages,
                          RenderPrompt(*plan.prompt, plan.model));
  for (const ChatMessage& m : messages) plan.facts.input_text += m.content + "\n";
  DOCKET_ASSIGN_OR_RETURN(ChatResponse first, Call(effects, settings, plan, messages, 1));
  Record(first, 1, result);
  if (!Served(first)) return Fallback(plan, std::move(result), FallbackReason(first));
  result.problems = ProblemsOf(first, plan, result.answer);
  if (result.problems.empty()) {
    result.source = "model";
    result.reason = "valid";
    return result;
  }
  // The repair attempt: the conversation so far, the bad answer, and what was wrong.
  json::array problems(result.problems.begin(), result.problems.end());
  const json::value repair_model = json::object{{"task", plan.task},
                                                {"schema_id", plan.prompt->schema_id},
                                                {"problems", std::move(problems)}};
  DOCKET_ASSIGN_OR_RETURN(std::vector<ChatMessage> repair,
                          RenderPrompt(prompts.repair(), repair_model));
  messages.push_back({"assistant", first.content});
  messages.push_back({"user", repair.back().content});
  DOCKET_ASSIGN_OR_RETURN(ChatResponse second, Call(effects, settings, plan, messages, 2));
  Record(second, 2, result);
  if (!Served(second)) return Fallback(plan, std::move(result), FallbackReason(second));
  result.problems = ProblemsOf(second, plan, result.answer);
  if (!result.problems.empty()) {
    return Fallback(plan, std::move(result), "invalid_after_repair");
  }
  result.source = "model";
  result.reason = "repaired";
  return result;
}

}  // namespace

StatusOr<std::vector<TaskResult>> RunTasks(engine::Effects& effects, const ModelSettings& settings,
                                           const PromptSet& prompts, std::vector<TaskPlan>& plans,
                                           const std::function<bool()>& cancelled) {
  std::vector<std::optional<StatusOr<TaskResult>>> slots(plans.size());
  std::atomic<size_t> next{0};
  std::atomic<bool> failed{false};
  const auto work = [&] {
    for (size_t i = next++; i < plans.size() && !failed; i = next++) {
      if (cancelled()) {
        slots[i] = CancelledError("synthesis cancelled");
      } else {
        slots[i] = RunOne(effects, settings, prompts, plans[i]);
      }
      if (!slots[i]->ok()) failed = true;
    }
  };
  const size_t workers = std::min(std::max<size_t>(settings.concurrency, 1), plans.size());
  std::vector<std::thread> threads;
  for (size_t t = 1; t < workers; ++t) threads.emplace_back(work);
  work();
  for (std::thread& t : threads) t.join();
  std::vector<TaskResult> results;
  for (std::optional<StatusOr<TaskResult>>& slot : slots) {
    if (slot && !slot->ok()) return slot->status();
  }
  for (std::optional<StatusOr<TaskResult>>& slot : slots) results.push_back(std::move(**slot));
  return results;
}

}  // namespace docket::workflows::synthesize
