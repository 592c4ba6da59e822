#include "adapters/ledger/internal/key_file.h"

#include "adapters/store/atomic_file.h"

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

}  // namespace

Status WriteFileAtomically(const std::filesystem::path& path, std::string_view bytes, mode_t mode) {
  return WriteBytesAtomically(path, bytes, mode);
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
