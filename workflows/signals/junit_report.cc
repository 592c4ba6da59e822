#include "workflows/signals/junit_report.h"

#include <algorithm>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <charconv>
#include <cmath>
#include <optional>
#include <pugixml.hpp>
#include <utility>

#include "workflows/ingest/utf8.h"
#include "workflows/signals/internal/canonical_json.h"
#include "workflows/signals/internal/junit_document.h"
#include "workflows/signals/internal/text_position.h"

namespace docket::workflows::signals {
namespace json = boost::json;
namespace {

std::string Excerpt(std::string_view text) { return SafeUtf8Excerpt(text, 64); }

// A count or duration written the way every JUnit tool writes them: plain digits with an
// optional fraction or exponent; no sign, no thousands separator, nothing around it.
std::optional<double> ParseSeconds(std::string_view text) {
  double value = 0;
  const char* end = text.data() + text.size();
  const auto [stop, ec] = std::from_chars(text.data(), end, value, std::chars_format::general);
  if (text.empty() || ec != std::errc() || stop != end || !std::isfinite(value) || value < 0 ||
      text.front() == '-') {
    return std::nullopt;
  }
  return value;
}

std::optional<uint64_t> ParseCount(std::string_view text) {
  uint64_t value = 0;
  const char* end = text.data() + text.size();
  const auto [stop, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || stop != end) return std::nullopt;
  return value;
}

// Walks the checked document and counts its cases.
class ReportReader {
 public:
  ReportReader(std::string_view file_name, std::string_view bytes, const JunitLimits& limits)
      : file_name_(file_name), bytes_(bytes), limits_(limits) {}

  StatusOr<JunitReport> Read(pugi::xml_node root);

 private:
  std::string Where(pugi::xml_node node) const {
    return internal::WhereOffset(file_name_, bytes_, internal::NodeOffset(bytes_, node));
  }
  Status Error(pugi::xml_node node, std::string what) const {
    return InvalidArgumentError(Where(node) + ": " + what);
  }
  // `<testsuite name="x">`, for messages.
  static std::string Describe(pugi::xml_node node) {
    const pugi::xml_attribute name = node.attribute("name");
    return "<" + Excerpt(node.name()) +
           (name ? " name=\"" + Excerpt(name.value()) + "\">" : std::string(">"));
  }
  void Warn(std::string warning);
  Status CheckTime(pugi::xml_node node) const;
  void CompareDeclared(pugi::xml_node node, const JunitTotals& counted);
  Status ReadGroup(pugi::xml_node group, const std::string& path, uint32_t depth,
                   JunitTotals& totals);
  Status ReadSuite(pugi::xml_node suite, const std::string& parent_path, uint32_t depth,
                   JunitTotals& parent_totals);
  Status ReadCase(pugi::xml_node testcase, JunitTotals& totals);

  const std::string_view file_name_;
  const std::string_view bytes_;
  const JunitLimits& limits_;
  JunitReport report_;
  std::vector<std::string> failing_;
};

void ReportReader::Warn(std::string warning) {
  if (report_.warnings.size() < limits_.max_warnings) {
    report_.warnings.push_back(std::move(warning));
  } else {
    ++report_.warnings_omitted;
  }
}

Status ReportReader::CheckTime(pugi::xml_node node) const {
  const pugi::xml_attribute time = node.attribute("time");
  if (!time || ParseSeconds(time.value())) return Status::Ok();
  const std::string_view text = time.value();
  return Error(node, Describe(node) + " has time=\"" + Excerpt(text) +
                         "\", which is not a number of seconds; write a plain decimal such as "
                         "\"1.25\"" +
                         (text.find(',') != std::string_view::npos
                              ? " (no thousands separator or decimal comma)"
                              : ""));
}

void ReportReader::CompareDeclared(pugi::xml_node node, const JunitTotals& counted) {
  const std::pair<const char*, std::pair<const char*, uint64_t>> declared[] = {
      {"tests", {"tests", counted.tests}},
      {"failures", {"failed", counted.failed}},
      {"errors", {"errors", counted.errors}},
      {"skipped", {"skipped", counted.skipped}},
  };
  for (const auto& [attribute, counted_as] : declared) {
    const pugi::xml_attribute a = node.attribute(attribute);
    if (!a) continue;
    const std::optional<uint64_t> value = ParseCount(a.value());
    if (!value) {
      Warn(Where(node) + ": " + Describe(node) + " declares " + attribute + "=\"" +
           Excerpt(a.value()) + "\", which is not a count; ignored");
    } else if (*value != counted_as.second) {
      Warn(Where(node) + ": " + Describe(node) + " declares " + attribute + "=\"" + a.value() +
           "\" but its test cases count " + std::to_string(counted_as.second) + " " +
           counted_as.first + "; Docket uses the counted value");
    }
  }
}

Status ReportReader::ReadCase(pugi::xml_node testcase, JunitTotals& totals) {
  const pugi::xml_attribute name = testcase.attribute("name");
  if (!name || name.value()[0] == '\0') {
    return Error(testcase,
                 "<testcase> has no name attribute (or an empty one); every test "
                 "case needs a name");
  }
  DOCKET_RETURN_IF_ERROR(CheckTime(testcase));
  bool error = false, failure = false, skipped = false;
  for (pugi::xml_node child : testcase.children()) {
    if (child.type() != pugi::node_element) continue;
    const std::string_view kind = child.name();
    error |= kind == "error";
    failure |= kind == "failure";
    skipped |= kind == "skipped";
  }
  ++totals.tests;
  if (error) {
    ++totals.errors;
  } else if (failure) {
    ++totals.failed;
  } else if (skipped) {
    ++totals.skipped;
  } else {
    ++totals.passed;
  }
  if (error || failure) {
    const std::string_view classname = testcase.attribute("classname").value();
    failing_.push_back(classname.empty() ? std::string(name.value())
                                         : std::string(classname) + "." + name.value());
  }
  return Status::Ok();
}

Status ReportReader::ReadSuite(pugi::xml_node suite, const std::string& parent_path, uint32_t depth,
                               JunitTotals& parent_totals) {
  DOCKET_RETURN_IF_ERROR(CheckTime(suite));
  const size_t index = report_.suites.size();
  JunitSuite entry;
  entry.name = suite.attribute("name").value();
  entry.path = parent_path.empty() ? entry.name : parent_path + "/" + entry.name;
  entry.depth = depth;
  report_.suites.push_back(entry);
  JunitTotals totals;
  for (pugi::xml_node child : suite.children()) {
    if (child.type() != pugi::node_element) continue;
    const std::string_view kind = child.name();
    if (kind == "testcase") {
      DOCKET_RETURN_IF_ERROR(ReadCase(child, totals));
    } else if (kind == "testsuite") {
      DOCKET_RETURN_IF_ERROR(ReadSuite(child, entry.path, depth + 1, totals));
    }
  }
  CompareDeclared(suite, totals);
  report_.suites[index].totals = totals;
  parent_totals.tests += totals.tests;
  parent_totals.passed += totals.passed;
  parent_totals.failed += totals.failed;
  parent_totals.errors += totals.errors;
  parent_totals.skipped += totals.skipped;
  return Status::Ok();
}

// <testsuites>: its <testsuite> children, and the suites of <testsuites> nested in it.
Status ReportReader::ReadGroup(pugi::xml_node group, const std::string& path, uint32_t depth,
                               JunitTotals& totals) {
  DOCKET_RETURN_IF_ERROR(CheckTime(group));
  JunitTotals group_totals;
  for (pugi::xml_node child : group.children()) {
    if (child.type() != pugi::node_element) continue;
    const std::string_view kind = child.name();
    if (kind == "testsuite") {
      DOCKET_RETURN_IF_ERROR(ReadSuite(child, path, depth, group_totals));
    } else if (kind == "testsuites") {
      DOCKET_RETURN_IF_ERROR(ReadGroup(child, path, depth, group_totals));
    } else if (kind == "testcase") {
      return Error(child,
                   "<testcase> directly inside <testsuites>; a test case must be "
                   "inside a <testsuite>");
    }
  }
  CompareDeclared(group, group_totals);
  totals = group_totals;
  return Status::Ok();
}

StatusOr<JunitReport> ReportReader::Read(pugi::xml_node root) {
  const std::string_view kind = root.name();
  if (kind == "testsuites") {
    DOCKET_RETURN_IF_ERROR(ReadGroup(root, "", 0, report_.totals));
  } else if (kind == "testsuite") {
    DOCKET_RETURN_IF_ERROR(ReadSuite(root, "", 0, report_.totals));
  } else {
    return Error(root, "the root element is <" + Excerpt(kind) +
                           ">; a JUnit report's root must be <testsuites> or <testsuite>");
  }
  std::sort(failing_.begin(), failing_.end());
  failing_.erase(std::unique(failing_.begin(), failing_.end()), failing_.end());
  if (failing_.size() > limits_.max_failing_cases) {
    report_.failing_cases_omitted = failing_.size() - limits_.max_failing_cases;
    failing_.resize(limits_.max_failing_cases);
  }
  report_.failing_cases = std::move(failing_);
  return std::move(report_);
}

json::object TotalsJson(const JunitTotals& t) {
  json::object o;
  o["errors"] = t.errors;
  o["failed"] = t.failed;
  o["passed"] = t.passed;
  o["skipped"] = t.skipped;
  o["tests"] = t.tests;
  return o;
}

}  // namespace

StatusOr<JunitReport> ParseJunitReport(std::string_view file_name, std::string_view bytes,
                                       const JunitLimits& limits) {
  pugi::xml_document doc;
  DOCKET_RETURN_IF_ERROR(internal::LoadJunitDocument(file_name, bytes, limits, doc));
  return ReportReader(file_name, bytes, limits).Read(doc.document_element());
}

json::value ToJson(const JunitReport& report) {
  json::array failing;
  for (const std::string& id : report.failing_cases) failing.emplace_back(id);
  json::array suites;
  for (const JunitSuite& suite : report.suites) {
    json::object o;
    o["depth"] = suite.depth;
    o["name"] = suite.name;
    o["path"] = suite.path;
    o["totals"] = TotalsJson(suite.totals);
    suites.emplace_back(std::move(o));
  }
  json::array warnings;
  for (const std::string& w : report.warnings) warnings.emplace_back(w);
  json::object out;
  out["empty"] = report.empty();
  out["failing_cases"] = std::move(failing);
  out["failing_cases_omitted"] = report.failing_cases_omitted;
  out["suites"] = std::move(suites);
  out["totals"] = TotalsJson(report.totals);
  out["warnings"] = std::move(warnings);
  out["warnings_omitted"] = report.warnings_omitted;
  return out;
}

std::string ToCanonicalJson(const JunitReport& report) {
  return internal::CanonicalJson(ToJson(report));
}

}  // namespace docket::workflows::signals
