// SynthesisEvidence: the structured, redacted facts the synthesis tasks may use, built
// from the gate's evidence (docket.evidence.v1) and decision (docket.decision.v2), the
// redacted records and optionally the theme table. Groups are the themes when a theme
// table is given, else the feature areas of the evidence; they are ordered high-risk
// first, then by q, observed count and key, and bounded to `max_groups`. Everything a
// prompt or a fallback template shows comes from here, so model answers can be checked
// against it. Pure; thread-safe.
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "engine/base/status.h"
#include "workflows/proto/feedback.pb.h"

namespace docket::workflows::synthesize {

struct RuleRef {
  std::string rule;
  std::string instance;
  std::string outcome;  // "fail", "warn", "inconclusive", "error"
  bool key = false;
};

struct Quote {
  std::string id;    // the record's own id: artifacts only, never sent
  std::string text;  // redacted, one line, at most 280 bytes
  // How prompts and answers cite it: "f1", "f2", … in group order. Record ids stay out
  // of model calls: they are internal, and ids shaped like phone or account numbers
  // would (rightly) trip the egress guard.
  std::string ref;
};

struct Segment {
  std::string name;  // "tier:pro", "channel:review", "region:DE"
  int64_t count = 0;
};

struct SynthesisGroup {
  std::string key;    // theme id or feature area
  std::string label;  // theme terms, or the area
  std::vector<std::string> terms;
  int64_t observed = 0;  // records in the current window (the evidence's count)
  int64_t baseline = 0;
  double expected = 0;
  double rate_ratio = 0;
  double q = 1;
  int64_t high = 0;  // high-severity records in the window
  bool flagged = false;
  bool high_risk = false;                // flagged, or a rule instance naming it failed
  bool improved = false;                 // rate_ratio at most the improvement ratio, expected >= 5
  std::vector<RuleRef> rules;            // rule instances naming this group that did not pass
  std::vector<std::string> releases;     // release versions it occurs in
  std::vector<Quote> quotes;             // up to 3, most severe first
  std::vector<std::string> request_ids;  // telemetry ids of its records, up to 5
  std::vector<std::string> error_codes;  // distinct, up to 5
  std::vector<Segment> segments;         // largest first, up to 6
};

struct SynthesisEvidence {
  std::string release_id;
  std::string release_version;
  std::string product;
  std::string verdict;
  std::string groups_from;  // "themes" or "feature_area"
  size_t groups_total = 0;  // before the bound
  std::vector<SynthesisGroup> groups;
  std::vector<RuleRef> failing_key_rules;  // enforce-mode key rules that failed
  std::vector<std::string> enabled_flags;  // flags the flag signal reports enabled, sorted
  std::string rollback_flag;               // an enabled flag matching a failing area, or ""
  std::string rollback_area;               // that area
  std::map<std::string, std::string> quote_ids;  // Quote::ref -> Quote::id
};

// Replaces every quote reference in the `cited_ids` arrays of `answer` (at any depth)
// with the record id it stands for; strings that are not references stay as they are.
void ResolveCitations(boost::json::value& answer, const std::map<std::string, std::string>& ids);

struct EvidenceOptions {
  size_t max_groups = 20;
  double improved_ratio = 0.5;
  std::vector<std::string> flag_areas;  // "flag=area" pairs; otherwise name tokens match
};

// `themes` may be null (no theme table); `records` may be null (no quotes, telemetry
// or segments). Errors: kInvalidArgument when the evidence or decision lacks the
// release id, or a theme table is not docket.themes.v1.
[[nodiscard]] StatusOr<SynthesisEvidence> BuildSynthesisEvidence(
    const boost::json::object& evidence, const boost::json::object& decision,
    const boost::json::object* themes, const FeedbackBatch* records,
    const EvidenceOptions& options);

// "rule[instance]", or the rule id for a rule without instances.
std::string RuleText(const RuleRef& rule);

// The group as prompts, templates and artifacts show it (fixed key order).
boost::json::object GroupJson(const SynthesisGroup& group);

}  // namespace docket::workflows::synthesize
