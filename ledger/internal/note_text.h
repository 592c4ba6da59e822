// Character-level rules of C2SP signed notes (c2sp.org/signed-note): which bytes may
// appear in a note and in a key name. Pure functions; thread-safe.
#pragma once

#include <string_view>

namespace docket::ledger::internal {

// True if `text` is valid UTF-8 (no overlongs, surrogates or code points past
// U+10FFFF) and has no ASCII control character other than '\n'.
bool IsValidNoteBytes(std::string_view text);

// True if `name` is a valid key name: non-empty, valid note bytes, no '+', and no
// Unicode space (Go's unicode.IsSpace set, which includes '\n').
bool IsValidKeyName(std::string_view name);

}  // namespace docket::ledger::internal
