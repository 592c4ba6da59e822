#include "engine/plan.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "engine/workflow_parser.h"
#include "tests/testing/test_steps.h"

namespace docket::engine {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;

constexpr char kKnownTypes[] =
    "test.concat, test.configured, test.length, test.params, test.seed, test.source, test.upper";

class PlanTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(test::RegisterTestSteps(registry_).ok()); }

  // Parses `body` after "version: 1\nname: wf\n" (so `body` starts on line 3) and plans it.
  std::optional<Plan> Build(const std::string& body) {
    diags_.clear();
    std::optional<WorkflowDefinition> def =
        ParseWorkflow("wf.yaml", "version: 1\nname: wf\n" + body, diags_);
    EXPECT_TRUE(def.has_value()) << test::DiagnosticsText(diags_);
    if (!def) return std::nullopt;
    return BuildPlan(std::move(*def), registry_, diags_);
  }

  // Expects planning to fail with exactly one diagnostic and returns it.
  Diagnostic OnlyError(const std::string& body) {
    std::optional<Plan> plan = Build(body);
    EXPECT_FALSE(plan.has_value());
    EXPECT_THAT(diags_, SizeIs(1)) << test::DiagnosticsText(diags_);
    return diags_.empty() ? Diagnostic{} : diags_.front();
  }

  static std::vector<std::string> Order(const Plan& plan) {
    std::vector<std::string> ids;
    for (const PlannedStep& s : plan.steps) ids.push_back(s.def.id);
    return ids;
  }

  StepRegistry registry_;
  std::vector<Diagnostic> diags_;
};

TEST_F(PlanTest, BuildsStepsWithTypesConfigsAndDeps) {
  std::optional<Plan> plan = Build(
      "inputs:\n"
      "  feedback:\n"
      "    kind: test.text\n"
      "steps:\n"
      "  - id: src\n"
      "    type: test.source\n"
      "    config:\n"
      "      value: hello\n"
      "  - id: join\n"
      "    type: test.concat\n"
      "    inputs:\n"
      "      in: [src.out, inputs.feedback, src.out]\n");
  ASSERT_TRUE(plan) << test::DiagnosticsText(diags_);
  EXPECT_THAT(diags_, IsEmpty());
  ASSERT_THAT(plan->steps, SizeIs(2));
  const PlannedStep& src = plan->steps[0];
  EXPECT_EQ(src.def.id, "src");
  ASSERT_NE(src.type, nullptr);
  EXPECT_EQ(src.type, registry_.Find("test.source"));
  EXPECT_NE(src.step, nullptr);
  EXPECT_EQ(src.config.GetString("value"), "hello");
  EXPECT_THAT(src.deps, IsEmpty());
  const PlannedStep& join = plan->steps[1];
  EXPECT_THAT(join.deps, ElementsAre(0u));  // two references to src, one dependency
  EXPECT_EQ(join.config.GetString("separator"), "");
  EXPECT_EQ(plan->IndexOf("join"), 1);
  EXPECT_EQ(plan->IndexOf("nope"), -1);
  ASSERT_NE(plan->FindInput("feedback"), nullptr);
  EXPECT_EQ(plan->FindInput("feedback")->kind, "test.text");
  EXPECT_EQ(plan->FindInput("nope"), nullptr);
  EXPECT_EQ(plan->definition.name, "wf");
}

TEST_F(PlanTest, TopologicalOrderBreaksTiesByDeclarationOrder) {
  std::optional<Plan> plan = Build(
      "steps:\n"
      "  - id: join\n"
      "    type: test.concat\n"
      "    inputs:\n"
      "      in: [left.out, right.out]\n"
      "  - id: right\n"
      "    type: test.upper\n"
      "    inputs: {in: src.out}\n"
      "  - id: left\n"
      "    type: test.upper\n"
      "    inputs: {in: src.out}\n"
      "  - id: src\n"
      "    type: test.source\n"
      "  - id: other\n"
      "    type: test.source\n");
  ASSERT_TRUE(plan) << test::DiagnosticsText(diags_);
  EXPECT_THAT(Order(*plan), ElementsAre("src", "right", "left", "join", "other"));
  EXPECT_THAT(plan->steps[1].deps, ElementsAre(0u));
  EXPECT_THAT(plan->steps[2].deps, ElementsAre(0u));
  EXPECT_THAT(plan->steps[3].deps, ElementsAre(1u, 2u));
  EXPECT_THAT(plan->steps[4].deps, IsEmpty());
  // Every dependency comes first.
  for (size_t i = 0; i < plan->steps.size(); ++i) {
    for (size_t d : plan->steps[i].deps) EXPECT_LT(d, i);
  }
}

TEST_F(PlanTest, IndependentStepsKeepDeclarationOrder) {
  std::optional<Plan> plan = Build(
      "steps:\n"
      "  - {id: c, type: test.source}\n"
      "  - {id: a, type: test.source}\n"
      "  - {id: b, type: test.source}\n");
  ASSERT_TRUE(plan) << test::DiagnosticsText(diags_);
  EXPECT_THAT(Order(*plan), ElementsAre("c", "a", "b"));
}

TEST_F(PlanTest, UnknownStepTypeSuggestsANear) {
  const Diagnostic d = OnlyError(
      "steps:\n"
      "  - id: shout\n"
      "    type: test.uppr\n");
  EXPECT_EQ(d.message, "unknown step type `test.uppr` in step `shout`");
  EXPECT_EQ(d.hint, std::string("did you mean `test.upper`? known: ") + kKnownTypes);
  EXPECT_EQ(d.pos.ToString(), "wf.yaml:5:11");
}

TEST_F(PlanTest, UnknownStepTypeFarFromAnyListsKnownTypes) {
  const Diagnostic d = OnlyError("steps:\n  - id: x\n    type: llm.chat\n");
  EXPECT_EQ(d.hint, std::string("known: ") + kKnownTypes);
}

TEST_F(PlanTest, UnknownTypeDoesNotCascade) {
  // `b` reads from `a`, whose type is unknown: only the type is reported.
  const Diagnostic d = OnlyError(
      "steps:\n"
      "  - id: a\n"
      "    type: nope\n"
      "  - id: b\n"
      "    type: test.upper\n"
      "    inputs: {in: a.out}\n");
  EXPECT_THAT(d.message, HasSubstr("unknown step type `nope`"));
}

TEST_F(PlanTest, DuplicateStepId) {
  const Diagnostic d = OnlyError(
      "steps:\n"
      "  - id: a\n"
      "    type: test.source\n"
      "  - id: a\n"
      "    type: test.source\n");
  EXPECT_EQ(d.message, "duplicate step id `a`");
  EXPECT_EQ(d.hint, "first defined at wf.yaml:4:5; ids must be unique");
  EXPECT_EQ(d.pos.ToString(), "wf.yaml:6:5");
}

TEST_F(PlanTest, MissingRequiredInput) {
  const Diagnostic d = OnlyError("steps:\n  - id: u\n    type: test.upper\n");
  EXPECT_EQ(d.message, "step `u` leaves required input `in` (test.text) unconnected");
  EXPECT_EQ(d.hint, "add `in: STEP.PORT` under its `inputs:`");
  EXPECT_EQ(d.pos.ToString(), "wf.yaml:4:5");
}

TEST_F(PlanTest, OptionalInputMayStayUnconnected) {
  std::optional<Plan> plan = Build(
      "steps:\n"
      "  - {id: s, type: test.source}\n"
      "  - id: c\n"
      "    type: test.concat\n"
      "    inputs: {in: s.out}\n");
  EXPECT_TRUE(plan) << test::DiagnosticsText(diags_);
}

TEST_F(PlanTest, UnknownInputPort) {
  const Diagnostic d = OnlyError(
      "steps:\n"
      "  - {id: s, type: test.source}\n"
      "  - id: u\n"
      "    type: test.upper\n"
      "    inputs:\n"
      "      in: s.out\n"
      "      inn: s.out\n");
  EXPECT_EQ(d.message, "step `u` (type `test.upper`) has no input `inn`");
  EXPECT_EQ(d.hint, "did you mean `in`? known: in");
  EXPECT_EQ(d.pos.ToString(), "wf.yaml:9:12");
}

TEST_F(PlanTest, InputOnAStepTypeWithoutInputs) {
  const Diagnostic d = OnlyError(
      "steps:\n"
      "  - {id: s, type: test.source}\n"
      "  - id: t\n"
      "    type: test.source\n"
      "    inputs: {in: s.out}\n");
  EXPECT_EQ(d.message, "step `t` (type `test.source`) has no input `in`");
  EXPECT_EQ(d.hint, "this step type takes no inputs");
}

TEST_F(PlanTest, SinglePortTakesExactlyOneReference) {
  const Diagnostic d = OnlyError(
      "steps:\n"
      "  - {id: s, type: test.source}\n"
      "  - id: u\n"
      "    type: test.upper\n"
      "    inputs: {in: [s.out, s.out]}\n");
  EXPECT_EQ(d.message, "input `in` of step `u` takes exactly one reference, got 2");
  EXPECT_EQ(d.pos.ToString(), "wf.yaml:7:19");
  const Diagnostic empty = OnlyError(
      "steps:\n"
      "  - id: u\n"
      "    type: test.upper\n"
      "    inputs: {in: []}\n");
  EXPECT_EQ(empty.message, "input `in` of step `u` takes exactly one reference, got 0");
  EXPECT_EQ(empty.pos.ToString(), "wf.yaml:4:5");  // no reference: the step
}

TEST_F(PlanTest, ReferenceToMissingStep) {
  const Diagnostic d = OnlyError(
      "steps:\n"
      "  - {id: source, type: test.source}\n"
      "  - id: u\n"
      "    type: test.upper\n"
      "    inputs: {in: sorce.out}\n");
  EXPECT_EQ(d.message, "reference `sorce.out` names no step `sorce`");
  EXPECT_EQ(d.hint, "did you mean `source`? known: source, u");
  EXPECT_EQ(d.pos.ToString(), "wf.yaml:7:18");
}

TEST_F(PlanTest, ReferenceToMissingOutputPort) {
  const Diagnostic d = OnlyError(
      "steps:\n"
      "  - {id: s, type: test.source}\n"
      "  - id: u\n"
      "    type: test.upper\n"
      "    inputs: {in: s.output}\n");
  EXPECT_EQ(d.message, "step `s` (type `test.source`) has no output `output`");
  EXPECT_EQ(d.hint, "known: out");  // distance 3: no suggestion
  EXPECT_EQ(d.pos.ToString(), "wf.yaml:7:18");
  const Diagnostic near = OnlyError(
      "steps:\n"
      "  - {id: s, type: test.source}\n"
      "  - id: u\n"
      "    type: test.upper\n"
      "    inputs: {in: s.outt}\n");
  EXPECT_EQ(near.hint, "did you mean `out`? known: out");
}

TEST_F(PlanTest, ReferenceToMissingWorkflowInput) {
  const Diagnostic d = OnlyError(
      "inputs:\n"
      "  feedback: {kind: test.text}\n"
      "steps:\n"
      "  - id: u\n"
      "    type: test.upper\n"
      "    inputs: {in: inputs.feedbak}\n");
  EXPECT_EQ(d.message, "no workflow input named `feedbak`");
  EXPECT_EQ(d.hint, "did you mean `feedback`? known: feedback");
  EXPECT_EQ(d.pos.ToString(), "wf.yaml:8:18");
  const Diagnostic none = OnlyError(
      "steps:\n"
      "  - id: u\n"
      "    type: test.upper\n"
      "    inputs: {in: inputs.feedback}\n");
  EXPECT_EQ(none.hint, "declare it under `inputs:`");
}

TEST_F(PlanTest, WrongArtifactKind) {
  const Diagnostic d = OnlyError(
      "steps:\n"
      "  - {id: s, type: test.source}\n"
      "  - id: len\n"
      "    type: test.length\n"
      "    inputs: {in: s.out}\n"
      "  - id: u\n"
      "    type: test.upper\n"
      "    inputs: {in: len.out}\n");
  EXPECT_EQ(d.message, "input `in` of step `u` expects `test.text` but `len.out` is `test.number`");
  EXPECT_EQ(d.hint, "connect an output of kind `test.text`");
  EXPECT_EQ(d.pos.ToString(), "wf.yaml:10:18");
}

TEST_F(PlanTest, WrongWorkflowInputKind) {
  const Diagnostic d = OnlyError(
      "inputs:\n"
      "  counts: {kind: test.number}\n"
      "steps:\n"
      "  - id: u\n"
      "    type: test.upper\n"
      "    inputs: {in: inputs.counts}\n");
  EXPECT_EQ(d.message,
            "input `in` of step `u` expects `test.text` but `inputs.counts` is `test.number`");
}

TEST_F(PlanTest, CycleIsListed) {
  const Diagnostic d = OnlyError(
      "steps:\n"
      "  - id: d\n"  // downstream of the cycle, not part of it
      "    type: test.upper\n"
      "    inputs: {in: c.out}\n"
      "  - id: a\n"
      "    type: test.upper\n"
      "    inputs: {in: c.out}\n"
      "  - id: b\n"
      "    type: test.upper\n"
      "    inputs: {in: a.out}\n"
      "  - id: c\n"
      "    type: test.upper\n"
      "    inputs: {in: b.out}\n");
  EXPECT_EQ(d.message, "steps form a cycle: c <- b <- a <- c");
  EXPECT_EQ(d.hint, "a step cannot depend, directly or not, on its own output");
  EXPECT_EQ(d.pos.ToString(), "wf.yaml:13:5");
}

TEST_F(PlanTest, TwoStepCycle) {
  const Diagnostic d = OnlyError(
      "steps:\n"
      "  - id: a\n"
      "    type: test.upper\n"
      "    inputs: {in: b.out}\n"
      "  - id: b\n"
      "    type: test.upper\n"
      "    inputs: {in: a.out}\n");
  EXPECT_EQ(d.message, "steps form a cycle: a <- b <- a");
  EXPECT_EQ(d.pos.ToString(), "wf.yaml:4:5");
}

TEST_F(PlanTest, SelfReference) {
  const Diagnostic d = OnlyError(
      "steps:\n"
      "  - id: u\n"
      "    type: test.upper\n"
      "    inputs: {in: u.out}\n");
  EXPECT_EQ(d.message, "step `u` reads its own output `u.out`");
  EXPECT_EQ(d.pos.ToString(), "wf.yaml:6:18");
}

TEST_F(PlanTest, BadConfigViaSchema) {
  std::optional<Plan> plan = Build(
      "steps:\n"
      "  - id: c\n"
      "    type: test.configured\n"
      "    config:\n"
      "      count: 500\n"
      "      colour: red\n"
      "  - id: u\n"
      "    type: test.source\n"
      "    config: {valeu: x}\n");
  EXPECT_FALSE(plan);
  ASSERT_THAT(diags_, SizeIs(3)) << test::DiagnosticsText(diags_);
  EXPECT_EQ(diags_[0].message, "config `count`: 500 is out of range");
  EXPECT_EQ(diags_[0].pos.ToString(), "wf.yaml:7:14");
  EXPECT_EQ(diags_[1].message, "unknown config key `colour`");
  EXPECT_EQ(diags_[1].pos.ToString(), "wf.yaml:8:15");
  EXPECT_EQ(diags_[2].message, "unknown config key `valeu`");
  EXPECT_EQ(diags_[2].hint, "known keys: value");
}

TEST_F(PlanTest, MissingRequiredConfigPointsAtTheStep) {
  const Diagnostic d = OnlyError("steps:\n  - id: c\n    type: test.configured\n");
  EXPECT_EQ(d.message, "missing required config `count`");
  EXPECT_EQ(d.pos.ToString(), "wf.yaml:4:5");
}

TEST_F(PlanTest, FactorySemanticErrorViaErrorAt) {
  const Diagnostic d = OnlyError(
      "steps:\n"
      "  - id: c\n"
      "    type: test.configured\n"
      "    config:\n"
      "      label: blue\n"
      "      count: 13\n");
  EXPECT_EQ(d.ToString(),
            "wf.yaml:8:14: error: config `count`: 13 is unlucky (pick another count)");
}

TEST_F(PlanTest, FactoryFailureWithoutDiagnosticIsStillReported) {
  ASSERT_TRUE(registry_
                  .Register(StepTypeSpec{.type = "test.broken"},
                            [](const StepConfig&, std::vector<Diagnostic>&) {
                              return std::unique_ptr<Step>();
                            })
                  .ok());
  const Diagnostic d = OnlyError("steps:\n  - id: b\n    type: test.broken\n");
  EXPECT_EQ(d.message, "step `b` of type `test.broken` could not be built");
  EXPECT_EQ(d.pos.ToString(), "wf.yaml:4:5");
}

TEST_F(PlanTest, OutputsReferencingAMissingStep) {
  const Diagnostic d = OnlyError(
      "steps:\n"
      "  - {id: s, type: test.source}\n"
      "outputs:\n"
      "  decision: ghost.out\n");
  EXPECT_EQ(d.message, "reference `ghost.out` names no step `ghost`");
  EXPECT_EQ(d.pos.ToString(), "wf.yaml:6:13");
}

TEST_F(PlanTest, OutputsReferencingAMissingPortOrAnInput) {
  Diagnostic d = OnlyError(
      "steps:\n"
      "  - {id: s, type: test.source}\n"
      "outputs:\n"
      "  decision: s.result\n");
  EXPECT_EQ(d.message, "step `s` (type `test.source`) has no output `result`");
  d = OnlyError(
      "inputs:\n"
      "  feedback: {kind: test.text}\n"
      "steps:\n"
      "  - {id: s, type: test.source}\n"
      "outputs:\n"
      "  copy: inputs.feedback\n");
  EXPECT_EQ(d.message, "output `copy` must name a step output, not an input");
  EXPECT_EQ(d.pos.ToString(), "wf.yaml:8:9");
}

TEST_F(PlanTest, UndeclaredScheduleParam) {
  const Diagnostic d = OnlyError(
      "params:\n"
      "  release: {default: dev}\n"
      "steps:\n"
      "  - {id: s, type: test.source}\n"
      "schedule:\n"
      "  cron: \"0 6 * * *\"\n"
      "  params:\n"
      "    release: nightly\n"
      "    channel: beta\n");
  EXPECT_EQ(d.message, "schedule sets undeclared param `channel`");
  EXPECT_EQ(d.hint, "declare it under `params:`");
  EXPECT_EQ(d.pos.ToString(), "wf.yaml:8:3");
}

TEST_F(PlanTest, RequiredParamWithDefault) {
  const Diagnostic d = OnlyError(
      "params:\n"
      "  release:\n"
      "    required: true\n"
      "    default: dev\n"
      "steps:\n"
      "  - {id: s, type: test.source}\n");
  EXPECT_EQ(d.message, "param `release` is required and has a default");
  EXPECT_EQ(d.pos.ToString(), "wf.yaml:5:5");
}

TEST_F(PlanTest, ReportsEveryProblemAtOnce) {
  std::optional<Plan> plan = Build(
      "steps:\n"
      "  - id: a\n"
      "    type: test.uper\n"
      "  - id: b\n"
      "    type: test.upper\n"
      "  - id: c\n"
      "    type: test.upper\n"
      "    inputs: {in: zz.out}\n"
      "outputs:\n"
      "  o: b.nope\n");
  EXPECT_FALSE(plan);
  EXPECT_THAT(diags_, SizeIs(4)) << test::DiagnosticsText(diags_);
}

// The workflow fuzz corpus is only useful if its seeds reach what their names promise:
// valid_* files plan cleanly, err_* files fail with diagnostics.
TEST_F(PlanTest, FuzzCorpusSeedsAreWhatTheirNamesSay) {
  const std::filesystem::path dir =
      std::filesystem::path(DOCKET_SOURCE_DIR) / "tests/fuzz/corpus/workflow";
  int valid = 0, errors = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), {});
    StatusOr<Plan> plan = test::PlanFromYaml(bytes, registry_, name);
    if (name.starts_with("valid_")) {
      EXPECT_TRUE(plan.ok()) << name << ": " << plan.status().ToString();
      ++valid;
    } else if (name.starts_with("err_")) {
      EXPECT_FALSE(plan.ok()) << name;
      ++errors;
    }
  }
  EXPECT_GE(valid, 3);
  EXPECT_GE(errors, 10);
}

TEST(StepRegistryTest, RegisterFindAndNames) {
  StepRegistry registry;
  ASSERT_TRUE(test::RegisterTestSteps(registry).ok());
  EXPECT_NE(registry.Find("test.upper"), nullptr);
  EXPECT_EQ(registry.Find("test.nope"), nullptr);
  EXPECT_THAT(registry.TypeNames(),
              ElementsAre("test.concat", "test.configured", "test.length", "test.params",
                          "test.seed", "test.source", "test.upper"));
  EXPECT_EQ(test::RegisterTestSteps(registry).code(), StatusCode::kAlreadyExists);
}

TEST(StepRegistryTest, RejectsRepeatedPortsAndConfigNames) {
  StepRegistry registry;
  auto factory = [](const StepConfig&, std::vector<Diagnostic>&) {
    return std::unique_ptr<Step>();
  };
  StepTypeSpec inputs{.type = "a", .inputs = {test::TextIn("x"), test::TextIn("x")}};
  EXPECT_EQ(registry.Register(inputs, factory).code(), StatusCode::kInvalidArgument);
  StepTypeSpec outputs{.type = "b", .outputs = {test::TextOut("x"), test::TextOut("x")}};
  EXPECT_EQ(registry.Register(outputs, factory).code(), StatusCode::kInvalidArgument);
  StepTypeSpec config{.type = "c"};
  config.config.fields = {{.name = "k"}, {.name = "k"}};
  EXPECT_EQ(registry.Register(config, factory).code(), StatusCode::kInvalidArgument);
  // An input and an output may share a name.
  StepTypeSpec same{.type = "d", .inputs = {test::TextIn("x")}, .outputs = {test::TextOut("x")}};
  EXPECT_TRUE(registry.Register(same, factory).ok());
  EXPECT_THAT(registry.TypeNames(), ElementsAre("d"));
}

}  // namespace
}  // namespace docket::engine
