#include "engine/executor.h"

#include <gmock/gmock.h>
#include <google/protobuf/util/message_differencer.h>
#include <gtest/gtest.h>

#include <stdexcept>

#include <atomic>
#include <chrono>
#include <latch>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "engine/base/time_format.h"
#include "engine/seed.h"
#include "tests/testing/test_steps.h"

namespace docket::engine {
namespace {

using namespace std::chrono_literals;
using test::TextArtifact;
using test::TextIn;
using test::TextOut;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;

const Timestamp kStart = Timestamp(std::chrono::sys_days(std::chrono::year(2030) / 1 / 1));
const Timestamp kLogical =
    Timestamp(std::chrono::sys_days(std::chrono::year(2026) / 11 / 29)) + 13h;

std::string Hex(const Sha256Digest& d) { return "sha256:" + d.Hex(); }

// "TYPE#attempt[:CODE]" for each event of `step`, in order.
std::vector<std::string> StepEvents(const std::vector<RunEvent>& events, std::string_view step) {
  std::vector<std::string> out;
  for (const RunEvent& e : events) {
    if (e.step_id() != step) continue;
    std::string s = RunEvent::Type_Name(e.type()) + "#" + std::to_string(e.attempt());
    if (!e.status_code().empty()) s += ":" + e.status_code();
    out.push_back(s);
  }
  return out;
}

const RunEvent* FindEvent(const std::vector<RunEvent>& events, RunEvent::Type type,
                          std::string_view step) {
  for (const RunEvent& e : events) {
    if (e.type() == type && e.step_id() == step) return &e;
  }
  return nullptr;
}

class ExecutorTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(test::RegisterTestSteps(registry_).ok()); }

  // Parses and plans `yaml`; the plan lives in plan_.
  void Load(const std::string& yaml) {
    StatusOr<Plan> plan = test::PlanFromYaml(yaml, registry_);
    ASSERT_TRUE(plan.ok()) << plan.status().ToString();
    plan_ = std::make_unique<Plan>(std::move(plan).value());
  }

  ExecutorOptions Options(int threads = 2, Clock* clock = nullptr) {
    return ExecutorOptions{.threads = threads,
                           .clock = clock != nullptr ? clock : &clock_,
                           .effects = &effects_,
                           .sink = &sink_,
                           .store = &store_,
                           .engine_build_id = "docket-test-build"};
  }

  static RunRequest Request(std::map<std::string, std::vector<Artifact>> inputs = {},
                            std::map<std::string, std::string> params = {}) {
    return RunRequest{.run_id = "run-1",
                      .logical_time = kLogical,
                      .inputs = std::move(inputs),
                      .params = std::move(params)};
  }

  // Runs plan_ and expects Run itself to succeed.
  RunResult MustRun(ExecutorOptions options, RunRequest request = Request()) {
    Executor executor(std::move(options));
    StatusOr<RunResult> result = executor.Run(*plan_, std::move(request));
    EXPECT_TRUE(result.ok()) << result.status().ToString();
    return result.ok() ? std::move(result).value() : RunResult{};
  }

  bool Stored(std::string_view bytes) { return store_.Get(Sha256(bytes)).ok(); }

  StepRegistry registry_;
  FakeClock clock_{kStart};
  NoEffects effects_;
  RecordingEventSink sink_;
  MemoryArtifactStore store_;
  std::unique_ptr<Plan> plan_;
};

constexpr char kChain[] = R"(version: 1
name: chain
steps:
  - id: src
    type: test.source
    config: {value: hello}
  - id: up
    type: test.upper
    inputs: {in: src.out}
  - id: len
    type: test.length
    inputs: {in: up.out}
outputs:
  shouted: up.out
  size: len.out
)";

TEST_F(ExecutorTest, LinearChain) {
  ASSERT_NO_FATAL_FAILURE(Load(kChain));
  RunResult r = MustRun(Options());
  EXPECT_EQ(r.status, RunStatus::kSucceeded);
  ASSERT_EQ(r.outputs.size(), 2u);
  EXPECT_EQ(r.outputs.at("shouted").data(), "HELLO");
  EXPECT_EQ(r.outputs.at("size").data(), "5");
  EXPECT_EQ(r.outputs.at("size").kind, test::kNumberKind);
  for (const char* id : {"src", "up", "len"}) {
    EXPECT_EQ(r.steps.at(id).state, StepState::kSucceeded) << id;
    EXPECT_EQ(r.steps.at(id).attempts, 1u) << id;
    EXPECT_TRUE(r.steps.at(id).error.ok()) << id;
  }
  EXPECT_EQ(store_.size(), 3u);
  EXPECT_TRUE(Stored("hello"));
  EXPECT_TRUE(Stored("HELLO"));
  EXPECT_TRUE(Stored("5"));
}

TEST_F(ExecutorTest, LinearChainEventsAreOrderedAndNumbered) {
  ASSERT_NO_FATAL_FAILURE(Load(kChain));
  RunResult r = MustRun(Options());
  const std::vector<RunEvent> events = sink_.events();
  std::vector<std::string> seen;
  for (const RunEvent& e : events) {
    seen.push_back(RunEvent::Type_Name(e.type()) + (e.step_id().empty() ? "" : " " + e.step_id()));
  }
  EXPECT_THAT(seen, ElementsAre("RUN_STARTED", "STEP_STARTED src", "STEP_FINISHED src",
                                "STEP_STARTED up", "STEP_FINISHED up", "STEP_STARTED len",
                                "STEP_FINISHED len", "RUN_FINISHED"));
  for (size_t i = 0; i < events.size(); ++i) {
    EXPECT_EQ(events[i].sequence(), i + 1);
    EXPECT_EQ(events[i].run_id(), "run-1");
  }
  EXPECT_EQ(events.front().logical_time(), "2026-11-29T13:00:00Z");
  EXPECT_EQ(events.back().run_status(), "SUCCEEDED");
  const RunEvent* finished = FindEvent(events, RunEvent::STEP_FINISHED, "up");
  ASSERT_NE(finished, nullptr);
  ASSERT_THAT(finished->outputs(), SizeIs(1));
  EXPECT_EQ(finished->outputs(0).port(), "out");
  EXPECT_EQ(finished->outputs(0).kind(), "test.text");
  EXPECT_EQ(finished->outputs(0).media_type(), "text/plain");
  EXPECT_EQ(finished->outputs(0).digest(), Hex(Sha256("HELLO")));
  EXPECT_EQ(finished->outputs(0).size(), 5u);
  EXPECT_EQ(finished->attempt(), 1u);
}

constexpr char kDiamond[] = R"(version: 1
name: diamond
inputs:
  notes: {kind: test.text}
steps:
  - id: src
    type: test.source
    config: {value: ab}
  - id: left
    type: test.upper
    inputs: {in: src.out}
  - id: right
    type: test.concat
    config: {separator: "-"}
    inputs: {in: [src.out, src.out]}
  - id: join
    type: test.concat
    config: {separator: "+"}
    inputs:
      in: [left.out, right.out]
      extra: inputs.notes
outputs:
  joined: join.out
)";

TEST_F(ExecutorTest, Diamond) {
  ASSERT_NO_FATAL_FAILURE(Load(kDiamond));
  RunResult r = MustRun(Options(), Request({{"notes", {TextArtifact("n1"), TextArtifact("n2")}}}));
  EXPECT_EQ(r.status, RunStatus::kSucceeded);
  EXPECT_EQ(r.outputs.at("joined").data(), "AB+ab-ab+n1+n2");
  EXPECT_EQ(r.steps.at("right").outputs.at("out").data(), "ab-ab");
  EXPECT_EQ(r.steps.at("left").outputs.at("out").data(), "AB");
  EXPECT_EQ(store_.size(), 4u);  // ab, AB, ab-ab, AB+ab-ab+n1+n2 (inputs are not stored)
}

// Two steps that each wait for the other to have started: they finish only if the
// executor really runs them at the same time. No timing is involved.
TEST_F(ExecutorTest, IndependentStepsRunInParallel) {
  std::latch both_started(2);
  ASSERT_TRUE(test::RegisterFnStep(registry_, "test.rendezvous", {}, {TextOut("out")},
                                   [&](StepContext& ctx) -> StatusOr<StepOutputs> {
                                     both_started.arrive_and_wait();
                                     return StepOutputs{{"out", TextArtifact(ctx.step_id())}};
                                   })
                  .ok());
  ASSERT_NO_FATAL_FAILURE(Load(R"(version: 1
name: parallel
steps:
  - {id: a, type: test.rendezvous}
  - {id: b, type: test.rendezvous}
  - id: both
    type: test.concat
    inputs: {in: [a.out, b.out]}
outputs:
  both: both.out
)"));
  RunResult r = MustRun(Options(/*threads=*/2));
  EXPECT_EQ(r.status, RunStatus::kSucceeded);
  EXPECT_EQ(r.outputs.at("both").data(), "ab");
}

constexpr char kFailure[] = R"(version: 1
name: failure
steps:
  - id: src
    type: test.source
    config: {value: x}
  - id: bad
    type: test.fail
    inputs: {in: src.out}
  - id: after
    type: test.upper
    inputs: {in: bad.out}
  - id: after2
    type: test.upper
    inputs: {in: after.out}
  - id: ok
    type: test.upper
    inputs: {in: src.out}
outputs:
  good: ok.out
  doomed: after.out
)";

TEST_F(ExecutorTest, AThrowingStepFailsAloneWithInternal) {
  ASSERT_TRUE(test::RegisterFnStep(registry_, "test.fail", {TextIn("in")}, {TextOut("out")},
                                   [&](StepContext&) -> StatusOr<StepOutputs> {
                                     throw std::runtime_error("boom");
                                   })
                  .ok());
  ASSERT_NO_FATAL_FAILURE(Load(kFailure));
  RunResult r = MustRun(Options());
  EXPECT_EQ(r.status, RunStatus::kFailed);
  const StepOutcome& bad = r.steps.at("bad");
  EXPECT_EQ(bad.state, StepState::kFailed);
  EXPECT_EQ(bad.error.code(), StatusCode::kInternal);
  EXPECT_NE(bad.error.message().find("threw: boom"), std::string::npos) << bad.error.message();
  EXPECT_EQ(r.steps.at("ok").state, StepState::kSucceeded);
}

TEST_F(ExecutorTest, FailedStepFailsDependentsButNotIndependentBranches) {
  std::atomic<int> calls{0};
  ASSERT_TRUE(test::RegisterFnStep(registry_, "test.fail", {TextIn("in")}, {TextOut("out")},
                                   [&](StepContext&) -> StatusOr<StepOutputs> {
                                     ++calls;
                                     return InvalidArgumentError("no good");
                                   })
                  .ok());
  ASSERT_NO_FATAL_FAILURE(Load(kFailure));
  RunResult r = MustRun(Options());
  EXPECT_EQ(r.status, RunStatus::kFailed);
  EXPECT_EQ(calls.load(), 1);

  const StepOutcome& bad = r.steps.at("bad");
  EXPECT_EQ(bad.state, StepState::kFailed);
  EXPECT_EQ(bad.error, InvalidArgumentError("no good"));
  EXPECT_EQ(bad.attempts, 1u);
  const StepOutcome& after = r.steps.at("after");
  EXPECT_EQ(after.state, StepState::kFailed);
  EXPECT_EQ(after.error.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(after.error.message(), "upstream step `bad` failed: no good");
  EXPECT_EQ(after.attempts, 0u);
  EXPECT_EQ(r.steps.at("after2").state, StepState::kFailed);
  // However deep the chain of dependents, the message names the root cause once.
  EXPECT_EQ(r.steps.at("after2").error.message(), "upstream step `bad` failed: no good");
  EXPECT_FALSE(bad.upstream);
  EXPECT_TRUE(after.upstream);
  EXPECT_TRUE(r.steps.at("after2").upstream);
  EXPECT_EQ(r.steps.at("ok").state, StepState::kSucceeded);
  EXPECT_EQ(r.steps.at("src").state, StepState::kSucceeded);

  ASSERT_EQ(r.outputs.size(), 1u);
  EXPECT_EQ(r.outputs.at("good").data(), "X");

  const std::vector<RunEvent> events = sink_.events();
  EXPECT_THAT(StepEvents(events, "bad"),
              ElementsAre("STEP_STARTED#1", "STEP_FAILED#1:INVALID_ARGUMENT"));
  EXPECT_THAT(StepEvents(events, "after"), ElementsAre("STEP_FAILED#0:FAILED_PRECONDITION"));
  EXPECT_EQ(FindEvent(events, RunEvent::STEP_FAILED, "after")->message(),
            "upstream step `bad` failed: no good");
  EXPECT_THAT(StepEvents(events, "ok"), ElementsAre("STEP_STARTED#1", "STEP_FINISHED#1"));
  EXPECT_EQ(events.back().type(), RunEvent::RUN_FINISHED);
  EXPECT_EQ(events.back().run_status(), "FAILED");

  EXPECT_EQ(r.manifest.status(), "FAILED");
  EXPECT_EQ(r.manifest.steps(plan_->IndexOf("after")).error(),
            "FAILED_PRECONDITION: upstream step `bad` failed: no good");
  EXPECT_THAT(r.manifest.steps(plan_->IndexOf("after")).outputs(), IsEmpty());
}

// The flaky step fails `failures` times with `error`, then succeeds.
void RegisterFlaky(StepRegistry& registry, std::atomic<int>& calls, int failures, Status error) {
  ASSERT_TRUE(test::RegisterFnStep(
                  registry, "test.flaky", {}, {TextOut("out")},
                  [&calls, failures, error](StepContext&) -> StatusOr<StepOutputs> {
                    const int n = ++calls;
                    if (n <= failures) {
                      return Status(error.code(), error.message() + " " + std::to_string(n));
                    }
                    return StepOutputs{{"out", TextArtifact("finally")}};
                  })
                  .ok());
}

std::string FlakyWorkflow(std::string_view retry) {
  return "version: 1\nname: flaky\nsteps:\n  - id: flaky\n    type: test.flaky\n" +
         std::string(retry) + "outputs:\n  result: flaky.out\n";
}

TEST_F(ExecutorTest, RetriesUnavailableWithExponentialBackoff) {
  std::atomic<int> calls{0};
  ASSERT_NO_FATAL_FAILURE(RegisterFlaky(registry_, calls, 2, UnavailableError("try again")));
  ASSERT_NO_FATAL_FAILURE(Load(FlakyWorkflow("    retry: {max_attempts: 3}\n")));
  FakeClock clock(kStart, /*auto_advance=*/true);
  RunResult r = MustRun(Options(2, &clock));
  EXPECT_EQ(r.status, RunStatus::kSucceeded);
  EXPECT_EQ(calls.load(), 3);
  EXPECT_EQ(r.steps.at("flaky").attempts, 3u);
  EXPECT_EQ(r.outputs.at("result").data(), "finally");
  // Default backoff: 200ms, then 200ms * 2.
  EXPECT_EQ(clock.Now() - kStart, 600ms);
  EXPECT_EQ(clock.MonotonicNow(), MonoTime(600ms));

  const std::vector<RunEvent> events = sink_.events();
  EXPECT_THAT(
      StepEvents(events, "flaky"),
      ElementsAre("STEP_STARTED#1", "STEP_ATTEMPT_FAILED#1:UNAVAILABLE", "STEP_STARTED#2",
                  "STEP_ATTEMPT_FAILED#2:UNAVAILABLE", "STEP_STARTED#3", "STEP_FINISHED#3"));
  const RunEvent* failed = FindEvent(events, RunEvent::STEP_ATTEMPT_FAILED, "flaky");
  ASSERT_NE(failed, nullptr);
  EXPECT_EQ(failed->message(), "try again 1");
  EXPECT_EQ(r.manifest.steps(0).attempts(), 3u);
}

TEST_F(ExecutorTest, DeadlineExceededFromTheStepIsRetried) {
  std::atomic<int> calls{0};
  ASSERT_NO_FATAL_FAILURE(RegisterFlaky(registry_, calls, 1, DeadlineExceededError("slow")));
  ASSERT_NO_FATAL_FAILURE(Load(FlakyWorkflow("    retry: {max_attempts: 2}\n")));
  FakeClock clock(kStart, /*auto_advance=*/true);
  RunResult r = MustRun(Options(2, &clock));
  EXPECT_EQ(r.status, RunStatus::kSucceeded);
  EXPECT_EQ(r.steps.at("flaky").attempts, 2u);
  EXPECT_EQ(clock.Now() - kStart, 200ms);
}

TEST_F(ExecutorTest, RetriesAreExhausted) {
  std::atomic<int> calls{0};
  ASSERT_NO_FATAL_FAILURE(RegisterFlaky(registry_, calls, 100, UnavailableError("down")));
  ASSERT_NO_FATAL_FAILURE(Load(FlakyWorkflow("    retry: {max_attempts: 2}\n")));
  FakeClock clock(kStart, /*auto_advance=*/true);
  RunResult r = MustRun(Options(2, &clock));
  EXPECT_EQ(r.status, RunStatus::kFailed);
  EXPECT_EQ(calls.load(), 2);
  EXPECT_EQ(r.steps.at("flaky").attempts, 2u);
  EXPECT_EQ(r.steps.at("flaky").error, UnavailableError("down 2"));
  EXPECT_EQ(clock.Now() - kStart, 200ms);
  EXPECT_THAT(StepEvents(sink_.events(), "flaky"),
              ElementsAre("STEP_STARTED#1", "STEP_ATTEMPT_FAILED#1:UNAVAILABLE", "STEP_STARTED#2",
                          "STEP_FAILED#2:UNAVAILABLE"));
  EXPECT_TRUE(r.outputs.empty());
}

TEST_F(ExecutorTest, BackoffGrowsByMultiplierAndIsCapped) {
  std::atomic<int> calls{0};
  ASSERT_NO_FATAL_FAILURE(RegisterFlaky(registry_, calls, 100, UnavailableError("down")));
  ASSERT_NO_FATAL_FAILURE(Load(FlakyWorkflow(
      "    retry: {max_attempts: 4, initial_backoff: 1s, multiplier: 3, max_backoff: 2s}\n")));
  FakeClock clock(kStart, /*auto_advance=*/true);
  RunResult r = MustRun(Options(2, &clock));
  EXPECT_EQ(r.steps.at("flaky").attempts, 4u);
  EXPECT_EQ(clock.Now() - kStart, 5s);  // 1s + min(3s, 2s) + min(9s, 2s)
}

TEST_F(ExecutorTest, NonRetryableErrorsAreNotRetried) {
  std::atomic<int> calls{0};
  ASSERT_NO_FATAL_FAILURE(RegisterFlaky(registry_, calls, 100, InvalidArgumentError("bad")));
  ASSERT_NO_FATAL_FAILURE(Load(FlakyWorkflow("    retry: {max_attempts: 3}\n")));
  FakeClock clock(kStart, /*auto_advance=*/true);
  RunResult r = MustRun(Options(2, &clock));
  EXPECT_EQ(r.status, RunStatus::kFailed);
  EXPECT_EQ(calls.load(), 1);
  EXPECT_EQ(r.steps.at("flaky").attempts, 1u);
  EXPECT_EQ(clock.Now(), kStart);
  EXPECT_THAT(StepEvents(sink_.events(), "flaky"),
              ElementsAre("STEP_STARTED#1", "STEP_FAILED#1:INVALID_ARGUMENT"));
}

TEST_F(ExecutorTest, WithoutRetryPolicyUnavailableFailsAtOnce) {
  std::atomic<int> calls{0};
  ASSERT_NO_FATAL_FAILURE(RegisterFlaky(registry_, calls, 100, UnavailableError("down")));
  ASSERT_NO_FATAL_FAILURE(Load(FlakyWorkflow("")));
  RunResult r = MustRun(Options());
  EXPECT_EQ(calls.load(), 1);
  EXPECT_EQ(r.steps.at("flaky").state, StepState::kFailed);
}

// The step moves the fake clock past its own deadline, then blocks until the executor
// cancels it. Its late result must be ignored.
TEST_F(ExecutorTest, TimeoutFailsTheStepWithDeadlineExceeded) {
  std::atomic<bool> saw_cancel{false};
  ASSERT_TRUE(test::RegisterFnStep(registry_, "test.slow", {}, {TextOut("out")},
                                   [&](StepContext& ctx) -> StatusOr<StepOutputs> {
                                     clock_.Advance(6s);
                                     test::SpinUntilCancelled(ctx);
                                     saw_cancel = true;
                                     return StepOutputs{{"out", TextArtifact("too late")}};
                                   })
                  .ok());
  ASSERT_NO_FATAL_FAILURE(Load(R"(version: 1
name: timeout
steps:
  - id: slow
    type: test.slow
    timeout: 5s
  - id: next
    type: test.upper
    inputs: {in: slow.out}
)"));
  RunResult r = MustRun(Options());
  EXPECT_EQ(r.status, RunStatus::kFailed);
  EXPECT_TRUE(saw_cancel.load());
  const StepOutcome& slow = r.steps.at("slow");
  EXPECT_EQ(slow.state, StepState::kFailed);
  EXPECT_EQ(slow.error.code(), StatusCode::kDeadlineExceeded);
  EXPECT_EQ(slow.error.message(), "step `slow` exceeded its timeout of 5s");
  EXPECT_EQ(slow.attempts, 1u);
  EXPECT_TRUE(slow.outputs.empty());
  EXPECT_EQ(r.steps.at("next").state, StepState::kFailed);
  EXPECT_FALSE(Stored("too late"));
  EXPECT_EQ(store_.size(), 0u);
  EXPECT_THAT(StepEvents(sink_.events(), "slow"),
              ElementsAre("STEP_STARTED#1", "STEP_FAILED#1:DEADLINE_EXCEEDED"));
}

TEST_F(ExecutorTest, StepFinishingWithinItsTimeoutSucceeds) {
  ASSERT_TRUE(test::RegisterFnStep(registry_, "test.quick", {}, {TextOut("out")},
                                   [&](StepContext&) -> StatusOr<StepOutputs> {
                                     clock_.Advance(4s);
                                     return StepOutputs{{"out", TextArtifact("in time")}};
                                   })
                  .ok());
  ASSERT_NO_FATAL_FAILURE(
      Load("version: 1\nname: quick\nsteps:\n  - id: q\n    type: test.quick\n    timeout: 5s\n"));
  RunResult r = MustRun(Options());
  EXPECT_EQ(r.status, RunStatus::kSucceeded);
  EXPECT_TRUE(Stored("in time"));
}

constexpr char kCancel[] = R"(version: 1
name: cancel
steps:
  - id: src
    type: test.source
    config: {value: first}
  - id: block
    type: test.block
    inputs: {in: src.out}
  - id: after
    type: test.upper
    inputs: {in: block.out}
  - id: after2
    type: test.upper
    inputs: {in: after.out}
outputs:
  first: src.out
  last: after2.out
)";

TEST_F(ExecutorTest, CancelFromAnotherThread) {
  std::latch started(1);
  std::atomic<bool> saw_cancel{false};
  ASSERT_TRUE(test::RegisterFnStep(registry_, "test.block", {TextIn("in")}, {TextOut("out")},
                                   [&](StepContext& ctx) -> StatusOr<StepOutputs> {
                                     EXPECT_FALSE(ctx.cancelled());
                                     started.count_down();
                                     test::SpinUntilCancelled(ctx);
                                     saw_cancel = true;
                                     return CancelledError("stopped");
                                   })
                  .ok());
  ASSERT_NO_FATAL_FAILURE(Load(kCancel));
  Executor executor(Options());
  std::thread canceller([&] {
    started.wait();
    executor.Cancel();
  });
  StatusOr<RunResult> run = executor.Run(*plan_, Request());
  canceller.join();
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  const RunResult& r = *run;
  EXPECT_EQ(r.status, RunStatus::kCancelled);
  EXPECT_TRUE(saw_cancel.load());
  EXPECT_EQ(r.steps.at("src").state, StepState::kSucceeded);
  EXPECT_EQ(r.steps.at("block").state, StepState::kCancelled);
  EXPECT_EQ(r.steps.at("block").error, CancelledError("stopped"));
  EXPECT_EQ(r.steps.at("after").state, StepState::kCancelled);
  EXPECT_EQ(r.steps.at("after").error.message(), "upstream step `block` was cancelled: stopped");
  EXPECT_EQ(r.steps.at("after").attempts, 0u);
  EXPECT_EQ(r.steps.at("after2").state, StepState::kCancelled);
  EXPECT_EQ(r.steps.at("after2").attempts, 0u);
  // Only the finished step's output reached the store and the result.
  EXPECT_EQ(store_.size(), 1u);
  EXPECT_TRUE(Stored("first"));
  EXPECT_THAT(r.outputs, SizeIs(1));
  EXPECT_EQ(r.outputs.count("first"), 1u);

  const std::vector<RunEvent> events = sink_.events();
  EXPECT_THAT(StepEvents(events, "block"),
              ElementsAre("STEP_STARTED#1", "STEP_CANCELLED#1:CANCELLED"));
  EXPECT_THAT(StepEvents(events, "after"), ElementsAre("STEP_CANCELLED#0:CANCELLED"));
  EXPECT_THAT(StepEvents(events, "after2"), ElementsAre("STEP_CANCELLED#0:CANCELLED"));
  EXPECT_EQ(events.back().run_status(), "CANCELLED");
  EXPECT_EQ(r.manifest.status(), "CANCELLED");
  EXPECT_EQ(r.manifest.steps(plan_->IndexOf("after2")).status(), "CANCELLED");
}

TEST_F(ExecutorTest, CancelStopsRetries) {
  std::latch first_attempt(1);
  std::atomic<int> calls{0};
  ASSERT_TRUE(test::RegisterFnStep(registry_, "test.flaky", {}, {TextOut("out")},
                                   [&](StepContext& ctx) -> StatusOr<StepOutputs> {
                                     ++calls;
                                     first_attempt.count_down();
                                     test::SpinUntilCancelled(ctx);
                                     return UnavailableError("interrupted");
                                   })
                  .ok());
  ASSERT_NO_FATAL_FAILURE(Load(FlakyWorkflow("    retry: {max_attempts: 5}\n")));
  Executor executor(Options());
  std::thread canceller([&] {
    first_attempt.wait();
    executor.Cancel();
  });
  StatusOr<RunResult> run = executor.Run(*plan_, Request());
  canceller.join();
  ASSERT_TRUE(run.ok());
  EXPECT_EQ(calls.load(), 1);
  // The step's own (retryable) error is kept, but it is not retried after Cancel().
  EXPECT_EQ(run->steps.at("flaky").state, StepState::kFailed);
  EXPECT_EQ(run->steps.at("flaky").error, UnavailableError("interrupted"));
  EXPECT_EQ(run->steps.at("flaky").attempts, 1u);
  // Cancel() makes Run report kCancelled even when the interrupted step failed
  // with an error of its own.
  EXPECT_EQ(run->status, RunStatus::kCancelled);
  EXPECT_EQ(run->manifest.status(), "CANCELLED");
}

void RegisterBadOutputs(StepRegistry& registry, std::string type, StepOutputs outputs) {
  ASSERT_TRUE(
      test::RegisterFnStep(registry, std::move(type), {}, {TextOut("out")},
                           [outputs](StepContext&) -> StatusOr<StepOutputs> { return outputs; })
          .ok());
}

TEST_F(ExecutorTest, BadOutputsFailTheStepWithInternal) {
  Artifact no_bytes = TextArtifact("x");
  no_bytes.bytes.reset();
  ASSERT_NO_FATAL_FAILURE(
      RegisterBadOutputs(registry_, "test.wrong_kind", {{"out", test::NumberArtifact(7)}}));
  ASSERT_NO_FATAL_FAILURE(RegisterBadOutputs(registry_, "test.missing", {}));
  ASSERT_NO_FATAL_FAILURE(
      RegisterBadOutputs(registry_, "test.renamed", {{"result", TextArtifact("r")}}));
  ASSERT_NO_FATAL_FAILURE(RegisterBadOutputs(
      registry_, "test.extra", {{"out", TextArtifact("o")}, {"more", TextArtifact("m")}}));
  ASSERT_NO_FATAL_FAILURE(RegisterBadOutputs(registry_, "test.no_bytes", {{"out", no_bytes}}));
  ASSERT_NO_FATAL_FAILURE(Load(R"(version: 1
name: bad_outputs
steps:
  - {id: wrong_kind, type: test.wrong_kind}
  - {id: missing, type: test.missing}
  - {id: renamed, type: test.renamed}
  - {id: extra, type: test.extra}
  - {id: no_bytes, type: test.no_bytes}
  - {id: fine, type: test.source, config: {value: fine}}
)"));
  RunResult r = MustRun(Options());
  EXPECT_EQ(r.status, RunStatus::kFailed);
  const std::map<std::string, std::string> expected = {
      {"wrong_kind", "step did not return output `out` of kind `test.text`"},
      {"missing", "step returned 0 outputs, type `test.missing` declares 1"},
      {"renamed", "step did not return output `out` of kind `test.text`"},
      {"extra", "step returned 2 outputs, type `test.extra` declares 1"},
      {"no_bytes", "step did not return output `out` of kind `test.text`"},
  };
  for (const auto& [id, message] : expected) {
    const StepOutcome& o = r.steps.at(id);
    EXPECT_EQ(o.state, StepState::kFailed) << id;
    EXPECT_EQ(o.error.code(), StatusCode::kInternal) << id;
    EXPECT_EQ(o.error.message(), message) << id;
    EXPECT_TRUE(o.outputs.empty()) << id;
  }
  EXPECT_EQ(r.steps.at("fine").state, StepState::kSucceeded);
  // Nothing of the failed steps was stored.
  EXPECT_EQ(store_.size(), 1u);
  EXPECT_TRUE(Stored("fine"));
}

constexpr char kParams[] = R"(version: 1
name: params
params:
  release:
    required: true
    doc: the release tag
  threshold:
    default: "0.5"
  note:
inputs:
  feedback: {kind: test.text}
steps:
  - {id: p, type: test.params}
  - id: join
    type: test.concat
    inputs: {in: inputs.feedback}
outputs:
  params: p.out
)";

TEST_F(ExecutorTest, RunRejectsBadRequestsBeforeRunningAnything) {
  ASSERT_NO_FATAL_FAILURE(Load(kParams));
  const std::map<std::string, std::string> ok_params = {{"release", "1.0"}};
  const std::map<std::string, std::vector<Artifact>> ok_inputs = {
      {"feedback", {TextArtifact("a", "a.txt")}}};
  struct Case {
    std::map<std::string, std::vector<Artifact>> inputs;
    std::map<std::string, std::string> params;
    std::string message;
  };
  const Case cases[] = {
      {{}, ok_params, "no files given for workflow input `feedback` (test.text)"},
      {{{"feedback", {}}}, ok_params, "no files given for workflow input `feedback` (test.text)"},
      {{{"feedback", {TextArtifact("a")}}, {"extra", {TextArtifact("b")}}},
       ok_params,
       "workflow `params` declares no input `extra`"},
      {{{"feedback", {test::NumberArtifact(1, "n.txt")}}},
       ok_params,
       "input `feedback` file n.txt has kind `test.number`, expected `test.text`"},
      {ok_inputs, {}, "param `release` is required: the release tag"},
      {ok_inputs,
       {{"release", "1"}, {"channel", "beta"}},
       "workflow `params` declares no param `channel`"},
  };
  for (const Case& c : cases) {
    Executor executor(Options());
    StatusOr<RunResult> r = executor.Run(*plan_, Request(c.inputs, c.params));
    ASSERT_FALSE(r.ok()) << c.message;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << c.message;
    EXPECT_EQ(r.status().message(), c.message);
  }
  EXPECT_THAT(sink_.events(), IsEmpty());
  EXPECT_EQ(store_.size(), 0u);
}

TEST_F(ExecutorTest, ParamDefaultsAreApplied) {
  ASSERT_NO_FATAL_FAILURE(Load(kParams));
  RunResult r =
      MustRun(Options(), Request({{"feedback", {TextArtifact("a")}}}, {{"release", "1.0"}}));
  EXPECT_EQ(r.status, RunStatus::kSucceeded);
  EXPECT_EQ(r.outputs.at("params").data(), "release=1.0\nthreshold=0.5\n");
  ASSERT_THAT(r.manifest.params(), SizeIs(2));
  EXPECT_EQ(r.manifest.params(0).name(), "release");
  EXPECT_EQ(r.manifest.params(1).name(), "threshold");
  EXPECT_EQ(r.manifest.params(1).value(), "0.5");
  // An explicit value wins over the default.
  r = MustRun(Options(), Request({{"feedback", {TextArtifact("a")}}},
                                 {{"release", "2"}, {"threshold", "0.9"}}));
  EXPECT_EQ(r.outputs.at("params").data(), "release=2\nthreshold=0.9\n");
}

TEST_F(ExecutorTest, StepSeesContextValues) {
  std::atomic<bool> checked{false};
  ASSERT_TRUE(
      test::RegisterFnStep(
          registry_, "test.inspect", {TextIn("in", /*multiple=*/true)}, {TextOut("out")},
          [&](StepContext& ctx) -> StatusOr<StepOutputs> {
            EXPECT_EQ(ctx.step_id(), "inspect");
            EXPECT_EQ(ctx.logical_now(), kLogical);
            EXPECT_EQ(ctx.params().at("release"), "1.0");
            std::string order;
            for (const Artifact& a : ctx.inputs("in")) order += a.data() + ",";
            EXPECT_EQ(order, "f1,f2,SRC,");
            EXPECT_TRUE(ctx.inputs("nope").empty());
            StatusOr<std::string> effect = ctx.effects().Call({ctx.step_id(), "llm.chat", "{}"});
            EXPECT_EQ(effect.status().code(), StatusCode::kFailedPrecondition);
            checked = true;
            return StepOutputs{{"out", TextArtifact("seen")}};
          })
          .ok());
  ASSERT_NO_FATAL_FAILURE(Load(R"(version: 1
name: inspect
params:
  release: {required: true}
inputs:
  feedback: {kind: test.text}
steps:
  - {id: src, type: test.source, config: {value: src}}
  - {id: up, type: test.upper, inputs: {in: src.out}}
  - id: inspect
    type: test.inspect
    inputs: {in: [inputs.feedback, up.out]}
)"));
  RunResult r = MustRun(Options(), Request({{"feedback", {TextArtifact("f1"), TextArtifact("f2")}}},
                                           {{"release", "1.0"}}));
  EXPECT_EQ(r.status, RunStatus::kSucceeded);
  EXPECT_TRUE(checked.load());
}

constexpr char kManifest[] = R"(version: 1
name: manifest
params:
  release: {required: true}
  threshold: {default: "0.5"}
inputs:
  feedback: {kind: test.text}
  notes: {kind: test.text}
steps:
  - {id: src, type: test.source, config: {value: hi}}
  - id: join
    type: test.concat
    config: {separator: "|"}
    inputs:
      in: [inputs.feedback, src.out]
      extra: inputs.notes
  - {id: up, type: test.upper, inputs: {in: join.out}}
  - {id: size, type: test.length, inputs: {in: up.out}}
  - {id: seed_a, type: test.seed}
  - {id: seed_b, type: test.seed}
outputs:
  result: up.out
  size: size.out
)";

RunRequest ManifestRequest(std::string run_id = "run-1") {
  return RunRequest{
      .run_id = std::move(run_id),
      .logical_time = kLogical,
      .inputs = {{"feedback", {TextArtifact("one", "1.txt"), TextArtifact("two", "2.txt")}},
                 {"notes", {TextArtifact("note", "n.txt")}}},
      .params = {{"release", "1.0"}}};
}

TEST_F(ExecutorTest, ManifestRecordsEveryDigest) {
  ASSERT_NO_FATAL_FAILURE(Load(kManifest));
  RunResult r = MustRun(Options(), ManifestRequest());
  ASSERT_EQ(r.status, RunStatus::kSucceeded);
  const RunManifest& m = r.manifest;
  EXPECT_EQ(m.format_version(), 1u);
  EXPECT_EQ(m.workflow_name(), "manifest");
  EXPECT_EQ(m.workflow_digest(), Hex(Sha256(kManifest)));
  EXPECT_EQ(m.workflow_digest(), Hex(plan_->definition.digest));
  EXPECT_EQ(m.engine_build_id(), "docket-test-build");
  EXPECT_EQ(m.logical_time(), "2026-11-29T13:00:00Z");
  EXPECT_EQ(m.status(), "SUCCEEDED");

  ASSERT_THAT(m.params(), SizeIs(2));
  EXPECT_EQ(m.params(0).name(), "release");
  EXPECT_EQ(m.params(0).value(), "1.0");
  EXPECT_EQ(m.params(1).name(), "threshold");
  EXPECT_EQ(m.params(1).value(), "0.5");

  ASSERT_THAT(m.inputs(), SizeIs(3));
  EXPECT_EQ(m.inputs(0).input(), "feedback");
  EXPECT_EQ(m.inputs(0).name(), "1.txt");
  EXPECT_EQ(m.inputs(0).kind(), "test.text");
  EXPECT_EQ(m.inputs(0).digest(), Hex(Sha256("one")));
  EXPECT_EQ(m.inputs(0).size(), 3u);
  EXPECT_EQ(m.inputs(1).name(), "2.txt");
  EXPECT_EQ(m.inputs(1).digest(), Hex(Sha256("two")));
  EXPECT_EQ(m.inputs(2).input(), "notes");
  EXPECT_EQ(m.inputs(2).digest(), Hex(Sha256("note")));

  ASSERT_EQ(m.steps_size(), static_cast<int>(plan_->steps.size()));
  const Sha256Digest root = DeriveRunSeedRoot(plan_->definition.digest, ManifestRequest().inputs,
                                              {{"release", "1.0"}, {"threshold", "0.5"}}, kLogical);
  for (int i = 0; i < m.steps_size(); ++i) {
    const StepRecord& s = m.steps(i);
    const PlannedStep& planned = plan_->steps[i];
    EXPECT_EQ(s.id(), planned.def.id);
    EXPECT_EQ(s.type(), planned.def.type);
    EXPECT_EQ(s.config_digest(), Hex(planned.config.digest())) << s.id();
    EXPECT_EQ(s.status(), "SUCCEEDED");
    EXPECT_EQ(s.attempts(), 1u);
    EXPECT_EQ(s.error(), "");
    char seed[17];
    std::snprintf(seed, sizeof(seed), "%016llx",
                  static_cast<unsigned long long>(DeriveStepSeed(root, s.id())));
    EXPECT_EQ(s.seed(), seed) << s.id();
  }
  const StepRecord& join = m.steps(plan_->IndexOf("join"));
  ASSERT_THAT(join.inputs(), SizeIs(2));
  EXPECT_EQ(join.inputs(0).port(), "extra");
  EXPECT_THAT(join.inputs(0).digests(), ElementsAre(Hex(Sha256("note"))));
  EXPECT_EQ(join.inputs(1).port(), "in");
  EXPECT_THAT(join.inputs(1).digests(),
              ElementsAre(Hex(Sha256("one")), Hex(Sha256("two")), Hex(Sha256("hi"))));
  ASSERT_THAT(join.outputs(), SizeIs(1));
  EXPECT_EQ(join.outputs(0).port(), "out");
  EXPECT_EQ(join.outputs(0).digest(), Hex(Sha256("one|two|hi|note")));
  EXPECT_EQ(join.outputs(0).size(), 15u);
  EXPECT_EQ(r.outputs.at("result").data(), "ONE|TWO|HI|NOTE");
  const StepRecord& size = m.steps(plan_->IndexOf("size"));
  EXPECT_EQ(size.outputs(0).kind(), "test.number");
  EXPECT_EQ(size.outputs(0).digest(), Hex(Sha256("15")));
  EXPECT_THAT(m.steps(plan_->IndexOf("src")).inputs(), IsEmpty());

  EXPECT_EQ(m.metadata().run_id(), "run-1");
  EXPECT_EQ(m.metadata().threads(), 2u);
}

TEST_F(ExecutorTest, ManifestIsIndependentOfThreadsAndRunId) {
  ASSERT_NO_FATAL_FAILURE(Load(kManifest));
  RunResult one = MustRun(Options(/*threads=*/1), ManifestRequest("run-a"));
  RunResult four = MustRun(Options(/*threads=*/4), ManifestRequest("run-b"));
  ASSERT_EQ(one.status, RunStatus::kSucceeded);
  EXPECT_EQ(one.manifest.metadata().threads(), 1u);
  EXPECT_EQ(four.manifest.metadata().threads(), 4u);
  EXPECT_NE(one.manifest.metadata().run_id(), four.manifest.metadata().run_id());
  one.manifest.clear_metadata();
  four.manifest.clear_metadata();
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(one.manifest, four.manifest))
      << one.manifest.DebugString() << "\nvs\n"
      << four.manifest.DebugString();
  EXPECT_EQ(one.manifest.SerializeAsString(), four.manifest.SerializeAsString());
}

TEST_F(ExecutorTest, ManifestChangesWithInputs) {
  ASSERT_NO_FATAL_FAILURE(Load(kManifest));
  RunResult a = MustRun(Options(), ManifestRequest());
  RunRequest changed = ManifestRequest();
  changed.inputs["notes"][0] = TextArtifact("other note", "n.txt");
  RunResult b = MustRun(Options(), std::move(changed));
  a.manifest.clear_metadata();
  b.manifest.clear_metadata();
  EXPECT_FALSE(google::protobuf::util::MessageDifferencer::Equals(a.manifest, b.manifest));
  // Seeds follow the run's content too.
  EXPECT_NE(a.manifest.steps(0).seed(), b.manifest.steps(0).seed());
}

TEST_F(ExecutorTest, SeedsDifferPerStepAndAreStable) {
  ASSERT_NO_FATAL_FAILURE(Load(kManifest));
  RunResult first = MustRun(Options(), ManifestRequest());
  RunResult second = MustRun(Options(1), ManifestRequest("another-run"));
  std::set<std::string> seeds;
  for (const StepRecord& s : first.manifest.steps()) seeds.insert(s.seed());
  EXPECT_EQ(seeds.size(), plan_->steps.size());
  for (int i = 0; i < first.manifest.steps_size(); ++i) {
    EXPECT_EQ(first.manifest.steps(i).seed(), second.manifest.steps(i).seed());
  }
  // What a step sees through its context is the seed in the manifest.
  const std::string a = first.steps.at("seed_a").outputs.at("out").data();
  const std::string b = first.steps.at("seed_b").outputs.at("out").data();
  EXPECT_NE(a, b);
  char hex[17];
  std::snprintf(hex, sizeof(hex), "%016llx", std::stoull(a));
  EXPECT_EQ(first.manifest.steps(plan_->IndexOf("seed_a")).seed(), hex);
  EXPECT_EQ(second.steps.at("seed_a").outputs.at("out").data(), a);
  // A different logical time gives different seeds.
  RunRequest later = ManifestRequest();
  later.logical_time += 1s;
  RunResult third = MustRun(Options(), std::move(later));
  EXPECT_NE(third.steps.at("seed_a").outputs.at("out").data(), a);
}

TEST_F(ExecutorTest, EventSequenceInAWideRun) {
  ASSERT_NO_FATAL_FAILURE(Load(kManifest));
  RunResult r = MustRun(Options(4), ManifestRequest());
  const std::vector<RunEvent> events = sink_.events();
  ASSERT_GE(events.size(), 2u + 2 * plan_->steps.size());
  EXPECT_EQ(events.size(), 2u + 2 * plan_->steps.size());
  EXPECT_EQ(events.front().type(), RunEvent::RUN_STARTED);
  EXPECT_EQ(events.back().type(), RunEvent::RUN_FINISHED);
  for (size_t i = 0; i < events.size(); ++i) {
    EXPECT_EQ(events[i].sequence(), i + 1);
    if (i > 0 && i + 1 < events.size()) {
      EXPECT_FALSE(events[i].step_id().empty());
    }
  }
  // Each step starts before it finishes, and after all of its dependencies finished.
  std::map<std::string, size_t> started, finished;
  for (size_t i = 0; i < events.size(); ++i) {
    if (events[i].type() == RunEvent::STEP_STARTED) started[events[i].step_id()] = i;
    if (events[i].type() == RunEvent::STEP_FINISHED) finished[events[i].step_id()] = i;
  }
  for (const PlannedStep& s : plan_->steps) {
    ASSERT_EQ(started.count(s.def.id), 1u) << s.def.id;
    ASSERT_EQ(finished.count(s.def.id), 1u) << s.def.id;
    EXPECT_LT(started[s.def.id], finished[s.def.id]);
    for (size_t d : s.deps) EXPECT_LT(finished[plan_->steps[d].def.id], started[s.def.id]);
  }
}

TEST_F(ExecutorTest, MetricsOfTheSuccessfulAttemptReachEventsButNotTheManifest) {
  std::atomic<int> calls{0};
  ASSERT_TRUE(test::RegisterFnStep(registry_, "test.flaky", {}, {TextOut("out")},
                                   [&](StepContext& ctx) -> StatusOr<StepOutputs> {
                                     const int n = ++calls;
                                     ctx.SetMetric("attempt", n);
                                     if (n == 1) {
                                       ctx.SetMetric("only_in_failed_attempt", 1);
                                       return UnavailableError("again");
                                     }
                                     ctx.SetMetric("records", 42);
                                     return StepOutputs{{"out", TextArtifact("done")}};
                                   })
                  .ok());
  ASSERT_NO_FATAL_FAILURE(Load(FlakyWorkflow("    retry: {max_attempts: 2}\n")));
  FakeClock clock(kStart, /*auto_advance=*/true);
  RunResult r = MustRun(Options(2, &clock));
  ASSERT_EQ(r.status, RunStatus::kSucceeded);
  const std::map<std::string, int64_t> expected = {{"attempt", 2}, {"records", 42}};
  EXPECT_EQ(r.steps.at("flaky").metrics, expected);
  const std::vector<RunEvent> events = sink_.events();
  const RunEvent* finished = FindEvent(events, RunEvent::STEP_FINISHED, "flaky");
  ASSERT_NE(finished, nullptr);
  const std::map<std::string, int64_t> in_event(finished->metrics().begin(),
                                                finished->metrics().end());
  EXPECT_EQ(in_event, expected);
  // Metrics are metadata: a run whose steps report different counters has the same manifest.
  EXPECT_EQ(r.manifest.DebugString().find("records"), std::string::npos);
}

// Fails the first event of type `type`.
class FailingSink final : public EventSink {
 public:
  explicit FailingSink(RunEvent::Type type) : type_(type) {}
  Status Emit(const RunEvent& event) override {
    if (event.type() == type_) return UnavailableError("sink is down");
    return Status::Ok();
  }

 private:
  RunEvent::Type type_;
};

TEST_F(ExecutorTest, SinkErrorFailsTheRun) {
  ASSERT_NO_FATAL_FAILURE(Load(kChain));
  for (RunEvent::Type type : {RunEvent::RUN_STARTED, RunEvent::STEP_STARTED,
                              RunEvent::STEP_FINISHED, RunEvent::RUN_FINISHED}) {
    FailingSink sink(type);
    ExecutorOptions options = Options();
    options.sink = &sink;
    Executor executor(options);
    StatusOr<RunResult> r = executor.Run(*plan_, Request());
    EXPECT_EQ(r.status(), UnavailableError("sink is down")) << RunEvent::Type_Name(type);
  }
}

TEST_F(ExecutorTest, RunsWithoutSinkOrStoreAndCanBeReused) {
  ASSERT_NO_FATAL_FAILURE(Load(kChain));
  ExecutorOptions options = Options(1);
  options.sink = nullptr;
  options.store = nullptr;
  Executor executor(options);
  for (int i = 0; i < 3; ++i) {
    StatusOr<RunResult> r = executor.Run(*plan_, Request());
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(r->status, RunStatus::kSucceeded);
    EXPECT_EQ(r->outputs.at("shouted").data(), "HELLO");
  }
}

TEST(ExecutorNamesTest, Names) {
  EXPECT_EQ(StepStateName(StepState::kNotRun), "NOT_RUN");
  EXPECT_EQ(StepStateName(StepState::kCancelled), "CANCELLED");
  EXPECT_EQ(RunStatusName(RunStatus::kFailed), "FAILED");
}

}  // namespace
}  // namespace docket::engine
