// CanonicalWriter builds unambiguous byte strings to hash: every field is tagged and
// length-prefixed (u64 big-endian), so no two different field lists share bytes. Used
// for seeds, config digests and manifests. Not thread-safe; cheap to create.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "engine/base/sha256.h"

namespace docket {

class CanonicalWriter {
 public:
  explicit CanonicalWriter(std::string_view domain) { Bytes(domain); }

  CanonicalWriter& Bytes(std::string_view field);
  CanonicalWriter& U64(uint64_t value);
  CanonicalWriter& I64(int64_t value) { return U64(static_cast<uint64_t>(value)); }
  CanonicalWriter& Digest(const Sha256Digest& d) { return Bytes(d.AsBytes()); }

  const std::string& bytes() const { return out_; }
  Sha256Digest Sha256Sum() const { return Sha256(out_); }

 private:
  std::string out_;
};

}  // namespace docket
