#include "engine/workflow_parser.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "tests/testing/test_steps.h"

namespace docket::engine {
namespace {

using namespace std::chrono_literals;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Pair;
using ::testing::SizeIs;
using ::testing::StartsWith;

constexpr char kPath[] = "flows/triage.yaml";

constexpr char kValid[] = R"(version: 1
name: feedback-triage
description: Test workflow
params:
  release:
    required: true
    doc: release tag
  threshold:
    default: "0.5"
  dry_run:
inputs:
  feedback:
    kind: test.text
    default: [a.txt, b.txt]
    doc: customer feedback
  notes:
    kind: test.text
    default: notes.txt
steps:
  - id: load
    type: test.concat
    inputs:
      in: [inputs.feedback, inputs.notes]
  - id: shout
    type: test.upper
    inputs:
      in: load.out
    config:
      x: 1
    retry:
      max_attempts: 3
      initial_backoff: 100ms
      max_backoff: 2s
      multiplier: 3
    timeout: 30s
    doc: shouts
outputs:
  decision: shout.out
schedule:
  cron: "0 6 * * 1-5"
  timezone: "+02:00"
  params:
    release: nightly
)";

struct Parsed {
  std::optional<WorkflowDefinition> def;
  std::vector<Diagnostic> diags;
};

Parsed Parse(std::string_view yaml) {
  Parsed p;
  p.def = ParseWorkflow(kPath, yaml, p.diags);
  return p;
}

// Parses `yaml`, expects failure with exactly one diagnostic and returns it.
Diagnostic OnlyError(std::string_view yaml) {
  Parsed p = Parse(yaml);
  EXPECT_FALSE(p.def.has_value());
  EXPECT_THAT(p.diags, SizeIs(1)) << test::DiagnosticsText(p.diags);
  if (p.diags.empty()) return {};
  return p.diags.front();
}

std::string Where(const Diagnostic& d) { return d.pos.ToString(); }

// A minimal valid prefix; tests append the part under test.
std::string WithSteps(std::string_view steps) {
  return "version: 1\nname: wf\nsteps:\n" + std::string(steps);
}

TEST(WorkflowParserTest, ValidFileParses) {
  Parsed p = Parse(kValid);
  ASSERT_TRUE(p.def) << test::DiagnosticsText(p.diags);
  EXPECT_THAT(p.diags, IsEmpty());
  const WorkflowDefinition& def = *p.def;
  EXPECT_EQ(def.path, kPath);
  EXPECT_EQ(def.bytes, kValid);
  EXPECT_EQ(def.digest, Sha256(kValid));
  EXPECT_EQ(def.version, 1);
  EXPECT_EQ(def.name, "feedback-triage");
  EXPECT_EQ(def.description, "Test workflow");

  ASSERT_THAT(def.params, SizeIs(3));
  EXPECT_EQ(def.params[0].name, "release");
  EXPECT_TRUE(def.params[0].required);
  EXPECT_EQ(def.params[0].default_value, std::nullopt);
  EXPECT_EQ(def.params[0].doc, "release tag");
  EXPECT_EQ(def.params[0].pos.ToString(), "flows/triage.yaml:6:5");
  EXPECT_EQ(def.params[1].name, "threshold");
  EXPECT_FALSE(def.params[1].required);
  EXPECT_EQ(def.params[1].default_value, "0.5");
  EXPECT_EQ(def.params[2].name, "dry_run");
  EXPECT_FALSE(def.params[2].required);
  EXPECT_EQ(def.params[2].default_value, std::nullopt);
  EXPECT_EQ(def.params[2].pos.ToString(), "flows/triage.yaml:10:3");  // null: the key

  ASSERT_THAT(def.inputs, SizeIs(2));
  EXPECT_EQ(def.inputs[0].name, "feedback");
  EXPECT_EQ(def.inputs[0].kind, "test.text");
  EXPECT_THAT(def.inputs[0].defaults, ElementsAre("a.txt", "b.txt"));
  EXPECT_EQ(def.inputs[0].doc, "customer feedback");
  EXPECT_EQ(def.inputs[0].pos.ToString(), "flows/triage.yaml:13:5");
  EXPECT_EQ(def.inputs[1].name, "notes");
  EXPECT_THAT(def.inputs[1].defaults, ElementsAre("notes.txt"));

  ASSERT_THAT(def.steps, SizeIs(2));
  const StepDefinition& load = def.steps[0];
  EXPECT_EQ(load.id, "load");
  EXPECT_EQ(load.type, "test.concat");
  EXPECT_EQ(load.pos.ToString(), "flows/triage.yaml:20:5");
  EXPECT_EQ(load.type_pos.ToString(), "flows/triage.yaml:21:11");
  ASSERT_THAT(load.inputs, SizeIs(1));
  EXPECT_EQ(load.inputs[0].first, "in");
  ASSERT_THAT(load.inputs[0].second, SizeIs(2));
  EXPECT_EQ(load.inputs[0].second[0].source, "inputs");
  EXPECT_EQ(load.inputs[0].second[0].port, "feedback");
  EXPECT_TRUE(load.inputs[0].second[0].IsWorkflowInput());
  EXPECT_EQ(load.inputs[0].second[0].pos.ToString(), "flows/triage.yaml:23:12");
  EXPECT_EQ(load.inputs[0].second[1].ToString(), "inputs.notes");
  EXPECT_EQ(load.inputs[0].second[1].pos.ToString(), "flows/triage.yaml:23:29");
  EXPECT_EQ(load.config.kind, ConfigNode::Kind::kNull);
  EXPECT_EQ(load.retry.max_attempts, 1);
  EXPECT_EQ(load.retry.initial_backoff, Duration(200ms));
  EXPECT_EQ(load.retry.max_backoff, Duration(10s));
  EXPECT_EQ(load.retry.multiplier, 2.0);
  EXPECT_EQ(load.timeout, std::nullopt);

  const StepDefinition& shout = def.steps[1];
  EXPECT_EQ(shout.id, "shout");
  ASSERT_THAT(shout.inputs, SizeIs(1));
  ASSERT_THAT(shout.inputs[0].second, SizeIs(1));
  EXPECT_EQ(shout.inputs[0].second[0].source, "load");
  EXPECT_EQ(shout.inputs[0].second[0].port, "out");
  EXPECT_FALSE(shout.inputs[0].second[0].IsWorkflowInput());
  EXPECT_EQ(shout.inputs[0].second[0].pos.ToString(), "flows/triage.yaml:27:11");
  ASSERT_EQ(shout.config.kind, ConfigNode::Kind::kMap);
  ASSERT_NE(shout.config.Find("x"), nullptr);
  EXPECT_EQ(shout.config.Find("x")->scalar, "1");
  EXPECT_EQ(shout.config.pos.ToString(), "flows/triage.yaml:29:7");
  EXPECT_EQ(shout.retry.max_attempts, 3);
  EXPECT_EQ(shout.retry.initial_backoff, Duration(100ms));
  EXPECT_EQ(shout.retry.max_backoff, Duration(2s));
  EXPECT_EQ(shout.retry.multiplier, 3.0);
  EXPECT_EQ(shout.timeout, Duration(30s));

  ASSERT_THAT(def.outputs, SizeIs(1));
  EXPECT_EQ(def.outputs[0].name, "decision");
  EXPECT_EQ(def.outputs[0].ref.ToString(), "shout.out");
  EXPECT_EQ(def.outputs[0].ref.pos.ToString(), "flows/triage.yaml:38:13");

  ASSERT_TRUE(def.schedule);
  EXPECT_EQ(def.schedule->cron, "0 6 * * 1-5");
  EXPECT_EQ(def.schedule->timezone, "+02:00");
  EXPECT_THAT(def.schedule->params, ElementsAre(Pair("release", "nightly")));
  EXPECT_EQ(def.schedule->pos.ToString(), "flows/triage.yaml:40:3");
}

TEST(WorkflowParserTest, MinimalFileUsesDefaults) {
  Parsed p = Parse(WithSteps("  - id: a\n    type: test.source\n"));
  ASSERT_TRUE(p.def) << test::DiagnosticsText(p.diags);
  EXPECT_THAT(p.def->params, IsEmpty());
  EXPECT_THAT(p.def->inputs, IsEmpty());
  EXPECT_THAT(p.def->outputs, IsEmpty());
  EXPECT_FALSE(p.def->schedule);
  EXPECT_EQ(p.def->description, "");
}

TEST(WorkflowParserTest, ScheduleTimezoneDefaultsToUtc) {
  Parsed p = Parse(WithSteps("  - id: a\n    type: t\n") + "schedule:\n  cron: \"* * * * *\"\n");
  ASSERT_TRUE(p.def) << test::DiagnosticsText(p.diags);
  EXPECT_EQ(p.def->schedule->timezone, "UTC");
}

TEST(WorkflowParserTest, YamlSyntaxError) {
  const Diagnostic d = OnlyError("version: 1\nname: wf\nsteps:\n  - id: a\n    type: [unclosed\n");
  EXPECT_THAT(d.message, StartsWith("YAML syntax error: "));
  EXPECT_EQ(d.hint, "check indentation and quoting near this position");
  EXPECT_EQ(Where(d), "flows/triage.yaml:6:1");
}

TEST(WorkflowParserTest, YamlSyntaxErrorBadIndentation) {
  const Diagnostic d = OnlyError("version: 1\nname: wf\n  bad: indent\nsteps: []\n");
  EXPECT_THAT(d.message, StartsWith("YAML syntax error: "));
  EXPECT_EQ(Where(d), "flows/triage.yaml:3:6");
}

TEST(WorkflowParserTest, NotAMap) {
  Diagnostic d = OnlyError("- a\n- b\n");
  EXPECT_EQ(d.ToString(),
            "flows/triage.yaml:1:1: error: a workflow file must be a YAML map (start with "
            "`version: 1`)");
  d = OnlyError("");
  EXPECT_EQ(Where(d), "flows/triage.yaml:1:1");
  EXPECT_EQ(d.message, "a workflow file must be a YAML map");
  d = OnlyError("# only a comment\n");
  EXPECT_EQ(d.message, "a workflow file must be a YAML map");
}

TEST(WorkflowParserTest, UnknownTopLevelKey) {
  const Diagnostic d = OnlyError(WithSteps("  - id: a\n    type: t\n") + "outptus: a.out\n");
  EXPECT_EQ(d.message, "unknown key `outptus`");
  EXPECT_EQ(d.hint,
            "known keys here: version, name, description, params, inputs, steps, outputs, "
            "schedule");
  EXPECT_EQ(Where(d), "flows/triage.yaml:6:10");
}

TEST(WorkflowParserTest, UnknownStepKey) {
  const Diagnostic d = OnlyError(WithSteps("  - id: a\n    type: t\n    tiemout: 5s\n"));
  EXPECT_EQ(d.message, "unknown key `tiemout`");
  EXPECT_THAT(d.hint, HasSubstr("id, type, inputs, config, retry, timeout, doc"));
  EXPECT_EQ(Where(d), "flows/triage.yaml:6:14");
}

TEST(WorkflowParserTest, MissingVersion) {
  const Diagnostic d = OnlyError("name: wf\nsteps:\n  - id: a\n    type: t\n");
  EXPECT_EQ(d.message, "missing `version`");
  EXPECT_EQ(Where(d), "flows/triage.yaml:1:1");
}

TEST(WorkflowParserTest, MissingSteps) {
  const Diagnostic d = OnlyError("version: 1\nname: wf\n");
  EXPECT_EQ(d.message, "missing `steps`");
  EXPECT_EQ(d.hint, "list at least one step under `steps:`");
  EXPECT_EQ(Where(d), "flows/triage.yaml:1:1");
}

TEST(WorkflowParserTest, MissingName) {
  const Diagnostic d = OnlyError("version: 1\nsteps:\n  - id: a\n    type: t\n");
  EXPECT_EQ(d.message, "missing `name`");
  EXPECT_EQ(Where(d), "flows/triage.yaml:1:1");
}

TEST(WorkflowParserTest, EmptyOrMalformedSteps) {
  Diagnostic d = OnlyError("version: 1\nname: wf\nsteps: []\n");
  EXPECT_EQ(d.message, "`steps` must be a non-empty list");
  EXPECT_EQ(Where(d), "flows/triage.yaml:3:8");
  d = OnlyError("version: 1\nname: wf\nsteps:\n  a: b\n");
  EXPECT_EQ(d.message, "`steps` must be a non-empty list");
  EXPECT_EQ(Where(d), "flows/triage.yaml:4:3");
  d = OnlyError(WithSteps("  - just a string\n"));
  EXPECT_EQ(d.message, "each step must be a map with id, type, inputs and config");
  EXPECT_EQ(Where(d), "flows/triage.yaml:4:5");
}

TEST(WorkflowParserTest, StepMissingIdAndType) {
  Parsed p = Parse(WithSteps("  - doc: nothing else\n"));
  EXPECT_FALSE(p.def);
  ASSERT_THAT(p.diags, SizeIs(2));
  EXPECT_EQ(p.diags[0].message, "missing `id`");
  EXPECT_EQ(p.diags[1].message, "missing `type`");
  EXPECT_EQ(Where(p.diags[0]), "flows/triage.yaml:4:5");
}

// Found by workflow_fuzz: an empty (or tag-only) `type` slipped through the parser and
// BuildPlan produced a step without a type or instance.
TEST(WorkflowParserTest, RequiredScalarsMustNotBeEmpty) {
  const std::pair<std::string, std::string> cases[] = {
      {WithSteps("  - id: a\n    type: \"\"\n"), "flows/triage.yaml:5:11: error: `type` must not be empty"},
      {WithSteps("  - id: a\n    type: !custom\n"), "flows/triage.yaml:5:11: error: `type` must not be empty"},
      {WithSteps("  - id: ''\n    type: t\n"), "flows/triage.yaml:4:9: error: `id` must not be empty"},
      {"version: 1\nname: \"\"\nsteps:\n  - {id: a, type: t}\n",
       "flows/triage.yaml:2:7: error: `name` must not be empty"},
      {"version: ''\nname: wf\nsteps:\n  - {id: a, type: t}\n",
       "flows/triage.yaml:1:10: error: `version` must not be empty"},
      {"version: 1\nname: wf\ninputs:\n  f: {kind: ''}\nsteps:\n  - {id: a, type: t}\n",
       "flows/triage.yaml:4:13: error: `kind` must not be empty"},
      {WithSteps("  - {id: a, type: t}\n") + "schedule:\n  cron: ''\n",
       "flows/triage.yaml:6:9: error: `cron` must not be empty"},
  };
  for (const auto& [yaml, error] : cases) {
    EXPECT_EQ(OnlyError(yaml).ToString(), error) << yaml;
  }
}

TEST(WorkflowParserTest, BadVersion) {
  Diagnostic d = OnlyError(WithSteps("  - id: a\n    type: t\n").replace(0, 10, "version: 2"));
  EXPECT_EQ(d.message, "unsupported workflow format version `2`");
  EXPECT_EQ(d.hint, "this build reads version 1");
  EXPECT_EQ(Where(d), "flows/triage.yaml:1:10");
  d = OnlyError("name: wf\nversion: \"1.0\"\nsteps:\n  - id: a\n    type: t\n");
  EXPECT_EQ(d.message, "unsupported workflow format version `1.0`");
  EXPECT_EQ(Where(d), "flows/triage.yaml:2:10");
  d = OnlyError("name: wf\nversion: [1]\nsteps:\n  - id: a\n    type: t\n");
  EXPECT_EQ(d.message, "`version` must be a scalar, found a list");
  EXPECT_EQ(Where(d), "flows/triage.yaml:2:10");
}

TEST(WorkflowParserTest, BadWorkflowName) {
  const Diagnostic d =
      OnlyError("version: 1\nname: Feedback Triage\nsteps:\n  - id: a\n    type: t\n");
  EXPECT_EQ(d.message, "workflow name `Feedback Triage` is not a valid name");
  EXPECT_EQ(Where(d), "flows/triage.yaml:2:7");
}

TEST(WorkflowParserTest, BadStepIds) {
  const std::pair<std::string, std::string> cases[] = {
      {"Load", "step id `Load` is not valid"},
      {"1load", "step id `1load` is not valid"},
      {"load-data", "step id `load-data` is not valid"},  // no dashes in step ids
      {"inputs", "step id `inputs` is not valid"},        // reserved
      {"\"lo ad\"", "step id `lo ad` is not valid"},
      {std::string(65, 'a'), "step id `" + std::string(65, 'a') + "` is not valid"},
  };
  for (const auto& [id, message] : cases) {
    const Diagnostic d = OnlyError(WithSteps("  - type: t\n    id: " + id + "\n"));
    EXPECT_EQ(d.message, message) << id;
    EXPECT_EQ(Where(d), "flows/triage.yaml:5:9") << id;
    EXPECT_THAT(d.hint, HasSubstr("`inputs` is reserved"));
  }
  EXPECT_TRUE(Parse(WithSteps("  - type: t\n    id: " + std::string(64, 'a') + "\n")).def);
  EXPECT_TRUE(Parse(WithSteps("  - type: t\n    id: a_1\n")).def);
}

TEST(WorkflowParserTest, DuplicateMapKey) {
  Diagnostic d = OnlyError(WithSteps("  - id: a\n    type: test.source\n    id: b\n"));
  EXPECT_EQ(d.message, "duplicate key `id`");
  EXPECT_EQ(d.hint, "each key may appear once in a map");
  EXPECT_EQ(Where(d), "flows/triage.yaml:6:5");
  d = OnlyError("version: 1\nname: wf\nversion: 1\nsteps:\n  - id: a\n    type: t\n");
  EXPECT_EQ(d.message, "duplicate key `version`");
  EXPECT_EQ(Where(d), "flows/triage.yaml:3:1");
}

TEST(WorkflowParserTest, NonScalarMapKey) {
  const Diagnostic d = OnlyError("version: 1\n? [a, b]\n: c\n");
  EXPECT_EQ(d.message, "map keys must be plain strings");
  EXPECT_EQ(Where(d), "flows/triage.yaml:2:3");
}

TEST(WorkflowParserTest, BadReferenceSyntax) {
  for (const char* ref : {"load", "a.b.c", ".out", "load.", "."}) {
    const Diagnostic d = OnlyError(
        WithSteps("  - id: a\n    type: t\n    inputs:\n      in: \"" + std::string(ref) + "\"\n"));
    EXPECT_EQ(d.message, "bad input reference `" + std::string(ref) + "`") << ref;
    EXPECT_EQ(d.hint,
              "write `STEP.PORT` for a step's output or `inputs.NAME` for a workflow input");
    EXPECT_EQ(Where(d), "flows/triage.yaml:7:11") << ref;
  }
}

TEST(WorkflowParserTest, BadReferenceInAList) {
  Parsed p =
      Parse(WithSteps("  - id: a\n    type: t\n    inputs:\n      in: [x.out, bad, {m: 1}]\n"));
  EXPECT_FALSE(p.def);
  ASSERT_THAT(p.diags, SizeIs(2));
  EXPECT_EQ(p.diags[0].message, "bad input reference `bad`");
  EXPECT_EQ(Where(p.diags[0]), "flows/triage.yaml:7:19");
  EXPECT_EQ(p.diags[1].message,
            "an input reference must be a string like `step.port` or `inputs.name`");
  EXPECT_EQ(Where(p.diags[1]), "flows/triage.yaml:7:24");
}

TEST(WorkflowParserTest, InputsMustBeAMap) {
  const Diagnostic d = OnlyError(WithSteps("  - id: a\n    type: t\n    inputs: [x.out]\n"));
  EXPECT_EQ(d.message, "`inputs` must be a map of port: reference");
  EXPECT_EQ(Where(d), "flows/triage.yaml:6:13");
}

TEST(WorkflowParserTest, BadRetry) {
  const std::string step = "  - id: a\n    type: t\n    retry:\n";
  const std::pair<std::string, std::string> cases[] = {
      {"      max_attempts: 0\n", "`max_attempts` must be an integer from 1 to 10"},
      {"      max_attempts: 11\n", "`max_attempts` must be an integer from 1 to 10"},
      {"      max_attempts: three\n", "`max_attempts` must be an integer from 1 to 10"},
      {"      max_attempts: 2.5\n", "`max_attempts` must be an integer from 1 to 10"},
      {"      multiplier: 0.5\n", "`multiplier` must be a number from 1 to 10"},
      {"      multiplier: 1e400\n", "`multiplier` must be a number from 1 to 10"},
      {"      initial_backoff: fast\n", "`initial_backoff`: \"fast\" is not a positive duration"},
      {"      max_backoff: 0s\n", "`max_backoff`: \"0s\" is not a positive duration"},
      {"      tries: 3\n", "unknown key `tries`"},
  };
  for (const auto& [line, message] : cases) {
    const Diagnostic d = OnlyError(WithSteps(step + line));
    EXPECT_EQ(d.message, message) << line;
    const size_t colon = line.find(':');
    EXPECT_EQ(Where(d), "flows/triage.yaml:7:" + std::to_string(colon + 3)) << line;
  }
  const Diagnostic d = OnlyError(WithSteps("  - id: a\n    type: t\n    retry: 3\n"));
  EXPECT_EQ(d.message, "`retry` must be a map");
  EXPECT_EQ(Where(d), "flows/triage.yaml:6:12");
}

TEST(WorkflowParserTest, BadTimeout) {
  for (const char* timeout : {"0s", "5", "-1s", "soon", "1.5s"}) {
    const Diagnostic d = OnlyError(
        WithSteps("  - id: a\n    type: t\n    timeout: \"" + std::string(timeout) + "\"\n"));
    EXPECT_EQ(d.message, "`timeout`: \"" + std::string(timeout) + "\" is not a positive duration");
    EXPECT_EQ(d.hint, "write e.g. 250ms, 30s, 5m, 2h");
    EXPECT_EQ(Where(d), "flows/triage.yaml:6:14") << timeout;
  }
}

TEST(WorkflowParserTest, BadCron) {
  const std::string base = WithSteps("  - id: a\n    type: t\n") + "schedule:\n  cron: ";
  Diagnostic d = OnlyError(base + "\"61 * * * *\"\n");
  EXPECT_EQ(d.message, "cron minute field `61`: out of range 0-59");
  EXPECT_THAT(d.hint, HasSubstr("five fields"));
  EXPECT_EQ(Where(d), "flows/triage.yaml:7:9");
  d = OnlyError(base + "\"0 6 * *\"\n");
  EXPECT_EQ(d.message, "cron expression `0 6 * *` has 4 fields, expected 5");
  EXPECT_EQ(Where(d), "flows/triage.yaml:7:9");
  d = OnlyError(WithSteps("  - id: a\n    type: t\n") + "schedule:\n  timezone: UTC\n");
  EXPECT_EQ(d.message, "missing `cron`");
  EXPECT_EQ(Where(d), "flows/triage.yaml:7:3");
}

TEST(WorkflowParserTest, UnsupportedTimezone) {
  const Diagnostic d = OnlyError(WithSteps("  - id: a\n    type: t\n") +
                                 "schedule:\n  cron: \"0 6 * * *\"\n  timezone: Europe/Paris\n");
  EXPECT_EQ(d.message, "unsupported timezone `Europe/Paris`");
  EXPECT_THAT(d.hint, HasSubstr("fixed offset such as +02:00"));
  EXPECT_EQ(Where(d), "flows/triage.yaml:8:13");
}

TEST(WorkflowParserTest, ScheduleParamsMustBeScalars) {
  const Diagnostic d = OnlyError(WithSteps("  - id: a\n    type: t\n") +
                                 "schedule:\n  cron: \"0 6 * * *\"\n  params:\n    x: [1]\n");
  EXPECT_EQ(d.message, "schedule param `x` must be a scalar");
  EXPECT_EQ(Where(d), "flows/triage.yaml:9:8");
}

TEST(WorkflowParserTest, BadParams) {
  const std::string steps = "steps:\n  - id: a\n    type: t\n";
  Diagnostic d = OnlyError("version: 1\nname: wf\nparams:\n  Release:\n    doc: x\n" + steps);
  EXPECT_EQ(d.message, "param name `Release` is not valid");
  EXPECT_EQ(Where(d), "flows/triage.yaml:5:5");
  d = OnlyError("version: 1\nname: wf\nparams:\n  release:\n    required: maybe\n" + steps);
  EXPECT_EQ(d.message, "`required` must be true or false");
  EXPECT_EQ(Where(d), "flows/triage.yaml:5:15");
  d = OnlyError("version: 1\nname: wf\nparams:\n  release: 1.2\n" + steps);
  EXPECT_EQ(d.message, "param `release` must be a map with default/required/doc");
  EXPECT_EQ(Where(d), "flows/triage.yaml:4:12");
  d = OnlyError("version: 1\nname: wf\nparams: [a]\n" + steps);
  EXPECT_EQ(d.message, "`params` must be a map of name: {...}");
  EXPECT_EQ(Where(d), "flows/triage.yaml:3:9");
}

TEST(WorkflowParserTest, BadInputs) {
  const std::string steps = "steps:\n  - id: a\n    type: t\n";
  Diagnostic d = OnlyError("version: 1\nname: wf\ninputs:\n  feedback:\n    doc: x\n" + steps);
  EXPECT_EQ(d.message, "missing `kind`");
  EXPECT_EQ(Where(d), "flows/triage.yaml:5:5");
  d = OnlyError("version: 1\nname: wf\ninputs:\n  feedback: test.text\n" + steps);
  EXPECT_EQ(d.message, "input `feedback` must be a map with kind/default/doc");
  EXPECT_EQ(Where(d), "flows/triage.yaml:4:13");
  d = OnlyError("version: 1\nname: wf\ninputs:\n  feedback:\n    kind: k\n    default: [a, [b]]\n" +
                steps);
  EXPECT_EQ(d.message, "default files must be paths");
  EXPECT_EQ(Where(d), "flows/triage.yaml:6:18");
}

TEST(WorkflowParserTest, BadOutputs) {
  const std::string base = WithSteps("  - id: a\n    type: t\n");
  Diagnostic d = OnlyError(base + "outputs:\n  Decision: a.out\n");
  EXPECT_EQ(d.message, "output name `Decision` is not valid");
  EXPECT_EQ(Where(d), "flows/triage.yaml:7:13");
  d = OnlyError(base + "outputs: [a.out]\n");
  EXPECT_EQ(d.message, "`outputs` must be a map of name: step.port");
  d = OnlyError(base + "outputs:\n  decision: aout\n");
  EXPECT_EQ(d.message, "bad input reference `aout`");
  EXPECT_EQ(Where(d), "flows/triage.yaml:7:13");
}

TEST(WorkflowParserTest, ReportsEveryProblemAtOnce) {
  Parsed p = Parse(
      "version: 3\n"
      "name: wf\n"
      "steps:\n"
      "  - id: Bad\n"
      "    type: t\n"
      "    timeout: never\n"
      "  - id: ok\n"
      "    type: t\n"
      "    inputs:\n"
      "      in: nodot\n");
  EXPECT_FALSE(p.def);
  ASSERT_THAT(p.diags, SizeIs(4)) << test::DiagnosticsText(p.diags);
  EXPECT_EQ(Where(p.diags[0]), "flows/triage.yaml:1:10");
  EXPECT_EQ(Where(p.diags[1]), "flows/triage.yaml:4:9");
  EXPECT_EQ(Where(p.diags[2]), "flows/triage.yaml:6:14");
  EXPECT_EQ(Where(p.diags[3]), "flows/triage.yaml:10:11");
}

TEST(WorkflowParserTest, KeepsEarlierDiagnosticsAndFailsOnlyOnNewOnes) {
  std::vector<Diagnostic> diags = {{SourcePos{"other.yaml", 1, 1}, "earlier", ""}};
  EXPECT_TRUE(ParseWorkflow(kPath, WithSteps("  - id: a\n    type: t\n"), diags));
  EXPECT_THAT(diags, SizeIs(1));
}

TEST(WorkflowParserTest, NulBytes) {
  const std::string yaml = WithSteps("  - id: a\n    type: t\n") + std::string("# \0\n", 4);
  const Diagnostic d = OnlyError(yaml);
  EXPECT_EQ(d.message, "file contains NUL bytes");
  EXPECT_EQ(d.pos.line, 0);
  EXPECT_EQ(d.pos.column, 0);
  EXPECT_EQ(d.ToString(),
            "flows/triage.yaml: error: file contains NUL bytes (is this a YAML text file?)");
}

TEST(WorkflowParserTest, FileSizeLimit) {
  std::string yaml = WithSteps("  - id: a\n    type: t\n") + "#";
  yaml.resize(kMaxWorkflowFileBytes, 'x');  // a long comment: exactly at the limit
  Parsed at_limit = Parse(yaml);
  EXPECT_TRUE(at_limit.def) << test::DiagnosticsText(at_limit.diags);
  yaml.push_back('x');
  const Diagnostic d = OnlyError(yaml);
  EXPECT_EQ(d.message, "file is 4194305 bytes");
  EXPECT_EQ(d.hint, "definition files are limited to 4 MiB");
  EXPECT_EQ(d.pos.line, 0);
}

TEST(WorkflowParserTest, DeepFlowNestingIsASyntaxErrorNotACrash) {
  const std::string yaml =
      "version: 1\nname: wf\nx: " + std::string(100000, '[') + std::string(100000, ']') + "\n";
  const Diagnostic d = OnlyError(yaml);
  EXPECT_THAT(d.message, StartsWith("YAML syntax error"));
  EXPECT_EQ(d.pos.line, 3);
}

TEST(WorkflowParserTest, NestingLimit) {
  const std::string yaml = WithSteps("  - id: a\n    type: t\n    config:\n      x: ") +
                           std::string(70, '[') + std::string(70, ']') + "\n";
  const Diagnostic d = OnlyError(yaml);
  EXPECT_EQ(d.message, "nesting deeper than 64 levels");
  EXPECT_EQ(d.pos.line, 7);
  // Up to the limit is fine.
  const std::string ok = WithSteps("  - id: a\n    type: t\n    config:\n      x: ") +
                         std::string(60, '[') + std::string(60, ']') + "\n";
  EXPECT_TRUE(Parse(ok).def);
}

TEST(WorkflowParserTest, DeepBlockNestingNoCrash) {
  std::string yaml = "version: 1\nname: wf\nsteps:\n  - id: a\n    type: t\n    config:\n";
  for (int i = 0; i < 200; ++i) yaml += std::string(6 + 2 * i, ' ') + "k:\n";
  const Diagnostic d = OnlyError(yaml);
  EXPECT_EQ(d.message, "nesting deeper than 64 levels");
}

TEST(WorkflowParserTest, AliasExpansionIsBounded) {
  // "Billion laughs": nine levels of ten aliases would expand to 10^9 nodes.
  std::string yaml = "version: 1\nname: wf\nl0: &l0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int level = 1; level <= 9; ++level) {
    const std::string prev = "*l" + std::to_string(level - 1);
    yaml += "l" + std::to_string(level) + ": &l" + std::to_string(level) + " [";
    for (int k = 0; k < 10; ++k) yaml += (k ? ", " : "") + prev;
    yaml += "]\n";
  }
  Parsed p = Parse(yaml);
  EXPECT_FALSE(p.def);
  ASSERT_THAT(p.diags, SizeIs(1)) << test::DiagnosticsText(p.diags);
  EXPECT_EQ(p.diags[0].message, "document expands to too many values");
}

TEST(WorkflowParserTest, AnchorsAndAliasesWithinBoundsWork) {
  Parsed p = Parse(
      "version: 1\n"
      "name: wf\n"
      "steps:\n"
      "  - id: a\n"
      "    type: t\n"
      "    config: &shared {label: blue, count: 3}\n"
      "  - id: b\n"
      "    type: t\n"
      "    config: *shared\n");
  ASSERT_TRUE(p.def) << test::DiagnosticsText(p.diags);
  ASSERT_NE(p.def->steps[1].config.Find("label"), nullptr);
  EXPECT_EQ(p.def->steps[1].config.Find("label")->scalar, "blue");
  std::string a, b;
  AppendCanonical(p.def->steps[0].config, a);
  AppendCanonical(p.def->steps[1].config, b);
  EXPECT_EQ(a, b);
}

TEST(ParseYamlTreeTest, LargeDocumentsWithoutAliasesAreNotLimited) {
  std::string yaml = "items: [";
  for (int i = 0; i < 30000; ++i) yaml += i ? ",a" : "a";
  yaml += "]\n";
  std::vector<Diagnostic> diags;
  std::optional<ConfigNode> tree = ParseYamlTree("big.yaml", yaml, diags);
  ASSERT_TRUE(tree) << test::DiagnosticsText(diags);
  EXPECT_THAT(tree->Find("items")->list, SizeIs(30000));
}

TEST(ParseYamlTreeTest, KindsQuotingAndPositions) {
  std::vector<Diagnostic> diags;
  std::optional<ConfigNode> tree =
      ParseYamlTree("t.yaml", "a: 1\nb: \"1\"\nc: [x, ~]\nd:\ne: {f: g}\n", diags);
  ASSERT_TRUE(tree) << test::DiagnosticsText(diags);
  ASSERT_EQ(tree->kind, ConfigNode::Kind::kMap);
  ASSERT_THAT(tree->map, SizeIs(5));
  const ConfigNode* a = tree->Find("a");
  const ConfigNode* b = tree->Find("b");
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->scalar, "1");
  EXPECT_FALSE(a->quoted);
  EXPECT_EQ(b->scalar, "1");
  EXPECT_TRUE(b->quoted);
  EXPECT_EQ(b->pos.ToString(), "t.yaml:2:4");
  const ConfigNode* c = tree->Find("c");
  ASSERT_EQ(c->kind, ConfigNode::Kind::kList);
  ASSERT_THAT(c->list, SizeIs(2));
  EXPECT_EQ(c->list[1].kind, ConfigNode::Kind::kNull);
  EXPECT_EQ(tree->Find("d")->kind, ConfigNode::Kind::kNull);
  EXPECT_EQ(tree->Find("d")->pos.ToString(), "t.yaml:4:1");
  EXPECT_EQ(tree->Find("e")->kind, ConfigNode::Kind::kMap);
  EXPECT_EQ(tree->Find("zzz"), nullptr);
  EXPECT_EQ(tree->KeyPos("zzz").ToString(), tree->pos.ToString());
  EXPECT_EQ(tree->Find("a")->KindName(), "a scalar");
}

TEST(ParseYamlTreeTest, CanonicalBytesSeparateStructure) {
  std::vector<Diagnostic> diags;
  auto canon = [&](std::string_view yaml) {
    std::optional<ConfigNode> t = ParseYamlTree("t.yaml", yaml, diags);
    std::string out;
    if (t) AppendCanonical(*t, out);
    return out;
  };
  EXPECT_EQ(canon("{a: [1, 2]}"), canon("a:\n  - 1\n  - 2\n"));
  EXPECT_NE(canon("{a: [1, 2]}"), canon("{a: [12]}"));
  EXPECT_NE(canon("{a: [1, 2]}"), canon("{a: [[1, 2]]}"));
  EXPECT_NE(canon("{a: 1, b: 2}"), canon("{b: 2, a: 1}"));  // file order counts
  EXPECT_NE(canon("{a: ~}"), canon("{a: \"\"}"));
  EXPECT_THAT(diags, IsEmpty());
}

}  // namespace
}  // namespace docket::engine
