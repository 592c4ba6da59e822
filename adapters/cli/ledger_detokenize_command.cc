// `docket ledger detokenize`: the raw values behind one customer's token placeholders,
// with an audit trail. The order is what makes the trail complete: the input is read
// and checked whole, the subject's values are decrypted and the placeholders resolved
// in memory, then the TOKEN_ACCESS entry is appended and covered by a signed
// checkpoint, and only then is a byte of the result written. A run that fails before
// the entry is durable reveals nothing; the entry names the references resolved, never
// a value.
#include <iterator>
#include <optional>
#include <string>

#include "adapters/cli/exit_codes.h"
#include "adapters/cli/internal/ledger_detokenize_records.h"
#include "adapters/cli/internal/ledger_exit.h"
#include "adapters/cli/internal/ledger_text.h"
#include "adapters/cli/ledger_command.h"
#include "adapters/ledger/ledger_home.h"
#include "adapters/ledger/token_reader.h"
#include "adapters/ledger/vault_token_store.h"
#include "adapters/sinks/run_entries.h"
#include "adapters/store/atomic_file.h"
#include "adapters/store/file_artifact_store.h"
#include "engine/base/sha256.h"
#include "engine/base/time_format.h"
#include "ledger/proto/entry.pb.h"
#include "ledger/vault/subject_keyring.h"

namespace docket::adapters {
namespace {

using internal::DetokenizedRecords;
using internal::IsCleanText;
using internal::kMaxDetokenizeInputBytes;
using internal::kMaxRecordedTextBytes;
using internal::LedgerFailure;
using internal::LedgerUsage;
using ledger::LedgerEntry;

// How many left-in-place placeholders are named on stderr, one line each.
constexpr size_t kMaxUnresolvedShown = 20;

std::optional<std::string> BadDetokenizeOptions(const LedgerDetokenizeOptions& o) {
  if (Status s = ledger::ValidateSubject(o.subject); !s.ok()) return "--subject: " + s.message();
  if (!IsCleanText(o.subject)) return "--subject: not UTF-8 text";
  if (!o.subject.starts_with(kTokenSubjectPrefix) ||
      o.subject.size() == std::string_view(kTokenSubjectPrefix).size()) {
    return "--subject: tokens are stored under customer:<record id>; pass --subject "
           "customer:<id>";
  }
  if (o.reason.empty()) {
    return "--reason is required: say why the raw values are read (it is recorded in the "
           "ledger; write no personal data there)";
  }
  for (const auto& [flag, value] : {std::pair{"--reason", std::optional<std::string>(o.reason)},
                                    std::pair{"--actor", o.actor}}) {
    if (value &&
        (value->empty() || value->size() > kMaxRecordedTextBytes || !IsCleanText(*value))) {
      return std::string(flag) + ": 1 to " + std::to_string(kMaxRecordedTextBytes) +
             " bytes of UTF-8 text without control characters";
    }
  }
  if (!o.out.empty()) {
    std::error_code ec;
    const std::filesystem::path parent =
        o.out.has_parent_path() ? o.out.parent_path() : std::filesystem::path(".");
    if (!std::filesystem::is_directory(parent, ec)) {
      return "--out: directory " + parent.string() + " does not exist";
    }
  }
  return std::nullopt;
}

// At most kMaxDetokenizeInputBytes + 1 bytes of `in`: enough to tell it is too large.
std::string ReadBounded(std::istream& in) {
  std::string bytes;
  char buffer[64 * 1024];
  while (bytes.size() <= kMaxDetokenizeInputBytes && in.read(buffer, sizeof(buffer))) {
    bytes.append(buffer, sizeof(buffer));
  }
  bytes.append(buffer, static_cast<size_t>(in.gcount()));
  return bytes;
}

StatusOr<std::string> ReadInput(const LedgerDetokenizeOptions& o, std::istream& stdin_stream) {
  if (o.input == "-") return ReadBounded(stdin_stream);
  StatusOr<std::string> bytes = ReadFile(o.input, kMaxDetokenizeInputBytes);
  if (!bytes.ok()) return InvalidArgumentError("cannot read --input: " + bytes.status().message());
  return bytes;
}

std::string Join(const std::set<std::string>& references) {
  std::string joined;
  for (const std::string& reference : references) {
    joined += (joined.empty() ? "" : ",") + reference;
  }
  return joined;
}

LedgerEntry AccessEntry(const LedgerDetokenizeOptions& o, const DetokenizedRecords& result,
                        size_t records, std::string_view input, Clock& clock) {
  LedgerEntry entry;
  entry.set_type(LedgerEntry::TOKEN_ACCESS);
  entry.set_logical_time(FormatRfc3339(clock.Now()));
  auto& attributes = *entry.mutable_attributes();
  attributes["subject"] = o.subject;
  attributes["reason"] = o.reason;
  if (o.actor) attributes["actor"] = *o.actor;
  attributes["input_digest"] = "sha256:" + Sha256(input).Hex();
  attributes["records"] = std::to_string(records);
  attributes["resolved"] = std::to_string(result.resolved);
  attributes["unresolved"] = std::to_string(result.unresolved.size());
  attributes["references"] = Join(result.references);
  return entry;
}

// Appends `entry` and waits for a checkpoint covering it: {entry index, checkpoint size}.
StatusOr<std::pair<uint64_t, uint64_t>> RecordAccess(const LedgerHome& home,
                                                     const LedgerEntry& entry) {
  DOCKET_ASSIGN_OR_RETURN(const uint64_t index,
                          home.writer()->Append(EntryBytes(entry), IndexTermsOf(entry)).get());
  DOCKET_ASSIGN_OR_RETURN(const uint64_t covered, home.writer()->RequestCheckpoint().get());
  if (covered <= index) {
    return InternalError("the checkpoint of size " + std::to_string(covered) +
                         " does not cover the access entry at entry " + std::to_string(index));
  }
  return std::pair{index, covered};
}

void ReportUnresolved(const LedgerDetokenizeOptions& o, const DetokenizedRecords& result,
                      std::string_view input_name, std::ostream& err) {
  for (size_t i = 0; i < result.unresolved.size() && i < kMaxUnresolvedShown; ++i) {
    const auto& [line, placeholder] = result.unresolved[i];
    err << "docket: " << input_name << ":" << line << ": " << placeholder.Text()
        << " left in place: no value of " << o.subject << " has this reference\n";
  }
  if (result.unresolved.size() > kMaxUnresolvedShown) {
    err << "docket: ... and " << result.unresolved.size() - kMaxUnresolvedShown
        << " more left in place\n";
  }
  if (result.resolved == 0 && !result.unresolved.empty()) {
    err << "docket: no placeholder matched a value of " << o.subject
        << ": the records may be another customer's, or were redacted under another tenant key "
           "(DOCKET_REDACTION_KEY)\n";
  }
}

// The subject's values. Errors: kFailedPrecondition naming the receipt if the subject
// was erased; as SubjectTokens::Load otherwise.
StatusOr<SubjectTokens> LoadTokens(const LedgerHome& home, const LedgerDetokenizeOptions& o) {
  ledger::BlobVault& vault = *home.vault();
  DOCKET_ASSIGN_OR_RETURN(std::optional<uint64_t> erased_by, vault.ErasedBy(o.subject));
  if (erased_by) {
    return FailedPreconditionError("subject " + o.subject + " was erased by the receipt at entry " +
                                   std::to_string(*erased_by) +
                                   ": its tokenized values cannot be read back");
  }
  return SubjectTokens::Load(vault, o.token_key.value_or(home.pseudonym_key()), o.subject);
}

}  // namespace

int LedgerDetokenizeCommand(const LedgerDetokenizeOptions& o, Clock& clock,
                            std::istream& stdin_stream, std::ostream& out, std::ostream& err) {
  if (std::optional<std::string> bad = BadDetokenizeOptions(o)) return LedgerUsage(err, *bad);
  const std::string input_name = o.input == "-" ? "<stdin>" : o.input;
  StatusOr<std::string> input = ReadInput(o, stdin_stream);
  if (!input.ok()) return LedgerFailure(err, input.status());
  StatusOr<std::vector<internal::DetokenizeRecord>> records =
      internal::ParseDetokenizeInput(*input, input_name);
  if (!records.ok()) return LedgerFailure(err, records.status());
  {
    // OpenForWriting would create a ledger in any directory: make sure this is one.
    StatusOr<std::unique_ptr<LedgerHome>> existing = LedgerHome::OpenForReading(o.ledger_dir);
    if (!existing.ok()) return LedgerFailure(err, existing.status());
  }
  StatusOr<std::unique_ptr<LedgerHome>> home = LedgerHome::OpenForWriting(o.ledger_dir);
  if (!home.ok()) return LedgerFailure(err, home.status(), "opening the ledger");
  StatusOr<SubjectTokens> tokens = LoadTokens(**home, o);
  if (!tokens.ok()) {
    if (tokens.status().code() == StatusCode::kFailedPrecondition) {
      err << "docket: " << tokens.status().message() << "\n";
      return kExitBlock;  // an answer, as for `show --blob` of an erased blob
    }
    return LedgerFailure(err, tokens.status());
  }
  const DetokenizedRecords result = internal::DetokenizeRecords(*tokens, *records);
  StatusOr<std::pair<uint64_t, uint64_t>> recorded =
      RecordAccess(**home, AccessEntry(o, result, records->size(), *input, clock));
  if (!recorded.ok()) {
    return LedgerFailure(err, recorded.status(), "recording the access (nothing was written)");
  }
  (*home)->CloseWriter();
  if (o.out.empty()) {
    out << result.output << std::flush;
  } else if (Status s = WriteBytesAtomically(o.out, result.output, 0600); !s.ok()) {
    err << "docket: writing --out: " << s.message() << "\n";
    return kExitInternal;
  }
  ReportUnresolved(o, result, input_name, err);
  err << "docket: detokenized " << result.resolved << " placeholders (" << result.references.size()
      << " distinct) of " << o.subject << " in " << records->size() << " records; "
      << result.unresolved.size() << " left in place; access recorded at entry " << recorded->first
      << ", covered by checkpoint " << recorded->second << "\n";
  return result.unresolved.empty() ? kExitApprove : kExitBlock;
}

}  // namespace docket::adapters
