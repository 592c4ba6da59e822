// Ed25519 (RFC 8032) keys over OpenSSL 3 EVP: Ed25519PrivateKey signs, Ed25519PublicKey
// verifies. Each object owns one OpenSSL key, built once when the key is loaded and
// reused by every Sign/Verify; copies share that key by reference count. OpenSSL
// failures are translated here into Status with context. Thread-safety: const methods
// may be called concurrently (each call uses its own EVP_MD_CTX); distinct objects are
// independent.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "engine/base/status.h"

struct evp_pkey_st;  // OpenSSL's EVP_PKEY; kept out of the header (OpenSSL is PRIVATE).

namespace docket::ledger {

inline constexpr size_t kEd25519SeedSize = 32;
inline constexpr size_t kEd25519PublicKeySize = 32;
inline constexpr size_t kEd25519SignatureSize = 64;

namespace internal {
struct EvpPkeyFree {
  void operator()(evp_pkey_st* key) const;
};
using EvpPkeyPtr = std::unique_ptr<evp_pkey_st, EvpPkeyFree>;
// Returns another owning reference to `key` (EVP_PKEY_up_ref).
EvpPkeyPtr ShareEvpPkey(const EvpPkeyPtr& key);
}  // namespace internal

class Ed25519PublicKey {
 public:
  // Loads a 32-byte RFC 8032 public key.
  // Errors: kInvalidArgument if `raw` is not 32 bytes or OpenSSL rejects it.
  [[nodiscard]] static StatusOr<Ed25519PublicKey> FromBytes(std::string_view raw);

  Ed25519PublicKey(const Ed25519PublicKey& other);
  Ed25519PublicKey& operator=(const Ed25519PublicKey& other);
  Ed25519PublicKey(Ed25519PublicKey&&) noexcept = default;
  Ed25519PublicKey& operator=(Ed25519PublicKey&&) noexcept = default;
  ~Ed25519PublicKey() = default;

  // The 32 raw public key bytes.
  const std::string& bytes() const { return raw_; }

  // OK if `signature` is a valid signature of `message` by this key.
  // Errors: kDataLoss if it is not (wrong size or does not verify);
  // kInternal if OpenSSL fails for another reason.
  [[nodiscard]] Status Verify(std::string_view message, std::string_view signature) const;

 private:
  Ed25519PublicKey(internal::EvpPkeyPtr key, std::string raw);

  internal::EvpPkeyPtr key_;
  std::string raw_;
};

class Ed25519PrivateKey {
 public:
  // Derives the key pair from a 32-byte RFC 8032 seed ("secret key"). Deterministic.
  // Errors: kInvalidArgument if `seed` is not 32 bytes or OpenSSL rejects it.
  [[nodiscard]] static StatusOr<Ed25519PrivateKey> FromSeed(std::string_view seed);

  Ed25519PrivateKey(const Ed25519PrivateKey& other);
  Ed25519PrivateKey& operator=(const Ed25519PrivateKey& other);
  Ed25519PrivateKey(Ed25519PrivateKey&&) noexcept = default;
  Ed25519PrivateKey& operator=(Ed25519PrivateKey&&) noexcept = default;
  ~Ed25519PrivateKey() = default;

  // The 32-byte seed this key was loaded from. Secret: never log it.
  const std::string& seed() const { return seed_; }
  const Ed25519PublicKey& public_key() const { return public_key_; }

  // Returns the 64-byte Ed25519 signature of `message`.
  // Errors: kInternal if OpenSSL fails.
  [[nodiscard]] StatusOr<std::string> Sign(std::string_view message) const;

 private:
  Ed25519PrivateKey(internal::EvpPkeyPtr key, std::string seed, Ed25519PublicKey public_key);

  internal::EvpPkeyPtr key_;
  std::string seed_;
  Ed25519PublicKey public_key_;
};

}  // namespace docket::ledger
