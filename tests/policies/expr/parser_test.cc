#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "policies/expr/expression.h"
#include "policies/expr/internal/function_table.h"
#include "policies/expr/value.h"

namespace docket::policies::expr {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::StartsWith;

// Fully parenthesised view of the tree, independent of the canonical printer.
std::string Tree(const Expression& e, const internal::Node& node) {
  const auto child = [&](size_t i) { return Tree(e, e.nodes()[node.children[i]]); };
  switch (node.kind) {
    case internal::NodeKind::kLiteral:
      return ToString(node.literal);
    case internal::NodeKind::kName:
      return node.name;
    case internal::NodeKind::kUnary:
      return "(" + std::string(internal::OpSpelling(node.op)) + " " + child(0) + ")";
    case internal::NodeKind::kBinary:
      return "(" + child(0) + " " + std::string(internal::OpSpelling(node.op)) + " " + child(1) +
             ")";
    case internal::NodeKind::kCall: {
      std::string out = std::string(internal::InfoOf(node.function).name) + "(";
      for (size_t i = 0; i < node.children.size(); ++i) out += (i ? ", " : "") + child(i);
      return out + ")";
    }
  }
  return "?";
}

std::string Tree(std::string_view source) {
  StatusOr<Expression> e = Compile(source);
  EXPECT_TRUE(e.ok()) << e.status().ToString();
  return e.ok() ? Tree(*e, e->root()) : "";
}

std::string Error(std::string_view source) {
  StatusOr<Expression> e = Compile(source);
  EXPECT_FALSE(e.ok()) << source;
  if (e.ok()) return "";
  EXPECT_EQ(e.status().code(), StatusCode::kInvalidArgument);
  return e.status().message();
}

TEST(PolicyExprParserTest, Precedence) {
  EXPECT_EQ(Tree("a or b and c"), "(a or (b and c))");
  EXPECT_EQ(Tree("not a and b"), "((not a) and b)");
  EXPECT_EQ(Tree("not a == b"), "(not (a == b))");
  EXPECT_EQ(Tree("a + b * c > d - e / f"), "((a + (b * c)) > (d - (e / f)))");
  EXPECT_EQ(Tree("-a * b"), "((- a) * b)");
  EXPECT_EQ(Tree("a - -b"), "(a - (- b))");
  EXPECT_EQ(Tree("not not a"), "(not (not a))");
  EXPECT_EQ(Tree("(a or b) and c"), "((a or b) and c)");
}

TEST(PolicyExprParserTest, LeftAssociativity) {
  EXPECT_EQ(Tree("a - b - c"), "((a - b) - c)");
  EXPECT_EQ(Tree("a / b * c"), "((a / b) * c)");
  EXPECT_EQ(Tree("a or b or c"), "((a or b) or c)");
}

TEST(PolicyExprParserTest, ExamplesFromPolicies) {
  EXPECT_EQ(Tree("rate_ratio >= 2 and q < 0.01 and observed >= 5"),
            "(((rate_ratio >= 2) and (q < 0.01)) and (observed >= 5))");
  EXPECT_EQ(Tree("observed > baseline * 1.5 or share > 10%"),
            "((observed > (baseline * 1.5)) or (share > 0.1))");
  EXPECT_EQ(Tree("signals.regression.failed > 0"), "(signals.regression.failed > 0)");
  EXPECT_EQ(Tree("severity in ['critical', 'high'] and count >= 3"),
            "((severity in ['critical', 'high']) and (count >= 3))");
  EXPECT_EQ(Tree("max(observed - expected, 0) / max(expected, 1)"),
            "(max((observed - expected), 0) / max(expected, 1))");
  EXPECT_EQ(Tree("age > 48h"), "(age > 172800)");
}

TEST(PolicyExprParserTest, MembershipAndLists) {
  EXPECT_EQ(Tree("x not in [1, -2, 3.5]"), "(x not in [1, -2, 3.5])");
  EXPECT_EQ(Tree("x in []"), "(x in [])");
  EXPECT_EQ(Tree("x in allowed"), "(x in allowed)");
  EXPECT_EQ(Tree("flag in [true, false]"), "(flag in [true, false])");
  EXPECT_EQ(Tree("not x in [1]"), "(not (x in [1]))");
  EXPECT_THAT(Error("x in [1, 'a']"),
              StartsWith("list items must all have one type; this is a string, the first is a "
                         "number at column 10"));
  EXPECT_THAT(Error("x in [a]"), StartsWith("list items must be numbers, strings or booleans, "
                                            "got name 'a' at column 7"));
  EXPECT_THAT(Error("x in [null]"), StartsWith("list items must be numbers"));
  EXPECT_THAT(Error("x in [1 2]"), StartsWith("expected ',' or ']', got a number at column 9"));
  EXPECT_THAT(Error("x in [1,"), StartsWith("list items must be numbers, strings or booleans, "
                                            "got the end of the expression at column 9"));
  EXPECT_THAT(Error("[1] == x"), StartsWith("a list can only follow 'in' or 'not in' at column 1"));
}

TEST(PolicyExprParserTest, ComparisonsDoNotChain) {
  EXPECT_THAT(Error("1 < x < 3"),
              StartsWith("comparisons do not chain; join them with 'and' at column 7"));
  EXPECT_EQ(Tree("(1 < x) == true"), "((1 < x) == true)");
}

TEST(PolicyExprParserTest, Literals) {
  EXPECT_EQ(Tree("true"), "true");
  EXPECT_EQ(Tree("null"), "null");
  EXPECT_EQ(Tree("\"x\" == 'x'"), "('x' == 'x')");
  EXPECT_EQ(Tree("coalesce(a, null)"), "coalesce(a, null)");
}

TEST(PolicyExprParserTest, Calls) {
  EXPECT_EQ(Tree("min(a)"), "min(a)");
  EXPECT_EQ(Tree("max(a, b, c, 1)"), "max(a, b, c, 1)");
  EXPECT_EQ(Tree("round(sqrt(abs(x)) + log(y), 2)"), "round((sqrt(abs(x)) + log(y)), 2)");
  EXPECT_EQ(Tree("exists(evidence.q) and coalesce(q, 1) < 0.05"),
            "(exists(evidence.q) and (coalesce(q, 1) < 0.05))");
}

TEST(PolicyExprParserTest, CallErrors) {
  EXPECT_THAT(Error("mx(a)"), StartsWith("unknown function 'mx'; did you mean 'max'? at column 1"));
  EXPECT_THAT(Error("x + median(a)"),
              StartsWith("unknown function 'median'; the functions are min, max, abs, sqrt, "
                         "log, exists, coalesce and round at column 5"));
  EXPECT_THAT(Error("max()"), StartsWith("max() takes at least 1 argument, got 0 at column 1"));
  EXPECT_THAT(Error("1 + abs(a, b)"), StartsWith("abs() takes 1 argument, got 2 at column 5"));
  EXPECT_THAT(Error("round(a)"), StartsWith("round() takes 2 arguments, got 1 at column 1"));
  EXPECT_THAT(Error("coalesce(a)"),
              StartsWith("coalesce() takes at least 2 arguments, got 1 at column 1"));
  EXPECT_THAT(Error("exists(a + 1)"),
              StartsWith("exists() takes a name, as in exists(evidence.q) at column 8"));
  EXPECT_THAT(Error("round(a, 1.5)"),
              StartsWith("round() digits must be a whole number from 0 to 15 at column 10"));
  EXPECT_THAT(Error("round(a, 16)"), StartsWith("round() digits must be a whole number"));
  EXPECT_THAT(Error("max(a, b"), StartsWith("expected ',' or ')', got the end of the "
                                            "expression at column 9"));
  EXPECT_THAT(Error("max(a,)"), StartsWith("expected a value, got ')' at column 7"));
}

TEST(PolicyExprParserTest, SyntaxErrors) {
  EXPECT_THAT(Error(""), StartsWith("expected a value, got the end of the expression at column 1"));
  EXPECT_THAT(Error("(a + b"),
              StartsWith("expected ')', got the end of the expression at column 7"));
  EXPECT_THAT(Error("a b"), StartsWith("expected an operator or the end of the expression, got "
                                       "name 'b' at column 3"));
  EXPECT_THAT(Error("a +"), StartsWith("expected a value, got the end of the expression"));
  EXPECT_THAT(Error("a and or b"), StartsWith("expected a value, got 'or' at column 7"));
  EXPECT_THAT(Error("a)"), StartsWith("expected an operator or the end of the expression, got "
                                      "')' at column 2"));
  EXPECT_THAT(Error("+a"), StartsWith("expected a value, got '+' at column 1"));
}

TEST(PolicyExprParserTest, StaticTypeErrorsBetweenLiterals) {
  EXPECT_THAT(Error("'a' < 3"),
              StartsWith("'<' cannot compare a string with a number at column 5"));
  EXPECT_THAT(Error("x > 1 and 2"), StartsWith("'and' needs bools, got a number at column 7"));
  EXPECT_THAT(Error("not 5"), StartsWith("'not' needs a bool, got a number at column 1"));
  EXPECT_THAT(Error("-'a'"), StartsWith("'-' needs a number, got a string at column 1"));
  EXPECT_THAT(Error("x + 'a'"), StartsWith("'+' needs numbers, got a string at column 3"));
  EXPECT_THAT(Error("true < false"), StartsWith("'<' cannot compare a bool at column 6"));
  EXPECT_THAT(Error("x in 3"), StartsWith("'in' needs a list on its right, got a number"));
  EXPECT_THAT(Error("1 in ['a']"), StartsWith("'in' looks for a number in a list of strings"));
  EXPECT_THAT(Error("max('a')"), StartsWith("max() needs numbers, got a string at column 1"));
  EXPECT_THAT(Error("(x > 1) + 1"), StartsWith("'+' needs numbers, got a bool at column 9"));
  // Names and null are untyped until evaluation.
  EXPECT_TRUE(Compile("x < 3 and y == 'a' and null + 1 > 0").ok());
}

TEST(PolicyExprParserTest, NamesAreSortedAndUnique) {
  StatusOr<Expression> e =
      Compile("b.x > 1 and a < 2 or exists(c) and b.x < max(a, d) and abs(1) > 0");
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_THAT(e->Names(), ElementsAre("a", "b.x", "c", "d"));
  EXPECT_THAT(Compile("1 + 2")->Names(), IsEmpty());
  EXPECT_EQ(Compile("a>1")->source(), "a>1");
}

}  // namespace
}  // namespace docket::policies::expr
