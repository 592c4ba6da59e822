#include "policies/stats/internal/validate.h"

#include <charconv>
#include <cmath>

namespace docket::policies::stats::internal {
namespace {

Status Invalid(std::string_view field, std::string_view requirement, std::string got) {
  return InvalidArgumentError(std::string(field) + " must be " + std::string(requirement) +
                              ", got " + got);
}

}  // namespace

std::string FormatNumber(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof(buffer), value);
  return std::string(buffer, result.ptr);
}

Status CheckCount(std::string_view field, int64_t count) {
  if (count < 0 || count > kMaxCount) {
    return Invalid(field, "a count between 0 and 2^53", std::to_string(count));
  }
  return Status::Ok();
}

Status CheckPositiveFinite(std::string_view field, double value) {
  if (!std::isfinite(value) || value <= 0) {
    return Invalid(field, "finite and > 0", FormatNumber(value));
  }
  return Status::Ok();
}

Status CheckNonNegativeFinite(std::string_view field, double value) {
  if (!std::isfinite(value) || value < 0) {
    return Invalid(field, "finite and >= 0", FormatNumber(value));
  }
  return Status::Ok();
}

Status CheckOpenUnit(std::string_view field, double value) {
  if (!(value > 0 && value < 1)) return Invalid(field, "in (0, 1)", FormatNumber(value));
  return Status::Ok();
}

Status CheckClosedUnit(std::string_view field, double value) {
  if (!(value >= 0 && value <= 1)) return Invalid(field, "in [0, 1]", FormatNumber(value));
  return Status::Ok();
}

}  // namespace docket::policies::stats::internal
