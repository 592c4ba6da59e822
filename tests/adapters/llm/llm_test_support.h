// Helpers shared by the adapters/llm tests: a fake RetryTimer whose sleeps advance it
// and are recorded, a map-backed GetEnv, a libcurl global for the test binary, and
// sample profiles and requests. Header-only; the fake timer is thread-safe.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "adapters/llm/curl_transport.h"
#include "adapters/llm/llm_config.h"
#include "adapters/llm/resilience.h"
#include "workflows/synthesize/chat_call.h"

namespace docket::adapters::llm::testing {

class FakeRetryTimer final : public RetryTimer {
 public:
  MonoTime Now() override {
    std::lock_guard lock(mu_);
    return now_;
  }
  void SleepFor(Millis wait) override {
    std::lock_guard lock(mu_);
    waits_.push_back(wait);
    now_ += wait;
  }
  void Advance(Millis delta) {
    std::lock_guard lock(mu_);
    now_ += delta;
  }
  std::vector<Millis> waits() {
    std::lock_guard lock(mu_);
    return waits_;
  }

 private:
  std::mutex mu_;
  MonoTime now_{std::chrono::hours(1)};
  std::vector<Millis> waits_;
};

inline GetEnv MapEnv(std::map<std::string, std::string> values) {
  return [values = std::move(values)](std::string_view name) -> std::optional<std::string> {
    auto it = values.find(std::string(name));
    if (it == values.end()) return std::nullopt;
    return it->second;
  };
}

// Holds libcurl's global state for a whole test binary (call from SetUpTestSuite).
inline void EnsureCurl() {
  static StatusOr<CurlGlobal>* global = new StatusOr<CurlGlobal>(CurlGlobal::Init());
  (void)global;
}

inline ProviderProfile SampleProfile(Dialect dialect, const std::string& base_url,
                                     const std::string& name = "primary") {
  ProviderProfile p;
  p.name = name;
  p.dialect = dialect;
  p.base_url = base_url;
  const bool azure = dialect == Dialect::kAzure || dialect == Dialect::kAzureV1;
  if (azure) {
    p.deployment = "gpt-4o-prod";
    p.auth = AuthKind::kApiKey;
    p.api_key_env = "TEST_KEY";
  } else {
    p.model = "test-model";
    p.auth = dialect == Dialect::kOpenAi ? AuthKind::kBearer : AuthKind::kNone;
    if (p.auth != AuthKind::kNone) p.api_key_env = "TEST_KEY";
  }
  if (dialect == Dialect::kAzure) p.api_version = "2024-10-21";
  p.capabilities = DefaultCapabilities(dialect);
  p.connect_timeout = Millis(2'000);
  p.total_timeout = Millis(5'000);
  return p;
}

inline workflows::synthesize::ChatRequest SampleRequest() {
  workflows::synthesize::ChatRequest r;
  r.task = "theme_summaries";
  r.prompt = {"theme_summary", "1", "sha256:" + std::string(64, 'a')};
  r.messages = {{"system", "You summarise feedback."}, {"user", "Theme t1: card declined x12"}};
  r.schema_id = "docket.synthesis.theme_summary.v1";
  r.schema_json =
      R"({"type":"object","properties":{"summary":{"type":"string"}},"required":["summary"],)"
      R"("additionalProperties":false})";
  r.temperature_milli = 200;
  r.seed = 42;
  r.max_tokens = 800;
  return r;
}

inline std::string SampleRequestBytes() {
  return *workflows::synthesize::SerializeChatRequest(SampleRequest());
}

}  // namespace docket::adapters::llm::testing
