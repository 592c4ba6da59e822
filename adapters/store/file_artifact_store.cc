#include "adapters/store/file_artifact_store.h"

#include "adapters/store/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

namespace docket::adapters {
Status WriteFileAtomically(const std::filesystem::path& path, std::string_view bytes) {
  std::error_code ec;
  const std::filesystem::path dir = path.has_parent_path() ? path.parent_path() : ".";
  std::filesystem::create_directories(dir, ec);
  if (ec) return UnavailableError("creating directory " + dir.string() + ": " + ec.message());
  return WriteBytesAtomically(path, bytes, 0644);
}

StatusOr<std::string> ReadFile(const std::filesystem::path& path, uint64_t max_bytes) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return NotFoundError("no such file: " + path.string());
  }
  const uint64_t size = std::filesystem::file_size(path, ec);
  if (ec) return UnavailableError("reading " + path.string() + ": " + ec.message());
  if (size > max_bytes) {
    return InvalidArgumentError(path.string() + " is " + std::to_string(size) +
                                " bytes, over the limit of " + std::to_string(max_bytes));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return UnavailableError("cannot open " + path.string());
  std::string bytes(size, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  // A file that shrank while we read it is an error; one that grew is read as sized.
  if (static_cast<uint64_t>(in.gcount()) != size) {
    return UnavailableError("error reading " + path.string() + ": it changed while being read");
  }
  return bytes;
}

std::filesystem::path FileArtifactStore::PathOf(const Sha256Digest& digest) const {
  const std::string hex = digest.Hex();
  return root_ / "sha256" / hex.substr(0, 2) / hex.substr(2);
}

Status FileArtifactStore::Put(const Sha256Digest& digest, const std::string& bytes) {
  const std::filesystem::path path = PathOf(digest);
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) return Status::Ok();  // content-addressed
  return WriteFileAtomically(path, bytes);
}

StatusOr<std::string> FileArtifactStore::Get(const Sha256Digest& digest) {
  DOCKET_ASSIGN_OR_RETURN(std::string bytes, ReadFile(PathOf(digest), uint64_t{1} << 40));
  if (Sha256(bytes) != digest) {
    return DataLossError("artifact " + digest.Hex() + " is corrupt: its bytes hash differently");
  }
  return bytes;
}

}  // namespace docket::adapters
