// Fuzz target: PiiScanner::Scan over arbitrary bytes with a fixed config (one custom
// pattern, an allow and a deny entry). The first byte picks the region hint. Aborts when
// an invariant breaks: spans are non-empty, within bounds, sorted, non-overlapping, on
// UTF-8 unit boundaries, scored in [0, 1], and a second scan gives the same result.
#include <cstdint>
#include <string_view>

#include "tests/fuzz/fuzz_check.h"
#include "workflows/redact/internal/utf8_units.h"
#include "workflows/redact/pii_scanner.h"

namespace docket::workflows::redact {
namespace {

const PiiScanner& Scanner() {
  // Built once per process; a fuzz harness is allowed the static.
  static const std::unique_ptr<PiiScanner> scanner = [] {
    ScannerConfig config;
    config.custom = {{EntityType::kOrderId, "order.fuzz", "ORD-[0-9]{4,8}"}};
    config.allow = {"support@company.example"};
    config.deny = {{EntityType::kCustomerId, "VIP-0001"}};
    StatusOr<std::unique_ptr<PiiScanner>> created = PiiScanner::Create(config);
    FUZZ_CHECK(created.ok());
    return std::move(*created);
  }();
  return *scanner;
}

int Run(std::string_view bytes) {
  static constexpr std::string_view kRegions[] = {"US", "DE", "GB", "FR", "ES", "", "ZZ", "HU"};
  ScanContext context;
  if (!bytes.empty()) {
    context.region = std::string(kRegions[static_cast<uint8_t>(bytes[0]) % 8]);
    bytes.remove_prefix(1);
  }
  const std::vector<Detection> found = Scanner().Scan(bytes, context);
  size_t previous_end = 0;
  for (const Detection& d : found) {
    FUZZ_CHECK(d.start < d.end && d.end <= bytes.size());
    FUZZ_CHECK(d.start >= previous_end);
    FUZZ_CHECK(internal::IsUnitBoundary(bytes, d.start));
    FUZZ_CHECK(internal::IsUnitBoundary(bytes, d.end));
    FUZZ_CHECK(d.score >= 0 && d.score <= 1 && !d.detector.empty());
    previous_end = d.end;
  }
  FUZZ_CHECK(Scanner().Scan(bytes, context) == found);
  return 0;
}

}  // namespace
}  // namespace docket::workflows::redact

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return docket::workflows::redact::Run(
      std::string_view(reinterpret_cast<const char*>(data), size));
}
