// FileArtifactStore keeps artifacts as files named by their SHA-256 under a directory
// (`<root>/sha256/<2 hex>/<62 hex>`). A Put writes a temp file, fsyncs it and renames
// it into place, so a crash or Ctrl-C never leaves a half-written artifact. Get
// re-hashes what it reads. Thread-safe (the filesystem arbitrates concurrent Puts).
#pragma once

#include <filesystem>

#include "engine/artifact_store.h"

namespace docket::adapters {

class FileArtifactStore final : public engine::ArtifactStore {
 public:
  explicit FileArtifactStore(std::filesystem::path root) : root_(std::move(root)) {}

  Status Put(const Sha256Digest& digest, const std::string& bytes) override;
  StatusOr<std::string> Get(const Sha256Digest& digest) override;

 private:
  std::filesystem::path PathOf(const Sha256Digest& digest) const;
  std::filesystem::path root_;
};

// Writes `bytes` to `path` atomically: temp file in the same directory, fsync, rename,
// fsync of the directory. Errors name the path and the OS error.
[[nodiscard]] Status WriteFileAtomically(const std::filesystem::path& path,
                                         std::string_view bytes);

// Reads a whole file, refusing files larger than `max_bytes`.
[[nodiscard]] StatusOr<std::string> ReadFile(const std::filesystem::path& path,
                                             uint64_t max_bytes);

}  // namespace docket::adapters
