// Tests for replay/recorded_effects: a run's model calls, recorded through the real
// EffectRecorder into a temporary ledger, are served back byte for byte and in order;
// anything not recorded is an error naming the effect, never a live call.
#include "replay/recorded_effects.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "adapters/ledger/ledger_home.h"
#include "adapters/sinks/effect_recorder.h"

namespace docket::replay {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

// A live door whose answers change on every call, as a model's may.
class CountingEffects final : public engine::Effects {
 public:
  StatusOr<std::string> Call(const engine::EffectCall& call) override {
    return call.canonical_request + " #" + std::to_string(++n_);
  }

 private:
  int n_ = 0;
};

class RecordedEffectsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device rd;
    dir_ = fs::temp_directory_path() / ("docket-replay-effects-" + std::to_string(rd()));
    StatusOr<std::unique_ptr<adapters::LedgerHome>> home =
        adapters::LedgerHome::OpenForWriting(dir_);
    ASSERT_TRUE(home.ok()) << home.status().ToString();
    home_ = *std::move(home);
  }
  void TearDown() override {
    home_.reset();
    fs::remove_all(dir_);
  }
  std::string Record(const std::string& run_id, const engine::EffectCall& call) {
    CountingEffects& live = live_[run_id];
    adapters::EffectRecorder recorder(&live, home_->writer(), home_->vault(),
                                      {.run_id = run_id, .logical_time = "2026-11-20T00:00:00Z"});
    StatusOr<std::string> answer = recorder.Call(call);
    EXPECT_TRUE(answer.ok()) << answer.status().ToString();
    return answer.ok() ? *answer : "";
  }

  fs::path dir_;
  std::unique_ptr<adapters::LedgerHome> home_;
  std::map<std::string, CountingEffects> live_;
};

TEST_F(RecordedEffectsTest, ServesTheRunsAnswersInOrderAndNothingElse) {
  const std::string a1 = Record("run-1", {"synthesize", "llm.chat", "A"});
  const std::string b1 = Record("run-1", {"synthesize", "llm.chat", "B"});
  const std::string a2 = Record("run-1", {"synthesize", "llm.chat", "A"});
  Record("run-2", {"synthesize", "llm.chat", "C"});  // another run's call
  StatusOr<std::unique_ptr<RecordedEffects>> replayed =
      LoadRecordedEffects(home_->store(), *home_->vault(), "run-1");
  ASSERT_TRUE(replayed.ok()) << replayed.status().ToString();
  RecordedEffects& effects = **replayed;
  EXPECT_EQ(effects.unserved(), 3u);
  EXPECT_EQ(*effects.Call({"synthesize", "llm.chat", "B"}), b1);
  EXPECT_EQ(*effects.Call({"synthesize", "llm.chat", "A"}), a1);
  EXPECT_EQ(*effects.Call({"synthesize", "llm.chat", "A"}), a2);
  EXPECT_EQ(effects.unserved(), 0u);

  StatusOr<std::string> third = effects.Call({"synthesize", "llm.chat", "A"});
  ASSERT_EQ(third.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(third.status().message()),
              HasSubstr("no recording for effect `llm.chat` of step `synthesize`"));
  EXPECT_FALSE(effects.Call({"synthesize", "llm.chat", "C"}).ok());      // run-2's
  EXPECT_FALSE(effects.Call({"synthesize", "webhook.post", "B"}).ok());  // other kind
}

TEST_F(RecordedEffectsTest, AWhatIfAnswersUnrecordedCallsWithoutGoingLive) {
  const std::string a = Record("run-3", {"synthesize", "llm.chat", "A"});
  StatusOr<std::unique_ptr<RecordedEffects>> replayed =
      LoadRecordedEffects(home_->store(), *home_->vault(), "run-3");
  ASSERT_TRUE(replayed.ok());
  (*replayed)->AnswerUnrecordedWith(
      [](const engine::EffectCall& call) -> StatusOr<std::string> {
        return "not configured: " + call.canonical_request;
      });
  EXPECT_EQ(*(*replayed)->Call({"synthesize", "llm.chat", "A"}), a);  // recorded: served
  EXPECT_EQ(*(*replayed)->Call({"synthesize", "llm.chat", "B"}), "not configured: B");
  EXPECT_EQ(*(*replayed)->Call({"synthesize", "llm.chat", "A"}), "not configured: A");
  EXPECT_EQ((*replayed)->unrecorded_calls(), 2u);
}

TEST_F(RecordedEffectsTest, ARunWithoutEffectsServesNothing) {
  StatusOr<std::unique_ptr<RecordedEffects>> replayed =
      LoadRecordedEffects(home_->store(), *home_->vault(), "run-none");
  ASSERT_TRUE(replayed.ok());
  EXPECT_EQ((*replayed)->unserved(), 0u);
  EXPECT_FALSE((*replayed)->Call({"s", "llm.chat", "{}"}).ok());
}

}  // namespace
}  // namespace docket::replay
