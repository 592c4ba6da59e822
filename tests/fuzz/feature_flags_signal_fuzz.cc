// Fuzz target for flagd feature-flag files (workflows/signals/feature_flags.h): arbitrary
// bytes go through ParseFeatureFlags. It may not crash; an error must be an
// InvalidArgument that names the file; parsed flags must be sorted and unique, every
// default variant one of the flag's variants, and the canonical JSON stable.
#include <algorithm>
#include <cstdint>
#include <string_view>

#include "tests/fuzz/fuzz_check.h"
#include "workflows/signals/feature_flags.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace docket;
  using namespace docket::workflows::signals;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  StatusOr<FeatureFlagSet> set = ParseFeatureFlags("flags.json", bytes);
  if (!set.ok()) {
    FUZZ_CHECK(set.status().code() == StatusCode::kInvalidArgument);
    FUZZ_CHECK(set.status().message().starts_with("flags.json:"));
    return 0;
  }
  for (size_t i = 0; i < set->flags.size(); ++i) {
    const FeatureFlag& flag = set->flags[i];
    if (i > 0) FUZZ_CHECK(set->flags[i - 1].key < flag.key);
    FUZZ_CHECK(set->Find(flag.key) == &flag);
    FUZZ_CHECK(!flag.variant_names.empty());
    FUZZ_CHECK(flag.default_variant.has_value() == flag.default_value_json.has_value());
    if (flag.default_variant) {
      FUZZ_CHECK(std::find(flag.variant_names.begin(), flag.variant_names.end(),
                           *flag.default_variant) != flag.variant_names.end());
    }
  }
  FUZZ_CHECK(ToCanonicalJson(*set) == ToCanonicalJson(*set));
  return 0;
}
