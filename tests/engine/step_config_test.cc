#include "engine/step_config.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "engine/workflow_parser.h"
#include "tests/testing/test_steps.h"

namespace docket::engine {
namespace {

using namespace std::chrono_literals;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;

const SourcePos kStepPos{"wf.yaml", 7, 5};

ConfigNode Yaml(std::string_view text) {
  std::vector<Diagnostic> diags;
  std::optional<ConfigNode> node = ParseYamlTree("cfg.yaml", text, diags);
  EXPECT_TRUE(node.has_value()) << test::DiagnosticsText(diags);
  return node.value_or(ConfigNode{});
}

ConfigSchema Schema() { return test::ConfiguredSchema(); }

struct Built {
  std::optional<StepConfig> config;
  std::vector<Diagnostic> diags;
};

Built Build(std::string_view yaml, const ConfigSchema& schema = Schema()) {
  Built b;
  b.config = StepConfig::Build(schema, Yaml(yaml), kStepPos, b.diags);
  return b;
}

TEST(StepConfigTest, EveryTypeParses) {
  Built b = Build(
      "label: green\n"
      "count: 42\n"
      "ratio: 0.25\n"
      "verbose: true\n"
      "wait: 1m30s\n"
      "tags: [a, b, c]\n"
      "extra: {nested: [1, 2]}\n");
  ASSERT_TRUE(b.config) << test::DiagnosticsText(b.diags);
  EXPECT_THAT(b.diags, IsEmpty());
  const StepConfig& c = *b.config;
  EXPECT_EQ(c.GetString("label"), "green");
  EXPECT_EQ(c.GetInt("count"), 42);
  EXPECT_DOUBLE_EQ(c.GetDouble("ratio"), 0.25);
  EXPECT_TRUE(c.GetBool("verbose"));
  EXPECT_EQ(c.GetDuration("wait"), Duration(90s));
  EXPECT_THAT(c.GetStringList("tags"), ElementsAre("a", "b", "c"));
  const ConfigNode& extra = c.GetTree("extra");
  ASSERT_EQ(extra.kind, ConfigNode::Kind::kMap);
  ASSERT_NE(extra.Find("nested"), nullptr);
  EXPECT_THAT(extra.Find("nested")->list, SizeIs(2));
  EXPECT_TRUE(c.Has("tags"));
}

TEST(StepConfigTest, DefaultsAreFilledAndOptionalFieldsLeftOut) {
  Built b = Build("count: 3\n");
  ASSERT_TRUE(b.config) << test::DiagnosticsText(b.diags);
  const StepConfig& c = *b.config;
  EXPECT_EQ(c.GetString("label"), "red");
  EXPECT_DOUBLE_EQ(c.GetDouble("ratio"), 0.5);
  EXPECT_FALSE(c.GetBool("verbose"));
  EXPECT_EQ(c.GetDuration("wait"), Duration(1s));
  EXPECT_FALSE(c.Has("tags"));
  EXPECT_FALSE(c.Has("extra"));
}

TEST(StepConfigTest, ScalarIsAListOfOne) {
  Built b = Build("count: 1\ntags: solo\n");
  ASSERT_TRUE(b.config) << test::DiagnosticsText(b.diags);
  EXPECT_THAT(b.config->GetStringList("tags"), ElementsAre("solo"));
}

TEST(StepConfigTest, NullConfigWithNoRequiredFieldsIsEmpty) {
  ConfigSchema schema;
  schema.fields = {{.name = "x", .type = ConfigType::kInt, .default_value = "5"}};
  std::vector<Diagnostic> diags;
  std::optional<StepConfig> c = StepConfig::Build(schema, ConfigNode{}, kStepPos, diags);
  ASSERT_TRUE(c) << test::DiagnosticsText(diags);
  EXPECT_EQ(c->GetInt("x"), 5);
  EXPECT_EQ(c->PosOf("x").line, kStepPos.line);  // defaults point at the step
}

TEST(StepConfigTest, RequiredMissingInAMapPointsAtTheMap) {
  Built b = Build("label: blue\nverbose: true\n");
  EXPECT_FALSE(b.config);
  ASSERT_THAT(b.diags, SizeIs(1));
  EXPECT_EQ(b.diags[0].message, "missing required config `count`");
  EXPECT_EQ(b.diags[0].hint, "count: how many rows");
  EXPECT_EQ(b.diags[0].pos.file, "cfg.yaml");
  EXPECT_EQ(b.diags[0].pos.line, 1);
  EXPECT_EQ(b.diags[0].pos.column, 1);
}

TEST(StepConfigTest, RequiredMissingWithoutConfigPointsAtTheStep) {
  std::vector<Diagnostic> diags;
  EXPECT_FALSE(StepConfig::Build(Schema(), ConfigNode{}, kStepPos, diags));
  ASSERT_THAT(diags, SizeIs(1));
  EXPECT_EQ(diags[0].pos.ToString(), "wf.yaml:7:5");
  EXPECT_EQ(diags[0].ToString(),
            "wf.yaml:7:5: error: missing required config `count` (count: how many rows)");
}

TEST(StepConfigTest, UnknownKeyListsKnownKeys) {
  Built b = Build("count: 1\ncolour: red\n");
  EXPECT_FALSE(b.config);
  ASSERT_THAT(b.diags, SizeIs(1));
  EXPECT_EQ(b.diags[0].message, "unknown config key `colour`");
  EXPECT_EQ(b.diags[0].hint, "known keys: label, count, ratio, verbose, wait, tags, extra");
  EXPECT_EQ(b.diags[0].pos.line, 2);
  EXPECT_EQ(b.diags[0].pos.column, 9);
}

TEST(StepConfigTest, UnknownKeyWhenTheTypeTakesNoConfig) {
  Built b = Build("anything: 1\n", ConfigSchema{});
  EXPECT_FALSE(b.config);
  ASSERT_THAT(b.diags, SizeIs(1));
  EXPECT_EQ(b.diags[0].hint, "this step type takes no config");
}

TEST(StepConfigTest, ConfigMustBeAMap) {
  Built b = Build("[1, 2]\n");
  EXPECT_FALSE(b.config);
  ASSERT_THAT(b.diags, SizeIs(1));
  EXPECT_EQ(b.diags[0].message, "`config` must be a map, found a list");
}

TEST(StepConfigTest, TypeErrorsNamePositions) {
  Built b = Build(
      "count: twelve\n"
      "ratio: half\n"
      "verbose: yes\n"
      "wait: soon\n"
      "label: [red]\n"
      "tags: [{a: 1}]\n");
  EXPECT_FALSE(b.config);
  ASSERT_THAT(b.diags, SizeIs(6));
  EXPECT_EQ(b.diags[0].ToString(),
            "cfg.yaml:1:8: error: config `count`: \"twelve\" is not an integer");
  EXPECT_EQ(b.diags[1].ToString(), "cfg.yaml:2:8: error: config `ratio`: \"half\" is not a number");
  EXPECT_EQ(
      b.diags[2].ToString(),
      "cfg.yaml:3:10: error: config `verbose`: \"yes\" is not a boolean (write true or false)");
  EXPECT_EQ(b.diags[3].message, "config `wait`: \"soon\" is not a duration");
  EXPECT_EQ(b.diags[3].pos.line, 4);
  EXPECT_EQ(b.diags[3].pos.column, 7);
  EXPECT_EQ(b.diags[4].message, "config `label`: expected a string, found a list");
  EXPECT_EQ(b.diags[4].pos.line, 5);
  EXPECT_EQ(b.diags[4].pos.column, 8);
  EXPECT_EQ(b.diags[5].message, "config `tags`: list items must be scalars");
  EXPECT_EQ(b.diags[5].pos.line, 6);
}

TEST(StepConfigTest, IntegersAreStrict) {
  for (const char* bad : {"1.5", "0x10", "1e3", "12abc", "99999999999999999999", "\"\""}) {
    Built b = Build(std::string("count: ") + bad + "\n");
    EXPECT_FALSE(b.config) << bad;
  }
  Built negative = Build("count: -1\n");
  EXPECT_FALSE(negative.config);
}

TEST(StepConfigTest, DoublesRejectNonFinite) {
  for (const char* bad : {"inf", "nan", "-inf", "1e999"}) {
    Built b = Build(std::string("count: 1\nratio: ") + bad + "\n");
    EXPECT_FALSE(b.config) << bad;
  }
}

TEST(StepConfigTest, RangesAreInclusive) {
  EXPECT_TRUE(Build("count: 0\n").config);
  EXPECT_TRUE(Build("count: 100\n").config);
  EXPECT_TRUE(Build("count: 1\nratio: 1\n").config);
  EXPECT_TRUE(Build("count: 1\nwait: 1h\n").config);

  Built over = Build("count: 101\n");
  ASSERT_THAT(over.diags, SizeIs(1));
  EXPECT_EQ(over.diags[0].message, "config `count`: 101 is out of range");
  EXPECT_THAT(over.diags[0].hint, HasSubstr("use a value in [0"));
  EXPECT_THAT(over.diags[0].hint, HasSubstr("100"));
  EXPECT_EQ(over.diags[0].pos.line, 1);
  EXPECT_EQ(over.diags[0].pos.column, 8);

  EXPECT_FALSE(Build("count: 1\nratio: 1.0001\n").config);
  EXPECT_FALSE(Build("count: 1\nratio: -0.1\n").config);
  Built long_wait = Build("count: 1\nwait: 1h1s\n");  // max is 3600 seconds
  ASSERT_THAT(long_wait.diags, SizeIs(1));
  EXPECT_EQ(long_wait.diags[0].message, "config `wait`: 1h1s is out of range");
}

TEST(StepConfigTest, OneOf) {
  Built b = Build("count: 1\nlabel: purple\n");
  EXPECT_FALSE(b.config);
  ASSERT_THAT(b.diags, SizeIs(1));
  EXPECT_EQ(b.diags[0].message, "config `label`: \"purple\" is not allowed");
  EXPECT_EQ(b.diags[0].hint, "use one of: red, green, blue");
  EXPECT_EQ(b.diags[0].pos.line, 2);
  EXPECT_EQ(b.diags[0].pos.column, 8);
}

TEST(StepConfigTest, CollectsEveryProblem) {
  Built b = Build("colour: red\nlabel: purple\nratio: 2\n");
  EXPECT_FALSE(b.config);
  EXPECT_THAT(b.diags, SizeIs(4));  // unknown key, one_of, range, missing count
}

TEST(StepConfigTest, AppendsToExistingDiagnostics) {
  std::vector<Diagnostic> diags = {{SourcePos{"x", 1, 1}, "earlier", ""}};
  std::optional<StepConfig> c = StepConfig::Build(Schema(), Yaml("count: 1\n"), kStepPos, diags);
  EXPECT_TRUE(c);  // an earlier, unrelated diagnostic does not fail this config
  EXPECT_THAT(diags, SizeIs(1));
}

TEST(StepConfigTest, PositionsAndErrorAt) {
  Built b = Build("label: blue\ncount: 13\n");
  ASSERT_TRUE(b.config);
  EXPECT_EQ(b.config->PosOf("count").ToString(), "cfg.yaml:2:8");
  EXPECT_EQ(b.config->PosOf("ratio").ToString(), "wf.yaml:7:5");  // default
  const Diagnostic d = b.config->ErrorAt("count", "13 is unlucky", "pick another");
  EXPECT_EQ(d.ToString(), "cfg.yaml:2:8: error: config `count`: 13 is unlucky (pick another)");
}

TEST(StepConfigTest, DigestIsStable) {
  Built a = Build("count: 5\nlabel: blue\ntags: [x, y]\n");
  Built b = Build("label: blue\ntags: [x, y]\ncount: 5\n");  // other key order
  Built c = Build("count: 05\nlabel: \"blue\"\ntags:\n  - x\n  - y\nratio: 0.50\n");
  ASSERT_TRUE(a.config && b.config && c.config);
  EXPECT_EQ(a.config->digest(), b.config->digest());
  EXPECT_EQ(a.config->digest(), c.config->digest());
  EXPECT_EQ(a.config->canonical_bytes(), c.config->canonical_bytes());
  EXPECT_EQ(a.config->digest(), Sha256(a.config->canonical_bytes()));
  // Writing a default explicitly resolves to the same value.
  Built d = Build("count: 5\nlabel: blue\ntags: [x, y]\nwait: 1000ms\nverbose: false\n");
  ASSERT_TRUE(d.config);
  EXPECT_EQ(a.config->digest(), d.config->digest());
}

TEST(StepConfigTest, DigestIsSensitiveToEveryValue) {
  const std::string base = "count: 5\ntags: [x, y]\n";
  Built ref = Build(base);
  ASSERT_TRUE(ref.config);
  const char* variants[] = {
      "count: 6\ntags: [x, y]\n",
      "count: 5\ntags: [y, x]\n",
      "count: 5\ntags: [xy]\n",
      "count: 5\ntags: [x, y, \"\"]\n",
      "count: 5\ntags: [x, y]\nlabel: green\n",
      "count: 5\ntags: [x, y]\nratio: 0.25\n",
      "count: 5\ntags: [x, y]\nverbose: true\n",
      "count: 5\ntags: [x, y]\nwait: 2s\n",
      "count: 5\n",
      "count: 5\ntags: [x, y]\nextra: 1\n",
  };
  for (const char* v : variants) {
    Built other = Build(v);
    ASSERT_TRUE(other.config) << v << test::DiagnosticsText(other.diags);
    EXPECT_NE(other.config->digest(), ref.config->digest()) << v;
  }
  // Trees are compared by content.
  Built t1 = Build("count: 5\nextra: {a: [1, 2]}\n");
  Built t2 = Build("count: 5\nextra: {a: [1, 2]}\n");
  Built t3 = Build("count: 5\nextra: {a: [1, 3]}\n");
  EXPECT_EQ(t1.config->digest(), t2.config->digest());
  EXPECT_NE(t1.config->digest(), t3.config->digest());
}

TEST(StepConfigTest, DigestSeparatesTypes) {
  ConfigSchema as_string;
  as_string.fields = {{.name = "v", .type = ConfigType::kString}};
  ConfigSchema as_int;
  as_int.fields = {{.name = "v", .type = ConfigType::kInt}};
  ConfigSchema as_list;
  as_list.fields = {{.name = "v", .type = ConfigType::kStringList}};
  Built s = Build("v: 7\n", as_string);
  Built i = Build("v: 7\n", as_int);
  Built l = Build("v: 7\n", as_list);
  ASSERT_TRUE(s.config && i.config && l.config);
  EXPECT_NE(s.config->digest(), i.config->digest());
  EXPECT_NE(s.config->digest(), l.config->digest());
}

TEST(ParseDurationTest, Valid) {
  EXPECT_EQ(ParseDuration("1h30m"), Duration(90min));
  EXPECT_EQ(ParseDuration("250ms"), Duration(250ms));
  EXPECT_EQ(ParseDuration("2d"), Duration(48h));
  EXPECT_EQ(ParseDuration("45s"), Duration(45s));
  EXPECT_EQ(ParseDuration("5m"), Duration(5min));
  EXPECT_EQ(ParseDuration("10us"), Duration(10us));
  EXPECT_EQ(ParseDuration("1m30s"), Duration(90s));
  EXPECT_EQ(ParseDuration("1s500ms"), Duration(1500ms));
  EXPECT_EQ(ParseDuration("0s"), Duration(0));
  EXPECT_EQ(ParseDuration("36500d"), Duration(std::chrono::hours(24 * 36500)));
}

TEST(ParseDurationTest, Invalid) {
  for (const char* bad : {"", "5", "s", "h1", "5x", "1.5h", "-5s", "+5s", "5 s", " 5s", "5s ",
                          "1h30", "5S", "5sec", "1h-30m", "36501d", "9999999999999s"}) {
    EXPECT_EQ(ParseDuration(bad), std::nullopt) << bad;
  }
}

TEST(ParseDurationTest, HugeValuesAreRejectedWithoutOverflow) {
  // Twelve digits times the largest unit would overflow int64 microseconds.
  EXPECT_EQ(ParseDuration("999999999999d"), std::nullopt);
  EXPECT_EQ(ParseDuration("999999999999h"), std::nullopt);
  EXPECT_EQ(ParseDuration("999999999999m"), std::nullopt);
  EXPECT_EQ(ParseDuration("36500d36500d"), std::nullopt);
}

TEST(FormatDurationTest, ExactWithHoursAsTheLargestUnit) {
  EXPECT_EQ(FormatDuration(Duration(0)), "0s");
  EXPECT_EQ(FormatDuration(Duration(90min)), "1h30m");
  EXPECT_EQ(FormatDuration(Duration(250ms)), "250ms");
  EXPECT_EQ(FormatDuration(Duration(48h)), "48h");
  EXPECT_EQ(FormatDuration(*ParseDuration("1d1h1m1s1ms1us")), "25h1m1s1ms1us");
  EXPECT_EQ(FormatDuration(Duration(1500ms)), "1s500ms");
  EXPECT_EQ(FormatDuration(Duration(-5s)), "-5s");
  EXPECT_EQ(FormatDuration(Duration(1)), "1us");
  for (const char* text : {"1h30m", "250ms", "48h", "1h1m1s1ms1us", "5s", "100h"}) {
    EXPECT_EQ(FormatDuration(*ParseDuration(text)), text);
  }
}

TEST(ConfigTypeNameTest, Names) {
  EXPECT_EQ(ConfigTypeName(ConfigType::kDuration), "a duration");
  EXPECT_EQ(ConfigTypeName(ConfigType::kStringList), "a list of strings");
}

}  // namespace
}  // namespace docket::engine
