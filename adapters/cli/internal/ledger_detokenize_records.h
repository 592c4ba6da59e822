// The input and output of `docket ledger detokenize` (docs/cli.md), apart from the
// ledger: the records are read and checked completely before the vault is touched, and
// detokenized in memory, so that the access is recorded before a byte is written.
//
// Input: one record per line, detected as `docket redact` does. A line whose first
// non-blank byte is `{` must be a JSON object with a string `text` (that field is
// detokenized, every other one kept); any other line is a plain-text record, the line
// itself. Blank lines are skipped; a trailing CR is dropped. Output: one line per
// record, in input order: the JSON object re-serialized with its new `text`, or the
// plain line.
//
// Pure functions of their arguments; thread-safe.
#pragma once

#include <boost/json/object.hpp>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "adapters/ledger/token_reader.h"
#include "engine/base/status.h"

namespace docket::adapters::internal {

inline constexpr size_t kMaxDetokenizeLineBytes = size_t{1} << 20;  // as `docket redact`
inline constexpr size_t kMaxDetokenizeInputBytes = size_t{256} << 20;

struct DetokenizeRecord {
  uint64_t line = 0;                          // 1-based
  std::string text;                           // what is detokenized
  std::optional<boost::json::object> record;  // set for a JSON record
};

// Splits and checks `input`. `name` is how errors name the input (a path or <stdin>).
// Errors: kInvalidArgument "<name>:<line>: ..." for the first line that is not valid
// UTF-8 (with the byte), is over 1 MiB, starts with `{` but is not a JSON object, or is
// an object without a string `text`; kInvalidArgument if `input` is over 256 MiB.
[[nodiscard]] StatusOr<std::vector<DetokenizeRecord>> ParseDetokenizeInput(std::string_view input,
                                                                           std::string_view name);

struct DetokenizedRecords {
  std::string output;                // the output lines, each ending in '\n'
  uint64_t resolved = 0;             // placeholders replaced
  std::set<std::string> references;  // the distinct placeholders replaced, e.g. "<EMAIL_TOKEN:…>"
  // Every placeholder left in place, with its input line.
  std::vector<std::pair<uint64_t, TokenPlaceholder>> unresolved;
};

DetokenizedRecords DetokenizeRecords(const SubjectTokens& tokens,
                                     const std::vector<DetokenizeRecord>& records);

}  // namespace docket::adapters::internal
