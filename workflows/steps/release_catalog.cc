#include "workflows/steps/release_catalog.h"

#include <boost/json.hpp>

#include "engine/base/time_format.h"
#include "workflows/steps/records_artifact.h"

namespace docket::workflows {
namespace json = boost::json;

StatusOr<ReleaseCandidate> ReleaseCatalog::Select(std::string_view id) const {
  if (releases.empty()) return InvalidArgumentError("the releases file lists no releases");
  if (id.empty() || id == "latest") {
    const ReleaseCandidate* best = &releases.front();
    for (const ReleaseCandidate& rc : releases) {
      if (rc.evaluate_at.value_or(Timestamp::min()) >= best->evaluate_at.value_or(Timestamp::min())) {
        best = &rc;
      }
    }
    return *best;
  }
  std::string known;
  for (const ReleaseCandidate& rc : releases) {
    if (rc.id == id) return rc;
    known += (known.empty() ? "" : ", ") + rc.id;
  }
  return InvalidArgumentError("no release candidate `" + std::string(id) +
                              "` in the releases file; known: " + known);
}

StatusOr<ReleaseCatalog> ParseReleaseCatalog(std::string_view file_name, std::string_view bytes) {
  const std::string where(file_name);
  DOCKET_ASSIGN_OR_RETURN(json::value root, ParseJson(bytes, where));
  if (!root.is_object() || !root.get_object().contains("releases") ||
      !root.at("releases").is_array()) {
    return InvalidArgumentError(where + ": expected an object with a `releases` array");
  }
  ReleaseCatalog catalog;
  if (const json::value* p = root.get_object().if_contains("product"); p && p->is_string()) {
    catalog.product = std::string(p->get_string());
  }
  size_t index = 0;
  for (const json::value& item : root.at("releases").get_array()) {
    const std::string at = where + ": releases[" + std::to_string(index++) + "]";
    if (!item.is_object()) return InvalidArgumentError(at + " is not an object");
    const json::object& o = item.get_object();
    auto text = [&](const char* key, bool required) -> StatusOr<std::string> {
      const json::value* v = o.if_contains(key);
      if (v == nullptr || v->is_null()) {
        if (required) return InvalidArgumentError(at + " lacks `" + key + "`");
        return std::string();
      }
      if (!v->is_string()) return InvalidArgumentError(at + ": `" + key + "` must be a string");
      return std::string(v->get_string());
    };
    ReleaseCandidate rc;
    DOCKET_ASSIGN_OR_RETURN(rc.id, text("id", true));
    DOCKET_ASSIGN_OR_RETURN(rc.version, text("version", true));
    // "" and "latest" are how callers ask for the latest candidate, so no release may
    // carry them as its id; an empty version would match records without one.
    if (rc.id.empty() || rc.id == "latest") {
      return InvalidArgumentError(at + ": `id` must be non-empty and not \"latest\"");
    }
    if (rc.version.empty()) return InvalidArgumentError(at + ": `version` must be non-empty");
    for (auto [key, field] : {std::pair{"exposure_start", &rc.exposure_start},
                              std::pair{"evaluate_at", &rc.evaluate_at}}) {
      DOCKET_ASSIGN_OR_RETURN(std::string value, text(key, false));
      if (value.empty()) continue;
      StatusOr<Timestamp> t = ParseRfc3339(value);
      if (!t.ok()) return InvalidArgumentError(at + ": `" + key + "`: " + t.status().message());
      *field = *t;
    }
    for (const ReleaseCandidate& other : catalog.releases) {
      if (other.id == rc.id) return InvalidArgumentError(at + " repeats id `" + rc.id + "`");
    }
    catalog.releases.push_back(std::move(rc));
  }
  return catalog;
}

}  // namespace docket::workflows
