#include "policies/expr/value.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "policies/expr/environment.h"

namespace docket::policies::expr {
namespace {

TEST(PolicyExprFormatNumberTest, PrintsShortestRoundTrip) {
  EXPECT_EQ(FormatNumber(0.1), "0.1");
  EXPECT_EQ(FormatNumber(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(FormatNumber(2), "2");
  EXPECT_EQ(FormatNumber(-1.5), "-1.5");
  EXPECT_EQ(FormatNumber(172800), "172800");
  EXPECT_EQ(FormatNumber(1e21), "1e+21");
  EXPECT_EQ(FormatNumber(1e-7), "1e-07");
  EXPECT_EQ(FormatNumber(-0.0), "-0");
  EXPECT_EQ(FormatNumber(5e-324), "5e-324");
  EXPECT_EQ(FormatNumber(std::numeric_limits<double>::max()), "1.7976931348623157e+308");
  EXPECT_EQ(FormatNumber(std::numeric_limits<double>::infinity()), "inf");
}

TEST(PolicyExprValueTest, KindsAndAccessors) {
  EXPECT_TRUE(Value().is_missing());
  EXPECT_EQ(Value::Bool(true).kind(), ValueKind::kBool);
  EXPECT_EQ(Value::Number(3).number(), 3);
  EXPECT_EQ(Value::String("x").string(), "x");
  EXPECT_EQ(Value::List({Value::Number(1)}).list().size(), 1u);
  EXPECT_EQ(KindName(ValueKind::kString), "string");
}

TEST(PolicyExprValueTest, EqualityIsByKindAndContents) {
  EXPECT_EQ(Value::Number(0), Value::Number(-0.0));
  EXPECT_NE(Value::Number(1), Value::String("1"));
  EXPECT_NE(Value::Bool(true), Value::Number(1));
  EXPECT_EQ(Value::Missing(), Value());
  EXPECT_EQ(Value::List({Value::String("a")}), Value::List({Value::String("a")}));
}

TEST(PolicyExprValueTest, ToStringIsCanonicalLiteralText) {
  EXPECT_EQ(ToString(Value()), "null");
  EXPECT_EQ(ToString(Value::Bool(false)), "false");
  EXPECT_EQ(ToString(Value::Number(0.25)), "0.25");
  EXPECT_EQ(ToString(Value::String("it's \\ \"x\"\n\t\x01\x7f é")),
            "'it\\'s \\\\ \"x\"\\n\\t\\u0001\\u007F é'");
  EXPECT_EQ(ToString(Value::List({Value::Number(1), Value::Number(-2)})), "[1, -2]");
  EXPECT_EQ(ToString(Value::List({})), "[]");
}

TEST(PolicyExprMapEnvironmentTest, AbsentNamesAreMissing) {
  MapEnvironment environment({{"a.b", Value::Number(1)}});
  environment.Set("c", Value::String("x"));
  EXPECT_EQ(environment.Lookup("a.b"), Value::Number(1));
  EXPECT_EQ(environment.Lookup("c"), Value::String("x"));
  EXPECT_TRUE(environment.Lookup("a").is_missing());
}

}  // namespace
}  // namespace docket::policies::expr
