// The index terms that `docket ledger show` and `docket ledger export` filter by,
// from their --run/--decision/--release/--type options, in that order. Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ledger/log/ledger_index.h"

namespace docket::adapters::internal {

// Works for any options struct with optional `run`, `decision`, `release`, `type`.
template <typename Options>
std::vector<ledger::IndexTerm> IndexFilters(const Options& o) {
  std::vector<ledger::IndexTerm> terms;
  if (o.run) terms.push_back({ledger::IndexKind::kRun, *o.run});
  if (o.decision) terms.push_back({ledger::IndexKind::kDecision, *o.decision});
  if (o.release) terms.push_back({ledger::IndexKind::kRelease, *o.release});
  if (o.type) terms.push_back({ledger::IndexKind::kType, *o.type});
  return terms;
}

}  // namespace docket::adapters::internal
