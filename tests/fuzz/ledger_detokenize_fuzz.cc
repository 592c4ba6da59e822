// Fuzz target for `docket ledger detokenize`'s input handling
// (adapters/cli/internal/ledger_detokenize_records): any bytes are either refused with
// a message naming "<input>:<line>" or give one output line per record; every placeholder
// found is either resolved to one of the subject's values or left in place verbatim.
// The subject's values are fixed (no ledger), so the corpus can resolve some.
#include <boost/json.hpp>
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "adapters/cli/internal/ledger_detokenize_records.h"
#include "adapters/ledger/token_reader.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

namespace json = boost::json;
using docket::adapters::SubjectTokens;
using docket::adapters::internal::DetokenizeRecord;

// The values of data subject "42" under "fuzz-key"; the corpus holds some references.
const SubjectTokens& Tokens() {
  static const SubjectTokens* tokens =
      new SubjectTokens("fuzz-key", "42", {"anna@example.de", "+49 30 1234567", "Anna Berg"});
  return *tokens;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 64 * 1024) return 0;
  const std::string input(reinterpret_cast<const char*>(data), size);
  docket::StatusOr<std::vector<DetokenizeRecord>> records =
      docket::adapters::internal::ParseDetokenizeInput(input, "<fuzz>");
  if (!records.ok()) {
    FUZZ_CHECK(records.status().code() == docket::StatusCode::kInvalidArgument);
    FUZZ_CHECK(records.status().message().starts_with("<fuzz>:"));
    return 0;
  }
  size_t placeholders = 0;
  for (const DetokenizeRecord& record : *records) {
    placeholders += docket::adapters::FindTokenPlaceholders(record.text).size();
  }
  const auto result = docket::adapters::internal::DetokenizeRecords(Tokens(), *records);
  FUZZ_CHECK(result.resolved + result.unresolved.size() == placeholders);
  FUZZ_CHECK(result.references.size() <= result.resolved);
  std::istringstream lines(result.output);
  std::string line;
  size_t index = 0;
  while (std::getline(lines, line)) {
    FUZZ_CHECK(index < records->size());
    const DetokenizeRecord& record = (*records)[index++];
    std::string text = line;
    if (record.record) {
      boost::system::error_code ec;
      const json::value v = json::parse(line, ec);
      FUZZ_CHECK(!ec && v.is_object() && v.as_object().contains("text"));
      text = std::string(v.at("text").as_string());
    }
    for (const auto& [number, placeholder] : result.unresolved) {
      if (number == record.line) FUZZ_CHECK(text.find(placeholder.Text()) != std::string::npos);
    }
  }
  FUZZ_CHECK(index == records->size());
  return 0;
}
