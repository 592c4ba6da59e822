// ClosestName: the candidate most like a misspelled name, for "did you mean" hints in
// error messages. Pure function; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace docket {

// Returns the candidate with the smallest case-insensitive edit distance to `wanted`,
// if that distance is at most a third of the longer name (at least 1); ties go to the
// earliest candidate.
std::optional<std::string> ClosestName(std::string_view wanted,
                                       const std::vector<std::string>& candidates);

}  // namespace docket
