// Signed-note keys (c2sp.org/signed-note, Ed25519 signature type 0x01): Verifier holds
// a trusted public key and its text form `<name>+<8 hex key hash>+<base64(0x01 || key)>`;
// Signer holds a private key and its Go-compatible text form
// `PRIVATE+KEY+<name>+<8 hex key hash>+<base64(0x01 || 32-byte seed)>`.
// Both are values that own their OpenSSL key (shared by copies). Thread-safety: const
// methods may be called concurrently.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "engine/base/status.h"
#include "ledger/ed25519_key.h"

namespace docket::ledger {

inline constexpr uint8_t kEd25519AlgorithmByte = 0x01;

// SHA-256(name || "\n" || 0x01 || public_key)[:4] as a big-endian uint32.
uint32_t Ed25519KeyHash(std::string_view name, std::string_view public_key);

class Verifier {
 public:
  // Parses a verifier key line. Strict: valid key name, exactly 8 lowercase hex digits,
  // strict padded base64 of 0x01 followed by a 32-byte key, and a key hash that
  // matches. Errors: kInvalidArgument saying which part is wrong.
  [[nodiscard]] static StatusOr<Verifier> Parse(std::string_view vkey);
  // Errors: kInvalidArgument if `name` is not a valid key name.
  [[nodiscard]] static StatusOr<Verifier> Create(std::string_view name,
                                                 Ed25519PublicKey public_key);

  const std::string& name() const { return name_; }
  uint32_t key_hash() const { return key_hash_; }
  const Ed25519PublicKey& public_key() const { return public_key_; }

  // The verifier key line (no trailing newline); Parse(Format()) round-trips.
  std::string Format() const;

  // OK if `signature` (without the 4-byte key hash) signs `text` with this key.
  // Errors: kDataLoss if it does not; kInternal on an OpenSSL failure.
  [[nodiscard]] Status Verify(std::string_view text, std::string_view signature) const;

 private:
  Verifier(std::string name, uint32_t key_hash, Ed25519PublicKey public_key)
      : name_(std::move(name)), key_hash_(key_hash), public_key_(std::move(public_key)) {}

  std::string name_;
  uint32_t key_hash_;
  Ed25519PublicKey public_key_;
};

class Signer {
 public:
  // Errors: kInvalidArgument if `name` is not a valid key name or `seed` not 32 bytes.
  [[nodiscard]] static StatusOr<Signer> FromSeed(std::string_view name, std::string_view seed);
  // Parses a `PRIVATE+KEY+...` signer key. Errors: kInvalidArgument (the message never
  // contains key material).
  [[nodiscard]] static StatusOr<Signer> Parse(std::string_view skey);

  const std::string& name() const { return verifier_.name(); }
  uint32_t key_hash() const { return verifier_.key_hash(); }
  const Verifier& verifier() const { return verifier_; }

  // The signer key text. Secret: never log it.
  std::string Format() const;

  // Returns the 64-byte signature of `text`. Errors: kInternal on an OpenSSL failure.
  [[nodiscard]] StatusOr<std::string> Sign(std::string_view text) const;

 private:
  Signer(Ed25519PrivateKey key, Verifier verifier)
      : key_(std::move(key)), verifier_(std::move(verifier)) {}

  Ed25519PrivateKey key_;
  Verifier verifier_;
};

}  // namespace docket::ledger
