#include "workflows/ingest/source_mapping.h"

#include <algorithm>
#include <cstdlib>
#include <set>

#include "engine/base/closest_name.h"
#include "workflows/ingest/utf8.h"

namespace docket::workflows {
namespace {

std::string Quote(std::string_view name) {
  std::string quoted(1, '"');
  quoted += SafeUtf8Excerpt(name, 64);
  quoted += '"';
  return quoted;
}

Status CheckCanonical(std::string_view name, std::string_view where) {
  if (std::find(kCanonicalFields.begin(), kCanonicalFields.end(), name) != kCanonicalFields.end()) {
    return Status::Ok();
  }
  const std::vector<std::string> known(kCanonicalFields.begin(), kCanonicalFields.end());
  std::string message = "unknown canonical field " + Quote(name) + " in " + std::string(where);
  if (auto closest = ClosestName(name, known)) {
    message += " (did you mean \"" + *closest + "\"?)";
  }
  message += "; known fields: ";
  for (size_t i = 0; i < known.size(); ++i) message += (i > 0 ? ", " : "") + known[i];
  return InvalidArgumentError(message);
}

Status CheckName(std::string_view name, std::string_view what) {
  if (name.empty()) return InvalidArgumentError(std::string(what) + " has an empty name");
  if (!IsValidUtf8(name)) {
    return InvalidArgumentError(std::string(what) + " " + Quote(name) + " is not valid UTF-8");
  }
  return Status::Ok();
}

Status CheckFields(const SourceMapping& mapping) {
  for (const auto& [canonical, sources] : mapping.fields) {
    DOCKET_RETURN_IF_ERROR(CheckCanonical(canonical, "fields"));
    if (sources.empty()) {
      return InvalidArgumentError("fields." + canonical +
                                  " lists no source field; map at least one or remove it");
    }
    std::set<std::string_view> seen;
    for (const std::string& source : sources) {
      DOCKET_RETURN_IF_ERROR(CheckName(source, "a source field of fields." + canonical));
      if (!seen.insert(source).second) {
        return InvalidArgumentError("fields." + canonical + " lists " + Quote(source) + " twice");
      }
    }
  }
  return Status::Ok();
}

Status CheckConstants(const SourceMapping& mapping) {
  for (const auto& [canonical, value] : mapping.constants) {
    DOCKET_RETURN_IF_ERROR(CheckCanonical(canonical, "constants"));
    if (!IsValidUtf8(value)) {
      return InvalidArgumentError("constants." + canonical + " is not valid UTF-8");
    }
  }
  if (auto it = mapping.constants.find("created_at"); it != mapping.constants.end()) {
    auto parsed = ParseFeedbackTimestamp(it->second, mapping.timestamp_format,
                                         mapping.default_utc_offset_minutes);
    if (!parsed.ok()) return parsed.status().WithContext("constants.created_at");
  }
  if (auto it = mapping.constants.find("rating");
      it != mapping.constants.end() && !ParseRating(it->second, mapping.rating_scale)) {
    return InvalidArgumentError("constants.rating " + Quote(it->second) +
                                " is not a whole number on the mapping's rating scale");
  }
  return Status::Ok();
}

Status CheckRequired(const SourceMapping& mapping, std::string_view canonical) {
  const std::string name(canonical);
  if (mapping.fields.contains(name) || mapping.constants.contains(name)) return Status::Ok();
  return InvalidArgumentError(name + " is neither mapped nor constant; every record needs " +
                              (canonical == "text" ? "feedback text" : "a creation time") +
                              ", so map fields." + name + " to a source field");
}

}  // namespace

Status ValidateSourceMapping(const SourceMapping& mapping) {
  if (mapping.source.empty()) {
    return InvalidArgumentError("source is empty; name the system the files come from");
  }
  DOCKET_RETURN_IF_ERROR(CheckName(mapping.source, "source"));
  DOCKET_RETURN_IF_ERROR(CheckFields(mapping));
  DOCKET_RETURN_IF_ERROR(CheckConstants(mapping));
  DOCKET_RETURN_IF_ERROR(CheckRequired(mapping, "text"));
  DOCKET_RETURN_IF_ERROR(CheckRequired(mapping, "created_at"));
  std::set<std::string_view> extras;
  for (const std::string& extra : mapping.extras) {
    DOCKET_RETURN_IF_ERROR(CheckName(extra, "an extras entry"));
    if (!extras.insert(extra).second) {
      return InvalidArgumentError("extras lists " + Quote(extra) + " twice");
    }
  }
  if (mapping.default_utc_offset_minutes &&
      std::abs(*mapping.default_utc_offset_minutes) >= 24 * 60) {
    return InvalidArgumentError("default_utc_offset_minutes " +
                                std::to_string(*mapping.default_utc_offset_minutes) +
                                " is not within a day (-1439..1439)");
  }
  return Status::Ok();
}

std::optional<int> ParseRating(std::string_view text, RatingScale scale) {
  const size_t begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return std::nullopt;
  text = text.substr(begin, text.find_last_not_of(" \t") - begin + 1);
  if (text.empty() || text.size() > 2 || text.find_first_not_of("0123456789") != text.npos) {
    return std::nullopt;
  }
  const int value = text.size() == 1 ? text[0] - '0' : (text[0] - '0') * 10 + (text[1] - '0');
  switch (scale) {
    case RatingScale::kOneToFive:
      if (value < 1 || value > 5) return std::nullopt;
      return value;
    case RatingScale::kZeroToTen:
      if (value > 10) return std::nullopt;
      return value <= 2 ? 1 : (value + 1) / 2;
  }
  return std::nullopt;
}

}  // namespace docket::workflows
