// Atomic file writes; see atomic_file.h.
#include "adapters/store/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>
#include <string>

namespace docket::adapters {
namespace {

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

Status WriteAtomically(const std::filesystem::path& path, mode_t mode,
                       const std::function<Status(int fd, const std::filesystem::path& tmp)>& fill) {
  const std::filesystem::path dir = path.has_parent_path() ? path.parent_path() : ".";
  std::random_device rd;  // names a temp file only; feeds nothing
  const std::filesystem::path tmp =
      dir / ("." + path.filename().string() + ".tmp" + std::to_string(rd()));
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
  if (fd < 0) return OsError("creating", tmp);
  Status s = fill(fd, tmp);
  if (s.ok() && ::fchmod(fd, mode) != 0) s = OsError("setting the mode of", tmp);  // umask
  if (s.ok() && ::fsync(fd) != 0) s = OsError("syncing", tmp);
  if (::close(fd) != 0 && s.ok()) s = OsError("closing", tmp);
  if (s.ok() && ::rename(tmp.c_str(), path.c_str()) != 0) s = OsError("renaming into", path);
  if (!s.ok()) {
    ::unlink(tmp.c_str());
    return s;
  }
  const int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd < 0) return OsError("opening", dir);
  const bool synced = ::fsync(dir_fd) == 0;
  ::close(dir_fd);
  return synced ? Status::Ok() : OsError("syncing", dir);
}

Status WriteBytesAtomically(const std::filesystem::path& path, std::string_view bytes,
                            mode_t mode) {
  return WriteAtomically(path, mode, [&](int fd, const std::filesystem::path& tmp) {
    return WriteAll(fd, bytes, tmp);
  });
}

}  // namespace docket::adapters
