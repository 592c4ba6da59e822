// Ledger index rows; see ledger_index.h.
#include "ledger/log/ledger_index.h"

namespace docket::ledger {

Status ValidateIndexTerm(const IndexTerm& term) {
  const std::string what = std::string("index term of kind '") + static_cast<char>(term.kind) + "'";
  if (term.id.empty()) return InvalidArgumentError(what + " has an empty id");
  if (term.id.size() > kMaxIndexIdBytes) {
    return InvalidArgumentError(what + " has an id of " + std::to_string(term.id.size()) +
                                " bytes; the limit is " + std::to_string(kMaxIndexIdBytes));
  }
  if (term.id.find('\0') != std::string::npos) {
    return InvalidArgumentError(what + " has an id holding a NUL byte");
  }
  return Status::Ok();
}

std::string IndexPrefix(const IndexTerm& term) {
  std::string out;
  out.reserve(term.id.size() + 3);
  out.push_back(static_cast<char>(term.kind));
  out.push_back('\0');
  out.append(term.id);
  out.push_back('\0');
  return out;
}

std::string IndexRowKey(const IndexTerm& term, uint64_t entry_index) {
  return IndexPrefix(term) + EncodeLedgerKey(entry_index);
}

StatusOr<std::vector<uint64_t>> LookupIndex(const LedgerStore& store, const IndexTerm& term) {
  DOCKET_RETURN_IF_ERROR(ValidateIndexTerm(term));
  const std::string prefix = IndexPrefix(term);
  std::vector<uint64_t> out;
  std::string bad_row;
  DOCKET_RETURN_IF_ERROR(store.ScanSide(SideFamily::kIndexes, prefix,
                                        [&](std::string_view key, std::string_view) {
                                          if (key.size() != prefix.size() + 8) {
                                            bad_row = std::string(key);
                                            return false;
                                          }
                                          uint64_t index = 0;
                                          for (char c : key.substr(prefix.size())) {
                                            index = (index << 8) | static_cast<uint8_t>(c);
                                          }
                                          out.push_back(index);
                                          return true;
                                        }));
  if (!bad_row.empty()) {
    return DataLossError("index row of " + std::to_string(bad_row.size()) + " bytes under kind '" +
                         static_cast<char>(term.kind) + "' does not end in an 8-byte entry index");
  }
  return out;
}

}  // namespace docket::ledger
