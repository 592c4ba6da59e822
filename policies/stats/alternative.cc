#include "policies/stats/alternative.h"

#include <string>

namespace docket::policies::stats {

std::string_view AlternativeName(Alternative alternative) {
  switch (alternative) {
    case Alternative::kGreater:
      return "greater";
    case Alternative::kLess:
      return "less";
    case Alternative::kTwoSided:
      return "two_sided";
  }
  return "unknown";
}

StatusOr<Alternative> ParseAlternative(std::string_view name) {
  if (name == "greater") return Alternative::kGreater;
  if (name == "less") return Alternative::kLess;
  if (name == "two_sided" || name == "two.sided") return Alternative::kTwoSided;
  return InvalidArgumentError("alternative must be one of greater, less, two_sided; got \"" +
                              std::string(name) + "\"");
}

}  // namespace docket::policies::stats
