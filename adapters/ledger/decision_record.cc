// Everything is found through the ledger's indexes: the decision's entries under
// decision=<id>, the run's policy input under run=<run id>. Nothing here trusts an index
// row blindly: each entry is parsed and checked to carry the id it was found by.
#include "adapters/ledger/decision_record.h"

#include <boost/json.hpp>

#include "adapters/ledger/internal/key_file.h"
#include "adapters/sinks/approval_entries.h"
#include "ledger/log/ledger_index.h"
#include "policies/policy_parser.h"

namespace docket::adapters {
namespace {

namespace json = boost::json;
using ledger::IndexKind;
using ledger::LedgerEntry;

std::string Attribute(const LedgerEntry& entry, const std::string& name) {
  const auto it = entry.attributes().find(name);
  return it == entry.attributes().end() ? "" : it->second;
}

std::string StringAt(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  return v != nullptr && v->is_string() ? std::string(v->as_string()) : "";
}

StatusOr<LedgerEntry> EntryAt(const ledger::LedgerStore& store, uint64_t index,
                              std::string* stored = nullptr) {
  DOCKET_ASSIGN_OR_RETURN(std::string bytes, store.EntryAt(index));
  LedgerEntry entry;
  if (!entry.ParseFromString(bytes)) {
    return DataLossError("entry " + std::to_string(index) + " is not a LedgerEntry");
  }
  if (stored != nullptr) *stored = std::move(bytes);
  return entry;
}

// Reads the DECISION entry, its document, verdict and digest into `record`.
Status ReadDecision(const ledger::LedgerStore& store, const ledger::BlobVault& vault,
                    uint64_t index, DecisionRecord& record) {
  DOCKET_ASSIGN_OR_RETURN(record.entry, EntryAt(store, index));
  const std::string where = "entry " + std::to_string(index) + " (DECISION): ";
  record.entry_index = index;
  record.run_id = record.entry.run_id();
  record.release = Attribute(record.entry, "release");
  const std::string verdict = Attribute(record.entry, "verdict");
  const std::optional<policies::Verdict> parsed = policies::ParseVerdict(verdict);
  if (!parsed) return DataLossError(where + "verdict '" + verdict + "' is not a verdict");
  record.decided.verdict = *parsed;
  for (const ledger::BlobDigest& blob : record.entry.blobs()) {
    if (blob.role() != "decision") continue;
    DOCKET_ASSIGN_OR_RETURN(record.document, vault.Get(blob.digest()));
  }
  record.decided.digest = Attribute(record.entry, "decision_digest");
  boost::system::error_code ec;
  const json::value doc = json::parse(record.document, ec);
  if (ec || !doc.is_object()) return DataLossError(where + "its decision blob is not JSON");
  if (std::string stated = StringAt(doc.as_object(), "decision_digest"); !stated.empty()) {
    record.decided.digest = std::move(stated);
  }
  if (record.decided.digest.empty()) return DataLossError(where + "no decision digest");
  if (const json::value* p = doc.as_object().if_contains("policy"); p && p->is_object()) {
    record.policy_name = StringAt(p->as_object(), "name");
    record.policy_digest = StringAt(p->as_object(), "digest");
  }
  return Status::Ok();
}

// Reads the override rules of the run's policy input whose digest the decision names.
Status ReadPolicy(const ledger::LedgerStore& store, const ledger::BlobVault& vault,
                  DecisionRecord& record) {
  if (record.policy_digest.empty()) return Status::Ok();
  DOCKET_ASSIGN_OR_RETURN(std::vector<uint64_t> indexes,
                          ledger::LookupIndex(store, {IndexKind::kRun, record.run_id}));
  for (uint64_t index : indexes) {
    DOCKET_ASSIGN_OR_RETURN(LedgerEntry entry, EntryAt(store, index));
    if (entry.type() != LedgerEntry::INPUT_SNAPSHOT || entry.run_id() != record.run_id ||
        Attribute(entry, "digest") != record.policy_digest || entry.blobs().empty()) {
      continue;
    }
    StatusOr<std::string> bytes = vault.Get(entry.blobs(0).digest());
    if (!bytes.ok() && bytes.status().code() == StatusCode::kFailedPrecondition) {
      return FailedPreconditionError(
          "the policy file of decision " + record.decision_id +
          " cannot be read, so neither can its override rules: " + bytes.status().message());
    }
    DOCKET_RETURN_IF_ERROR(bytes.status());
    StatusOr<policies::Policy> policy = policies::ParsePolicy(Attribute(entry, "name"), *bytes);
    if (!policy.ok()) {
      return InvalidArgumentError("the policy file recorded at entry " + std::to_string(index) +
                                  " does not parse: " + policy.status().message());
    }
    record.overrides = policy->overrides;
    record.policy_read = true;
    return Status::Ok();
  }
  return DataLossError("decision " + record.decision_id + " names policy " + record.policy_digest +
                       ", which run " + record.run_id + " did not record as an input");
}

Status ReadActions(const ledger::LedgerStore& store, const std::vector<uint64_t>& indexes,
                   DecisionRecord& record) {
  for (uint64_t index : indexes) {
    std::string stored;
    DOCKET_ASSIGN_OR_RETURN(LedgerEntry entry, EntryAt(store, index, &stored));
    if (!IsActionEntry(entry) || entry.decision_id() != record.decision_id) continue;
    RecordedAction recorded;
    DOCKET_ASSIGN_OR_RETURN(recorded.action, ActionFromEntry(index, entry));
    StatusOr<std::optional<ledger::Verifier>> key = VerifyActorSignature(stored, entry);
    if (!key.ok())
      return DataLossError("entry " + std::to_string(index) + ": " + key.status().message());
    recorded.signed_by = *std::move(key);
    recorded.entry = std::move(entry);
    record.actions.push_back(std::move(recorded));
  }
  return Status::Ok();
}

}  // namespace

std::vector<policies::HumanAction> DecisionRecord::Actions() const {
  std::vector<policies::HumanAction> out;
  for (const RecordedAction& a : actions) out.push_back(a.action);
  return out;
}

StatusOr<DecisionRecord> LoadDecisionRecord(const ledger::LedgerStore& store,
                                            const ledger::BlobVault& vault,
                                            std::string_view decision_id) {
  DecisionRecord record;
  record.decision_id = std::string(decision_id);
  DOCKET_ASSIGN_OR_RETURN(std::vector<uint64_t> indexes,
                          ledger::LookupIndex(store, {IndexKind::kDecision, record.decision_id}));
  std::optional<uint64_t> decision_index;
  for (uint64_t index : indexes) {
    DOCKET_ASSIGN_OR_RETURN(LedgerEntry entry, EntryAt(store, index));
    if (entry.type() == LedgerEntry::DECISION && entry.decision_id() == decision_id) {
      decision_index = index;
      break;
    }
  }
  if (!decision_index) {
    return NotFoundError("unknown decision id " + record.decision_id +
                         ": no DECISION entry has it (docket ledger show --type DECISION lists "
                         "them)");
  }
  DOCKET_RETURN_IF_ERROR(ReadDecision(store, vault, *decision_index, record));
  DOCKET_RETURN_IF_ERROR(ReadPolicy(store, vault, record));
  DOCKET_RETURN_IF_ERROR(ReadActions(store, indexes, record));
  return record;
}

StatusOr<ledger::Signer> ReadActorKeyFile(const std::filesystem::path& path) {
  StatusOr<std::string> text = internal::ReadLineFile(path);
  if (!text.ok()) {
    return Status(text.status().code(), "--key " + path.string() + ": " + text.status().message());
  }
  StatusOr<ledger::Signer> signer = ledger::Signer::Parse(*text);
  if (!signer.ok()) {
    return InvalidArgumentError(
        "--key " + path.string() +
        ": not a signed-note private key (PRIVATE+KEY+<name>+...): " + signer.status().message());
  }
  return signer;
}

}  // namespace docket::adapters
