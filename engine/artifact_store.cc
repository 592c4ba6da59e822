#include "engine/artifact_store.h"

namespace docket::engine {

Status MemoryArtifactStore::Put(const Sha256Digest& digest, const std::string& bytes) {
  std::lock_guard<std::mutex> guard(mu_);
  blobs_.emplace(digest, bytes);
  return Status::Ok();
}

StatusOr<std::string> MemoryArtifactStore::Get(const Sha256Digest& digest) {
  std::lock_guard<std::mutex> guard(mu_);
  auto it = blobs_.find(digest);
  if (it == blobs_.end()) return NotFoundError("no artifact " + digest.Hex());
  return it->second;
}

size_t MemoryArtifactStore::size() const {
  std::lock_guard<std::mutex> guard(mu_);
  return blobs_.size();
}

}  // namespace docket::engine
