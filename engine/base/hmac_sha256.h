// HMAC-SHA-256 (RFC 2104) through OpenSSL 3, for keyed pseudonyms: the same value and
// key always give the same tag, and the tag reveals nothing of the value without the
// key. Pure function; thread-safe.
#pragma once

#include <string_view>

#include "engine/base/sha256.h"

namespace docket {

// HMAC-SHA-256 of `message` under `key` (any length; RFC 2104 hashes longer keys).
Sha256Digest HmacSha256(std::string_view key, std::string_view message);

}  // namespace docket
