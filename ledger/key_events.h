// Key events: how a ledger records changes of its checkpoint signing keys, so that an
// auditor who trusts the ledger's first key can follow every rotation without being
// handed the later keys out of band. A KEY_EVENT LedgerEntry carries the attributes
// `action` ("add": the key signs from now on, beside the current ones; "retire": the
// key no longer signs) and `key` (the signed-note verifier key line).
//
// A verifier extends its trusted set with an added key only once a checkpoint it
// already trusts covers the KEY_EVENT entry, and drops a retired key the same way, so
// trust passes from key to key only through checkpoints the old key signed.
//
// Pure functions over values; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "engine/base/status.h"
#include "ledger/note_key.h"

namespace docket::ledger {

struct KeyEvent {
  enum class Action { kAdd, kRetire };
  Action action = Action::kAdd;
  Verifier key;
};

// The serialized KEY_EVENT LedgerEntry for `event`, with `logical_time` (RFC 3339).
std::string KeyEventEntryBytes(const KeyEvent& event, std::string_view logical_time);

// The key event in `entry_bytes`, or nullopt if they are not a KEY_EVENT LedgerEntry.
// Cheap for other entries (a two-byte check before any parsing).
// Errors: kDataLoss for a KEY_EVENT whose action or key does not parse.
[[nodiscard]] StatusOr<std::optional<KeyEvent>> ParseKeyEvent(std::string_view entry_bytes);

}  // namespace docket::ledger
