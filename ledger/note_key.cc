#include "ledger/note_key.h"

#include <utility>

#include "engine/base/encoding.h"
#include "engine/base/sha256.h"
#include "ledger/internal/note_text.h"

namespace docket::ledger {
namespace {

constexpr std::string_view kSignerPrefix = "PRIVATE+KEY+";

std::string HashHex(uint32_t hash) {
  const char bytes[4] = {static_cast<char>(hash >> 24), static_cast<char>(hash >> 16),
                         static_cast<char>(hash >> 8), static_cast<char>(hash)};
  return HexEncode(std::string_view(bytes, 4));
}

// Parses exactly 8 lowercase hex digits.
bool ParseHashHex(std::string_view hex, uint32_t& out) {
  if (hex.size() != 8) return false;
  out = 0;
  for (char c : hex) {
    int digit = 0;
    if (c >= '0' && c <= '9') {
      digit = c - '0';
    } else if (c >= 'a' && c <= 'f') {
      digit = c - 'a' + 10;
    } else {
      return false;
    }
    out = (out << 4) | static_cast<uint32_t>(digit);
  }
  return true;
}

struct KeyParts {
  std::string name;
  uint32_t hash = 0;
  std::string key;  // the key bytes after the algorithm byte
};

// Splits `<name>+<hash>+<base64(0x01 || key)>`; `what` names the key kind in errors.
StatusOr<KeyParts> SplitKey(std::string_view text, std::string_view what) {
  const std::string prefix = std::string(what) + ": ";
  const size_t plus1 = text.find('+');
  const size_t plus2 = plus1 == std::string_view::npos ? plus1 : text.find('+', plus1 + 1);
  if (plus2 == std::string_view::npos) {
    return InvalidArgumentError(prefix + "want <name>+<key hash>+<key>");
  }
  KeyParts parts;
  parts.name = std::string(text.substr(0, plus1));
  if (!internal::IsValidKeyName(parts.name)) {
    return InvalidArgumentError(prefix + "invalid key name (empty, or has '+', space or control)");
  }
  if (!ParseHashHex(text.substr(plus1 + 1, plus2 - plus1 - 1), parts.hash)) {
    return InvalidArgumentError(prefix + "key hash must be 8 lowercase hex digits");
  }
  std::string raw;
  if (!Base64Decode(text.substr(plus2 + 1), raw)) {
    return InvalidArgumentError(prefix + "key is not valid padded base64");
  }
  if (raw.empty() || static_cast<uint8_t>(raw[0]) != kEd25519AlgorithmByte) {
    return InvalidArgumentError(prefix + "unknown key algorithm (want 0x01, Ed25519)");
  }
  if (raw.size() != 1 + kEd25519PublicKeySize) {
    return InvalidArgumentError(prefix + "Ed25519 key must be 32 bytes, got " +
                                std::to_string(raw.size() - 1));
  }
  parts.key = raw.substr(1);
  return parts;
}

}  // namespace

uint32_t Ed25519KeyHash(std::string_view name, std::string_view public_key) {
  std::string input(name);
  input += '\n';
  input += static_cast<char>(kEd25519AlgorithmByte);
  input += public_key;
  const Sha256Digest digest = Sha256(input);
  return (uint32_t{digest.bytes[0]} << 24) | (uint32_t{digest.bytes[1]} << 16) |
         (uint32_t{digest.bytes[2]} << 8) | uint32_t{digest.bytes[3]};
}

// --- Verifier ---

StatusOr<Verifier> Verifier::Parse(std::string_view vkey) {
  DOCKET_ASSIGN_OR_RETURN(KeyParts parts, SplitKey(vkey, "verifier key"));
  DOCKET_ASSIGN_OR_RETURN(Ed25519PublicKey key, Ed25519PublicKey::FromBytes(parts.key));
  if (Ed25519KeyHash(parts.name, parts.key) != parts.hash) {
    return InvalidArgumentError("verifier key: key hash " + HashHex(parts.hash) +
                                " does not match the name and key");
  }
  return Verifier(std::move(parts.name), parts.hash, std::move(key));
}

StatusOr<Verifier> Verifier::Create(std::string_view name, Ed25519PublicKey public_key) {
  if (!internal::IsValidKeyName(name)) {
    return InvalidArgumentError("invalid key name (empty, or has '+', space or control)");
  }
  const uint32_t hash = Ed25519KeyHash(name, public_key.bytes());
  return Verifier(std::string(name), hash, std::move(public_key));
}

std::string Verifier::Format() const {
  return name_ + "+" + HashHex(key_hash_) + "+" +
         Base64Encode(std::string(1, static_cast<char>(kEd25519AlgorithmByte)) +
                      public_key_.bytes());
}

Status Verifier::Verify(std::string_view text, std::string_view signature) const {
  return public_key_.Verify(text, signature);
}

// --- Signer ---

StatusOr<Signer> Signer::FromSeed(std::string_view name, std::string_view seed) {
  DOCKET_ASSIGN_OR_RETURN(Ed25519PrivateKey key, Ed25519PrivateKey::FromSeed(seed));
  DOCKET_ASSIGN_OR_RETURN(Verifier verifier, Verifier::Create(name, key.public_key()));
  return Signer(std::move(key), std::move(verifier));
}

StatusOr<Signer> Signer::Parse(std::string_view skey) {
  if (skey.substr(0, kSignerPrefix.size()) != kSignerPrefix) {
    return InvalidArgumentError("signer key: must start with PRIVATE+KEY+");
  }
  DOCKET_ASSIGN_OR_RETURN(KeyParts parts,
                          SplitKey(skey.substr(kSignerPrefix.size()), "signer key"));
  DOCKET_ASSIGN_OR_RETURN(Signer signer, FromSeed(parts.name, parts.key));
  if (signer.key_hash() != parts.hash) {
    return InvalidArgumentError("signer key: key hash " + HashHex(parts.hash) +
                                " does not match the name and key");
  }
  return signer;
}

std::string Signer::Format() const {
  return std::string(kSignerPrefix) + name() + "+" + HashHex(key_hash()) + "+" +
         Base64Encode(std::string(1, static_cast<char>(kEd25519AlgorithmByte)) + key_.seed());
}

StatusOr<std::string> Signer::Sign(std::string_view text) const { return key_.Sign(text); }

}  // namespace docket::ledger
