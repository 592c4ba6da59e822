// AES-256-GCM sealing and opening and secure random bytes over OpenSSL 3 EVP, for the
// blob vault and the subject keyring. The cipher is fetched once per process. Pure
// functions: thread-safe. Key bytes never appear in an error message.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "engine/base/status.h"

namespace docket::ledger::internal {

inline constexpr size_t kAesGcmKeySize = 32;    // AES-256
inline constexpr size_t kAesGcmNonceSize = 12;  // 96-bit IV, the GCM default
inline constexpr size_t kAesGcmTagSize = 16;    // full 128-bit tag

// `size` bytes from OpenSSL's CSPRNG. Errors: kInternal if RAND_bytes fails.
[[nodiscard]] StatusOr<std::string> SecureRandomBytes(size_t size);

// Returns ciphertext || 16-byte tag (the ciphertext is as long as `plaintext`).
// Errors: kInvalidArgument for a key or nonce of the wrong size or a plaintext past
// INT_MAX bytes; kInternal if OpenSSL fails.
[[nodiscard]] StatusOr<std::string> AesGcmSeal(std::string_view key, std::string_view nonce,
                                               std::string_view aad, std::string_view plaintext);

// Inverse of AesGcmSeal. Errors: kDataLoss if the tag does not verify (wrong key,
// nonce or AAD, or altered bytes) or the input is shorter than a tag; kInvalidArgument
// for a key or nonce of the wrong size; kInternal if OpenSSL fails otherwise.
[[nodiscard]] StatusOr<std::string> AesGcmOpen(std::string_view key, std::string_view nonce,
                                               std::string_view aad,
                                               std::string_view ciphertext_and_tag);

// Overwrites `secret` with zeros (OPENSSL_cleanse, which the compiler may not elide).
void Cleanse(std::string& secret);

}  // namespace docket::ledger::internal
