// Small files of a ledger directory (keys, origin): atomic writes with an explicit mode
// and bounded reads whose errors name the file but never echo its contents, since the
// file may hold a secret. Pure functions over the filesystem; thread-safe.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <string_view>

#include "engine/base/status.h"

namespace docket::adapters::internal {

// Writes `bytes` to `path` via a temp file created with `mode` in the same directory,
// fsync, rename and an fsync of the directory. Errors: kUnavailable naming the path.
[[nodiscard]] Status WriteFileAtomically(const std::filesystem::path& path, std::string_view bytes,
                                         mode_t mode);

// Reads `path` (at most 64 KiB), without one trailing "\n".
// Errors: kNotFound if absent; kInvalidArgument if too large; kUnavailable on I/O errors.
[[nodiscard]] StatusOr<std::string> ReadLineFile(const std::filesystem::path& path);

// Creates `dir` (and parents) if missing and sets its mode. Errors: kUnavailable.
[[nodiscard]] Status MakeDirectory(const std::filesystem::path& dir, mode_t mode);

}  // namespace docket::adapters::internal
