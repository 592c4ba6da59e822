// `docket redact [--policy FILE] [--input FILE.jsonl|-] [--out FILE]`: runs the redactor
// alone over a sample so users can try a policy (docs/redaction.md, docs/cli.md).
//
// Input: one record per line. A line holding a JSON object is a record (`text` is
// required and redacted; `id` and every other field are kept as they are; an object
// without `id` gets its line number). Any other line is a plain-text record whose id is
// its 1-based line number. Blank lines are skipped. Output: one JSON line per record,
// in input order: the record with its redacted `text` and a `redactions` list of
// {start, end, type, operator}, byte offsets into the original UTF-8 text.
//
// Keys and policies: the pseudonym key comes from DOCKET_REDACTION_KEY (main.cc reads it
// into the options). A policy that pseudonymizes without a key, or that uses the token
// operator at all (tokens live in a ledger vault; this command has none), is refused
// before any input is read (exit 2, naming the entity types).
//
// Exit codes: 0 every record redacted; 1 some records skipped (each named on stderr by
// line: invalid UTF-8, over 1 MiB, an object without a string `text`); 2 usage errors
// (bad policy file, with file:line:column; unreadable input; unwritable output).
// Thread-compatible; reads and writes only the streams and files it is given.
#pragma once

#include <cstddef>
#include <filesystem>
#include <istream>
#include <optional>
#include <ostream>
#include <string>

namespace docket::adapters {

inline constexpr size_t kMaxRedactRecordBytes = size_t{1} << 20;

struct RedactCommandOptions {
  std::filesystem::path policy;              // empty: the bundled default policy
  std::string input = "-";                   // a file, or "-" for `stdin`
  std::filesystem::path out;                 // empty: `stdout`
  std::optional<std::string> pseudonym_key;  // DOCKET_REDACTION_KEY
};

// Returns the exit code above. `stdin` is read when options.input is "-".
int RedactCommand(const RedactCommandOptions& options, std::istream& stdin_stream,
                  std::ostream& stdout_stream, std::ostream& err);

}  // namespace docket::adapters
