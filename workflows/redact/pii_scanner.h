// PiiScanner finds PII in UTF-8 text: a compiled multi-pattern engine anchored on
// literals plus hand-written scanners (digit runs, '@', "://"), validators (Luhn,
// IBAN mod-97, ABA checksum, SSN rules, IP syntax, libphonenumber), context words that
// raise or lower scores, allow and deny lists, and a deterministic overlap resolution.
// Built once from a ScannerConfig; Scan is const and thread-safe.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/status.h"
#include "workflows/redact/entity.h"

namespace docket::workflows::redact {

// A tenant's own id shape, e.g. {kOrderId, "ORD-[0-9]{8}"} (RE2 syntax).
struct CustomPattern {
  EntityType type = EntityType::kOrderId;
  std::string name;     // detector name in evidence, e.g. "order.acme"
  std::string pattern;
};

struct ScannerConfig {
  std::vector<CustomPattern> custom;
  // Exact values never reported (the company's support address, SKUs, ...), compared
  // case-insensitively for emails and exactly otherwise.
  std::vector<std::string> allow;
  // Exact values always reported as the given type (score 1).
  std::vector<std::pair<EntityType, std::string>> deny;
  double min_score = 0.5;  // detections scoring below are dropped
};

struct ScanContext {
  std::string region;  // ISO 3166-1 alpha-2 hint for national phone numbers, e.g. "DE"
};

class PiiScanner {
 public:
  // Errors: kInvalidArgument naming the bad custom pattern or list entry.
  [[nodiscard]] static StatusOr<std::unique_ptr<PiiScanner>> Create(const ScannerConfig& config);
  virtual ~PiiScanner() = default;

  // Detections in `text`, sorted by start, non-overlapping (overlaps resolved
  // deterministically: higher score, then longer span, then lower type). Never fails:
  // invalid UTF-8 is scanned as bytes and spans never split a UTF-8 sequence.
  // Bounded time: linear in text size for every input.
  virtual std::vector<Detection> Scan(std::string_view text, const ScanContext& context) const = 0;
};

}  // namespace docket::workflows::redact
