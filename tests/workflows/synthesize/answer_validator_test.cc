#include "workflows/synthesize/answer_validator.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "tests/workflows/synthesize/synthesis_fixture.h"

namespace docket::workflows::synthesize {
namespace {

namespace json = boost::json;

std::unique_ptr<AnswerSchema> TicketSchema() {
  const std::string text =
      testing::Slurp(testing::SourceDir() + "/workflows/prompts/schemas/triage_ticket.schema.json");
  StatusOr<std::unique_ptr<AnswerSchema>> schema = AnswerSchema::Compile("triage", text);
  EXPECT_TRUE(schema.ok()) << schema.status().message();
  return std::move(*schema);
}

AnswerFacts Facts() {
  AnswerFacts f;
  f.citable_ids = {"z-101", "z-102"};
  f.exact = {{"group", json::value("checkout")}};
  f.allowed["evidence[].rule"] = {"area-spike"};
  f.allowed["evidence[].instance"] = {"checkout"};
  f.segment_counts = {{"tier:pro", 2}};
  f.input_text = "quote z-101 mentions https://shop.example/help and req-a1";
  return f;
}

json::object GoodTicket() {
  return json::object{
      {"group", "checkout"},
      {"title", "Card payments declined"},
      {"severity", "critical"},
      {"summary", "See https://shop.example/help."},
      {"affected_segments", json::array{json::object{{"segment", "tier:pro"}, {"count", 2}}}},
      {"reproduction_hints", json::array{"Look up request id req-a1"}},
      {"likely_owner", "payments"},
      {"evidence", json::array{json::object{{"rule", "area-spike"}, {"instance", "checkout"}}}},
      {"cited_ids", json::array{"z-101"}}};
}

std::vector<std::string> ProblemsOf(const json::object& answer) {
  return CheckAnswer(json::serialize(answer), *TicketSchema(), Facts()).problems;
}

TEST(AnswerValidatorTest, AGoodAnswerPasses) {
  AnswerCheck check = CheckAnswer(json::serialize(GoodTicket()), *TicketSchema(), Facts());
  EXPECT_TRUE(check.problems.empty()) << check.problems.front();
  EXPECT_EQ(check.answer.at("title"), "Card payments declined");
}

TEST(AnswerValidatorTest, InvalidJsonAndSchemaViolations) {
  EXPECT_FALSE(CheckAnswer("{\"group\": ", *TicketSchema(), Facts()).problems.empty());
  EXPECT_FALSE(CheckAnswer("[1]", *TicketSchema(), Facts()).problems.empty());
  json::object missing = GoodTicket();
  missing.erase("title");
  EXPECT_FALSE(ProblemsOf(missing).empty());
  json::object extra = GoodTicket();
  extra["url"] = "x";
  EXPECT_FALSE(ProblemsOf(extra).empty());
  json::object bad_enum = GoodTicket();
  bad_enum["severity"] = "urgent";
  EXPECT_FALSE(ProblemsOf(bad_enum).empty());
}

TEST(AnswerValidatorTest, SemanticViolations) {
  json::object a = GoodTicket();
  a["cited_ids"] = json::array{"z-101", "z-999"};
  std::vector<std::string> p = ProblemsOf(a);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_NE(p[0].find("z-999"), std::string::npos);

  a = GoodTicket();
  a["group"] = "search";
  EXPECT_EQ(ProblemsOf(a).size(), 1u);

  a = GoodTicket();
  a["affected_segments"] = json::array{json::object{{"segment", "tier:pro"}, {"count", 3}},
                                       json::object{{"segment", "tier:gold"}, {"count", 1}}};
  EXPECT_EQ(ProblemsOf(a).size(), 2u);

  a = GoodTicket();
  a["evidence"] = json::array{json::object{{"rule", "made-up"}, {"instance", "checkout"}}};
  EXPECT_EQ(ProblemsOf(a).size(), 1u);
}

TEST(AnswerValidatorTest, ContactDetailsNotInTheInputAreRefused) {
  json::object a = GoodTicket();
  a["summary"] = "Mail support@shop.example or call +1 (555) 010-2233, see www.evil.example.";
  std::vector<std::string> p = ProblemsOf(a);
  EXPECT_EQ(p.size(), 3u);
  a["summary"] = "Known link https://shop.example/help, request req-a1.";
  EXPECT_TRUE(ProblemsOf(a).empty());
}

TEST(AnswerValidatorTest, FindContactDetails) {
  EXPECT_EQ(FindContactDetails("see https://a.example/x?y=1, then"),
            std::vector<std::string>{"https://a.example/x?y=1"});
  EXPECT_EQ(FindContactDetails("write to jane.doe+x@mail.example.org."),
            std::vector<std::string>{"jane.doe+x@mail.example.org"});
  EXPECT_EQ(FindContactDetails("call 030 1234 5678 now"),
            std::vector<std::string>{"030 1234 5678"});
  EXPECT_TRUE(FindContactDetails("111 reports, rate ratio 3.7, q 2.6e-08, PAY-402").empty());
  EXPECT_TRUE(FindContactDetails("a@b and @handle").empty());
}

TEST(AnswerValidatorTest, CompileRefusesNonStrictSchemas) {
  EXPECT_FALSE(AnswerSchema::Compile("s", R"({"type":"object","properties":{}})").ok());
  EXPECT_FALSE(AnswerSchema::Compile("s", "not json").ok());
  EXPECT_TRUE(AnswerSchema::Compile("s", R"({"type":"object","properties":{},)"
                                         R"("required":[],"additionalProperties":false})")
                  .ok());
}

}  // namespace
}  // namespace docket::workflows::synthesize
