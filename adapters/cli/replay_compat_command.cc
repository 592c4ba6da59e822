// `docket replay --compat [DECISION_ID | --release RC | --since TIME]`: compatibility
// replay (replay/compat_replay.h) of one or many recorded decisions with this build,
// each proven against the signed checkpoint first; prints per decision IDENTICAL or its
// classified changes, then a summary. Nothing is written.
#include <boost/json.hpp>
#include <map>

#include "adapters/cli/exit_codes.h"
#include "adapters/cli/internal/decision_selection.h"
#include "adapters/cli/internal/replay_session.h"
#include "adapters/cli/replay_command.h"
#include "replay/compat_replay.h"

namespace docket::adapters {
namespace {

namespace json = boost::json;

json::object CompatJson(const std::string& decision_id, const replay::CompatReport& r) {
  json::array changes;
  for (const replay::StepChange& c : r.changes) {
    changes.push_back({{"step", c.step_id}, {"class", replay::ChangeClassName(c.change)},
                       {"kind", replay::DivergenceKindName(c.divergence.kind)},
                       {"port", c.divergence.port}, {"recorded", c.divergence.recorded},
                       {"replayed", c.divergence.replayed}, {"propagated", c.propagated},
                       {"difference", c.divergence.difference}});
  }
  return {{"decision_id", decision_id}, {"result", replay::ReplayStatusName(r.status)},
          {"verdict_before", r.verdict_before}, {"verdict_after", r.verdict_after},
          {"recorded_build", r.recorded_build}, {"replay_build", r.replay_build},
          {"changes", std::move(changes)}};
}

void PrintCompat(const std::string& decision_id, const replay::CompatReport& r,
                 std::ostream& out) {
  out << decision_id << ": " << replay::ReplayStatusName(r.status);
  if (r.recorded_build != r.replay_build) out << " (recorded by " << r.recorded_build << ")";
  if (r.verdict_before != r.verdict_after) {
    out << ", verdict " << r.verdict_before << " -> "
        << (r.verdict_after.empty() ? "(none)" : r.verdict_after);
  }
  out << "\n";
  for (const replay::StepChange& c : r.changes) {
    out << "  " << c.step_id << ": " << replay::ChangeClassName(c.change) << " ("
        << replay::DivergenceKindName(c.divergence.kind)
        << (c.divergence.port.empty() ? "" : " " + c.divergence.port) << ")"
        << (c.propagated ? ", propagated from an earlier step" : "") << "\n";
  }
}

}  // namespace

int CompatCommand(const ReplayCommandOptions& o, Clock& clock, std::ostream& out,
                  std::ostream& err) {
  if (o.decision_id.empty() == !(o.release || o.since)) {
    err << "docket replay: --compat needs a decision id, or --release / --since\n";
    return kExitUsage;
  }
  StatusOr<std::unique_ptr<LedgerHome>> home = LedgerHome::OpenForBlobReading(o.ledger_dir);
  if (!home.ok()) return ReplayFail(err, home.status());
  StatusOr<std::vector<std::string>> ids = internal::SelectDecisions(
      (*home)->store(), {.decision_id = o.decision_id, .release = o.release, .since = o.since});
  if (!ids.ok()) return ReplayFail(err, ids.status());
  if (ids->empty()) {
    return ReplayFail(err, NotFoundError("no recorded decision matches the selection"));
  }
  std::map<std::string, int64_t> by_class;
  json::array reports;
  size_t differing = 0;
  for (const std::string& id : *ids) {
    StatusOr<std::unique_ptr<internal::ReplaySession>> session =
        internal::ReplaySession::Open(**home, id, o.redaction_key);
    if (!session.ok()) return ReplayFail(err, session.status().WithContext(id));
    StatusOr<replay::CompatReport> r = replay::CompatReplay(
        (*session)->run(), (*session)->registry(),
        {.threads = o.threads, .clock = &clock, .effects = (*session)->effects(),
         .engine_build_id = o.build_id, .vault = (*home)->vault()});
    if (!r.ok()) return ReplayFail(err, r.status().WithContext(id));
    differing += r->status != replay::ReplayStatus::kIdentical;
    for (const replay::StepChange& c : r->changes) {
      if (!c.propagated) by_class[std::string(replay::ChangeClassName(c.change))]++;
    }
    if (o.json) {
      reports.push_back(CompatJson(id, *r));
    } else {
      PrintCompat(id, *r, out);
    }
  }
  if (o.json) {
    json::object classes;
    for (const auto& [k, v] : by_class) classes[k] = v;
    out << json::serialize(json::object{{"decisions", ids->size()},
                                        {"differing", differing},
                                        {"causes", std::move(classes)},
                                        {"reports", std::move(reports)}})
        << "\n";
  } else {
    out << ids->size() << " decisions replayed with " << o.build_id << ": "
        << ids->size() - differing << " identical, " << differing << " differ";
    for (const auto& [k, v] : by_class) out << "; " << v << " " << k;
    out << "\n";
  }
  return differing == 0 ? kExitApprove : kExitBlock;
}

}  // namespace docket::adapters
