// Fuzz target for adapters/llm/llm_config (ParseLlmConfig): a profiles file is outside
// bytes a user writes. Properties: never crashes or hangs; in a file that parses, the
// default profile exists and every profile's fallbacks resolve to a chain visiting each
// profile at most once; a file that does not parse says why.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "adapters/llm/llm_config.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view yaml(reinterpret_cast<const char*>(data), size);
  docket::StatusOr<docket::adapters::llm::LlmConfig> config =
      docket::adapters::llm::ParseLlmConfig("fuzz.yaml", yaml);
  if (!config.ok()) {
    FUZZ_CHECK(!config.status().message().empty());
    return 0;
  }
  // Every profile the file defines resolves to a provider chain, each profile once.
  for (const auto& profile : config->profiles) {
    auto chain = docket::adapters::llm::ProviderChain(*config, profile.name);
    FUZZ_CHECK(chain.ok());
    FUZZ_CHECK(!chain->empty() && chain->size() <= config->profiles.size());
  }
  if (!config->default_profile.empty()) {
    FUZZ_CHECK(config->FindProfile(config->default_profile) != nullptr);
  }
  return 0;
}
