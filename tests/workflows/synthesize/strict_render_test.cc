#include "workflows/synthesize/strict_render.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace docket::workflows::synthesize {
namespace {

namespace json = boost::json;

TEST(StrictRenderTest, RendersVariablesSectionsAndNumbers) {
  const json::value model = json::object{{"name", "checkout"},
                                         {"n", 111},
                                         {"ratio", 3.7},
                                         {"flag", true},
                                         {"items", json::array{"a", "b"}},
                                         {"none", json::array{}}};
  StatusOr<std::string> out =
      RenderStrict("t",
                   "{{name}} {{n}} {{ratio}}{{#flag}} yes{{/flag}} {{#items}}{{.}};{{/items}}"
                   "{{^none}}empty{{/none}}",
                   model);
  ASSERT_TRUE(out.ok()) << out.status().message();
  EXPECT_EQ(*out, "checkout 111 3.7 yes a;b;empty");
}

TEST(StrictRenderTest, MissingVariableIsAnErrorNamingIt) {
  const json::value model = json::object{{"group", json::object{{"key", "x"}}}};
  StatusOr<std::string> out = RenderStrict(
      "theme_summary.mustache", "{{group.key}} {{group.label}} {{#nope}}{{/nope}}", model);
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(out.status().message().find("theme_summary.mustache"), std::string::npos);
  EXPECT_NE(out.status().message().find("group.label"), std::string::npos);
  EXPECT_NE(out.status().message().find("nope"), std::string::npos);
}

TEST(StrictRenderTest, NoHtmlEscapingAndJsonStringEscaping) {
  const json::value model = json::object{{"text", "a \"<b>\" & c\\\n"}};
  EXPECT_EQ(*RenderStrict("t", "{{text}}", model), "a \"<b>\" & c\\\n");
  EXPECT_EQ(*RenderStrict("t", "\"{{text}}\"", model, RenderMode::kJson),
            "\"a \\\"<b>\\\" & c\\\\\\u000a\"");
}

TEST(StrictRenderTest, JsonModeGivesListItemsSeparators) {
  const json::value model =
      json::object{{"ids", json::array{"a", "b"}},
                   {"rows", json::array{json::object{{"k", 1}}, json::object{{"k", 2}}}}};
  EXPECT_EQ(
      *RenderStrict("t", "[{{#ids}}\"{{value}}\"{{sep}}{{/ids}}] [{{#rows}}{{k}}{{sep}}{{/rows}}]",
                    model, RenderMode::kJson),
      "[\"a\",\"b\"] [1,2]");
}

TEST(StrictRenderTest, AParsedTemplateRendersManyModels) {
  StatusOr<StrictTemplate> tmpl = StrictTemplate::Parse("t", "{{n}};", RenderMode::kText);
  ASSERT_TRUE(tmpl.ok());
  EXPECT_EQ(*tmpl->Render(json::object{{"n", 1}}), "1;");
  EXPECT_FALSE(tmpl->Render(json::object{}).ok());
  EXPECT_EQ(*tmpl->Render(json::object{{"n", 2}}), "2;");
}

TEST(StrictRenderTest, SyntaxErrorIsAnError) {
  EXPECT_FALSE(RenderStrict("t", "{{#open}}", json::object{{"open", true}}).ok());
}

TEST(StrictRenderTest, DisplayNumber) {
  EXPECT_EQ(DisplayNumber(3.0), "3");
  EXPECT_EQ(DisplayNumber(3.7), "3.7");
  EXPECT_EQ(DisplayNumber(2.6370144754263477e-08), "2.637e-08");
}

}  // namespace
}  // namespace docket::workflows::synthesize
