#include "adapters/cli/internal/decision_selection.h"

#include "engine/base/time_format.h"
#include "ledger/log/ledger_index.h"
#include "ledger/proto/entry.pb.h"

namespace docket::adapters::internal {

using ledger::LedgerEntry;

StatusOr<std::vector<std::string>> SelectDecisions(const ledger::LedgerStore& store,
                                                   const DecisionSelection& o) {
  if (!o.decision_id.empty()) return std::vector<std::string>{o.decision_id};
  std::optional<Timestamp> since;
  if (o.since) {
    StatusOr<Timestamp> t = ParseRfc3339(*o.since);
    if (!t.ok()) return InvalidArgumentError("--since: " + std::string(t.status().message()));
    since = *t;
  }
  const ledger::IndexTerm term =
      o.release ? ledger::IndexTerm{ledger::IndexKind::kRelease, *o.release}
                : ledger::IndexTerm{ledger::IndexKind::kType, "DECISION"};
  DOCKET_ASSIGN_OR_RETURN(std::vector<uint64_t> indices, ledger::LookupIndex(store, term));
  std::vector<std::string> ids;
  for (uint64_t index : indices) {
    DOCKET_ASSIGN_OR_RETURN(std::string bytes, store.EntryAt(index));
    LedgerEntry e;
    if (!e.ParseFromString(bytes)) {
      return DataLossError("ledger entry " + std::to_string(index) + " does not parse");
    }
    if (e.type() != LedgerEntry::DECISION) continue;
    if (since) {
      StatusOr<Timestamp> t = ParseRfc3339(e.logical_time());
      if (!t.ok() || *t < *since) continue;
    }
    ids.push_back(e.decision_id());
  }
  return ids;
}

}  // namespace docket::adapters::internal
