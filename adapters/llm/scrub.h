// Scrubbing: the last line of defence that keeps secrets and hosts out of what the LLM
// adapter returns (and so out of ledger records and logs) even when a provider echoes
// them back in an error code, a finish_reason, a model name or a ticket id. Pure
// functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace docket::adapters::llm {

inline constexpr std::string_view kRedacted = "[redacted]";

// The host of an http(s) URL ("example.openai.azure.com"), or "" if there is none.
std::string HostOf(std::string_view url);

// What must never appear in output for an endpoint: its secret (and, for "user:token"
// secrets, each part), its URL and its host. Needles shorter than 4 bytes are dropped
// (they would redact ordinary words).
std::vector<std::string> SecretNeedles(std::string_view secret, std::string_view url);

// Replaces every occurrence of each needle in `text` with kRedacted.
void Scrub(std::string& text, const std::vector<std::string>& needles);

}  // namespace docket::adapters::llm
