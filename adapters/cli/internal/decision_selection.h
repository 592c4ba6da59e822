// SelectDecisions: the decisions a bulk replay covers (`docket replay --release RC` or
// `--since TIME`, else the one DECISION_ID given), in ledger order, from the ledger's
// indexes. Reads the store only; thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/base/status.h"
#include "ledger/log/ledger_store.h"

namespace docket::adapters::internal {

struct DecisionSelection {
  std::string decision_id;             // one decision; else the filters below
  std::optional<std::string> release;  // every decision of this release candidate
  std::optional<std::string> since;    // every decision at or after this RFC 3339 time
};

// Errors: kInvalidArgument for a malformed --since; kDataLoss for an entry that does not
// parse; store errors. An empty result is not an error.
[[nodiscard]] StatusOr<std::vector<std::string>> SelectDecisions(
    const ledger::LedgerStore& store, const DecisionSelection& selection);

}  // namespace docket::adapters::internal
