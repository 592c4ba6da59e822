// HmacSha256; see hmac_sha256.h.
#include "engine/base/hmac_sha256.h"

#include <openssl/hmac.h>

#include "engine/base/check.h"

namespace docket {

Sha256Digest HmacSha256(std::string_view key, std::string_view message) {
  Sha256Digest out;
  unsigned int length = 0;
  // One-shot HMAC: OpenSSL 3 implements it over EVP_MAC; it fails only on allocation.
  const unsigned char* tag =
      HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
           reinterpret_cast<const unsigned char*>(message.data()), message.size(),
           out.bytes.data(), &length);
  DOCKET_CHECK(tag != nullptr && length == out.bytes.size());
  return out;
}

}  // namespace docket
