// EgressGuard: the last line of defence before a payload leaves the process. It wraps
// the run's engine::Effects door and rescans every outbound request (model calls,
// embeddings, webhooks); a request that still holds PII is refused with an error the
// run reports, never sent. It refuses when:
//   - the scanner finds a structured entity (email, phone, card, IBAN, bank routing or
//     account, SSN, IP address, URL secret, API key) at or above its threshold;
//   - any run of 13 to 19 digits (single spaces or dashes between them allowed) passes
//     the Luhn check, whatever its issuer prefix;
//   - anything shaped like an email address appears (local part, '@', a dotted domain);
//   - a raw value the run's redactor replaced (RawValueRegistry) appears verbatim.
// Names and addresses are not refused on the scanner's word alone (free text such as
// theme labels would trip it); they are caught as known raw values.
// Messages name the step, the effect kind, the entity type and byte offsets, never the
// value. Ownership: borrows the inner door, the scanner and the registry. Thread-safe.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "engine/effects.h"
#include "workflows/redact/pii_scanner.h"

namespace docket::workflows::redact {

// The raw values a run's redactor replaced, kept in memory only (never persisted) so
// the guard can refuse a payload that carries one. Thread-safe.
class RawValueRegistry {
 public:
  static constexpr size_t kMinValueBytes = 4;  // shorter values would match everywhere

  void Add(std::string_view raw);
  // Offset of the first registered value found in `payload`, if any.
  std::optional<size_t> FindIn(std::string_view payload) const;
  size_t size() const;

 private:
  mutable std::mutex mu_;
  std::set<std::string> values_;  // guarded by mu_
};

// Why a payload may not leave: what was found where. No raw value.
struct EgressFinding {
  std::string what;  // "EMAIL", "PAYMENT_CARD (Luhn)", "a redacted value", ...
  size_t start = 0;
  size_t end = 0;
};

// The first finding in `payload`, or nullopt if it may be sent. `known` may be null.
std::optional<EgressFinding> CheckEgress(std::string_view payload, const PiiScanner& scanner,
                                         const RawValueRegistry* known);

class EgressGuard final : public engine::Effects {
 public:
  EgressGuard(engine::Effects* inner, const PiiScanner* scanner, const RawValueRegistry* known)
      : inner_(inner), scanner_(scanner), known_(known) {}
  // Builds its own scanner from `config` on the first call, not before: compiling the
  // scanner costs ~150 ms, and most runs make no outbound call at all.
  EgressGuard(engine::Effects* inner, ScannerConfig config, const RawValueRegistry* known)
      : inner_(inner), config_(std::move(config)), known_(known) {}

  // Errors: kFailedPrecondition "egress refused: …" for a payload with PII; the
  // scanner's build error (kInvalidArgument); the inner door's errors otherwise.
  [[nodiscard]] StatusOr<std::string> Call(const engine::EffectCall& call) override;

 private:
  // The scanner to use, building it first when the guard owns it.
  StatusOr<const PiiScanner*> Scanner();

  engine::Effects* inner_;
  const PiiScanner* scanner_ = nullptr;  // borrowed, or owned_.get() once built
  ScannerConfig config_;
  std::once_flag build_once_;
  std::unique_ptr<PiiScanner> owned_;
  Status build_error_;
  const RawValueRegistry* known_;
};

}  // namespace docket::workflows::redact
