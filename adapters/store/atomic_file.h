// Atomic file writes for everything Docket writes outside the ledger database (outputs,
// manifests, key files, evidence bundles): a temp file created in the target's
// directory with its final mode (O_EXCL, so a secret is never readable by others, not
// even briefly), filled, fsync'ed, renamed over the target, then the directory fsync'ed.
// A crash leaves either the old file or the new one, never a half-written one.
// Pure functions over the filesystem; thread-safe.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <functional>
#include <string_view>

#include "engine/base/status.h"

namespace docket::adapters {

// Writes what `fill` writes to the temp file (through `fd`, or by opening `tmp`) to
// `path` atomically, with `mode`. The parent directory must exist.
// Errors: kUnavailable naming the path and the OS error; `fill`'s errors.
[[nodiscard]] Status WriteAtomically(
    const std::filesystem::path& path, mode_t mode,
    const std::function<Status(int fd, const std::filesystem::path& tmp)>& fill);

// WriteAtomically of `bytes`.
[[nodiscard]] Status WriteBytesAtomically(const std::filesystem::path& path,
                                          std::string_view bytes, mode_t mode);

}  // namespace docket::adapters
