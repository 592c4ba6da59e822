// DescribeDifference: a short, readable account of where two versions of an artifact
// part ways, for a replay's divergence report: the sizes, the first differing line
// (with its number) when the text has short lines, else a window of bytes around the
// first differing offset. Non-printable bytes are escaped. Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace docket::replay {

// "" when the two are equal.
std::string DescribeDifference(std::string_view recorded, std::string_view replayed);

}  // namespace docket::replay
