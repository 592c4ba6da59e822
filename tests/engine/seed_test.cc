#include "engine/seed.h"

#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "engine/base/canonical.h"
#include "tests/testing/test_steps.h"

namespace docket::engine {
namespace {

using namespace std::chrono_literals;

struct SeedInputs {
  Sha256Digest workflow = Sha256("version: 1");
  std::map<std::string, std::vector<Artifact>> inputs = {
      {"feedback", {test::TextArtifact("a", "a.txt"), test::TextArtifact("b", "b.txt")}},
      {"notes", {test::TextArtifact("n", "n.txt")}}};
  std::map<std::string, std::string> params = {{"release", "1.2"}, {"threshold", "0.5"}};
  Timestamp time = Timestamp(std::chrono::sys_days(std::chrono::year(2026) / 11 / 29)) + 13h;

  Sha256Digest Root() const { return DeriveRunSeedRoot(workflow, inputs, params, time); }
};

TEST(SeedTest, Deterministic) {
  const SeedInputs in;
  EXPECT_EQ(in.Root(), SeedInputs().Root());
  EXPECT_EQ(DeriveStepSeed(in.Root(), "load"), DeriveStepSeed(SeedInputs().Root(), "load"));
}

TEST(SeedTest, StepSeedIsTheFirstEightBytesOfItsHash) {
  const Sha256Digest root = SeedInputs().Root();
  const Sha256Digest h =
      CanonicalWriter("docket.step-seed.v1").Digest(root).Bytes("load").Sha256Sum();
  uint64_t expected = 0;
  for (int i = 0; i < 8; ++i) expected = (expected << 8) | h.bytes[i];
  EXPECT_EQ(DeriveStepSeed(root, "load"), expected);
}

TEST(SeedTest, ChangesWithWorkflowDigest) {
  SeedInputs in;
  in.workflow = Sha256("version: 1\n");
  EXPECT_NE(in.Root(), SeedInputs().Root());
}

TEST(SeedTest, ChangesWithAnyInputDigest) {
  const Sha256Digest base = SeedInputs().Root();
  SeedInputs changed_file;
  changed_file.inputs["feedback"][1] = test::TextArtifact("B", "b.txt");
  EXPECT_NE(changed_file.Root(), base);
  SeedInputs other_input;
  other_input.inputs["notes"][0] = test::TextArtifact("m", "n.txt");
  EXPECT_NE(other_input.Root(), base);
  SeedInputs reordered;
  std::swap(reordered.inputs["feedback"][0], reordered.inputs["feedback"][1]);
  EXPECT_NE(reordered.Root(), base);
  SeedInputs moved;  // same files, split differently between inputs
  moved.inputs["notes"].insert(moved.inputs["notes"].begin(), moved.inputs["feedback"].back());
  moved.inputs["feedback"].pop_back();
  EXPECT_NE(moved.Root(), base);
  SeedInputs renamed_input;
  renamed_input.inputs["feedback2"] = renamed_input.inputs["feedback"];
  renamed_input.inputs.erase("feedback");
  EXPECT_NE(renamed_input.Root(), base);
}

TEST(SeedTest, IgnoresFileNamesAndKindsButNotBytes) {
  // Seeds are content-addressed: only digests enter, so a renamed file keeps the seed.
  SeedInputs renamed;
  renamed.inputs["feedback"][0] = test::TextArtifact("a", "other-name.txt");
  EXPECT_EQ(renamed.Root(), SeedInputs().Root());
}

TEST(SeedTest, ChangesWithParams) {
  const Sha256Digest base = SeedInputs().Root();
  SeedInputs value;
  value.params["release"] = "1.3";
  EXPECT_NE(value.Root(), base);
  SeedInputs added;
  added.params["extra"] = "";
  EXPECT_NE(added.Root(), base);
  SeedInputs removed;
  removed.params.erase("threshold");
  EXPECT_NE(removed.Root(), base);
  SeedInputs boundary;  // ("release","1.2") vs ("release1",".2")
  boundary.params.erase("release");
  boundary.params["release1"] = ".2";
  EXPECT_NE(boundary.Root(), base);
}

TEST(SeedTest, ChangesWithLogicalTime) {
  SeedInputs in;
  in.time += 1us;
  EXPECT_NE(in.Root(), SeedInputs().Root());
}

TEST(SeedTest, ChangesWithStepId) {
  const Sha256Digest root = SeedInputs().Root();
  std::set<uint64_t> seeds;
  for (const char* id : {"load", "load2", "triage", "gate", "a", "b", ""}) {
    seeds.insert(DeriveStepSeed(root, id));
  }
  EXPECT_EQ(seeds.size(), 7u);
  EXPECT_NE(DeriveStepSeed(root, "load"), DeriveStepSeed(SeedInputs{.time = {}}.Root(), "load"));
}

}  // namespace
}  // namespace docket::engine
