// TokenReference: the reference the token operator puts in redacted text in place of a
// raw value: 16 hex digits of HMAC-SHA-256(tenant key, "docket.token.v1" 0 subject 0
// type 0 value). The same value of the same subject always gets the same reference, so
// redacted text is byte-identical across reruns and replays; it reveals nothing without
// the key. Where the raw value is kept is the TokenVault's business (the ledger's vault
// in a run, nowhere in a replay). Pure; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "workflows/redact/entity.h"

namespace docket::workflows::redact {

inline constexpr size_t kTokenRefHexDigits = 16;

std::string TokenReference(std::string_view key, std::string_view subject, EntityType type,
                           std::string_view raw);

}  // namespace docket::workflows::redact
