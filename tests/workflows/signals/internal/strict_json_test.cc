#include "workflows/signals/internal/strict_json.h"

#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include "workflows/signals/internal/canonical_json.h"

namespace docket::workflows::signals::internal {
namespace {

StatusOr<StrictJsonDocument> Parse(std::string_view bytes, StrictJsonLimits limits = {}) {
  return ParseStrictJson("d.json", bytes, limits, "document");
}

TEST(StrictJsonTest, BuildsTheSameValueAsBoostJson) {
  const std::string_view text =
      R"({"s":"a\"b\u00e9","i":-3,"u":18446744073709551615,"d":0.5,"t":true,"n":null,)"
      R"("a":[1,[2,{}],"x"],"o":{"k":{}}})";
  StatusOr<StrictJsonDocument> doc = Parse(text);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(boost::json::serialize(doc->root()),
            R"({"s":"a\"bé","i":-3,"u":18446744073709551615,"d":5E-1,"t":true,"n":null,)"
            R"("a":[1,[2,{}],"x"],"o":{"k":{}}})");
}

TEST(StrictJsonTest, LocatesOuterKeys) {
  const std::string_view text = "{\n  \"a\": {\n    \"b\": [ {\"c\": 1} ],\n    \"d\": 2\n  }\n}";
  StatusOr<StrictJsonDocument> doc = Parse(text);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->Where({}), "d.json:1:1");
  EXPECT_EQ(doc->Where({"a"}), "d.json:2:3");
  EXPECT_EQ(doc->Where({"a", "b"}), "d.json:3:5");
  EXPECT_EQ(doc->Where({"a", "d"}), "d.json:4:5");
  // Behind an array, or unknown: the nearest located ancestor.
  EXPECT_EQ(doc->Where({"a", "b", "c"}), "d.json:3:5");
  EXPECT_EQ(doc->Where({"zz"}), "d.json:1:1");
}

TEST(StrictJsonTest, LocatedDepthBoundsTheKeysRemembered) {
  StrictJsonLimits limits;
  limits.located_depth = 1;
  StatusOr<StrictJsonDocument> doc = Parse("{\"a\": {\"b\": 1}}", limits);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->Where({"a"}), "d.json:1:2");
  EXPECT_EQ(doc->Where({"a", "b"}), "d.json:1:2");
}

TEST(StrictJsonTest, AKeyWithEscapesIsLocatedAtTheTokenBeforeIt) {
  StatusOr<StrictJsonDocument> doc = Parse("{\"x\": 1,\n \"\\u0061\": 2}");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->Where({"a"}), "d.json:1:7");  // the 1 before it
}

TEST(StrictJsonTest, RejectsDuplicateKeysAtAnyDepth) {
  EXPECT_EQ(Parse(R"([{"a": 1, "b": {"c": 1, "c": 2}}])").status().message(),
            "d.json:1:25: duplicate key \"c\" in one object; keep only one of them");
  EXPECT_TRUE(Parse(R"([{"a": 1}, {"a": 1}])").ok());  // different objects
}

TEST(StrictJsonTest, RejectsTrailingTextAndNonFiniteNumbers) {
  EXPECT_EQ(Parse("{} {}").status().message(),
            "d.json:1:4: unexpected text after the JSON value; a file holds one JSON document");
  EXPECT_EQ(Parse("[1, -1e400]").status().message(), "d.json:1:5: number -1e400 is out of range");
  EXPECT_TRUE(Parse("{}  \n").ok());
}

TEST(StrictJsonTest, CanonicalJsonSortsKeysAtEveryDepth) {
  StatusOr<StrictJsonDocument> doc = Parse(R"({"b": [{"y": 1, "x": 2}], "a": "\u00e9", "": 0})");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(CanonicalJson(doc->root()), R"({"":0,"a":"é","b":[{"x":2,"y":1}]})");
}

}  // namespace
}  // namespace docket::workflows::signals::internal
