// Fuzz target for what `docket approve | override | decision show` read from outside:
// stored APPROVAL / OVERRIDE / INVALIDATION entries (ActorSignedBytes, ActionFromEntry,
// VerifyActorSignature), an actor's --key file (Signer::Parse) and --expires durations
// (ParseDuration). Invariants: no crash; cutting the signature out never grows the
// bytes; an action read back from an entry builds an entry that reads back the same.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "adapters/sinks/approval_entries.h"
#include "adapters/sinks/run_entries.h"
#include "engine/step_config.h"
#include "ledger/note_key.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace docket;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  StatusOr<std::string> signed_bytes = adapters::ActorSignedBytes(bytes);
  if (signed_bytes.ok()) FUZZ_CHECK(signed_bytes->size() < bytes.size());
  ledger::LedgerEntry entry;
  if (entry.ParseFromArray(data, static_cast<int>(size))) {
    (void)adapters::VerifyActorSignature(bytes, entry);
    StatusOr<policies::HumanAction> action = adapters::ActionFromEntry(7, entry);
    if (action.ok()) {
      const ledger::LedgerEntry rebuilt = adapters::ActionEntry(
          {.decision_id = entry.decision_id(), .release = "", .decision_entry = 0}, *action);
      StatusOr<policies::HumanAction> again = adapters::ActionFromEntry(7, rebuilt);
      FUZZ_CHECK(again.ok());
      FUZZ_CHECK(again->kind == action->kind && again->actor == action->actor &&
                 again->decision_digest == action->decision_digest &&
                 again->expires_at == action->expires_at && again->confirms == action->confirms);
    }
  }
  (void)ledger::Signer::Parse(bytes);
  (void)engine::ParseDuration(bytes);
  return 0;
}
