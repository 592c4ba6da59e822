// `docket ledger show`: entries as JSON lines. Filters by run, decision and release use
// the ledger's indexes (never a scan of the log); --type alone uses the type index;
// with no filter, the entries in [--from, --to) are read in order. --blob is
// LedgerShowBlobCommand (ledger_erase_command.cc), which needs the master key.
#include <google/protobuf/util/json_util.h>

#include <algorithm>
#include <boost/json.hpp>
#include <iterator>

#include "adapters/cli/exit_codes.h"
#include "adapters/cli/internal/index_filters.h"
#include "adapters/cli/ledger_command.h"
#include "adapters/ledger/ledger_home.h"
#include "engine/base/encoding.h"
#include "ledger/log/ledger_index.h"
#include "ledger/proto/entry.pb.h"

namespace docket::adapters {
namespace {

namespace json = boost::json;
using ledger::IndexKind;
using ledger::IndexTerm;

std::vector<IndexTerm> Terms(const LedgerShowOptions& o) { return adapters::internal::IndexFilters(o); }

// The indices of the entries to show, ascending.
StatusOr<std::vector<uint64_t>> Select(const ledger::LedgerStore& store,
                                       const LedgerShowOptions& o) {
  const uint64_t from = o.from.value_or(0);
  DOCKET_ASSIGN_OR_RETURN(const uint64_t size, store.Size());
  const uint64_t to = std::min(o.to.value_or(size), size);
  std::vector<uint64_t> selected;
  const std::vector<IndexTerm> terms = Terms(o);
  if (terms.empty()) {
    for (uint64_t i = from; i < to; ++i) selected.push_back(i);
    return selected;
  }
  DOCKET_ASSIGN_OR_RETURN(selected, ledger::LookupIndex(store, terms[0]));
  for (size_t t = 1; t < terms.size() && !selected.empty(); ++t) {
    DOCKET_ASSIGN_OR_RETURN(std::vector<uint64_t> more, ledger::LookupIndex(store, terms[t]));
    std::vector<uint64_t> both;
    std::set_intersection(selected.begin(), selected.end(), more.begin(), more.end(),
                          std::back_inserter(both));
    selected = std::move(both);
  }
  std::erase_if(selected, [&](uint64_t i) { return i < from || i >= to; });
  return selected;
}

StatusOr<json::object> EntryLine(const ledger::LedgerStore& store, uint64_t index) {
  DOCKET_ASSIGN_OR_RETURN(std::string bytes, store.EntryAt(index));
  DOCKET_ASSIGN_OR_RETURN(ledger::Hash leaf, store.LeafHashAt(index));
  ledger::LedgerEntry entry;
  if (!entry.ParseFromString(bytes)) {
    return DataLossError("entry " + std::to_string(index) + " is not a LedgerEntry");
  }
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  std::string text;
  if (!google::protobuf::util::MessageToJsonString(entry, &text, options).ok()) {
    return InternalError("entry " + std::to_string(index) + " cannot be printed as JSON");
  }
  json::object line;
  line["index"] = index;
  line["leaf_hash"] = Base64Encode(leaf.AsBytes());
  line["entry"] = json::parse(text);
  return line;
}

}  // namespace

int LedgerShowCommand(const LedgerShowOptions& o, std::ostream& out, std::ostream& err) {
  if (o.blob) return LedgerShowBlobCommand(o, out, err);
  ledger::LedgerEntry::Type type;
  if (o.type && !ledger::LedgerEntry::Type_Parse(*o.type, &type)) {
    std::string names;
    for (int t = 1; ledger::LedgerEntry::Type_IsValid(t); ++t) {
      names += (t > 1 ? ", " : "") + ledger::LedgerEntry::Type_Name(t);
    }
    err << "docket: --type " << *o.type << ": unknown entry type (one of " << names << ")\n";
    return kExitUsage;
  }
  if (o.from && o.to && *o.from > *o.to) {
    err << "docket: --from " << *o.from << " is larger than --to " << *o.to << "\n";
    return kExitUsage;
  }
  for (const IndexTerm& term : Terms(o)) {
    if (Status s = ledger::ValidateIndexTerm(term); !s.ok()) {
      err << "docket: " << s.message() << "\n";
      return kExitUsage;
    }
  }
  StatusOr<std::unique_ptr<LedgerHome>> home = LedgerHome::OpenForReading(o.ledger_dir);
  if (!home.ok()) {
    err << "docket: " << home.status().message() << "\n";
    return home.status().code() == StatusCode::kFailedPrecondition ? kExitUsage : kExitInternal;
  }
  StatusOr<std::vector<uint64_t>> selected = Select((*home)->store(), o);
  for (uint64_t index : selected.ok() ? *selected : std::vector<uint64_t>{}) {
    StatusOr<json::object> line = EntryLine((*home)->store(), index);
    if (!line.ok()) {
      selected = line.status();
      break;
    }
    out << json::serialize(*line) << "\n";
  }
  if (!selected.ok()) {
    err << "docket: " << selected.status().message() << "\n";
    return selected.status().code() == StatusCode::kDataLoss ? kExitBlock : kExitInternal;
  }
  return kExitApprove;
}

}  // namespace docket::adapters
