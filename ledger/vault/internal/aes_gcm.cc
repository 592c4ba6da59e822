#include "ledger/vault/internal/aes_gcm.h"

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <climits>
#include <memory>

#include "ledger/internal/openssl_error.h"

namespace docket::ledger::internal {
namespace {

Status OpenSslInternal(std::string_view what) {
  return OpenSslError(StatusCode::kInternal, what);
}

// Fetched once: per-call fetching is measurably slow (NOTES-bookworm.md).
const EVP_CIPHER* Aes256Gcm() {
  static const EVP_CIPHER* const cipher = [] {
    EVP_CIPHER* fetched = EVP_CIPHER_fetch(nullptr, "AES-256-GCM", nullptr);
    DOCKET_CHECK(fetched != nullptr);
    return fetched;
  }();
  return cipher;
}

struct CipherCtxFree {
  void operator()(EVP_CIPHER_CTX* ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
using CipherCtxPtr = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree>;

const unsigned char* Bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}
unsigned char* Bytes(std::string& s) { return reinterpret_cast<unsigned char*>(s.data()); }

Status CheckSizes(std::string_view key, std::string_view nonce, size_t text_size, size_t aad_size) {
  if (key.size() != kAesGcmKeySize) {
    return InvalidArgumentError("AES-256-GCM key must be 32 bytes, got " +
                                std::to_string(key.size()));
  }
  if (nonce.size() != kAesGcmNonceSize) {
    return InvalidArgumentError("AES-GCM nonce must be 12 bytes, got " +
                                std::to_string(nonce.size()));
  }
  if (text_size > INT_MAX || aad_size > INT_MAX) {
    return InvalidArgumentError("AES-GCM input of " + std::to_string(text_size) +
                                " bytes is too large");
  }
  return Status::Ok();
}

// Creates a context keyed for one direction and feeds it the AAD.
StatusOr<CipherCtxPtr> StartCipher(std::string_view key, std::string_view nonce,
                                   std::string_view aad, bool encrypt) {
  CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
  if (ctx == nullptr) return OpenSslInternal("EVP_CIPHER_CTX_new");
  if (EVP_CipherInit_ex2(ctx.get(), Aes256Gcm(), Bytes(key), Bytes(nonce), encrypt ? 1 : 0,
                         nullptr) != 1) {
    return OpenSslInternal("initializing AES-256-GCM");
  }
  int len = 0;
  if (!aad.empty() &&
      EVP_CipherUpdate(ctx.get(), nullptr, &len, Bytes(aad), static_cast<int>(aad.size())) != 1) {
    return OpenSslInternal("AES-GCM additional data");
  }
  return ctx;
}

}  // namespace

StatusOr<std::string> SecureRandomBytes(size_t size) {
  if (size > INT_MAX) return InvalidArgumentError("too many random bytes requested");
  std::string out(size, '\0');
  ERR_clear_error();
  if (size > 0 && RAND_bytes(Bytes(out), static_cast<int>(size)) != 1) {
    return OpenSslInternal("RAND_bytes");
  }
  return out;
}

StatusOr<std::string> AesGcmSeal(std::string_view key, std::string_view nonce, std::string_view aad,
                                 std::string_view plaintext) {
  DOCKET_RETURN_IF_ERROR(CheckSizes(key, nonce, plaintext.size(), aad.size()));
  ERR_clear_error();
  DOCKET_ASSIGN_OR_RETURN(CipherCtxPtr ctx, StartCipher(key, nonce, aad, /*encrypt=*/true));
  std::string out(plaintext.size() + kAesGcmTagSize, '\0');
  int len = 0;
  if (!plaintext.empty() && EVP_CipherUpdate(ctx.get(), Bytes(out), &len, Bytes(plaintext),
                                             static_cast<int>(plaintext.size())) != 1) {
    return OpenSslInternal("AES-GCM encryption");
  }
  int final_len = 0;
  if (EVP_CipherFinal_ex(ctx.get(), Bytes(out) + len, &final_len) != 1 ||
      static_cast<size_t>(len) + static_cast<size_t>(final_len) != plaintext.size()) {
    return OpenSslInternal("finishing AES-GCM encryption");
  }
  if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_GET_TAG, kAesGcmTagSize,
                          Bytes(out) + plaintext.size()) != 1) {
    return OpenSslInternal("reading the AES-GCM tag");
  }
  return out;
}

StatusOr<std::string> AesGcmOpen(std::string_view key, std::string_view nonce, std::string_view aad,
                                 std::string_view ciphertext_and_tag) {
  if (ciphertext_and_tag.size() < kAesGcmTagSize) {
    return DataLossError("AES-GCM input of " + std::to_string(ciphertext_and_tag.size()) +
                         " bytes is shorter than its 16-byte tag");
  }
  const size_t text_size = ciphertext_and_tag.size() - kAesGcmTagSize;
  DOCKET_RETURN_IF_ERROR(CheckSizes(key, nonce, text_size, aad.size()));
  ERR_clear_error();
  DOCKET_ASSIGN_OR_RETURN(CipherCtxPtr ctx, StartCipher(key, nonce, aad, /*encrypt=*/false));
  std::string out(text_size, '\0');
  int len = 0;
  if (text_size > 0 && EVP_CipherUpdate(ctx.get(), Bytes(out), &len, Bytes(ciphertext_and_tag),
                                        static_cast<int>(text_size)) != 1) {
    return OpenSslInternal("AES-GCM decryption");
  }
  // EVP_CIPHER_CTX_ctrl takes a non-const pointer but only reads the expected tag.
  std::string tag(ciphertext_and_tag.substr(text_size));
  if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_SET_TAG, kAesGcmTagSize, Bytes(tag)) != 1) {
    return OpenSslInternal("setting the AES-GCM tag");
  }
  int final_len = 0;
  if (EVP_CipherFinal_ex(ctx.get(), Bytes(out) + len, &final_len) != 1) {
    // A tag mismatch is not our bug: the key, nonce, AAD or bytes are not the sealed ones.
    ERR_clear_error();
    Cleanse(out);
    return DataLossError("AES-GCM authentication failed");
  }
  return out;
}

void Cleanse(std::string& secret) {
  if (!secret.empty()) OPENSSL_cleanse(secret.data(), secret.size());
}

}  // namespace docket::ledger::internal
