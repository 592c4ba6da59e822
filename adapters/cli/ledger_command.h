// `docket ledger ...`: the read side of the signed ledger for auditors and scripts.
//   verify       offline audit of a ledger directory (VerifyLedger, VerifyBlobs,
//                VerifyIndexes) against a verifier key, optionally also against a
//                trusted checkpoint saved earlier (consistency proof); or, with
//                --bundle, of an evidence bundle file alone (VerifyBundle)
//   export       an evidence bundle of the whole log or of some index terms, to a file
//                written atomically
//   checkpoint   the latest signed checkpoint note, exactly as stored
//   key          the ledger's verifier key line
//   proof        an RFC 9162 inclusion proof for one entry, as JSON
//   consistency  an RFC 9162 consistency proof between two tree sizes, as JSON
//   show         entries as JSON lines, found through the ledger's indexes; or one
//                blob's plaintext (--blob, which needs the vault's master key)
//   erase        crypto-erasure of a data subject: appends an ERASURE_RECEIPT entry,
//                waits for a checkpoint covering it, then destroys the subject's key
//   detokenize   the raw values behind one customer's token placeholders in redacted
//                records: appends a TOKEN_ACCESS entry (covered by a checkpoint)
//                before it writes a byte of them
// Every command but `erase`, `detokenize` and `show --blob` opens the ledger for reading
// only (LedgerHome::OpenForReading): it needs no secret and creates nothing. `erase` and
// `detokenize` open it for writing, `show --blob` reads the master key; none creates a
// ledger.
// Exit codes: 0 ok; 1 the ledger or bundle failed verification or holds corrupt data
// (or, for show --blob, the blob is erased; for detokenize, the subject is erased or
// some placeholders were left in place); 2 bad arguments or input, or not a ledger; 4
// I/O or internal error. Functions of their arguments; one call at a time per ledger
// directory (RocksDB locks it).
#pragma once

#include <cstdint>
#include <filesystem>
#include <istream>
#include <optional>
#include <ostream>
#include <string>

#include "engine/base/clock.h"

namespace docket::adapters {

struct LedgerVerifyOptions {
  std::filesystem::path ledger_dir;
  // Default: <dir>/keys/verifier.vkey; with `bundle`, the keys in the bundle's header.
  std::optional<std::filesystem::path> key_file;
  std::optional<std::filesystem::path> trusted_checkpoint;  // a signed note saved earlier
  // Verify this evidence bundle file instead of the ledger directory (not opened).
  std::optional<std::filesystem::path> bundle;
};

// `docket ledger export`: no filter exports the whole log; filters select the entries
// filed under ANY of them (a union, unlike `show`), each with an inclusion proof.
struct LedgerExportOptions {
  std::filesystem::path ledger_dir;
  std::filesystem::path out;
  std::optional<std::string> run;
  std::optional<std::string> decision;
  std::optional<std::string> release;
  std::optional<std::string> type;                // a LedgerEntry type name, e.g. DECISION
  std::optional<std::filesystem::path> key_file;  // default: <dir>/keys/verifier.vkey
};

struct LedgerEraseOptions {
  std::filesystem::path ledger_dir;
  std::string subject;                // a data subject id, e.g. input:sha256:<hex>
  std::optional<std::string> actor;   // who asked, recorded in the receipt
  std::optional<std::string> reason;  // why, recorded in the receipt
};

// `docket ledger detokenize`: reads `input` whole (records as `docket redact` writes
// them), resolves the placeholders of `subject` in memory, records the access, then
// writes the records.
struct LedgerDetokenizeOptions {
  std::filesystem::path ledger_dir;
  std::string subject;               // "customer:<record id>"
  std::string reason;                // required: why, recorded in the TOKEN_ACCESS entry
  std::optional<std::string> actor;  // who, recorded when given
  std::string input = "-";           // a file, or "-" for stdin
  std::filesystem::path out;         // empty: stdout; else written atomically, mode 0600
  // The tenant key the references were computed under (DOCKET_REDACTION_KEY); default:
  // the ledger's derived pseudonym key, as in `docket run`.
  std::optional<std::string> token_key;
};

struct LedgerProofOptions {
  std::filesystem::path ledger_dir;
  uint64_t index = 0;
  std::optional<uint64_t> size;  // default: the latest checkpoint's size
};

struct LedgerConsistencyOptions {
  std::filesystem::path ledger_dir;
  uint64_t from = 0;
  uint64_t to = 0;
};

struct LedgerShowOptions {
  std::filesystem::path ledger_dir;
  std::optional<std::string> run;
  std::optional<std::string> decision;
  std::optional<std::string> type;  // a LedgerEntry type name, e.g. DECISION
  std::optional<std::string> release;
  std::optional<uint64_t> from;  // first index shown (inclusive)
  std::optional<uint64_t> to;    // end (exclusive)
  // Print this blob's plaintext instead of entries (no other filter allowed).
  std::optional<std::string> blob;
};

int LedgerVerifyCommand(const LedgerVerifyOptions& options, std::ostream& out, std::ostream& err);
int LedgerCheckpointCommand(const std::filesystem::path& ledger_dir, std::ostream& out,
                            std::ostream& err);
int LedgerKeyCommand(const std::filesystem::path& ledger_dir, std::ostream& out, std::ostream& err);
// `docket ledger key rotate` (promote false) and `key promote` (promote true); the
// key events record `clock`'s time, read once.
int LedgerKeyRotateCommand(const std::filesystem::path& ledger_dir, bool promote, Clock& clock,
                           std::ostream& out, std::ostream& err);
int LedgerProofCommand(const LedgerProofOptions& options, std::ostream& out, std::ostream& err);
int LedgerConsistencyCommand(const LedgerConsistencyOptions& options, std::ostream& out,
                             std::ostream& err);
int LedgerShowCommand(const LedgerShowOptions& options, std::ostream& out, std::ostream& err);
int LedgerExportCommand(const LedgerExportOptions& options, std::ostream& out, std::ostream& err);
// Reads `clock` once: the receipt's logical_time.
int LedgerEraseCommand(const LedgerEraseOptions& options, Clock& clock, std::ostream& out,
                       std::ostream& err);

// Reads `clock` once: the TOKEN_ACCESS entry's logical_time. `stdin_stream` is read
// when options.input is "-".
int LedgerDetokenizeCommand(const LedgerDetokenizeOptions& options, Clock& clock,
                            std::istream& stdin_stream, std::ostream& out, std::ostream& err);

// The parts of the commands above that live in their own files.
int LedgerVerifyBundleCommand(const LedgerVerifyOptions& options, std::ostream& out,
                              std::ostream& err);
int LedgerShowBlobCommand(const LedgerShowOptions& options, std::ostream& out, std::ostream& err);

}  // namespace docket::adapters
