#include "ledger/ed25519_key.h"

#include <openssl/err.h>
#include <openssl/evp.h>

#include <utility>

#include "ledger/internal/openssl_error.h"

namespace docket::ledger {
namespace {

using internal::OpenSslError;

struct MdCtxFree {
  void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, MdCtxFree>;

}  // namespace

namespace internal {
void EvpPkeyFree::operator()(evp_pkey_st* key) const { EVP_PKEY_free(key); }

EvpPkeyPtr ShareEvpPkey(const EvpPkeyPtr& key) {
  if (key == nullptr) return nullptr;
  DOCKET_CHECK(EVP_PKEY_up_ref(key.get()) == 1);
  return EvpPkeyPtr(key.get());
}
}  // namespace internal

// --- Ed25519PublicKey ---

Ed25519PublicKey::Ed25519PublicKey(internal::EvpPkeyPtr key, std::string raw)
    : key_(std::move(key)), raw_(std::move(raw)) {}

Ed25519PublicKey::Ed25519PublicKey(const Ed25519PublicKey& other)
    : key_(internal::ShareEvpPkey(other.key_)), raw_(other.raw_) {}

Ed25519PublicKey& Ed25519PublicKey::operator=(const Ed25519PublicKey& other) {
  if (this != &other) {
    key_ = internal::ShareEvpPkey(other.key_);
    raw_ = other.raw_;
  }
  return *this;
}

StatusOr<Ed25519PublicKey> Ed25519PublicKey::FromBytes(std::string_view raw) {
  if (raw.size() != kEd25519PublicKeySize) {
    return InvalidArgumentError("Ed25519 public key must be 32 bytes, got " +
                                std::to_string(raw.size()));
  }
  ERR_clear_error();
  internal::EvpPkeyPtr key(EVP_PKEY_new_raw_public_key(
      EVP_PKEY_ED25519, nullptr, reinterpret_cast<const unsigned char*>(raw.data()), raw.size()));
  if (key == nullptr) {
    return OpenSslError(StatusCode::kInvalidArgument, "loading Ed25519 public key");
  }
  return Ed25519PublicKey(std::move(key), std::string(raw));
}

Status Ed25519PublicKey::Verify(std::string_view message, std::string_view signature) const {
  if (signature.size() != kEd25519SignatureSize) {
    return DataLossError("Ed25519 signature must be 64 bytes, got " +
                         std::to_string(signature.size()));
  }
  ERR_clear_error();
  MdCtxPtr ctx(EVP_MD_CTX_new());
  if (ctx == nullptr) return OpenSslError(StatusCode::kInternal, "EVP_MD_CTX_new");
  // Ed25519 is one-shot: no digest, the whole message goes to EVP_DigestVerify.
  if (EVP_DigestVerifyInit_ex(ctx.get(), nullptr, nullptr, nullptr, nullptr, key_.get(), nullptr) !=
      1) {
    return OpenSslError(StatusCode::kInternal, "initializing Ed25519 verification");
  }
  const int rc = EVP_DigestVerify(
      ctx.get(), reinterpret_cast<const unsigned char*>(signature.data()), signature.size(),
      reinterpret_cast<const unsigned char*>(message.data()), message.size());
  if (rc == 1) return Status::Ok();
  // 0 means "does not verify"; OpenSSL may also report a malformed signature as an
  // error (-1) with a queue entry. Both mean the signature is bad, not our bug.
  ERR_clear_error();
  return DataLossError("Ed25519 signature does not verify");
}

// --- Ed25519PrivateKey ---

Ed25519PrivateKey::Ed25519PrivateKey(internal::EvpPkeyPtr key, std::string seed,
                                     Ed25519PublicKey public_key)
    : key_(std::move(key)), seed_(std::move(seed)), public_key_(std::move(public_key)) {}

Ed25519PrivateKey::Ed25519PrivateKey(const Ed25519PrivateKey& other)
    : key_(internal::ShareEvpPkey(other.key_)),
      seed_(other.seed_),
      public_key_(other.public_key_) {}

Ed25519PrivateKey& Ed25519PrivateKey::operator=(const Ed25519PrivateKey& other) {
  if (this != &other) {
    key_ = internal::ShareEvpPkey(other.key_);
    seed_ = other.seed_;
    public_key_ = other.public_key_;
  }
  return *this;
}

StatusOr<Ed25519PrivateKey> Ed25519PrivateKey::FromSeed(std::string_view seed) {
  if (seed.size() != kEd25519SeedSize) {
    return InvalidArgumentError("Ed25519 seed must be 32 bytes, got " +
                                std::to_string(seed.size()));
  }
  ERR_clear_error();
  internal::EvpPkeyPtr key(EVP_PKEY_new_raw_private_key(
      EVP_PKEY_ED25519, nullptr, reinterpret_cast<const unsigned char*>(seed.data()), seed.size()));
  if (key == nullptr) {
    return OpenSslError(StatusCode::kInvalidArgument, "loading Ed25519 private key");
  }
  std::string raw_public(kEd25519PublicKeySize, '\0');
  size_t len = raw_public.size();
  if (EVP_PKEY_get_raw_public_key(key.get(), reinterpret_cast<unsigned char*>(raw_public.data()),
                                  &len) != 1 ||
      len != kEd25519PublicKeySize) {
    return OpenSslError(StatusCode::kInternal, "deriving Ed25519 public key");
  }
  DOCKET_ASSIGN_OR_RETURN(Ed25519PublicKey public_key, Ed25519PublicKey::FromBytes(raw_public));
  return Ed25519PrivateKey(std::move(key), std::string(seed), std::move(public_key));
}

StatusOr<std::string> Ed25519PrivateKey::Sign(std::string_view message) const {
  ERR_clear_error();
  MdCtxPtr ctx(EVP_MD_CTX_new());
  if (ctx == nullptr) return OpenSslError(StatusCode::kInternal, "EVP_MD_CTX_new");
  if (EVP_DigestSignInit_ex(ctx.get(), nullptr, nullptr, nullptr, nullptr, key_.get(), nullptr) !=
      1) {
    return OpenSslError(StatusCode::kInternal, "initializing Ed25519 signing");
  }
  std::string signature(kEd25519SignatureSize, '\0');
  size_t len = signature.size();
  if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &len,
                     reinterpret_cast<const unsigned char*>(message.data()), message.size()) != 1 ||
      len != kEd25519SignatureSize) {
    return OpenSslError(StatusCode::kInternal, "Ed25519 signing");
  }
  return signature;
}

}  // namespace docket::ledger
