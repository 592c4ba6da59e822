// Validation of `schedule:` blocks: five-field cron expressions and fixed time zones.
// Scheduled runs themselves come later (TODO(#6)); today a schedule is parsed and
// checked so a bad one fails `docket validate`. Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string_view>

#include "engine/base/status.h"

namespace docket::engine {

// minute(0-59) hour(0-23) day-of-month(1-31) month(1-12) day-of-week(0-7, 0 and 7 = Sunday);
// each field `*`, `N`, `A-B`, with optional `/STEP`, comma-separated.
Status ValidateCron(std::string_view cron);

// "UTC", "Z" or "+hh:mm"/"-hh:mm": the offset in minutes; nullopt otherwise.
std::optional<int> ParseFixedZone(std::string_view zone);

}  // namespace docket::engine
