// Fuzz target for adapters/llm/dialect (ClassifyChatAnswer, CreatedRef) and the
// retry-after readers: outside bytes from a provider. Input layout: byte 0 picks the
// HTTP status, then `retry-after-ms` and `retry-after` values up to the first two
// newlines, then the body. Properties: never crashes; the outcome fits the status; the
// response round-trips through the recorded format; `detail` is short and never quotes
// the body beyond a token.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "adapters/llm/dialect.h"
#include "adapters/llm/resilience.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

using docket::adapters::llm::TransportResult;
namespace synth = docket::workflows::synthesize;

constexpr std::array<int, 12> kStatuses = {200, 201, 400, 401, 404, 408,
                                           409, 429, 500, 503, 302, 99};

std::string_view Line(std::string_view& rest) {
  const size_t end = rest.find('\n');
  std::string_view line = rest.substr(0, end);
  rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
  return line;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const int status = kStatuses[data[0] % kStatuses.size()];
  std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  TransportResult headers;
  headers.retry_after_ms = std::string(Line(rest));
  headers.retry_after = std::string(Line(rest));
  const std::optional<docket::adapters::llm::Millis> delay =
      docket::adapters::llm::ServerRetryDelay(headers);
  FUZZ_CHECK(!delay || delay->count() >= 0);

  const synth::ChatResponse r = docket::adapters::llm::ClassifyChatAnswer(status, rest);
  const bool success = status >= 200 && status <= 299;
  if (!success) {
    FUZZ_CHECK(r.outcome == synth::ChatOutcome::kRejected ||
               r.outcome == synth::ChatOutcome::kContentFilter ||
               r.outcome == synth::ChatOutcome::kInvalidResponse);
    FUZZ_CHECK(r.content.empty());
  } else {
    FUZZ_CHECK(r.outcome != synth::ChatOutcome::kRejected &&
               r.outcome != synth::ChatOutcome::kUnavailable);
  }
  if (r.outcome == synth::ChatOutcome::kOk) FUZZ_CHECK(!r.content.empty());
  FUZZ_CHECK(!r.detail.empty());
  FUZZ_CHECK(r.detail.size() <= 160);
  FUZZ_CHECK(r.model.size() <= 128);

  const std::string bytes = synth::SerializeChatResponse(r);
  docket::StatusOr<synth::ChatResponse> back = synth::ParseChatResponse(bytes);
  FUZZ_CHECK(back.ok());
  FUZZ_CHECK(synth::SerializeChatResponse(*back) == bytes);

  for (synth::WebhookShape shape :
       {synth::WebhookShape::kGeneric, synth::WebhookShape::kJira, synth::WebhookShape::kGithub}) {
    const std::string ref = docket::adapters::llm::CreatedRef(shape, rest);
    FUZZ_CHECK(ref.size() <= 64);
  }
  return 0;
}
