#include "workflows/steps/finding_quotes.h"

#include <boost/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "engine/base/time_format.h"
#include "workflows/ingest/utf8.h"

namespace docket::workflows {
namespace {

namespace json = boost::json;

std::string Global(const json::object& evidence, const char* name) {
  const json::value* globals = evidence.if_contains("globals");
  const json::value* v = globals && globals->is_object() ? globals->as_object().if_contains(name)
                                                         : nullptr;
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

std::string Area(const FeedbackRecord& r) {
  return r.feature_area().empty() ? "unassigned" : r.feature_area();
}
std::string Severity(const FeedbackRecord& r) {
  return r.severity().empty() ? "unrated" : r.severity();
}

// The instance key `r` has in `dimension` (as the trends step keys it), or "" for none.
std::string KeyOf(const FeedbackRecord& r, std::string_view dimension) {
  if (dimension == "feature_area") return Area(r);
  if (dimension == "severity") return Severity(r);
  if (dimension == "area_severity") return Area(r) + "/" + Severity(r);
  if (dimension == "theme") return r.theme();
  return "";
}

// One line (a quote is a Markdown block quote), at most kQuoteBytes, cut on a character.
std::string Excerpt(const std::string& text) { return OneLineQuote(text, kQuoteBytes); }

}  // namespace

json::array FindingQuotes(const json::object& decision, const json::object& evidence,
                          const FeedbackBatch& records) {
  json::array out;
  const std::string version = Global(evidence, "release.version");
  StatusOr<Timestamp> start = ParseRfc3339(Global(evidence, "window.current_start"));
  StatusOr<Timestamp> end = ParseRfc3339(Global(evidence, "release.evaluate_at"));
  const json::value* rules = decision.if_contains("rules");
  if (!start.ok() || !end.ok() || rules == nullptr || !rules->is_array()) return out;
  std::vector<const FeedbackRecord*> window;
  for (const FeedbackRecord& r : records.records()) {
    const Timestamp t{std::chrono::microseconds(r.created_at_us())};
    if (r.release_version() == version && *start <= t && t < *end) window.push_back(&r);
  }
  std::sort(window.begin(), window.end(), [](const FeedbackRecord* a, const FeedbackRecord* b) {
    if (a->severity_score() != b->severity_score()) return a->severity_score() > b->severity_score();
    if (a->created_at_us() != b->created_at_us()) return a->created_at_us() < b->created_at_us();
    return a->id() < b->id();
  });
  for (const json::value& rule : rules->as_array()) {
    const json::object* r = rule.if_object();
    if (r == nullptr || !r->contains("for_each") || r->at("outcome") == "pass") continue;
    const std::string dimension(r->at("for_each").as_string());
    const std::string instance(r->at("instance").as_string());
    json::array quotes;
    for (const FeedbackRecord* record : window) {
      if (quotes.size() == kQuotesPerFinding) break;
      if (KeyOf(*record, dimension) != instance || record->text().empty()) continue;
      json::object q;
      q["id"] = record->id();
      q["text"] = Excerpt(record->text());
      quotes.push_back(std::move(q));
    }
    if (quotes.empty()) continue;
    json::object finding;
    finding["rule"] = r->at("id");
    finding["instance"] = instance;
    finding["for_each"] = dimension;
    finding["quotes"] = std::move(quotes);
    out.push_back(std::move(finding));
  }
  return out;
}

}  // namespace docket::workflows
