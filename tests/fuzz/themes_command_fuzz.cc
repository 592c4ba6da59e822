// Fuzz target for `docket themes` over arbitrary stdin: exit 0 or 1, every output line
// is JSON, one line per record read plus the theme table last, never a crash or hang.
#include <boost/json.hpp>
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "adapters/cli/exit_codes.h"
#include "adapters/cli/themes_command.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  constexpr size_t kMaxInput = 64 << 10;  // clustering cost grows with the record count
  if (size > kMaxInput) return 0;
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  std::ostringstream out, err;
  const int code = docket::adapters::ThemesCommand({}, in, out, err);
  FUZZ_CHECK(code == docket::adapters::kExitApprove || code == 1);
  std::istringstream lines(out.str());
  std::string line, last;
  size_t count = 0;
  while (std::getline(lines, line)) {
    boost::system::error_code ec;
    boost::json::parse(line, ec);
    FUZZ_CHECK(!ec);
    last = line;
    ++count;
  }
  FUZZ_CHECK(count >= 1);
  FUZZ_CHECK(last.find("\"schema\":\"docket.themes.v1\"") != std::string::npos);
  return 0;
}
