// InvalidatedReleases: the release candidates that `docket invalidate` took out of future
// baselines, read from the ledger's INVALIDATION entries (found through the type index,
// each entry parsed, never trusted beyond its own bytes: `docket ledger verify` checks
// them). `docket run` passes them to a workflow's `excluded_releases` param.
// Thread-compatible: reads the store it is given.
#pragma once

#include <string>
#include <vector>

#include "engine/base/status.h"
#include "ledger/log/ledger_store.h"

namespace docket::adapters {

// Release ids, sorted and unique. Errors: store errors; kDataLoss for an entry that is
// not a LedgerEntry.
[[nodiscard]] StatusOr<std::vector<std::string>> InvalidatedReleases(
    const ledger::LedgerStore& store);

}  // namespace docket::adapters
