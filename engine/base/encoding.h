// Hex (lowercase) and base64 (RFC 4648 standard alphabet, padded) encoders and strict
// decoders. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace docket {

std::string HexEncode(std::string_view bytes);
// Accepts upper or lower case; false on odd length or a non-hex character.
bool HexDecode(std::string_view hex, std::string& out);

std::string Base64Encode(std::string_view bytes);
// Strict: padding required, no whitespace, non-zero trailing bits rejected.
bool Base64Decode(std::string_view text, std::string& out);

}  // namespace docket
