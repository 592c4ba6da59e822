// `docket themes [--config FILE] [--lexicon FILE] [--previous FILE] --input FILE
// [--out FILE]`: runs near-duplicate detection and theme grouping alone over a file, so
// users can see how their feedback groups (docs/themes.md, docs/cli.md).
//
// Input: JSON Lines (an object with a string `text`; its `id` is kept, else the line
// number; a line that is not an object is a plain-text record numbered by its line) or,
// for a file ending in .csv, RFC 4180 CSV with a `text` column and an optional `id`
// column (else the row number). Output: one JSON line per input record, in input
// order, `{"id": …, "theme": "t3"|"unthemed", "duplicate_of": <id>|null}` (a duplicate
// carries its canonical record's theme), then one line with the theme table
// (schema docket.themes.v1).
//
// --config: YAML with `near_duplicates` (true), `threshold` (0.7), `min_theme_size` (3),
// `resolution` (1.0), `dimensions` (100), `continue_similarity` (0.5). --lexicon: a
// lexicon file; --previous: an earlier theme table whose ids are continued. The seed
// derives from the input texts, so the same file gives the same bytes.
//
// Exit codes: 0 all records read; 1 some records skipped (each named on stderr with its
// line); 2 usage errors (unreadable or bad files, with file:line:column; no `text`
// column). Thread-compatible; reads and writes only what it is given.
#pragma once

#include <filesystem>
#include <istream>
#include <ostream>
#include <string>

namespace docket::adapters {

struct ThemesCommandOptions {
  std::filesystem::path config;    // empty: defaults
  std::filesystem::path lexicon;   // empty: none
  std::filesystem::path previous;  // empty: fresh ids
  std::string input = "-";         // a file, or "-" for stdin (JSONL)
  std::filesystem::path out;       // empty: stdout
};

int ThemesCommand(const ThemesCommandOptions& options, std::istream& stdin_stream,
                  std::ostream& stdout_stream, std::ostream& err);

}  // namespace docket::adapters
