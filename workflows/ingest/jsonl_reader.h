// JsonlReader: reads JSON Lines held in memory. Lines end with LF (CRLF tolerated);
// blank lines and a UTF-8 BOM on the first line are skipped. Each line is parsed with
// Boost.JSON into a per-reader arena (no per-value allocations), with depth and size
// limits, and must be one JSON object. Values are read by dotted path ("device.os").
//
// A line that is not a JSON object is a row-level problem reported on that line; a
// last line that does not parse and has no trailing newline means a truncated file and
// stops the reader with an error status. Linear in the input size on any bytes.
//
// The reader borrows `input`, which must outlive it and every line it returns. Not
// thread-safe. Boost.JSON stays out of this header.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "engine/base/status.h"

namespace docket::workflows {

struct JsonlLimits {
  uint64_t max_line_bytes = 1 << 20;
  uint32_t max_depth = 32;  // nesting of objects and arrays
};

struct JsonlLine {
  uint64_t line = 0;     // 1-based line number
  std::string_view raw;  // the line without its LF or CRLF (and without a BOM)
  // Empty when the line is a JSON object; else what is wrong and where, e.g.
  // "line 4, column 17: not valid JSON (syntax error)".
  std::string problem;
};

class JsonlReader {
 public:
  JsonlReader(std::string_view input, JsonlLimits limits);
  ~JsonlReader();

  JsonlReader(const JsonlReader&) = delete;
  JsonlReader& operator=(const JsonlReader&) = delete;

  // Reads the next non-blank line into `line` and returns true, or returns false at the
  // end of the input or on a file-level error; status() tells which.
  bool Next(JsonlLine& line);

  // OK, or why reading stopped early (kInvalidArgument: the file is truncated).
  const Status& status() const { return status_; }

  // Looks `dotted_path` up in the object of the line last returned without a problem.
  // "a.b.c" matches a key spelled "a.b.c" first, else descends through objects, trying
  // the shortest key prefix first. Returns false when nothing is there or the value is
  // null; otherwise appends the value to `out` (a string as its decoded text, a number
  // or bool as its shortest JSON text, an array or object as compact JSON) and returns
  // true.
  bool AppendValue(std::string_view dotted_path, std::string& out) const;

 private:
  struct Parser;  // Boost.JSON parser, arena and the current value

  bool ParseLine(JsonlLine& line, bool ends_with_newline);

  const std::string_view in_;
  const JsonlLimits limits_;
  size_t pos_ = 0;
  uint64_t line_ = 1;
  std::unique_ptr<Parser> parser_;
  Status status_;
};

}  // namespace docket::workflows
