// Fuzz target for `docket redact`'s input handling (adapters/cli/redact_command): any
// bytes on stdin end in exit 0 (all records redacted) or 1 (some skipped, each named),
// never a crash; every output line is a JSON object with a string `text` and a
// `redactions` list of in-order, non-overlapping {start, end} spans.
#include <boost/json.hpp>

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "adapters/cli/redact_command.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 64 * 1024) return 0;
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  std::ostringstream out;
  std::ostringstream err;
  const int code = docket::adapters::RedactCommand(
      {.policy = {}, .input = "-", .out = {}, .pseudonym_key = std::string("fuzz-key")}, in, out,
      err);
  FUZZ_CHECK(code == 0 || code == 1);
  std::istringstream lines(out.str());
  std::string line;
  while (std::getline(lines, line)) {
    boost::system::error_code ec;
    const boost::json::value v = boost::json::parse(line, ec);
    FUZZ_CHECK(!ec && v.is_object());
    const boost::json::object& o = v.as_object();
    FUZZ_CHECK(o.contains("text") && o.at("text").is_string());
    FUZZ_CHECK(o.contains("redactions") && o.at("redactions").is_array());
    int64_t previous_end = 0;
    for (const boost::json::value& r : o.at("redactions").as_array()) {
      const int64_t start = r.at("start").to_number<int64_t>();
      const int64_t end = r.at("end").to_number<int64_t>();
      FUZZ_CHECK(previous_end <= start && start < end);
      previous_end = end;
    }
  }
  return 0;
}
