// `docket ledger ...`: the read side of the signed ledger for auditors and scripts.
//   verify       offline audit (VerifyLedger) against a verifier key, optionally also
//                against a trusted checkpoint saved earlier (consistency proof)
//   checkpoint   the latest signed checkpoint note, exactly as stored
//   key          the ledger's verifier key line
//   proof        an RFC 9162 inclusion proof for one entry, as JSON
//   consistency  an RFC 9162 consistency proof between two tree sizes, as JSON
//   show         entries as JSON lines, found through the ledger's indexes
// Every command opens the ledger for reading only (LedgerHome::OpenForReading): it
// needs no secret and creates nothing. Exit codes: 0 ok; 1 the ledger failed
// verification or holds corrupt data; 2 bad arguments or not a ledger; 4 I/O or
// internal error. Functions of their arguments; one call at a time per ledger directory
// (RocksDB locks it).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>

namespace docket::adapters {

struct LedgerVerifyOptions {
  std::filesystem::path ledger_dir;
  std::optional<std::filesystem::path> key_file;            // default: <dir>/keys/verifier.vkey
  std::optional<std::filesystem::path> trusted_checkpoint;  // a signed note saved earlier
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
};

int LedgerVerifyCommand(const LedgerVerifyOptions& options, std::ostream& out, std::ostream& err);
int LedgerCheckpointCommand(const std::filesystem::path& ledger_dir, std::ostream& out,
                            std::ostream& err);
int LedgerKeyCommand(const std::filesystem::path& ledger_dir, std::ostream& out, std::ostream& err);
int LedgerProofCommand(const LedgerProofOptions& options, std::ostream& out, std::ostream& err);
int LedgerConsistencyCommand(const LedgerConsistencyOptions& options, std::ostream& out,
                             std::ostream& err);
int LedgerShowCommand(const LedgerShowOptions& options, std::ostream& out, std::ostream& err);

}  // namespace docket::adapters
