// Fuzz target for workflows/redact/redaction_policy: any bytes either parse to a policy
// whose scanner config builds or is refused with a message, never a crash, hang or
// leak; a policy that parses does so deterministically.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "tests/fuzz/fuzz_check.h"
#include "workflows/redact/pii_scanner.h"
#include "workflows/redact/redaction_policy.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace docket::workflows::redact;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  docket::StatusOr<RedactionPolicy> policy = ParseRedactionPolicy("fuzz.yaml", bytes);
  if (!policy.ok()) {
    FUZZ_CHECK(policy.status().code() == docket::StatusCode::kInvalidArgument);
    FUZZ_CHECK(!policy.status().message().empty());
    return 0;
  }
  docket::StatusOr<RedactionPolicy> again = ParseRedactionPolicy("fuzz.yaml", bytes);
  FUZZ_CHECK(again.ok() && again->operators == policy->operators &&
             again->region == policy->region);
  // Custom patterns come from the file: a bad one is an error, never a crash.
  docket::StatusOr<std::unique_ptr<PiiScanner>> scanner = PiiScanner::Create(policy->scanner);
  FUZZ_CHECK(scanner.ok() || scanner.status().code() == docket::StatusCode::kInvalidArgument);
  return 0;
}
