// ReleaseCatalog: the release candidates named in a releases.json input file (id,
// version, exposure start, evaluation time). Parsed strictly; immutable afterwards.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/base/clock.h"
#include "engine/base/status.h"

namespace docket::workflows {

struct ReleaseCandidate {
  std::string id;       // e.g. "rc-4.3.0"
  std::string version;  // e.g. "4.3.0"; records match on release_version
  std::optional<Timestamp> exposure_start;
  std::optional<Timestamp> evaluate_at;
};

struct ReleaseCatalog {
  std::string product;
  std::vector<ReleaseCandidate> releases;  // file order

  // `id` or, for "latest" or "", the candidate with the latest evaluate_at (ties: last in
  // the file). Errors: kInvalidArgument naming the known ids.
  StatusOr<ReleaseCandidate> Select(std::string_view id) const;
};

// Errors say which file and which entry was wrong.
StatusOr<ReleaseCatalog> ParseReleaseCatalog(std::string_view file_name, std::string_view bytes);

}  // namespace docket::workflows
