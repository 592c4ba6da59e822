#include "workflows/redact/token_reference.h"

#include "engine/base/hmac_sha256.h"

namespace docket::workflows::redact {

std::string TokenReference(std::string_view key, std::string_view subject, EntityType type,
                           std::string_view raw) {
  std::string message = "docket.token.v1";
  message.push_back('\0');
  message.append(subject);
  message.push_back('\0');
  message.append(EntityTypeName(type));
  message.push_back('\0');
  message.append(raw);
  return HmacSha256(key, message).Hex().substr(0, kTokenRefHexDigits);
}

}  // namespace docket::workflows::redact
