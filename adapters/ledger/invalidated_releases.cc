#include "adapters/ledger/invalidated_releases.h"

#include <algorithm>

#include "ledger/log/ledger_index.h"
#include "ledger/proto/entry.pb.h"

namespace docket::adapters {

StatusOr<std::vector<std::string>> InvalidatedReleases(const ledger::LedgerStore& store) {
  const std::string type = ledger::LedgerEntry::Type_Name(ledger::LedgerEntry::INVALIDATION);
  DOCKET_ASSIGN_OR_RETURN(std::vector<uint64_t> indexes,
                          ledger::LookupIndex(store, {ledger::IndexKind::kType, type}));
  std::vector<std::string> releases;
  for (uint64_t index : indexes) {
    DOCKET_ASSIGN_OR_RETURN(std::string bytes, store.EntryAt(index));
    ledger::LedgerEntry entry;
    if (!entry.ParseFromString(bytes)) {
      return DataLossError("ledger entry " + std::to_string(index) + " is not a LedgerEntry");
    }
    if (entry.type() != ledger::LedgerEntry::INVALIDATION) continue;
    const auto it = entry.attributes().find("release");
    if (it != entry.attributes().end() && !it->second.empty()) releases.push_back(it->second);
  }
  std::sort(releases.begin(), releases.end());
  releases.erase(std::unique(releases.begin(), releases.end()), releases.end());
  return releases;
}

}  // namespace docket::adapters
