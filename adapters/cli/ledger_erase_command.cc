// `docket ledger erase` and `docket ledger show --blob`: the two commands that need the
// blob vault's master key. Erase is crypto-erasure in the order docs/ledger-format.md
// ("Blobs and erasure", "Erasure receipts") requires: the ERASURE_RECEIPT entry is
// durable and covered by a signed checkpoint before the subject's key is destroyed, so
// no key is ever destroyed without a provable receipt. A crash in between is finished
// by running the command again, which finds the receipt instead of writing a second one.
#include <fstream>
#include <optional>
#include <string>

#include "adapters/cli/exit_codes.h"
#include "adapters/cli/internal/ledger_exit.h"
#include "adapters/cli/internal/ledger_text.h"
#include "adapters/cli/ledger_command.h"
#include "adapters/ledger/ledger_home.h"
#include "adapters/sinks/run_entries.h"
#include "engine/base/time_format.h"
#include "ledger/log/ledger_index.h"
#include "ledger/proto/entry.pb.h"
#include "ledger/vault/subject_keyring.h"

namespace docket::adapters {
namespace {

using internal::IsCleanText;
using internal::kMaxRecordedTextBytes;
using internal::LedgerFailure;
using internal::LedgerUsage;
using ledger::LedgerEntry;

std::optional<std::string> BadEraseOptions(const LedgerEraseOptions& o) {
  if (Status s = ledger::ValidateSubject(o.subject); !s.ok()) return "--subject: " + s.message();
  if (!IsCleanText(o.subject)) return "--subject: not UTF-8 text";
  for (const auto& [flag, value] :
       {std::pair{"--actor", &o.actor}, std::pair{"--reason", &o.reason}}) {
    if (!*value) continue;
    if ((*value)->empty() || (*value)->size() > kMaxRecordedTextBytes || !IsCleanText(**value)) {
      return std::string(flag) + ": 1 to " + std::to_string(kMaxRecordedTextBytes) +
             " bytes of UTF-8 text without control characters";
    }
  }
  return std::nullopt;
}

LedgerEntry ReceiptFor(const LedgerEraseOptions& o, Clock& clock) {
  LedgerEntry receipt;
  receipt.set_type(LedgerEntry::ERASURE_RECEIPT);
  receipt.set_logical_time(FormatRfc3339(clock.Now()));
  (*receipt.mutable_attributes())["subject"] = o.subject;
  if (o.actor) (*receipt.mutable_attributes())["actor"] = *o.actor;
  if (o.reason) (*receipt.mutable_attributes())["reason"] = *o.reason;
  return receipt;
}

// The index of an earlier receipt for `subject` whose erasure a crash interrupted
// before the vault recorded it, if any (the latest such receipt).
StatusOr<std::optional<uint64_t>> UnappliedReceipt(const ledger::LedgerStore& store,
                                                   const std::string& subject) {
  DOCKET_ASSIGN_OR_RETURN(
      std::vector<uint64_t> receipts,
      ledger::LookupIndex(
          store, {ledger::IndexKind::kType, LedgerEntry::Type_Name(LedgerEntry::ERASURE_RECEIPT)}));
  for (auto it = receipts.rbegin(); it != receipts.rend(); ++it) {
    DOCKET_ASSIGN_OR_RETURN(std::string bytes, store.EntryAt(*it));
    LedgerEntry entry;
    if (!entry.ParseFromString(bytes)) continue;
    const auto found = entry.attributes().find("subject");
    if (found != entry.attributes().end() && found->second == subject) return *it;
  }
  return std::optional<uint64_t>();
}

// Appends the receipt (or finds an unapplied one) and waits for a checkpoint covering
// it. Returns {receipt index, checkpoint size}.
StatusOr<std::pair<uint64_t, uint64_t>> RecordReceipt(const LedgerHome& home,
                                                      const LedgerEraseOptions& o, Clock& clock) {
  DOCKET_ASSIGN_OR_RETURN(std::optional<uint64_t> index, UnappliedReceipt(home.store(), o.subject));
  if (!index) {
    const LedgerEntry receipt = ReceiptFor(o, clock);
    DOCKET_ASSIGN_OR_RETURN(
        index, home.writer()->Append(EntryBytes(receipt), IndexTermsOf(receipt)).get());
  }
  DOCKET_ASSIGN_OR_RETURN(const uint64_t covered, home.writer()->RequestCheckpoint().get());
  if (covered <= *index) {
    return InternalError("the checkpoint of size " + std::to_string(covered) +
                         " does not cover the receipt at entry " + std::to_string(*index));
  }
  return std::pair{*index, covered};
}

}  // namespace

int LedgerEraseCommand(const LedgerEraseOptions& o, Clock& clock, std::ostream& out,
                       std::ostream& err) {
  if (std::optional<std::string> bad = BadEraseOptions(o)) return LedgerUsage(err, *bad);
  {
    // OpenForWriting would create a ledger in any directory: make sure this is one.
    StatusOr<std::unique_ptr<LedgerHome>> existing = LedgerHome::OpenForReading(o.ledger_dir);
    if (!existing.ok()) return LedgerFailure(err, existing.status());
  }
  StatusOr<std::unique_ptr<LedgerHome>> home = LedgerHome::OpenForWriting(o.ledger_dir);
  if (!home.ok()) return LedgerFailure(err, home.status(), "opening the ledger");
  ledger::BlobVault& vault = *(*home)->vault();
  StatusOr<std::optional<uint64_t>> erased_by = vault.ErasedBy(o.subject);
  if (!erased_by.ok()) return LedgerFailure(err, erased_by.status());
  if (erased_by->has_value()) {
    // Also finishes destroying the key if a crash interrupted that erasure.
    if (Status s = vault.EraseSubject(o.subject, **erased_by); !s.ok()) {
      return LedgerFailure(err, s, "erasing subject " + o.subject);
    }
    out << "subject " << o.subject << " was already erased by the receipt at entry " << **erased_by
        << "\n";
    return kExitApprove;
  }
  StatusOr<bool> has_key = vault.HasSubjectKey(o.subject);
  if (!has_key.ok()) return LedgerFailure(err, has_key.status());
  if (!*has_key) {
    return LedgerUsage(err, "subject " + o.subject +
                                " has no key in this ledger: nothing was encrypted for it (the "
                                "subjects are the data_subject of the entries' blobs)");
  }
  StatusOr<std::pair<uint64_t, uint64_t>> receipt = RecordReceipt(**home, o, clock);
  if (!receipt.ok()) return LedgerFailure(err, receipt.status(), "recording the erasure receipt");
  if (Status s = vault.EraseSubject(o.subject, receipt->first); !s.ok()) {
    return LedgerFailure(err, s,
                         "erasing subject " + o.subject + " (the receipt is at entry " +
                             std::to_string(receipt->first) + "; run the command again)");
  }
  (*home)->CloseWriter();
  out << "erased subject " << o.subject << ": receipt at entry " << receipt->first
      << ", covered by checkpoint " << receipt->second << "\n";
  return kExitApprove;
}

int LedgerShowBlobCommand(const LedgerShowOptions& o, std::ostream& out, std::ostream& err) {
  if (o.run || o.decision || o.type || o.release || o.from || o.to) {
    return LedgerUsage(err, "--blob cannot be combined with entry filters");
  }
  StatusOr<std::unique_ptr<LedgerHome>> home = LedgerHome::OpenForBlobReading(o.ledger_dir);
  if (!home.ok()) return LedgerFailure(err, home.status());
  StatusOr<std::string> plaintext = (*home)->vault()->Get(*o.blob);
  if (!plaintext.ok()) {
    // An erased blob is an answer, not a usage error: exit 1 like a failed check.
    if (plaintext.status().code() == StatusCode::kFailedPrecondition) {
      err << "docket: " << plaintext.status().message() << "\n";
      return kExitBlock;
    }
    return LedgerFailure(err, plaintext.status());
  }
  out << *plaintext;
  return kExitApprove;
}

}  // namespace docket::adapters
