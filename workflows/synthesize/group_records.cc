#include "workflows/synthesize/group_records.h"

#include <algorithm>
#include <boost/json.hpp>
#include <map>
#include <set>

#include "engine/base/time_format.h"
#include "workflows/ingest/utf8.h"

namespace docket::workflows::synthesize {
namespace {

namespace json = boost::json;

constexpr size_t kQuoteBytes = 280;

std::string GlobalString(const json::object& evidence, const char* name) {
  const json::value* globals = evidence.if_contains("globals");
  const json::value* v =
      globals && globals->is_object() ? globals->get_object().if_contains(name) : nullptr;
  return v && v->is_string() ? std::string(v->get_string()) : std::string();
}

// One line (a quote is a Markdown block quote), at most kQuoteBytes, cut on a character.
std::string Excerpt(const std::string& text) { return OneLineQuote(text, kQuoteBytes); }

std::string GroupKeyOf(const FeedbackRecord& r, const std::string& groups_from) {
  if (groups_from == "themes") return r.theme();
  return r.feature_area().empty() ? "unassigned" : r.feature_area();
}

void AddDistinct(std::vector<std::string>& list, const std::string& value, size_t limit) {
  if (value.empty() || list.size() >= limit) return;
  if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

std::vector<Segment> LargestSegments(const std::map<std::string, int64_t>& counts) {
  std::vector<Segment> segments;
  for (const auto& [name, count] : counts) segments.push_back({name, count});
  std::stable_sort(segments.begin(), segments.end(),
                   [](const Segment& a, const Segment& b) { return a.count > b.count; });
  if (segments.size() > kSegmentsPerGroup) segments.resize(kSegmentsPerGroup);
  return segments;
}

void JoinGroup(const std::vector<const FeedbackRecord*>& members, SynthesisGroup& g) {
  std::map<std::string, int64_t> segments;
  for (const FeedbackRecord* r : members) {
    if (g.quotes.size() < kQuotesPerGroup && !r->text().empty()) {
      g.quotes.push_back({r->id(), Excerpt(r->text())});
    }
    AddDistinct(g.request_ids, r->request_id(), kTelemetryIdsPerGroup);
    AddDistinct(g.error_codes, r->error_code(), kTelemetryIdsPerGroup);
    if (!r->customer_tier().empty()) ++segments["tier:" + r->customer_tier()];
    if (!r->channel().empty()) ++segments["channel:" + r->channel()];
    if (!r->region().empty()) ++segments["region:" + r->region()];
  }
  g.segments = LargestSegments(segments);
}

}  // namespace

void JoinRecords(const json::object& evidence, const FeedbackBatch& records,
                 SynthesisEvidence& out) {
  StatusOr<Timestamp> start = ParseRfc3339(GlobalString(evidence, "window.current_start"));
  StatusOr<Timestamp> end = ParseRfc3339(GlobalString(evidence, "release.evaluate_at"));
  if (!start.ok() || !end.ok()) return;
  std::map<std::string, std::vector<const FeedbackRecord*>> by_group;
  for (const SynthesisGroup& g : out.groups) by_group[g.key];
  for (const FeedbackRecord& r : records.records()) {
    const Timestamp t{std::chrono::microseconds(r.created_at_us())};
    if (r.release_version() != out.release_version || t < *start || !(t < *end)) continue;
    const auto it = by_group.find(GroupKeyOf(r, out.groups_from));
    if (it != by_group.end()) it->second.push_back(&r);
  }
  for (SynthesisGroup& g : out.groups) {
    std::vector<const FeedbackRecord*>& members = by_group[g.key];
    std::sort(members.begin(), members.end(), [](const FeedbackRecord* a, const FeedbackRecord* b) {
      if (a->severity_score() != b->severity_score()) {
        return a->severity_score() > b->severity_score();
      }
      if (a->created_at_us() != b->created_at_us()) {
        return a->created_at_us() < b->created_at_us();
      }
      return a->id() < b->id();
    });
    JoinGroup(members, g);
  }
}

}  // namespace docket::workflows::synthesize
