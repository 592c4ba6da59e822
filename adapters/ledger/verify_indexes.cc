// VerifyIndexes; see verify_indexes.h.
#include "adapters/ledger/verify_indexes.h"

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "adapters/sinks/run_entries.h"
#include "engine/base/encoding.h"
#include "ledger/bundle/bundle_writer.h"
#include "ledger/log/ledger_index.h"
#include "ledger/proto/entry.pb.h"

namespace docket::adapters {
namespace {

using ledger::IndexKind;
using ledger::IndexTerm;

struct IndexRow {
  IndexTerm term;
  uint64_t entry = 0;
};

// `<kind> 0x00 <id> 0x00 <8-byte big-endian index>`, ids holding no NUL byte.
std::optional<IndexRow> ParseRow(std::string_view key) {
  constexpr size_t kIndexBytes = 8;
  if (key.size() < 2 + 1 + kIndexBytes || key[1] != '\0') return std::nullopt;
  const size_t id_end = key.size() - kIndexBytes - 1;
  if (key[id_end] != '\0') return std::nullopt;
  const char kind = key[0];
  if (kind != static_cast<char>(IndexKind::kRun) &&
      kind != static_cast<char>(IndexKind::kDecision) &&
      kind != static_cast<char>(IndexKind::kRelease) &&
      kind != static_cast<char>(IndexKind::kType)) {
    return std::nullopt;
  }
  IndexRow row{.term = {static_cast<IndexKind>(kind), std::string(key.substr(2, id_end - 2))}};
  if (!ledger::ValidateIndexTerm(row.term).ok()) return std::nullopt;
  for (char c : key.substr(id_end + 1)) row.entry = (row.entry << 8) | static_cast<uint8_t>(c);
  return row;
}

// Nullopt if the entry at `row.entry` carries `row.term`; else a detail for the message
// ("" when the entry simply carries other terms).
using Detail = std::optional<std::string>;

StatusOr<Detail> Mismatch(const ledger::LedgerStore& store, const IndexRow& row) {
  StatusOr<std::string> bytes = store.EntryAt(row.entry);
  if (!bytes.ok()) {
    if (bytes.status().code() == StatusCode::kNotFound) return Detail(" (no such entry)");
    return bytes.status();
  }
  ledger::LedgerEntry entry;
  if (!entry.ParseFromString(*bytes)) return Detail(" (it is not a LedgerEntry)");
  const std::vector<IndexTerm> terms = IndexTermsOf(entry);
  if (std::find(terms.begin(), terms.end(), row.term) != terms.end()) return Detail();
  return Detail("");
}

// Every row is now known to be one the entries call for, and keys are unique, so the
// rows are complete exactly when there are as many as the entries call for. Only when
// they are not does a second pass look for the first missing row, to name it.
Status CheckComplete(const ledger::LedgerStore& store, uint64_t rows) {
  uint64_t expected = 0;
  Status scan_error;
  auto for_each_term = [&](const std::function<bool(uint64_t, const IndexTerm&)>& visit) {
    return store.ScanEntries(0, [&](uint64_t index, std::string_view bytes) {
      ledger::LedgerEntry entry;
      if (!entry.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) return true;
      for (const IndexTerm& term : IndexTermsOf(entry)) {
        if (!visit(index, term)) return false;
      }
      return true;
    });
  };
  DOCKET_RETURN_IF_ERROR(for_each_term([&](uint64_t, const IndexTerm&) {
    ++expected;
    return true;
  }));
  if (expected == rows) return Status::Ok();
  Status missing = DataLossError("indexes: " + std::to_string(rows) + " rows, but the entries call for " +
                                 std::to_string(expected));
  DOCKET_RETURN_IF_ERROR(for_each_term([&](uint64_t index, const IndexTerm& term) {
    StatusOr<std::optional<std::string>> row =
        store.GetSide(ledger::SideFamily::kIndexes, ledger::IndexRowKey(term, index));
    if (!row.ok()) {
      scan_error = row.status();
      return false;
    }
    if (row->has_value()) return true;
    missing = DataLossError("index " + ledger::FormatIndexTerm(term) + ": entry " +
                            std::to_string(index) + " carries the term but has no row");
    return false;
  }));
  DOCKET_RETURN_IF_ERROR(scan_error);
  return missing;
}

}  // namespace

StatusOr<uint64_t> VerifyIndexes(const ledger::LedgerStore& store) {
  uint64_t checked = 0;
  Status first_bad;
  Status scanned = store.ScanSide(
      ledger::SideFamily::kIndexes, "", [&](std::string_view key, std::string_view value) {
        const std::optional<IndexRow> row = ParseRow(key);
        if (!row) {
          first_bad = DataLossError("index row " + HexEncode(key) +
                                    ": not `<kind> 0x00 <id> "
                                    "0x00 <8-byte entry index>` with a known kind");
          return false;
        }
        const std::string where =
            "index " + ledger::FormatIndexTerm(row->term) + ": entry " + std::to_string(row->entry);
        if (!value.empty()) {
          first_bad = DataLossError(where + ": the row has a value (rows are empty)");
          return false;
        }
        StatusOr<Detail> why = Mismatch(store, *row);
        if (!why.ok()) {
          first_bad = why.status();
          return false;
        }
        if (why->has_value()) {
          first_bad = DataLossError(where + " does not belong to it" + **why);
          return false;
        }
        ++checked;
        return true;
      });
  DOCKET_RETURN_IF_ERROR(scanned);
  DOCKET_RETURN_IF_ERROR(first_bad);
  DOCKET_RETURN_IF_ERROR(CheckComplete(store, checked));
  return checked;
}

}  // namespace docket::adapters
