// Golden tests: the template fallback's artifacts, byte for byte, for a feature-area
// fixture, a theme-table fixture and the sample workflow's real evidence and decision
// (tests/golden/synthesis/<case>/). DOCKET_UPDATE_GOLDEN=1 rewrites them; review the diff.
#include <gtest/gtest.h>

#include <cstdlib>

#include "tests/workflows/synthesize/synthesis_fixture.h"

namespace docket::workflows::synthesize::testing {
namespace {

const char* const kOutputs[][2] = {{"summaries", "summaries.json"},
                                   {"release_notes", "release-notes.md"},
                                   {"tickets", "tickets.json"},
                                   {"rollback", "rollback.json"},
                                   {"synthesis", "synthesis.json"}};

void CheckGolden(const std::string& name, const StepInputs& inputs) {
  ScriptedEffects effects([](const ChatRequest&) { return Served(ChatOutcome::kNotConfigured); });
  StatusOr<engine::StepOutputs> out = RunSynthesize("concurrency: 2\n", inputs, effects);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  const std::filesystem::path dir = SourceDir() + "/tests/golden/synthesis/" + name;
  const bool update = std::getenv("DOCKET_UPDATE_GOLDEN") != nullptr;
  for (const auto& [port, file] : kOutputs) {
    const std::string& actual = out->at(port).data();
    if (update) {
      std::ofstream(dir / file, std::ios::binary) << actual;
      continue;
    }
    EXPECT_EQ(Slurp(dir / file), actual)
        << (dir / file) << ": rerun with DOCKET_UPDATE_GOLDEN=1 and review";
  }
}

TEST(SynthesisGoldenTest, FeatureAreas) { CheckGolden("areas", FixtureInputs(false)); }

TEST(SynthesisGoldenTest, Themes) { CheckGolden("themes", FixtureInputs(true)); }

TEST(SynthesisGoldenTest, SampleWorkflowEvidence) {
  const std::string in = SourceDir() + "/tests/golden/synthesis/sample/input/";
  StepInputs inputs;
  inputs["evidence"] = {engine::Artifact::Make(kKindEvidence, kMediaJson, "evidence.json",
                                               Slurp(in + "evidence.json"))};
  inputs["decision"] = {engine::Artifact::Make(kKindDecision, kMediaJson, "decision.json",
                                               Slurp(in + "decision.json"))};
  inputs["prompts"] = RepoPrompts();
  inputs["templates"] = RepoTemplates();
  CheckGolden("sample", inputs);
}

}  // namespace
}  // namespace docket::workflows::synthesize::testing
