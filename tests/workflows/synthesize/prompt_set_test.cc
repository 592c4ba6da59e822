#include "workflows/synthesize/prompt_set.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "tests/workflows/synthesize/synthesis_fixture.h"

namespace docket::workflows::synthesize {
namespace {

using testing::ReplaceFile;
using testing::RepoPrompts;

TEST(PromptSetTest, LoadsTheRepositoryPrompts) {
  StatusOr<PromptSet> set = PromptSet::Load(RepoPrompts());
  ASSERT_TRUE(set.ok()) << set.status().message();
  for (const char* id : {"theme_summary", "release_notes", "triage_ticket", "rollback_guidance"}) {
    StatusOr<const Prompt*> p = set->Find(id);
    ASSERT_TRUE(p.ok()) << id;
    EXPECT_EQ((*p)->ref.version, "1");
    EXPECT_EQ((*p)->ref.digest.rfind("sha256:", 0), 0u);
    EXPECT_FALSE((*p)->schema_id.empty());
    EXPECT_FALSE((*p)->system_text.empty());
    EXPECT_FALSE((*p)->user_text.empty());
  }
  EXPECT_EQ(set->repair().ref.id, "repair");
  EXPECT_FALSE(set->Find("nope").ok());
}

TEST(PromptSetTest, DigestMismatchNamesTheFile) {
  std::vector<engine::Artifact> files = RepoPrompts();
  std::string edited;
  for (const engine::Artifact& f : files) {
    if (f.name == "triage_ticket.mustache") edited = f.data() + "Be brief.\n";
  }
  ReplaceFile(files, "triage_ticket.mustache", edited);
  StatusOr<PromptSet> set = PromptSet::Load(files);
  ASSERT_FALSE(set.ok());
  EXPECT_EQ(set.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(set.status().message().find("triage_ticket.mustache"), std::string::npos);
  EXPECT_NE(set.status().message().find("digest"), std::string::npos);
}

TEST(PromptSetTest, MissingManifestOrFileIsAnError) {
  std::vector<engine::Artifact> files = RepoPrompts();
  std::vector<engine::Artifact> no_manifest, no_schema;
  for (const engine::Artifact& f : files) {
    if (f.name != "manifest.yaml") no_manifest.push_back(f);
    if (f.name != "rollback_guidance.schema.json") no_schema.push_back(f);
  }
  EXPECT_FALSE(PromptSet::Load(no_manifest).ok());
  StatusOr<PromptSet> set = PromptSet::Load(no_schema);
  ASSERT_FALSE(set.ok());
  EXPECT_NE(set.status().message().find("rollback_guidance.schema.json"), std::string::npos);
}

TEST(PromptSetTest, SchemaOutsideTheStrictSubsetIsRefused) {
  std::vector<engine::Artifact> files = RepoPrompts();
  ReplaceFile(files, "release_notes.schema.json",
              R"({"type":"object","properties":{"headline":{"type":"string"}},)"
              R"("required":[],"additionalProperties":false})");
  StatusOr<PromptSet> set = PromptSet::Load(files);
  ASSERT_FALSE(set.ok());
  EXPECT_NE(set.status().message().find("required"), std::string::npos);
}

TEST(PromptSetTest, RenderFailsOnAMissingVariable) {
  StatusOr<PromptSet> set = PromptSet::Load(RepoPrompts());
  ASSERT_TRUE(set.ok());
  StatusOr<std::vector<ChatMessage>> messages =
      RenderPrompt(**set->Find("rollback_guidance"), boost::json::object{{"verdict", "BLOCK"}});
  ASSERT_FALSE(messages.ok());
  EXPECT_NE(messages.status().message().find("release"), std::string::npos);
}

}  // namespace
}  // namespace docket::workflows::synthesize
