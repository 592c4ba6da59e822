#include "engine/schedule.h"

#include <charconv>
#include <string>
#include <vector>

namespace docket::engine {
namespace {

struct FieldRange {
  const char* name;
  int min;
  int max;
};
constexpr FieldRange kFields[] = {
    {"minute", 0, 59}, {"hour", 0, 23}, {"day-of-month", 1, 31}, {"month", 1, 12},
    {"day-of-week", 0, 7}};

bool ParseNumber(std::string_view s, int& out) {
  if (s.empty() || s[0] < '0' || s[0] > '9') return false;  // from_chars takes a '-'
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

Status CheckItem(std::string_view item, const FieldRange& f) {
  auto bad = [&](std::string why) {
    return InvalidArgumentError("cron " + std::string(f.name) + " field `" + std::string(item) +
                                "`: " + why);
  };
  std::string_view range = item;
  if (size_t slash = item.find('/'); slash != std::string_view::npos) {
    int step = 0;
    if (!ParseNumber(item.substr(slash + 1), step) || step < 1 || step > f.max) {
      return bad("step must be a number from 1 to " + std::to_string(f.max));
    }
    range = item.substr(0, slash);
  }
  if (range == "*") return Status::Ok();
  int lo = 0, hi = 0;
  if (size_t dash = range.find('-'); dash != std::string_view::npos) {
    if (!ParseNumber(range.substr(0, dash), lo) || !ParseNumber(range.substr(dash + 1), hi)) {
      return bad("expected numbers");
    }
    if (lo > hi) return bad("range start is after its end");
  } else {
    if (!ParseNumber(range, lo)) return bad("expected *, a number or a range");
    hi = lo;
  }
  if (lo < f.min || hi > f.max) {
    return bad("out of range " + std::to_string(f.min) + "-" + std::to_string(f.max));
  }
  return Status::Ok();
}

}  // namespace

Status ValidateCron(std::string_view cron) {
  std::vector<std::string_view> fields;
  size_t i = 0;
  while (i < cron.size()) {
    while (i < cron.size() && cron[i] == ' ') ++i;
    const size_t start = i;
    while (i < cron.size() && cron[i] != ' ') ++i;
    if (i > start) fields.push_back(cron.substr(start, i - start));
  }
  if (fields.size() != 5) {
    return InvalidArgumentError("cron expression `" + std::string(cron) + "` has " +
                                std::to_string(fields.size()) + " fields, expected 5");
  }
  for (size_t f = 0; f < 5; ++f) {
    std::string_view field = fields[f];
    size_t start = 0;
    while (true) {
      const size_t comma = field.find(',', start);
      const std::string_view item = field.substr(start, comma - start);
      DOCKET_RETURN_IF_ERROR(CheckItem(item, kFields[f]));
      if (comma == std::string_view::npos) break;
      start = comma + 1;
    }
  }
  return Status::Ok();
}

std::optional<int> ParseFixedZone(std::string_view zone) {
  if (zone == "UTC" || zone == "Z") return 0;
  if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':') {
    return std::nullopt;
  }
  int h = 0, m = 0;
  if (!ParseNumber(zone.substr(1, 2), h) || !ParseNumber(zone.substr(4, 2), m) || h > 23 ||
      m > 59) {
    return std::nullopt;
  }
  return (zone[0] == '-' ? -1 : 1) * (h * 60 + m);
}

}  // namespace docket::engine
