#include "adapters/ledger/internal/key_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <random>

namespace docket::adapters::internal {
namespace {

constexpr uint64_t kMaxLineFileBytes = 64 * 1024;

Status OsError(std::string_view what, const std::filesystem::path& path) {
  return UnavailableError(std::string(what) + " " + path.string() + ": " + std::strerror(errno));
}

Status WriteAll(int fd, std::string_view bytes, const std::filesystem::path& path) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return OsError("writing", path);
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return Status::Ok();
}

}  // namespace

Status WriteFileAtomically(const std::filesystem::path& path, std::string_view bytes, mode_t mode) {
  std::random_device rd;
  const std::filesystem::path tmp =
      path.parent_path() / ("." + path.filename().string() + ".tmp" + std::to_string(rd()));
  // O_EXCL with the final mode: the secret is never readable by others, not even briefly.
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
  if (fd < 0) return OsError("creating", tmp);
  Status s = WriteAll(fd, bytes, tmp);
  if (s.ok() && ::fchmod(fd, mode) != 0) s = OsError("setting the mode of", tmp);  // umask
  if (s.ok() && ::fsync(fd) != 0) s = OsError("syncing", tmp);
  if (::close(fd) != 0 && s.ok()) s = OsError("closing", tmp);
  if (s.ok() && ::rename(tmp.c_str(), path.c_str()) != 0) s = OsError("renaming into", path);
  if (!s.ok()) {
    ::unlink(tmp.c_str());
    return s;
  }
  const std::filesystem::path dir = path.parent_path().empty() ? "." : path.parent_path();
  const int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd < 0) return OsError("opening", dir);
  const bool synced = ::fsync(dir_fd) == 0;
  ::close(dir_fd);
  return synced ? Status::Ok() : OsError("syncing", dir);
}

StatusOr<std::string> ReadLineFile(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return NotFoundError("no such file: " + path.string());
  }
  const uint64_t size = std::filesystem::file_size(path, ec);
  if (ec) return UnavailableError("reading " + path.string() + ": " + ec.message());
  if (size > kMaxLineFileBytes) {
    return InvalidArgumentError(path.string() + " is too large (" + std::to_string(size) +
                                " bytes)");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return UnavailableError("cannot open " + path.string());
  std::string text((std::istreambuf_iterator<char>(in)), {});
  if (in.bad()) return UnavailableError("error reading " + path.string());
  if (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

Status MakeDirectory(const std::filesystem::path& dir, mode_t mode) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return UnavailableError("creating " + dir.string() + ": " + ec.message());
  if (::chmod(dir.c_str(), mode) != 0) return OsError("setting the mode of", dir);
  return Status::Ok();
}

}  // namespace docket::adapters::internal
