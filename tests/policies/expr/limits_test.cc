// Hostile input: every limit is a clear kInvalidArgument, never a crash.
#include "policies/expr/limits.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "policies/expr/evaluate.h"
#include "policies/expr/expression.h"
#include "policies/expr/printer.h"

namespace docket::policies::expr {
namespace {

using ::testing::StartsWith;

std::string Repeat(std::string_view piece, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += piece;
  return out;
}

std::string Error(const std::string& source) {
  StatusOr<Expression> e = Compile(source);
  EXPECT_FALSE(e.ok());
  if (e.ok()) return "";
  EXPECT_EQ(e.status().code(), StatusCode::kInvalidArgument);
  return e.status().message();
}

TEST(PolicyExprLimitsTest, SourceSize) {
  const std::string at_limit = "x" + std::string(kMaxSourceBytes - 1, ' ');
  EXPECT_TRUE(Compile(at_limit).ok());
  EXPECT_EQ(Error(at_limit + " "), "expression is 4097 bytes; the limit is 4096");
}

TEST(PolicyExprLimitsTest, ParenthesesNesting) {
  EXPECT_TRUE(Compile(Repeat("(", 64) + "x" + Repeat(")", 64)).ok());
  EXPECT_THAT(Error(Repeat("(", 65) + "x" + Repeat(")", 65)),
              StartsWith("expression nests deeper than 64 levels at column 65"));
  // Far past the limit: stops at the first level too many, no deep recursion.
  EXPECT_THAT(Error(Repeat("(", 4000)), StartsWith("expression nests deeper than 64 levels"));
}

TEST(PolicyExprLimitsTest, PrefixOperatorNesting) {
  EXPECT_THAT(Error(Repeat("not ", 1000) + "x"), StartsWith("expression nests deeper than 64"));
  EXPECT_THAT(Error(Repeat("-", 4000) + "1"), StartsWith("expression nests deeper than 64"));
  EXPECT_THAT(Error(Repeat("max(", 1000)), StartsWith("expression nests deeper than 64"));
}

TEST(PolicyExprLimitsTest, OperatorChainsCountTowardsDepth) {
  EXPECT_TRUE(Compile("x" + Repeat(" + x", 63)).ok());
  EXPECT_THAT(Error("x" + Repeat(" + x", 64)),
              StartsWith("expression nests deeper than 64 levels at column 255"));
}

TEST(PolicyExprLimitsTest, NodeCount) {
  // Wide, shallow trees: max() with 600 arguments is 601 nodes.
  const std::string wide = "max(" + Repeat("x, ", 599) + "x)";
  EXPECT_TRUE(Compile(wide).ok());
  EXPECT_THAT(Error(wide + " + " + wide), StartsWith("expression has more than 1024 nodes"));
}

TEST(PolicyExprLimitsTest, ListItems) {
  EXPECT_TRUE(Compile("x in [" + Repeat("1, ", 255) + "1]").ok());
  EXPECT_THAT(Error("x in [" + Repeat("1, ", 256) + "1]"),
              StartsWith("a list has at most 256 items at column 775"));
}

TEST(PolicyExprLimitsTest, DeepestAllowedTreeEvaluatesAndPrints) {
  const std::string source = Repeat("(", 62) + "x" + Repeat(" + 1)", 62);
  StatusOr<Expression> e = Compile(source);
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  MapEnvironment env;
  env.Set("x", Value::Number(1));
  EXPECT_EQ(*Evaluate(*e, env), Value::Number(63));
  EXPECT_EQ(ToString(*e), "x" + Repeat(" + 1", 62));
}

}  // namespace
}  // namespace docket::policies::expr
