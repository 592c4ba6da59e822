// Fuzz target: bytes -> ParseBlobEnvelope, the parser of an encrypted blob's stored form
// (ledger/vault/blob_vault.h). Aborts when an invariant breaks: a parsed envelope has a
// valid subject id, a 12-byte nonce and room for a tag, and formats back to the same
// bytes; errors are kInvalidArgument exactly when the "DKB1" 0x01 prefix is missing and
// kDataLoss otherwise; opening a parsed envelope with a fixed key either yields the
// plaintext or kDataLoss (the seed corpus's valid envelopes are sealed with that key).
#include <cstdint>
#include <string>
#include <string_view>

#include "ledger/vault/blob_vault.h"
#include "ledger/vault/internal/aes_gcm.h"
#include "tests/fuzz/fuzz_check.h"

namespace docket::ledger {
namespace {

constexpr std::string_view kEncryptedPrefix("DKB1\x01", 5);
const std::string kFixedKey(32, 'K');

int Run(std::string_view input) {
  const StatusOr<BlobEnvelope> envelope = ParseBlobEnvelope(input);
  if (!envelope.ok()) {
    const StatusCode want =
        input.starts_with(kEncryptedPrefix) ? StatusCode::kDataLoss : StatusCode::kInvalidArgument;
    FUZZ_CHECK(envelope.status().code() == want);
    FUZZ_CHECK(!envelope.status().message().empty());
    return 0;
  }
  FUZZ_CHECK(ValidateSubject(envelope->subject).ok());
  FUZZ_CHECK(envelope->nonce.size() == internal::kAesGcmNonceSize);
  FUZZ_CHECK(envelope->ciphertext_and_tag.size() >= internal::kAesGcmTagSize);
  FUZZ_CHECK(FormatBlobEnvelope(*envelope) == input);

  // The AAD is the envelope up to the nonce.
  const std::string_view aad =
      input.substr(0, input.size() - envelope->nonce.size() - envelope->ciphertext_and_tag.size());
  const StatusOr<std::string> plaintext =
      internal::AesGcmOpen(kFixedKey, envelope->nonce, aad, envelope->ciphertext_and_tag);
  if (plaintext.ok()) {
    FUZZ_CHECK(plaintext->size() + internal::kAesGcmTagSize == envelope->ciphertext_and_tag.size());
  } else {
    FUZZ_CHECK(plaintext.status().code() == StatusCode::kDataLoss);
  }
  return 0;
}

}  // namespace
}  // namespace docket::ledger

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return docket::ledger::Run(std::string_view(reinterpret_cast<const char*>(data), size));
}
