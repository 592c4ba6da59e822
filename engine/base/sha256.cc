#include "engine/base/sha256.h"

#include <openssl/evp.h>

#include "engine/base/check.h"
#include "engine/base/encoding.h"

namespace docket {
namespace {

// Fetched once: per-call EVP_MD_fetch costs more than hashing a small node.
const EVP_MD* Sha256Md() {
  static const EVP_MD* const md = [] {
    EVP_MD* fetched = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    DOCKET_CHECK(fetched != nullptr);
    return fetched;
  }();
  return md;
}

}  // namespace

struct Sha256Hasher::Ctx {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  ~Ctx() { EVP_MD_CTX_free(ctx); }
};

Sha256Hasher::Sha256Hasher() : ctx_(std::make_unique<Ctx>()) {
  DOCKET_CHECK(ctx_->ctx != nullptr);
  DOCKET_CHECK(EVP_DigestInit_ex2(ctx_->ctx, Sha256Md(), nullptr) == 1);
}

Sha256Hasher::~Sha256Hasher() = default;

void Sha256Hasher::Update(std::string_view data) {
  DOCKET_CHECK(EVP_DigestUpdate(ctx_->ctx, data.data(), data.size()) == 1);
}

Sha256Digest Sha256Hasher::Finish() {
  Sha256Digest out;
  unsigned int len = 0;
  DOCKET_CHECK(EVP_DigestFinal_ex(ctx_->ctx, out.bytes.data(), &len) == 1 && len == 32);
  DOCKET_CHECK(EVP_DigestInit_ex2(ctx_->ctx, Sha256Md(), nullptr) == 1);
  return out;
}

Sha256Digest Sha256(std::string_view data) {
  Sha256Digest out;
  unsigned int len = 0;
  DOCKET_CHECK(EVP_Digest(data.data(), data.size(), out.bytes.data(), &len, Sha256Md(),
                          nullptr) == 1);
  return out;
}

std::string Sha256Digest::Hex() const { return HexEncode(AsBytes()); }

bool ParseSha256Hex(std::string_view hex, Sha256Digest& out) {
  std::string raw;
  if (hex.size() != 64 || !HexDecode(hex, raw)) return false;
  std::copy(raw.begin(), raw.end(), out.bytes.begin());
  return true;
}

}  // namespace docket
