// SHA-256 over OpenSSL 3 (the digest algorithm is fetched once per process and reused).
// Sha256Digest is the content address of every artifact, input and config in Docket.
// Sha256Hasher is not thread-safe; the free functions are.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace docket {

struct Sha256Digest {
  std::array<uint8_t, 32> bytes{};

  std::string Hex() const;  // 64 lowercase hex digits
  std::string_view AsBytes() const {
    return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
  }
  friend auto operator<=>(const Sha256Digest&, const Sha256Digest&) = default;
};

// Streaming hasher for inputs that arrive in pieces.
class Sha256Hasher {
 public:
  Sha256Hasher();
  ~Sha256Hasher();
  Sha256Hasher(const Sha256Hasher&) = delete;
  Sha256Hasher& operator=(const Sha256Hasher&) = delete;

  void Update(std::string_view data);
  Sha256Digest Finish();  // the hasher is reset afterwards

 private:
  struct Ctx;
  std::unique_ptr<Ctx> ctx_;
};

Sha256Digest Sha256(std::string_view data);

// Parses 64 hex digits; returns false on anything else.
bool ParseSha256Hex(std::string_view hex, Sha256Digest& out);

}  // namespace docket
