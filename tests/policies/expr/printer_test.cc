#include "policies/expr/printer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "policies/expr/expression.h"

namespace docket::policies::expr {
namespace {

std::string Print(std::string_view source) {
  StatusOr<Expression> e = Compile(source);
  EXPECT_TRUE(e.ok()) << e.status().ToString();
  return e.ok() ? ToString(*e) : "";
}

TEST(PolicyExprPrinterTest, CanonicalSpacingAndQuotes) {
  EXPECT_EQ(Print("rate_ratio>=2 and(q<0.01)"), "rate_ratio >= 2 and q < 0.01");
  EXPECT_EQ(Print("severity in [\"critical\",'high']"), "severity in ['critical', 'high']");
  EXPECT_EQ(Print("max( a ,b,1 )"), "max(a, b, 1)");
  EXPECT_EQ(Print("x not  in[1,-2]"), "x not in [1, -2]");
  EXPECT_EQ(Print("s == \"it's\""), "s == 'it\\'s'");
  EXPECT_EQ(Print("s == '\\u0001\\u00e9'"), "s == '\\u0001é'");
}

TEST(PolicyExprPrinterTest, NumbersPrintAsEvaluated) {
  EXPECT_EQ(Print("share > 10%"), "share > 0.1");
  EXPECT_EQ(Print("age > 48h"), "age > 172800");
  EXPECT_EQ(Print("x > 1.50"), "x > 1.5");
  EXPECT_EQ(Print("x > 1e21"), "x > 1e+21");
  EXPECT_EQ(Print("x > 0.0000001"), "x > 1e-07");
  EXPECT_EQ(Print("x > 007"), "x > 7");
}

TEST(PolicyExprPrinterTest, MinimalParentheses) {
  EXPECT_EQ(Print("((a)) + (b * c)"), "a + b * c");
  EXPECT_EQ(Print("(a + b) * c"), "(a + b) * c");
  EXPECT_EQ(Print("a - (b - c)"), "a - (b - c)");
  EXPECT_EQ(Print("(a - b) - c"), "a - b - c");
  EXPECT_EQ(Print("a / (b * c)"), "a / (b * c)");
  EXPECT_EQ(Print("a or (b and c)"), "a or b and c");
  EXPECT_EQ(Print("(a or b) and c"), "(a or b) and c");
  EXPECT_EQ(Print("a and (b and c)"), "a and (b and c)");
  EXPECT_EQ(Print("not (a and b)"), "not (a and b)");
  EXPECT_EQ(Print("(not a) and b"), "not a and b");
  EXPECT_EQ(Print("not (a == b)"), "not a == b");
  EXPECT_EQ(Print("(not a) == b"), "(not a) == b");
  EXPECT_EQ(Print("a == (not b)"), "a == (not b)");
  EXPECT_EQ(Print("(a < b) == (c < d)"), "(a < b) == (c < d)");
  EXPECT_EQ(Print("-(a + b)"), "-(a + b)");
  EXPECT_EQ(Print("- - a"), "- -a");
  EXPECT_EQ(Print("-(-(-a))"), "- - -a");
  EXPECT_EQ(Print("a - -b"), "a - -b");
  EXPECT_EQ(Print("-a * b"), "-a * b");
  EXPECT_EQ(Print("not not a"), "not not a");
  EXPECT_EQ(Print("(x in [1]) == true"), "(x in [1]) == true");
}

TEST(PolicyExprPrinterTest, RoundTripIsByteStable) {
  for (const char* source : {
           "rate_ratio >= 2 and q < 0.01 and observed >= 5",
           "observed > baseline * 1.5 or share > 10%",
           "signals.regression.failed > 0",
           "severity in ['critical', 'high'] and count >= 3",
           "max(observed - expected, 0) / max(expected, 1)",
           "not exists(evidence.q) or coalesce(evidence.q, 1) < 0.05",
           "round(sqrt(abs(x)) + log(y), 2) != -(-z)",
           "((a or b) and not (c or d)) == (e in [true])",
           "x > 0.1 + 0.2 and y < 1e-300 and z == 1.7976931348623157e308",
           "s not in ['\\\\', '\\'', \"\\\"\", '\\n\\t', '\\ud83d\\ude00'] and t < 7d",
           "a - (b - (c - d)) / (e / f) * -g",
       }) {
    const std::string first = Print(source);
    EXPECT_EQ(Print(first), first) << source;
  }
}

// Found by policy_expr_fuzz: printing -(-x) added a nesting level per minus, so a chain of
// 40 minus signs printed to text that no longer compiled.
TEST(PolicyExprPrinterTest, NestedNegationsStayWithinTheNestingLimit) {
  const std::string source = "x / " + std::string(60, '-') + "y";
  const std::string printed = Print(source);
  std::string expected = "x / ";
  for (int i = 0; i < 59; ++i) expected += "- ";
  EXPECT_EQ(printed, expected + "-y");
  EXPECT_EQ(Print(printed), printed);
}

}  // namespace
}  // namespace docket::policies::expr
