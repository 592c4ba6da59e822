#include "workflows/steps/redact_step.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <mutex>

#include "engine/executor.h"
#include "engine/plan.h"
#include "engine/workflow_parser.h"
#include "tests/workflows/steps/step_harness.h"
#include "workflows/steps/artifact_kinds.h"
#include "workflows/steps/records_artifact.h"

namespace docket::workflows {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// Records with PII in the text (ASCII and multibyte) and in extras, and one without.
FeedbackBatch SampleBatch() {
  FeedbackBatch b;
  FeedbackRecord* a = b.add_records();
  a->set_id("t-1");
  a->set_created_at_us(1'700'000'000'000'000);
  a->set_language("de-DE");
  a->set_text("Hallo, my name is Jane Doe. Mail jane.doe@example.com or call +49 30 90182021.");
  FeedbackRecord* m = b.add_records();
  m->set_id("t-2");
  m->set_region("fr");
  m->set_text("Caf\xC3\xA9 \xE2\x98\x95 broke; write to j\xC3\xB6rg@example.de please");
  (*m->mutable_extras())["note"] = "forwarded by bob@example.com";
  FeedbackRecord* c = b.add_records();
  c->set_id("t-3");
  c->set_text("The checkout button does nothing on version 4.3.0.");
  return b;
}

const std::string kRawValues[] = {"jane.doe@example.com", "Jane Doe", "90182021",
                                  "j\xC3\xB6rg@example.de", "bob@example.com"};

class FakeVault final : public redact::TokenVault {
 public:
  StatusOr<std::string> Tokenize(std::string_view subject, redact::EntityType,
                                 std::string_view raw) override {
    std::lock_guard<std::mutex> guard(mu_);
    stored.emplace_back(std::string(subject), std::string(raw));
    return "ref" + std::to_string(stored.size());
  }
  std::mutex mu_;
  std::vector<std::pair<std::string, std::string>> stored;
};

engine::Artifact PolicyFile(std::string yaml) {
  return engine::Artifact::Make(kKindRedactionPolicyFile, "application/octet-stream",
                                "redaction.yaml", std::move(yaml));
}

TEST(RegionHintOfTest, RegionFieldThenLanguageSubtag) {
  EXPECT_EQ(RegionHintOf("de", "en-US"), "DE");
  EXPECT_EQ(RegionHintOf("", "pt-BR"), "BR");
  EXPECT_EQ(RegionHintOf("", "zh-Hant-TW"), "TW");
  EXPECT_EQ(RegionHintOf("Europe", "en"), "");
  EXPECT_EQ(RegionHintOf("", ""), "");
}

TEST(RedactStepTest, BundledPolicyRedactsTextAndExtrasWithEvidenceWithoutRawValues) {
  RedactionDeps deps{.pseudonym_key = "tenant-key"};
  testing::StepHarness h;
  h.redaction = &deps;
  ASSERT_TRUE(h.Build("redact", "")) << h.Errors();
  const FeedbackBatch in = SampleBatch();
  auto out = h.Run({{"records", {MakeRecordsArtifact(in)}}});
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  const FeedbackBatch b = *ParseRecordsArtifact(out->at("records"));
  ASSERT_EQ(b.records_size(), 3);
  EXPECT_EQ(b.records(0).id(), "t-1");
  EXPECT_EQ(b.records(0).created_at_us(), in.records(0).created_at_us());
  EXPECT_EQ(b.records(0).language(), "de-DE");
  EXPECT_THAT(b.records(0).text(), HasSubstr("<EMAIL_1>"));
  EXPECT_THAT(b.records(0).text(), HasSubstr("<PHONE_1>"));
  EXPECT_THAT(b.records(0).text(), HasSubstr("<PERSON_NAME:"));  // pseudonym
  EXPECT_EQ(b.records(1).text(), "Caf\xC3\xA9 \xE2\x98\x95 broke; write to <EMAIL_1> please");
  EXPECT_EQ(b.records(1).extras().at("note"), "forwarded by <EMAIL_1>");
  EXPECT_EQ(b.records(2).text(), in.records(2).text());
  const std::string& evidence = out->at("evidence").data();
  EXPECT_EQ(out->at("evidence").kind, kKindRedactionEvidence);
  for (const std::string& raw : kRawValues) {
    EXPECT_THAT(out->at("records").data(), Not(HasSubstr(raw)));
    EXPECT_THAT(evidence, Not(HasSubstr(raw)));
  }
  const boost::json::value doc = boost::json::parse(evidence);
  EXPECT_EQ(doc.at("policy"), "<bundled default policy>");
  EXPECT_EQ(doc.at("pseudonym_key_id").as_string(), PseudonymKeyId("tenant-key"));
  EXPECT_EQ(doc.at("records_scanned").to_number<int64_t>(), 3);
  const boost::json::array& records = doc.at("records").as_array();
  ASSERT_EQ(records.size(), 2u);  // t-3 had nothing to redact
  EXPECT_EQ(records[1].at("id"), "t-2");
  // Offsets are bytes into the original text; the email after "☕" starts past 3-byte
  // and 2-byte characters.
  const std::string& original = in.records(1).text();
  bool saw_text_email = false;
  for (const auto& r : records[1].at("redactions").as_array()) {
    const size_t start = r.at("start").to_number<size_t>();
    const size_t end = r.at("end").to_number<size_t>();
    EXPECT_EQ(r.at("type"), "EMAIL");
    EXPECT_EQ(r.at("operator"), "placeholder");
    EXPECT_FALSE(r.at("detector").as_string().empty());
    if (r.at("field") == "text") {
      saw_text_email = true;
      EXPECT_EQ(original.substr(start, end - start), "j\xC3\xB6rg@example.de");
    } else {
      EXPECT_EQ(r.at("field"), "extras.note");
    }
  }
  EXPECT_TRUE(saw_text_email);
}

TEST(RedactStepTest, PseudonymsNeedTheInjectedKey) {
  testing::StepHarness h;  // no RedactionDeps: no key
  ASSERT_TRUE(h.Build("redact", "")) << h.Errors();
  auto out = h.Run({{"records", {MakeRecordsArtifact(SampleBatch())}}});
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_THAT(out.status().message(), HasSubstr("record t-1"));
  EXPECT_THAT(out.status().message(), HasSubstr("PERSON_NAME"));
}

TEST(RedactStepTest, DeclaredPolicyTokensGoToTheVaultPerRecord) {
  FakeVault vault;
  RedactionDeps deps{.pseudonym_key = "k", .vault = &vault};
  testing::StepHarness h;
  h.redaction = &deps;
  ASSERT_TRUE(h.Build("redact", "")) << h.Errors();
  auto out = h.Run({{"records", {MakeRecordsArtifact(SampleBatch())}},
                    {"policy", {PolicyFile("version: 1\noperators:\n  EMAIL: token\n"
                                           "  PERSON_NAME: drop\n  PHONE: mask\n")}}});
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  const FeedbackBatch b = *ParseRecordsArtifact(out->at("records"));
  EXPECT_THAT(b.records(0).text(), HasSubstr("<EMAIL_TOKEN:ref"));
  EXPECT_THAT(b.records(0).text(), HasSubstr("2021"));  // masked, last four kept
  EXPECT_THAT(b.records(0).text(), Not(HasSubstr("Jane")));
  ASSERT_EQ(vault.stored.size(), 3u);
  EXPECT_EQ(vault.stored[0], std::make_pair(std::string("t-1"),
                                            std::string("jane.doe@example.com")));
  EXPECT_EQ(vault.stored[2].first, "t-2");  // the extras value, same data subject
  EXPECT_EQ(boost::json::parse(out->at("evidence").data()).at("policy"), "redaction.yaml");
}

TEST(RedactStepTest, BadPolicyFileFailsWithFileLine) {
  testing::StepHarness h;
  ASSERT_TRUE(h.Build("redact", "")) << h.Errors();
  auto out = h.Run({{"records", {MakeRecordsArtifact(SampleBatch())}},
                    {"policy", {PolicyFile("version: 1\noperatorz: {}\n")}}});
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(out.status().message(), HasSubstr("redaction.yaml:2:"));
}

constexpr char kWorkflow[] = R"(version: 1
name: redact_test
inputs:
  records:
    kind: feedback.records
  policy:
    kind: file.redaction_policy
steps:
  - id: redact
    type: redact
    inputs:
      records: inputs.records
      policy: inputs.policy
  - id: bundled
    type: redact
    inputs:
      records: inputs.records
outputs:
  records: redact.records
  evidence: redact.evidence
  bundled_records: bundled.records
  bundled_evidence: bundled.evidence
)";

// Runs kWorkflow through the engine with `threads` and returns its outputs' digests.
std::map<std::string, std::string> RunWorkflow(int threads, const RedactionDeps& deps) {
  engine::StepRegistry registry;
  EXPECT_TRUE(RegisterFeedbackSteps(registry, &deps).ok());
  std::vector<engine::Diagnostic> diags;
  std::optional<engine::WorkflowDefinition> def =
      engine::ParseWorkflow("redact_test.yaml", kWorkflow, diags);
  EXPECT_TRUE(def.has_value());
  if (!def) return {};
  std::optional<engine::Plan> plan = engine::BuildPlan(std::move(*def), registry, diags);
  for (const auto& d : diags) ADD_FAILURE() << d.ToString();
  if (!plan) return {};
  FakeClock clock(*ParseRfc3339("2026-11-20T00:00:00Z"));
  engine::NoEffects effects;
  engine::Executor executor({.threads = threads, .clock = &clock, .effects = &effects});
  engine::RunRequest request{.run_id = "run-test", .logical_time = clock.Now()};
  FeedbackBatch batch = SampleBatch();
  for (int i = 0; i < 200; ++i) *batch.add_records() = batch.records(i % 3);
  request.inputs["records"] = {MakeRecordsArtifact(batch)};
  request.inputs["policy"] = {PolicyFile("version: 1\nregion: DE\ndefault_operator: mask\n")};
  StatusOr<engine::RunResult> result = executor.Run(*plan, std::move(request));
  EXPECT_TRUE(result.ok()) << result.status().ToString();
  if (!result.ok()) return {};
  EXPECT_EQ(result->status, engine::RunStatus::kSucceeded);
  std::map<std::string, std::string> digests;
  for (const auto& [name, artifact] : result->outputs) digests[name] = artifact.digest.Hex();
  return digests;
}

TEST(RedactStepTest, EngineRunsAreDeterministicWithOneAndFourThreads) {
  const RedactionDeps deps{.pseudonym_key = "tenant-key"};
  const auto one = RunWorkflow(1, deps);
  const auto four = RunWorkflow(4, deps);
  ASSERT_EQ(one.size(), 4u);
  EXPECT_EQ(one, four);
  EXPECT_NE(one.at("records"), one.at("bundled_records"));  // declared policy masks instead
  // Another key gives other pseudonyms (the bundled policy pseudonymizes names).
  const auto other = RunWorkflow(1, RedactionDeps{.pseudonym_key = "other-key"});
  EXPECT_EQ(other.at("records"), one.at("records"));  // the declared policy has none
  EXPECT_NE(other.at("bundled_records"), one.at("bundled_records"));
}

}  // namespace
}  // namespace docket::workflows
