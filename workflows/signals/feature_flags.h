// Feature-flag state for the gate: a strict reader of the OpenFeature flagd flag
// definition format (https://flagd.dev/schema/v0/flags.json), e.g.
//   {"$schema": "https://flagd.dev/schema/v0/flags.json",
//    "flags": {"new-checkout": {"state": "ENABLED", "variants": {"on": true, "off": false},
//                               "defaultVariant": "on", "targeting": {...}}}}
// Beyond the schema it refuses what would make the file's meaning ambiguous: duplicate
// keys, unknown fields, a flag without `state` or `variants`, variants of mixed types, a
// defaultVariant that names no variant, invalid UTF-8. Pure functions; thread-safe.
// Results are value types that own their data.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/status.h"

namespace docket::workflows::signals {

// The JSON type every variant of one flag shares.
enum class FlagValueType { kBoolean, kString, kNumber, kObject };

// "boolean", "string", "number" or "object".
std::string_view FlagValueTypeName(FlagValueType type);

struct FeatureFlag {
  std::string key;
  bool enabled = false;  // state == "ENABLED"
  FlagValueType value_type = FlagValueType::kBoolean;
  std::vector<std::string> variant_names;  // sorted by bytes
  // The variant served when targeting does not pick one; std::nullopt when
  // `defaultVariant` is null or absent (the application's code default applies).
  std::optional<std::string> default_variant;
  // The default variant's value (null exactly when default_variant is unset), and its
  // canonical JSON (sorted keys, no whitespace), e.g. "true", "\"blue\"", "0.25",
  // "{\"color\":\"red\"}".
  boost::json::value default_value;
  std::optional<std::string> default_value_json;
  bool has_targeting = false;    // a non-empty `targeting` object
  boost::json::object metadata;  // the flag's `metadata` (string/number/boolean values)
};

struct FeatureFlagSet {
  std::vector<FeatureFlag> flags;            // sorted by key, keys unique
  boost::json::object metadata;              // the file's top-level `metadata`
  std::vector<std::string> evaluator_names;  // keys of `$evaluators`, sorted

  // The flag named `key`, or nullptr.
  const FeatureFlag* Find(std::string_view key) const;
};

struct FeatureFlagLimits {
  uint64_t max_bytes = 16 << 20;
  uint32_t max_flags = 10000;
  uint32_t max_depth = 64;  // nesting of objects and arrays anywhere in the file
};

// Parses a flagd flag-definition file. `file_name` is only used in messages.
// Errors: kInvalidArgument "file:line:column: what is wrong; what to fix" (the column of
// the offending key or token), or "file: ..." for the size limit.
[[nodiscard]] StatusOr<FeatureFlagSet> ParseFeatureFlags(std::string_view file_name,
                                                         std::string_view bytes,
                                                         const FeatureFlagLimits& limits = {});

// What the gate records: {"evaluators":[...],"flags":[{"default_value":..,
// "default_variant":..,"enabled":..,"has_targeting":..,"key":..,"metadata":{..},
// "type":..,"variants":[..]}],"metadata":{..}}; keys in sorted order, absent defaults
// are null.
boost::json::value ToJson(const FeatureFlagSet& flags);

// ToJson serialized canonically (sorted keys, no whitespace).
std::string ToCanonicalJson(const FeatureFlagSet& flags);

}  // namespace docket::workflows::signals
