#include "workflows/ingest/csv_reader.h"

#include <array>
#include <cstring>

namespace docket::workflows {
namespace {

// Bytes that end an unquoted field or are not allowed in one.
constexpr std::array<bool, 256> kUnquotedStop = [] {
  std::array<bool, 256> stop{};
  for (unsigned char c : {',', '\n', '\r', '"'}) stop[c] = true;
  return stop;
}();

}  // namespace

CsvReader::CsvReader(std::string_view input, CsvLimits limits) : in_(input), limits_(limits) {
  if (in_.starts_with("\xEF\xBB\xBF")) {
    pos_ = 3;
    line_start_ = 3;  // columns count from the first byte after the BOM
  }
}

Status CsvReader::ReadHeader() {
  if (!SkipBlankLines()) {
    return InvalidArgumentError("no header row: the file is empty or has only blank lines");
  }
  CsvRow row;
  if (ReadRecord(size_t{limits_.max_fields} + 1, row) == Outcome::kTruncated) return status_;
  if (!row.problem.empty()) return InvalidArgumentError("header row: " + row.problem);
  if (field_count_ > limits_.max_fields) {
    return InvalidArgumentError("header row has " + std::to_string(field_count_) +
                                " columns, over the limit of " +
                                std::to_string(limits_.max_fields));
  }
  header_.assign(row.fields.begin(), row.fields.end());
  return Status::Ok();
}

bool CsvReader::Next(CsvRow& row) {
  if (!status_.ok()) return false;
  if (ReadRecord(header_.size() + 1, row) != Outcome::kRecord) return false;
  if (row.problem.empty() && field_count_ != header_.size()) {
    row.problem = "line " + std::to_string(row.line) + ": row has " + std::to_string(field_count_) +
                  " fields but the header has " + std::to_string(header_.size()) +
                  (field_count_ > header_.size()
                       ? "; a value with a ',' in it must be quoted"
                       : "; every row needs a value (possibly empty) for every column");
    row.fields.clear();
  }
  return true;
}

bool CsvReader::SkipBlankLines() {
  while (pos_ < in_.size()) {
    size_t terminator = 0;
    if (in_[pos_] == '\n') {
      terminator = 1;
    } else if (in_[pos_] == '\r' && pos_ + 1 < in_.size() && in_[pos_ + 1] == '\n') {
      terminator = 2;
    } else {
      return true;
    }
    pos_ += terminator;
    ++line_;
    line_start_ = pos_;
  }
  return false;
}

CsvReader::Outcome CsvReader::ReadRecord(size_t field_cap, CsvRow& row) {
  row.fields.clear();
  row.problem.clear();
  spans_.clear();
  field_count_ = 0;
  if (!SkipBlankLines()) return Outcome::kEnd;
  row.line = line_;
  const size_t row_start = pos_;
  for (;;) {
    FieldSpan span{pos_, pos_, false};
    const bool quoted = pos_ < in_.size() && in_[pos_] == '"';
    if (quoted) {
      if (!ReadQuotedField(span)) return Outcome::kTruncated;
    } else {
      ReadUnquotedField(span);
    }
    if (!CheckFieldEnd(row)) break;  // resynchronized at the next line
    ++field_count_;
    // Past the cap the row is ragged anyway; don't let it grow memory.
    if (spans_.size() < field_cap) spans_.push_back(span);
    if (pos_ == in_.size()) {
      record_end_ = pos_;
      break;
    }
    if (in_[pos_] == ',') {
      ++pos_;
      continue;
    }
    record_end_ = pos_;
    pos_ += in_[pos_] == '\r' ? 2 : 1;  // CheckFieldEnd vouched for LF or CRLF
    ++line_;
    line_start_ = pos_;
    break;
  }
  row.raw = in_.substr(row_start, record_end_ - row_start);
  if (row.problem.empty() && row.raw.size() > limits_.max_row_bytes) {
    row.problem = "line " + std::to_string(row.line) + ": row is " +
                  std::to_string(row.raw.size()) + " bytes, over the limit of " +
                  std::to_string(limits_.max_row_bytes);
  }
  if (row.problem.empty()) Unescape(row);
  return Outcome::kRecord;
}

bool CsvReader::ReadQuotedField(FieldSpan& span) {
  const uint64_t opened_line = line_;
  const size_t opened_column = pos_ - line_start_ + 1;
  ++pos_;
  span.begin = pos_;
  for (;;) {
    const void* quote =
        pos_ < in_.size() ? std::memchr(in_.data() + pos_, '"', in_.size() - pos_) : nullptr;
    if (quote == nullptr) {
      status_ = InvalidArgumentError(
          "line " + std::to_string(opened_line) + ", column " + std::to_string(opened_column) +
          ": quoted field is never closed (no matching '\"' before the end of the file); "
          "the file looks truncated, or a '\"' inside a field is not doubled");
      pos_ = in_.size();
      return false;
    }
    const size_t at = static_cast<const char*>(quote) - in_.data();
    CountLineBreaks(pos_, at);
    if (at + 1 < in_.size() && in_[at + 1] == '"') {
      span.escaped = true;
      pos_ = at + 2;
      continue;
    }
    span.end = at;
    pos_ = at + 1;
    return true;
  }
}

void CsvReader::ReadUnquotedField(FieldSpan& span) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(in_.data());
  while (pos_ < in_.size() && !kUnquotedStop[bytes[pos_]]) ++pos_;
  span.end = pos_;
}

bool CsvReader::CheckFieldEnd(CsvRow& row) {
  if (pos_ == in_.size()) return true;
  const char c = in_[pos_];
  if (c == ',' || c == '\n') return true;
  if (c == '\r') {
    if (pos_ + 1 < in_.size() && in_[pos_ + 1] == '\n') return true;
    Resync(row, "carriage return (CR) outside quotes that is not part of a CRLF line end");
  } else if (c == '"') {
    Resync(row, "'\"' inside an unquoted field; quote the whole field and double each '\"'");
  } else {
    Resync(row,
           "unexpected character after the closing quote of a field; a quoted field "
           "must be followed by ',' or the end of the line");
  }
  return false;
}

void CsvReader::Resync(CsvRow& row, std::string_view what) {
  row.problem = Where(pos_) + ": " + std::string(what);
  const void* newline = std::memchr(in_.data() + pos_, '\n', in_.size() - pos_);
  if (newline == nullptr) {
    record_end_ = pos_ = in_.size();
    return;
  }
  const size_t at = static_cast<const char*>(newline) - in_.data();
  record_end_ = at > 0 && in_[at - 1] == '\r' ? at - 1 : at;
  pos_ = at + 1;
  ++line_;
  line_start_ = pos_;
}

void CsvReader::CountLineBreaks(size_t begin, size_t end) {
  while (begin < end) {
    const void* newline = std::memchr(in_.data() + begin, '\n', end - begin);
    if (newline == nullptr) return;
    begin = static_cast<const char*>(newline) - in_.data() + 1;
    ++line_;
    line_start_ = begin;
  }
}

void CsvReader::Unescape(CsvRow& row) {
  size_t escaped_bytes = 0;
  for (const FieldSpan& span : spans_) {
    if (span.escaped) escaped_bytes += span.end - span.begin;
  }
  scratch_.clear();
  // Reserved up front so the views taken below stay valid while scratch_ fills.
  scratch_.reserve(escaped_bytes);
  row.fields.reserve(spans_.size());
  for (const FieldSpan& span : spans_) {
    if (!span.escaped) {
      row.fields.push_back(in_.substr(span.begin, span.end - span.begin));
      continue;
    }
    const size_t start = scratch_.size();
    for (size_t i = span.begin; i < span.end; ++i) {
      scratch_.push_back(in_[i]);
      if (in_[i] == '"') ++i;  // the second quote of a "" pair
    }
    row.fields.emplace_back(scratch_.data() + start, scratch_.size() - start);
  }
}

std::string CsvReader::Where(size_t pos) const {
  return "line " + std::to_string(line_) + ", column " + std::to_string(pos - line_start_ + 1);
}

}  // namespace docket::workflows
