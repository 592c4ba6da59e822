#include "workflows/signals/telemetry_series.h"

#include <algorithm>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <charconv>
#include <cmath>
#include <map>
#include <optional>
#include <tuple>
#include <utility>

#include "engine/base/closest_name.h"
#include "engine/base/time_format.h"
#include "workflows/ingest/csv_reader.h"
#include "workflows/ingest/timestamp_parser.h"
#include "workflows/ingest/utf8.h"
#include "workflows/signals/internal/canonical_json.h"
#include "workflows/signals/internal/text_position.h"

namespace docket::workflows::signals {
namespace json = boost::json;
namespace {

constexpr std::string_view kKind = "telemetry file";
constexpr size_t kUnset = static_cast<size_t>(-1);

std::string Quote(std::string_view text) { return "\"" + SafeUtf8Excerpt(text, 64) + "\""; }

// Reads the decimal digits at the start of `text` and drops them from it.
std::optional<uint64_t> TakeNumber(std::string_view& text) {
  uint64_t value = 0;
  const auto [stop, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc()) return std::nullopt;
  text.remove_prefix(static_cast<size_t>(stop - text.data()));
  return value;
}

// The CSV reader says "line N, column M: what" or "line N: what"; signals messages say
// "file:N:M: what" and "file:N: what".
std::string CsvProblem(std::string_view file_name, std::string_view problem) {
  std::string_view rest = problem;
  const std::string prefix(file_name);
  if (rest.starts_with("header row: ")) rest.remove_prefix(12);
  if (!rest.starts_with("line ")) return prefix + ": " + std::string(problem);
  rest.remove_prefix(5);
  const std::optional<uint64_t> line = TakeNumber(rest);
  if (!line) return prefix + ": " + std::string(problem);
  std::string where = prefix + ":" + std::to_string(*line);
  if (rest.starts_with(", column ")) {
    rest.remove_prefix(9);
    const std::optional<uint64_t> column = TakeNumber(rest);
    if (!column) return prefix + ": " + std::string(problem);
    where += ":" + std::to_string(*column);
  }
  if (rest.starts_with(": ")) rest.remove_prefix(2);
  return where + ": " + std::string(rest);
}

// Where each known column sits in the header.
struct ColumnMap {
  size_t timestamp = kUnset;
  size_t metric = kUnset;
  size_t value = kUnset;
  size_t release = kUnset;
  size_t region = kUnset;
};

// The line the header is on: the CSV reader skips a BOM and blank lines before it.
uint64_t HeaderLine(std::string_view bytes) {
  uint64_t line = 1;
  size_t pos = bytes.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  for (;;) {
    if (bytes.substr(pos).starts_with("\n")) {
      pos += 1;
    } else if (bytes.substr(pos).starts_with("\r\n")) {
      pos += 2;
    } else {
      return line;
    }
    ++line;
  }
}

StatusOr<ColumnMap> MapHeader(std::string_view file_name, std::string_view bytes,
                              const std::vector<std::string>& header) {
  static constexpr const char* kNames[] = {"timestamp", "metric", "value", "release", "region"};
  const std::vector<std::string> names(std::begin(kNames), std::end(kNames));
  const std::string where = internal::WhereLine(file_name, HeaderLine(bytes));
  const std::string expected =
      "; expected the columns timestamp, metric, value and optionally release, region";
  ColumnMap map;
  size_t* slots[] = {&map.timestamp, &map.metric, &map.value, &map.release, &map.region};
  for (size_t i = 0; i < header.size(); ++i) {
    const auto it = std::find(names.begin(), names.end(), header[i]);
    if (it == names.end()) {
      const std::optional<std::string> closest = ClosestName(header[i], names);
      return InvalidArgumentError(where + ": unknown column " + Quote(header[i]) +
                                  (closest ? " (did you mean " + Quote(*closest) + "?)" : "") +
                                  expected);
    }
    size_t& slot = *slots[it - names.begin()];
    if (slot != kUnset) {
      return InvalidArgumentError(where + ": the column " + Quote(header[i]) +
                                  " appears twice in the header");
    }
    slot = i;
  }
  for (size_t i = 0; i < 3; ++i) {
    if (*slots[i] == kUnset) {
      return InvalidArgumentError(where + ": the header has no " + Quote(names[i]) + " column" +
                                  expected);
    }
  }
  return map;
}

using SeriesKey = std::tuple<std::string, std::string, std::string>;  // metric, release, region

struct SeriesState {
  std::vector<TelemetryPoint> points;
  uint64_t last_line = 0;
};

// Reads the rows of one file, after its header.
class RowReader {
 public:
  RowReader(std::string_view file_name, const ColumnMap& columns, const TelemetryLimits& limits)
      : file_name_(file_name), columns_(columns), limits_(limits) {}

  Status Add(const CsvRow& row);
  TelemetrySeriesSet Finish();

 private:
  Status Error(uint64_t line, std::string_view column, std::string what) const {
    return InvalidArgumentError(internal::WhereLine(file_name_, line) + ": column `" +
                                std::string(column) + "`: " + what);
  }
  StatusOr<std::string> Label(const CsvRow& row, size_t index, std::string_view column,
                              bool required) const;
  StatusOr<double> Value(const CsvRow& row) const;
  Status Append(const CsvRow& row, SeriesKey key, TelemetryPoint point);

  const std::string_view file_name_;
  const ColumnMap columns_;
  const TelemetryLimits& limits_;
  std::map<SeriesKey, SeriesState> series_;
  uint64_t point_count_ = 0;
};

StatusOr<std::string> RowReader::Label(const CsvRow& row, size_t index, std::string_view column,
                                       bool required) const {
  if (index == kUnset) return std::string();
  const std::string_view cell = row.fields[index];
  if (cell.empty() && required) {
    return Error(row.line, column, "is empty; every row names its " + std::string(column));
  }
  if (!cell.empty() &&
      (cell.front() == ' ' || cell.back() == ' ' || cell.front() == '\t' || cell.back() == '\t')) {
    return Error(row.line, column, Quote(cell) + " has leading or trailing spaces; remove them");
  }
  return std::string(cell);
}

StatusOr<double> RowReader::Value(const CsvRow& row) const {
  const std::string_view cell = row.fields[columns_.value];
  if (cell.empty()) return Error(row.line, "value", "is empty; write a number such as 0.012");
  double value = 0;
  const char* end = cell.data() + cell.size();
  const auto [stop, ec] = std::from_chars(cell.data(), end, value, std::chars_format::general);
  if (ec == std::errc::result_out_of_range) {
    return Error(row.line, "value", Quote(cell) + " is out of range");
  }
  if (ec != std::errc() || stop != end) {
    return Error(row.line, "value",
                 Quote(cell) + " is not a number; write a plain decimal such as 0.012");
  }
  if (!std::isfinite(value)) {
    return Error(row.line, "value", Quote(cell) + " is not a finite number");
  }
  if (cell.front() == '-') {
    return Error(row.line, "value", Quote(cell) + " is negative; error rates are 0 or more");
  }
  return value;
}

Status RowReader::Append(const CsvRow& row, SeriesKey key, TelemetryPoint point) {
  auto it = series_.find(key);
  if (it == series_.end()) {
    if (series_.size() >= limits_.max_series) {
      return InvalidArgumentError(internal::WhereLine(file_name_, row.line) +
                                  ": the file holds more than " +
                                  std::to_string(limits_.max_series) + " series");
    }
    it = series_.emplace(std::move(key), SeriesState{}).first;
  }
  SeriesState& state = it->second;
  if (!state.points.empty() && point.time <= state.points.back().time) {
    const auto& [metric, release, region] = it->first;
    const std::string series = " in the series metric=" + Quote(metric) +
                               ", release=" + Quote(release) + ", region=" + Quote(region);
    const std::string at = FormatRfc3339(point.time);
    if (point.time == state.points.back().time) {
      return Error(row.line, "timestamp",
                   at + " repeats the time of line " + std::to_string(state.last_line) + series +
                       "; a series has one value per timestamp");
    }
    return Error(row.line, "timestamp",
                 at + " is earlier than " + FormatRfc3339(state.points.back().time) + " on line " +
                     std::to_string(state.last_line) + series +
                     "; rows of one series must be in increasing time order");
  }
  if (++point_count_ > limits_.max_points) {
    return InvalidArgumentError(internal::WhereLine(file_name_, row.line) +
                                ": the file holds more than " + std::to_string(limits_.max_points) +
                                " points");
  }
  state.points.push_back(point);
  state.last_line = row.line;
  return Status::Ok();
}

Status RowReader::Add(const CsvRow& row) {
  if (!row.problem.empty()) return InvalidArgumentError(CsvProblem(file_name_, row.problem));
  const std::string_view stamp = row.fields[columns_.timestamp];
  if (stamp.empty()) {
    return Error(row.line, "timestamp",
                 "is empty; write an RFC 3339 time such as "
                 "2026-11-20T10:00:00Z");
  }
  StatusOr<Timestamp> time = ParseFeedbackTimestamp(stamp, TimestampFormat::kRfc3339, std::nullopt);
  if (!time.ok()) return Error(row.line, "timestamp", time.status().message());
  DOCKET_ASSIGN_OR_RETURN(std::string metric, Label(row, columns_.metric, "metric", true));
  DOCKET_ASSIGN_OR_RETURN(std::string release, Label(row, columns_.release, "release", false));
  DOCKET_ASSIGN_OR_RETURN(std::string region, Label(row, columns_.region, "region", false));
  DOCKET_ASSIGN_OR_RETURN(double value, Value(row));
  return Append(row, {std::move(metric), std::move(release), std::move(region)},
                TelemetryPoint{*time, value});
}

TelemetrySeriesSet RowReader::Finish() {
  TelemetrySeriesSet set;
  set.point_count = point_count_;
  for (auto& [key, state] : series_) {
    auto& [metric, release, region] = key;
    set.series.push_back(TelemetrySeries{metric, release, region, std::move(state.points)});
  }
  return set;
}

}  // namespace

const TelemetrySeries* TelemetrySeriesSet::Find(std::string_view metric, std::string_view release,
                                                std::string_view region) const {
  using Key = std::tuple<std::string_view, std::string_view, std::string_view>;
  const Key key(metric, release, region);
  auto key_of = [](const TelemetrySeries& s) { return Key(s.metric, s.release, s.region); };
  auto it = std::lower_bound(series.begin(), series.end(), key,
                             [&](const TelemetrySeries& s, const Key& k) { return key_of(s) < k; });
  return it != series.end() && key_of(*it) == key ? &*it : nullptr;
}

StatusOr<TelemetrySeriesSet> ParseTelemetrySeries(std::string_view file_name,
                                                  std::string_view bytes,
                                                  const TelemetryLimits& limits) {
  DOCKET_RETURN_IF_ERROR(internal::CheckSignalBytes(file_name, bytes, limits.max_bytes, kKind));
  CsvReader reader(bytes, CsvLimits{});
  if (Status header = reader.ReadHeader(); !header.ok()) {
    return InvalidArgumentError(CsvProblem(file_name, header.message()));
  }
  DOCKET_ASSIGN_OR_RETURN(ColumnMap columns, MapHeader(file_name, bytes, reader.header()));
  RowReader rows(file_name, columns, limits);
  CsvRow row;
  while (reader.Next(row)) DOCKET_RETURN_IF_ERROR(rows.Add(row));
  if (!reader.status().ok()) {
    return InvalidArgumentError(CsvProblem(file_name, reader.status().message()));
  }
  return rows.Finish();
}

json::value ToJson(const TelemetrySeriesSet& set) {
  json::array series;
  for (const TelemetrySeries& s : set.series) {
    json::array points;
    for (const TelemetryPoint& p : s.points) {
      json::object point;
      point["time"] = FormatRfc3339(p.time);
      point["value"] = p.value;
      points.emplace_back(std::move(point));
    }
    json::object o;
    o["metric"] = s.metric;
    o["points"] = std::move(points);
    o["region"] = s.region;
    o["release"] = s.release;
    series.emplace_back(std::move(o));
  }
  json::object out;
  out["point_count"] = set.point_count;
  out["series"] = std::move(series);
  return out;
}

std::string ToCanonicalJson(const TelemetrySeriesSet& set) {
  return internal::CanonicalJson(ToJson(set));
}

}  // namespace docket::workflows::signals
