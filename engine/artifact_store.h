// ArtifactStore: where a run keeps artifact bytes, addressed by their SHA-256. The
// engine writes every step output through it; a disk-backed store lives in adapters/.
// Implementations must be thread-safe: executor workers call Put concurrently.
#pragma once

#include <map>
#include <mutex>
#include <string>

#include "engine/base/sha256.h"
#include "engine/base/status.h"

namespace docket::engine {

class ArtifactStore {
 public:
  virtual ~ArtifactStore() = default;

  // Stores `bytes` under `digest` (which the caller computed as their SHA-256).
  // Idempotent. The bytes are durable or visible only once Put returns OK; a failed or
  // interrupted Put leaves nothing half-written under `digest`.
  [[nodiscard]] virtual Status Put(const Sha256Digest& digest, const std::string& bytes) = 0;

  // Errors: kNotFound if absent; kDataLoss if stored bytes no longer match the digest.
  [[nodiscard]] virtual StatusOr<std::string> Get(const Sha256Digest& digest) = 0;
};

// Keeps everything in memory; for tests and runs that need no persistence.
class MemoryArtifactStore final : public ArtifactStore {
 public:
  Status Put(const Sha256Digest& digest, const std::string& bytes) override;
  StatusOr<std::string> Get(const Sha256Digest& digest) override;
  size_t size() const;

 private:
  mutable std::mutex mu_;
  std::map<Sha256Digest, std::string> blobs_;
};

}  // namespace docket::engine
