// CsvReader: a strict RFC 4180 reader over a file's bytes held in memory. It reads a
// header row, then streams data rows as string_views into the input (or into the
// reader's own buffer for fields with "" escapes), each with the 1-based line where it
// starts. Quoted fields may hold commas, "" and CR/LF/CRLF line breaks; records end
// with LF or CRLF; a leading UTF-8 BOM and blank lines are skipped.
//
// Problems confined to one row (bad quoting, a field count different from the
// header's, a row over the size limit) are reported on that row and reading goes on
// with the next row; an unterminated quoted field at the end of the input (a truncated
// file) stops the reader with an error status. Linear in the input size on any bytes.
//
// The reader borrows `input`, which must outlive it and every row it returns. Not
// thread-safe; cheap to create.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/status.h"

namespace docket::workflows {

struct CsvLimits {
  uint64_t max_row_bytes = 1 << 20;  // raw bytes of one record, quotes included
  uint32_t max_fields = 512;         // columns in the header
};

struct CsvRow {
  uint64_t line = 0;     // 1-based line where the row starts
  std::string_view raw;  // the row's bytes without its record terminator
  // Unescaped field values; valid until the next call to Next(). Empty when `problem`
  // is set.
  std::vector<std::string_view> fields;
  // Empty for a well-formed row; else what is wrong and where, e.g. "line 7, column 12:
  // '\"' inside an unquoted field; quote the whole field and double the '\"'".
  std::string problem;
};

class CsvReader {
 public:
  CsvReader(std::string_view input, CsvLimits limits);

  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  // Reads the header row; call once, before Next().
  // Errors: kInvalidArgument when there is no header row, or it is malformed, over the
  // limits, or never ends (unterminated quote).
  [[nodiscard]] Status ReadHeader();

  // The header's column names, in order.
  const std::vector<std::string>& header() const { return header_; }

  // Reads the next data row into `row` and returns true, or returns false at the end of
  // the input or on a file-level error; status() tells which. A row-level problem is
  // returned as a row with `problem` set.
  bool Next(CsvRow& row);

  // OK, or why reading stopped early (kInvalidArgument: the file is truncated).
  const Status& status() const { return status_; }

 private:
  struct FieldSpan {
    size_t begin;
    size_t end;
    bool escaped;  // holds "" pairs to collapse
  };
  enum class Outcome { kRecord, kEnd, kTruncated };

  Outcome ReadRecord(size_t field_cap, CsvRow& row);
  bool SkipBlankLines();
  bool ReadQuotedField(FieldSpan& span);
  void ReadUnquotedField(FieldSpan& span);
  bool CheckFieldEnd(CsvRow& row);
  void CountLineBreaks(size_t begin, size_t end);
  void Resync(CsvRow& row, std::string_view what);
  void Unescape(CsvRow& row);
  std::string Where(size_t pos) const;

  const std::string_view in_;
  const CsvLimits limits_;
  size_t pos_ = 0;
  uint64_t line_ = 1;
  size_t line_start_ = 0;  // offset of the current line's first byte, for columns
  size_t field_count_ = 0;
  size_t record_end_ = 0;  // end of the current record's bytes, before its terminator
  std::vector<FieldSpan> spans_;
  std::string scratch_;  // unescaped values of fields with "" escapes
  std::vector<std::string> header_;
  Status status_;
};

}  // namespace docket::workflows
