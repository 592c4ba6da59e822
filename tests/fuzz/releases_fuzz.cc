// Fuzz target for releases files (workflows/steps/release_catalog.h): arbitrary bytes go
// through ParseReleaseCatalog and, when they parse, through Select. Neither may crash;
// every error must be an InvalidArgument that names the file.
#include <cstdint>
#include <string_view>

#include "tests/fuzz/fuzz_check.h"
#include "workflows/steps/release_catalog.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace docket;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  StatusOr<workflows::ReleaseCatalog> catalog =
      workflows::ParseReleaseCatalog("releases.json", bytes);
  if (!catalog.ok()) {
    FUZZ_CHECK(catalog.status().code() == StatusCode::kInvalidArgument);
    FUZZ_CHECK(catalog.status().message().find("releases.json") != std::string::npos);
    return 0;
  }
  for (const auto& rc : catalog->releases) {
    StatusOr<workflows::ReleaseCandidate> selected = catalog->Select(rc.id);
    FUZZ_CHECK(selected.ok() && selected->id == rc.id);
  }
  StatusOr<workflows::ReleaseCandidate> latest = catalog->Select("latest");
  FUZZ_CHECK(latest.ok() == !catalog->releases.empty());
  return 0;
}
