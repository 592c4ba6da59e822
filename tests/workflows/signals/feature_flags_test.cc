#include "workflows/signals/feature_flags.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/workflows/signals/corpus_files.h"

namespace docket::workflows::signals {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

FeatureFlagSet MustParse(std::string_view json, const FeatureFlagLimits& limits = {}) {
  StatusOr<FeatureFlagSet> set = ParseFeatureFlags("flags.json", json, limits);
  EXPECT_TRUE(set.ok()) << set.status().ToString();
  return set.ok() ? *set : FeatureFlagSet{};
}

std::string ErrorOf(std::string_view json, const FeatureFlagLimits& limits = {}) {
  StatusOr<FeatureFlagSet> set = ParseFeatureFlags("flags.json", json, limits);
  if (set.ok()) return "";
  EXPECT_EQ(set.status().code(), StatusCode::kInvalidArgument);
  return set.status().message();
}

// The shape of flagd's own example file (https://flagd.dev), trimmed.
constexpr std::string_view kFlagdExample = R"({
  "$schema": "https://flagd.dev/schema/v0/flags.json",
  "flags": {
    "show-welcome-banner": {
      "state": "DISABLED",
      "variants": { "on": true, "off": false },
      "defaultVariant": "off"
    },
    "background-color": {
      "state": "ENABLED",
      "variants": { "red": "#FF0000", "blue": "#0000FF", "green": "#00FF00" },
      "defaultVariant": "red",
      "targeting": {
        "if": [ { "===": [ { "var": "company" }, "initech" ] }, "green" ]
      },
      "metadata": { "owner": "web", "ticket": 1234 }
    },
    "discount-rate": {
      "state": "ENABLED",
      "variants": { "none": 0, "small": 0.05, "big": 0.25 },
      "defaultVariant": "none",
      "targeting": {}
    },
    "checkout-config": {
      "state": "ENABLED",
      "variants": {
        "v2": { "steps": 2, "provider": { "name": "acme", "retries": 3 } },
        "v1": { "steps": 3 }
      },
      "defaultVariant": "v2",
      "targeting": { "$ref": "isBeta" }
    },
    "code-default": {
      "state": "ENABLED",
      "variants": { "on": true, "off": false },
      "defaultVariant": null
    }
  },
  "$evaluators": {
    "isBeta": { "in": [ "@beta.example.com", { "var": "email" } ] }
  },
  "metadata": { "flagSetId": "shop", "version": "42" }
}
)";

TEST(FeatureFlagsTest, ReadsTheFlagdFormat) {
  const FeatureFlagSet set = MustParse(kFlagdExample);
  ASSERT_EQ(set.flags.size(), 5u);
  EXPECT_EQ(set.flags[0].key, "background-color");
  EXPECT_EQ(set.flags[1].key, "checkout-config");
  EXPECT_EQ(set.flags[2].key, "code-default");
  EXPECT_EQ(set.flags[3].key, "discount-rate");
  EXPECT_EQ(set.flags[4].key, "show-welcome-banner");
  EXPECT_THAT(set.evaluator_names, ElementsAre("isBeta"));
  EXPECT_EQ(set.metadata.at("flagSetId"), "shop");

  const FeatureFlag& color = *set.Find("background-color");
  EXPECT_TRUE(color.enabled);
  EXPECT_EQ(color.value_type, FlagValueType::kString);
  EXPECT_THAT(color.variant_names, ElementsAre("blue", "green", "red"));
  EXPECT_EQ(color.default_variant, "red");
  EXPECT_EQ(color.default_value_json, "\"#FF0000\"");
  EXPECT_TRUE(color.has_targeting);
  EXPECT_EQ(color.metadata.at("ticket"), 1234);

  const FeatureFlag& config = *set.Find("checkout-config");
  EXPECT_EQ(config.value_type, FlagValueType::kObject);
  EXPECT_EQ(config.default_value_json, R"({"provider":{"name":"acme","retries":3},"steps":2})");
  EXPECT_TRUE(config.has_targeting);

  const FeatureFlag& none = *set.Find("code-default");
  EXPECT_EQ(none.default_variant, std::nullopt);
  EXPECT_EQ(none.default_value_json, std::nullopt);
  EXPECT_TRUE(none.default_value.is_null());

  const FeatureFlag& rate = *set.Find("discount-rate");
  EXPECT_EQ(rate.value_type, FlagValueType::kNumber);
  EXPECT_EQ(rate.default_value_json, "0");
  EXPECT_FALSE(rate.has_targeting);  // an empty targeting object is no rule

  const FeatureFlag& banner = *set.Find("show-welcome-banner");
  EXPECT_FALSE(banner.enabled);
  EXPECT_EQ(banner.value_type, FlagValueType::kBoolean);
  EXPECT_EQ(banner.default_value_json, "false");
  EXPECT_EQ(set.Find("missing"), nullptr);
}

TEST(FeatureFlagsTest, CanonicalJsonIsSortedAndStable) {
  const FeatureFlagSet set = MustParse(R"({"flags": {
    "b": {"state": "ENABLED", "variants": {"y": {"z": 1, "a": [true, null]}, "x": {}},
          "defaultVariant": "y", "metadata": {"team": "pay"}},
    "a": {"state": "DISABLED", "variants": {"on": true}}
  }, "metadata": {"version": "7"}})");
  EXPECT_EQ(ToCanonicalJson(set),
            R"({"evaluators":[],"flags":[)"
            R"({"default_value":null,"default_variant":null,"enabled":false,)"
            R"("has_targeting":false,"key":"a","metadata":{},"type":"boolean","variants":["on"]},)"
            R"({"default_value":{"a":[true,null],"z":1},"default_variant":"y","enabled":true,)"
            R"("has_targeting":false,"key":"b","metadata":{"team":"pay"},"type":"object",)"
            R"("variants":["x","y"]}],"metadata":{"version":"7"}})");
}

TEST(FeatureFlagsTest, AnEmptyFlagsObjectIsValid) {
  const FeatureFlagSet set = MustParse("\xEF\xBB\xBF{\"flags\": {}}\n");
  EXPECT_THAT(set.flags, IsEmpty());
}

TEST(FeatureFlagsTest, RejectsInvalidJsonWithLineAndColumn) {
  EXPECT_EQ(ErrorOf("{\n  \"flags\": {\n    \"a\": {\"state\": ENABLED}\n  }\n}"),
            "flags.json:3:20: invalid JSON here (syntax error)");
  EXPECT_EQ(ErrorOf("{\"flags\": {},}"), "flags.json:1:14: invalid JSON here (syntax error)");
  EXPECT_EQ(ErrorOf("{\"flags\": {} // comment\n}"),
            "flags.json:1:14: invalid JSON here (syntax error)");
  EXPECT_EQ(ErrorOf("{\"flags\": {\n"),
            "flags.json:2:1: the JSON ends before its value is complete (an object, array or "
            "string is not closed); the file looks truncated");
  EXPECT_EQ(ErrorOf("{\"flags\": {}}\n{\"flags\": {}}"),
            "flags.json:2:1: unexpected text after the JSON value; a file holds one JSON "
            "document");
  EXPECT_EQ(ErrorOf(""), "flags.json:1:1: the feature-flag file is empty; expected a JSON object");
  EXPECT_EQ(ErrorOf(" \n "),
            "flags.json:2:2: the feature-flag file is empty; expected a JSON object");
  EXPECT_EQ(ErrorOf("{\"flags\": {\"a\": {\"state\": \"ENABLED\", \"variants\": {\"n\": 1e999}}}}"),
            "flags.json:1:56: number 1e999 is out of range");
}

TEST(FeatureFlagsTest, RejectsDuplicateKeysAnywhere) {
  EXPECT_EQ(ErrorOf("{\n  \"flags\": {},\n  \"flags\": {}\n}"),
            "flags.json:3:3: duplicate key \"flags\" in one object; keep only one of them");
  EXPECT_EQ(
      ErrorOf(R"({"flags": {"a": {"state": "ENABLED", "variants": {"on": true, "on": false}}}})"),
      "flags.json:1:63: duplicate key \"on\" in one object; keep only one of them");
  // Deep inside targeting, where keys are not located, the duplicate is still found.
  EXPECT_EQ(ErrorOf("{\"flags\": {\"a\": {\"state\": \"ENABLED\", \"variants\": {\"on\": true},\n"
                    "\"targeting\": {\"if\": [{\"==\": [1, 1], \"==\": [2, 2]}, \"on\"]}}}}"),
            "flags.json:2:37: duplicate key \"==\" in one object; keep only one of them");
  // A key written with escapes is still a duplicate of the same key written plainly.
  EXPECT_THAT(ErrorOf(R"({"flags": {}, "fl\u0061gs": {}})"),
              ::testing::EndsWith("duplicate key \"flags\" in one object; keep only one of them"));
}

TEST(FeatureFlagsTest, RejectsUnknownFields) {
  EXPECT_EQ(ErrorOf("{\n  \"flags\": {},\n  \"flagz\": 1\n}"),
            "flags.json:3:3: unknown field \"flagz\" in the top-level object (did you mean "
            "\"flags\"?); expected \"$schema\", \"flags\", \"$evaluators\" or \"metadata\"");
  EXPECT_EQ(ErrorOf("{\"flags\": {\"a\": {\"state\": \"ENABLED\", \"variants\": {\"on\": true},\n"
                    "  \"defaultvariant\": \"on\"}}}"),
            "flags.json:2:3: unknown field \"defaultvariant\" in flag \"a\" (did you mean "
            "\"defaultVariant\"?); expected \"state\", \"variants\", \"defaultVariant\", "
            "\"targeting\" or \"metadata\"");
}

TEST(FeatureFlagsTest, RejectsBadFlagShapes) {
  EXPECT_EQ(ErrorOf("[]"),
            "flags.json:1:1: expected a JSON object with a \"flags\" object, not an array");
  EXPECT_EQ(ErrorOf("{}"),
            "flags.json:1:1: no \"flags\" object; a flagd file defines its flags under \"flags\"");
  EXPECT_EQ(ErrorOf(R"({"flags": [{"key": "a"}]})"),
            "flags.json:1:2: \"flags\" must be an object keyed by flag key, not an array (the "
            "array form is only for flagd imports)");
  EXPECT_EQ(ErrorOf(R"({"flags": {"": {}}})"), "flags.json:1:12: a flag key must not be empty");
  EXPECT_EQ(ErrorOf(R"({"flags": {"a": true}})"),
            "flags.json:1:12: flag \"a\" must be an object, not a boolean");
  EXPECT_EQ(ErrorOf(R"({"flags": {"a": {"variants": {"on": true}}}})"),
            "flags.json:1:12: flag \"a\" has no \"state\"; set it to \"ENABLED\" or \"DISABLED\"");
  EXPECT_EQ(ErrorOf(R"({"flags": {"a": {"state": "enabled", "variants": {"on": true}}}})"),
            "flags.json:1:18: flag \"a\": \"state\" is \"enabled\"; expected \"ENABLED\" or "
            "\"DISABLED\"");
  EXPECT_EQ(ErrorOf(R"({"flags": {"a": {"state": true, "variants": {"on": true}}}})"),
            "flags.json:1:18: flag \"a\": \"state\" is a boolean; expected \"ENABLED\" or "
            "\"DISABLED\"");
  EXPECT_EQ(ErrorOf(R"({"flags": {"a": {"state": "ENABLED"}}})"),
            "flags.json:1:12: flag \"a\" has no \"variants\"; list its values, e.g. "
            "{\"on\": true, \"off\": false}");
  EXPECT_EQ(ErrorOf(R"({"flags": {"a": {"state": "ENABLED", "variants": {}}}})"),
            "flags.json:1:38: flag \"a\": \"variants\" must be a non-empty object of variant "
            "name to value, not an empty object");
  EXPECT_EQ(ErrorOf(R"({"flags": {"a": {"state": "ENABLED", "variants": {"": true}}}})"),
            "flags.json:1:51: flag \"a\" has a variant with an empty name");
  EXPECT_EQ(ErrorOf(R"({"flags": {"a": {"state": "ENABLED", "variants": {"on": [1]}}}})"),
            "flags.json:1:51: flag \"a\": variant \"on\" is an array; variant values must be "
            "booleans, strings, numbers or objects");
  EXPECT_EQ(ErrorOf(R"({"flags": {"a": {"state": "ENABLED", "variants": {"on": null}}}})"),
            "flags.json:1:51: flag \"a\": variant \"on\" is null; variant values must be "
            "booleans, strings, numbers or objects");
}

TEST(FeatureFlagsTest, RejectsMixedVariantTypes) {
  EXPECT_EQ(ErrorOf("{\"flags\": {\"a\": {\"state\": \"ENABLED\", \"variants\": {\n"
                    "  \"on\": true,\n  \"off\": \"false\"}}}}"),
            "flags.json:3:3: flag \"a\": variant \"off\" is a string but variant \"on\" is a "
            "boolean; all variants of a flag must have one type");
  // Integers and decimals are both numbers.
  EXPECT_EQ(
      ErrorOf(R"({"flags": {"a": {"state": "ENABLED", "variants": {"x": 1, "y": 0.5, "z": -2}}}})"),
      "");
}

TEST(FeatureFlagsTest, RejectsADefaultVariantThatIsNotAVariant) {
  EXPECT_EQ(ErrorOf("{\"flags\": {\"new-checkout\": {\n  \"state\": \"ENABLED\",\n"
                    "  \"variants\": {\"on\": true, \"off\": false},\n"
                    "  \"defaultVariant\": \"of\"\n}}}"),
            "flags.json:4:3: flag \"new-checkout\": defaultVariant \"of\" is not one of its "
            "variants (did you mean \"off\"?); expected \"off\" or \"on\"");
  EXPECT_EQ(
      ErrorOf(
          R"({"flags": {"a": {"state": "ENABLED", "variants": {"on": true}, "defaultVariant": true}}})"),
      "flags.json:1:64: flag \"a\": \"defaultVariant\" must be a variant name or null, "
      "not a boolean");
}

TEST(FeatureFlagsTest, RejectsBadTargetingMetadataAndEvaluators) {
  EXPECT_EQ(
      ErrorOf(
          R"({"flags": {"a": {"state": "ENABLED", "variants": {"on": true}, "targeting": "on"}}})"),
      "flags.json:1:64: flag \"a\": \"targeting\" must be an object (a JsonLogic rule), "
      "not a string");
  EXPECT_EQ(
      ErrorOf(
          R"({"flags": {"a": {"state": "ENABLED", "variants": {"on": true}, "metadata": {"x": [1]}}}})"),
      "flags.json:1:77: flag \"a\": metadata \"x\" is an array; metadata values must be "
      "strings, numbers or booleans");
  EXPECT_EQ(ErrorOf(R"({"flags": {}, "metadata": []})"),
            "flags.json:1:15: \"metadata\" must be an object, not an array");
  EXPECT_EQ(ErrorOf(R"({"flags": {}, "$evaluators": {"beta": true}})"),
            "flags.json:1:31: evaluator \"beta\" must be an object (a JsonLogic rule), not a "
            "boolean");
  EXPECT_EQ(ErrorOf(R"({"flags": {}, "$schema": 1})"),
            "flags.json:1:15: \"$schema\" must be a string, not a number");
}

TEST(FeatureFlagsTest, RejectsInvalidUtf8) {
  EXPECT_EQ(ErrorOf("{\"flags\": {\"caf\xC3\x28\": {}}}"),
            "flags.json:1:16: invalid UTF-8 (byte 0xC3 is not part of a well-formed sequence); "
            "save the feature-flag file as UTF-8");
}

TEST(FeatureFlagsTest, EnforcesCaps) {
  FeatureFlagLimits limits;
  limits.max_bytes = 10;
  EXPECT_EQ(ErrorOf(R"({"flags": {}})", limits),
            "flags.json: the feature-flag file is 13 bytes, over the limit of 10 bytes");
  limits = FeatureFlagLimits{};
  limits.max_flags = 1;
  EXPECT_EQ(ErrorOf(R"({"flags": {"a": {"state": "ENABLED", "variants": {"on": true}},
                               "b": {"state": "ENABLED", "variants": {"on": true}}}})",
                    limits),
            "flags.json:1:2: the file defines 2 flags, over the limit of 1");
  limits = FeatureFlagLimits{};
  limits.max_depth = 4;
  EXPECT_EQ(
      ErrorOf(R"({"flags": {"a": {"state": "ENABLED", "variants": {"on": {"x": {}}}}}})", limits),
      "flags.json:1:57: values are nested deeper than 4 levels");
  // Far deeper than the default cap: refused, without recursion trouble.
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  EXPECT_EQ(ErrorOf(deep), "flags.json:1:65: values are nested deeper than 64 levels");
}

TEST(FeatureFlagsTest, SeedCorpusParsesAsItsNamesSay) {
  const std::vector<std::string> valid = {"bom.json", "empty_flags.json", "flagd_example.json"};
  const auto corpus = testing::ReadCorpus("feature_flags_signal");
  ASSERT_GE(corpus.size(), 10u);
  for (const auto& [name, bytes] : corpus) {
    const bool expect_ok = std::find(valid.begin(), valid.end(), name) != valid.end();
    EXPECT_EQ(ParseFeatureFlags(name, bytes).ok(), expect_ok) << name;
  }
}

}  // namespace
}  // namespace docket::workflows::signals
