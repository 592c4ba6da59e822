// Tests for adapters/sinks/effect_recorder: each answered call becomes one durable EFFECT
// entry whose blobs hold the exact request and response bytes, filed under the run and
// keyed by the request digest; refused calls are not recorded; concurrent calls all land.
#include "adapters/sinks/effect_recorder.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <random>
#include <thread>

#include "adapters/ledger/ledger_home.h"
#include "engine/base/sha256.h"
#include "ledger/log/ledger_index.h"
#include "ledger/proto/entry.pb.h"

namespace docket::adapters {
namespace {

namespace fs = std::filesystem;
using ledger::LedgerEntry;

// Answers "answer to <request>"; refuses kind "forbidden".
class EchoEffects final : public engine::Effects {
 public:
  StatusOr<std::string> Call(const engine::EffectCall& call) override {
    ++calls;
    if (call.kind == "forbidden") return FailedPreconditionError("no handler for forbidden");
    return "answer to " + call.canonical_request;
  }
  std::atomic<int> calls{0};
};

class EffectRecorderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device rd;
    dir_ = fs::temp_directory_path() / ("docket-effects-test-" + std::to_string(rd()));
    StatusOr<std::unique_ptr<LedgerHome>> home = LedgerHome::OpenForWriting(dir_);
    ASSERT_TRUE(home.ok()) << home.status().ToString();
    home_ = *std::move(home);
  }
  void TearDown() override {
    home_.reset();
    fs::remove_all(dir_);
  }
  std::vector<LedgerEntry> Effects() {
    std::vector<LedgerEntry> out;
    StatusOr<std::vector<uint64_t>> indices =
        ledger::LookupIndex(home_->store(), {ledger::IndexKind::kType, "EFFECT"});
    EXPECT_TRUE(indices.ok());
    for (uint64_t i : indices.ok() ? *indices : std::vector<uint64_t>{}) {
      LedgerEntry e;
      EXPECT_TRUE(e.ParseFromString(*home_->store().EntryAt(i)));
      out.push_back(e);
    }
    return out;
  }

  fs::path dir_;
  std::unique_ptr<LedgerHome> home_;
  RunFacts run_{.run_id = "run-00000000000000ab", .decision_id = "dec-00000000000000ab",
                .logical_time = "2026-11-20T00:00:00Z"};
};

TEST_F(EffectRecorderTest, RecordsRequestAndResponseBeforeReturning) {
  EchoEffects live;
  EffectRecorder recorder(&live, home_->writer(), home_->vault(), run_);
  StatusOr<std::string> answer = recorder.Call({"synthesize", "llm.chat", R"({"q":1})"});
  ASSERT_TRUE(answer.ok()) << answer.status().ToString();
  EXPECT_EQ(*answer, R"(answer to {"q":1})");
  // Durable already: the entry is readable without waiting for anything else.
  std::vector<LedgerEntry> effects = Effects();
  ASSERT_EQ(effects.size(), 1u);
  const LedgerEntry& e = effects[0];
  EXPECT_EQ(e.run_id(), run_.run_id);
  EXPECT_EQ(e.step_id(), "synthesize");
  EXPECT_EQ(e.logical_time(), run_.logical_time);
  EXPECT_EQ(e.attributes().at("kind"), "llm.chat");
  EXPECT_EQ(e.attributes().at("request_digest"), "sha256:" + Sha256(R"({"q":1})").Hex());
  ASSERT_EQ(e.blobs_size(), 2);
  EXPECT_EQ(e.blobs(0).role(), "request");
  EXPECT_EQ(*home_->vault()->Get(e.blobs(0).digest()), R"({"q":1})");
  EXPECT_EQ(e.blobs(1).role(), "response");
  EXPECT_EQ(*home_->vault()->Get(e.blobs(1).digest()), *answer);
  StatusOr<std::vector<uint64_t>> by_run =
      ledger::LookupIndex(home_->store(), {ledger::IndexKind::kRun, run_.run_id});
  ASSERT_TRUE(by_run.ok());
  EXPECT_EQ(by_run->size(), 1u);
  EXPECT_TRUE(recorder.failure().ok());
}

TEST_F(EffectRecorderTest, ARefusedCallIsNotAnEffect) {
  EchoEffects live;
  EffectRecorder recorder(&live, home_->writer(), home_->vault(), run_);
  StatusOr<std::string> answer = recorder.Call({"synthesize", "forbidden", "{}"});
  EXPECT_EQ(answer.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_TRUE(Effects().empty());
  EXPECT_TRUE(recorder.failure().ok());  // the handler's refusal is not a ledger failure
}

TEST_F(EffectRecorderTest, ConcurrentCallsAreAllRecorded) {
  EchoEffects live;
  EffectRecorder recorder(&live, home_->writer(), home_->vault(), run_);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&recorder, t] {
      for (int i = 0; i < 10; ++i) {
        const std::string request = "{\"t\":" + std::to_string(t) + ",\"i\":" +
                                    std::to_string(i) + "}";
        StatusOr<std::string> answer = recorder.Call({"synthesize", "llm.chat", request});
        EXPECT_TRUE(answer.ok());
      }
    });
  }
  for (std::thread& t : threads) t.join();
  std::vector<LedgerEntry> effects = Effects();
  ASSERT_EQ(effects.size(), 40u);
  std::set<std::string> digests;
  for (const LedgerEntry& e : effects) digests.insert(e.attributes().at("request_digest"));
  EXPECT_EQ(digests.size(), 40u);
}

TEST_F(EffectRecorderTest, AClosedLedgerWithholdsTheAnswer) {
  EchoEffects live;
  EffectRecorder recorder(&live, home_->writer(), home_->vault(), run_);
  home_->CloseWriter();
  StatusOr<std::string> answer = recorder.Call({"synthesize", "llm.chat", "{}"});
  ASSERT_FALSE(answer.ok());
  EXPECT_THAT(std::string(answer.status().message()), ::testing::HasSubstr("ledger:"));
  EXPECT_FALSE(recorder.failure().ok());
}

}  // namespace
}  // namespace docket::adapters
