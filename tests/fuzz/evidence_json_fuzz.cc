// Fuzz target for policies/evidence_json: any bytes parse to evidence or are refused
// with a message; evidence that parses renders and re-parses to the same bytes.
#include <boost/json.hpp>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "policies/evidence_json.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace docket::policies;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  docket::StatusOr<Evidence> evidence = ParseEvidenceJson("fuzz.json", bytes);
  if (!evidence.ok()) {
    FUZZ_CHECK(evidence.status().code() == docket::StatusCode::kInvalidArgument);
    FUZZ_CHECK(!evidence.status().message().empty());
    return 0;
  }
  const std::string once = boost::json::serialize(EvidenceToJson(*evidence));
  docket::StatusOr<Evidence> again = ParseEvidenceJson("again.json", once);
  FUZZ_CHECK(again.ok());
  FUZZ_CHECK(boost::json::serialize(EvidenceToJson(*again)) == once);
  return 0;
}
