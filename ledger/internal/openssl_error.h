// Translation of OpenSSL's error queue into a docket::Status, for the ledger's
// OpenSSL callers (Ed25519 keys, AES-GCM). OpenSSL never puts key bytes in its queue,
// so messages are safe to show. Thread-safe: the queue is thread-local.
#pragma once

#include <string>
#include <string_view>

#include "engine/base/status.h"

namespace docket::ledger::internal {

// Drains the calling thread's error queue into one string ("no OpenSSL error
// recorded" when empty), so an error from an earlier call is never blamed on a later one.
std::string DrainOpenSslErrors();

// `what: <drained errors>` with `code`.
Status OpenSslError(StatusCode code, std::string_view what);

}  // namespace docket::ledger::internal
