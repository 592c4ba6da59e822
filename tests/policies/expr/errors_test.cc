// Exact error messages: what is wrong, where (1-based column), the source line, a caret.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "policies/expr/evaluate.h"
#include "policies/expr/expression.h"
#include "policies/expr/internal/source_position.h"

namespace docket::policies::expr {
namespace {

std::string CompileError(std::string_view source) {
  StatusOr<Expression> e = Compile(source);
  EXPECT_FALSE(e.ok()) << source;
  return e.ok() ? "" : e.status().message();
}

TEST(PolicyExprErrorsTest, MissingParenthesisWithCaret) {
  EXPECT_EQ(CompileError("max(observed, 1 and q < 1"),
            "expected ',' or ')', got the end of the expression at column 26\n"
            "  max(observed, 1 and q < 1\n"
            "                           ^");
  EXPECT_EQ(CompileError("(observed > 1 q"),
            "expected ')', got name 'q' at column 15\n"
            "  (observed > 1 q\n"
            "                ^");
}

TEST(PolicyExprErrorsTest, ColumnsCountCharactersNotBytes) {
  EXPECT_EQ(CompileError("'é€' == x )"),
            "expected an operator or the end of the expression, got ')' at column 11\n"
            "  'é€' == x )\n"
            "            ^");
}

TEST(PolicyExprErrorsTest, MultiLineSourcesReportTheLine) {
  EXPECT_EQ(CompileError("a > 1 and\n  b >> 2"),
            "expected a value, got '>' at line 2, column 6\n"
            "    b >> 2\n"
            "       ^");
}

TEST(PolicyExprErrorsTest, TabsKeepTheCaretAligned) {
  EXPECT_EQ(CompileError("\ta ?"),
            "unexpected character '?' at column 4\n"
            "  \ta ?\n"
            "  \t  ^");
}

TEST(PolicyExprErrorsTest, UnprintableBytesAreShownAsQuestionMarks) {
  EXPECT_EQ(CompileError("a \x01"),
            "unexpected byte 0x01 at column 3\n"
            "  a ?\n"
            "    ^");
  EXPECT_EQ(CompileError("'\xFF'"),
            "invalid UTF-8 in a string at column 2\n"
            "  '?'\n"
            "   ^");
}

TEST(PolicyExprErrorsTest, LongLinesAreClippedAroundThePosition) {
  const std::string source = "a" + std::string(100, ' ') + "?" + std::string(100, ' ') + "b";
  const std::string message = CompileError(source);
  EXPECT_EQ(message, "unexpected character '?' at column 102\n  ..." + std::string(40, ' ') + "?" +
                         std::string(39, ' ') + "...\n  " + std::string(43, ' ') + "^");
}

TEST(PolicyExprErrorsTest, EvaluationErrorsUseTheSameShape) {
  MapEnvironment env;
  env.Set("expected", Value::Number(0));
  StatusOr<Value> v = Evaluate(*Compile("observed_rate > 1 or 3 / expected > 2"), env);
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.status().message(),
            "division by zero at column 24\n"
            "  observed_rate > 1 or 3 / expected > 2\n"
            "                         ^");
}

TEST(PolicyExprSourcePositionTest, PositionOf) {
  EXPECT_EQ(internal::PositionOf("abc", 0).column, 1);
  EXPECT_EQ(internal::PositionOf("abc", 3).column, 4);
  EXPECT_EQ(internal::PositionOf("ab\ncd", 4).line, 2);
  EXPECT_EQ(internal::PositionOf("ab\ncd", 4).column, 2);
  EXPECT_EQ(internal::PositionOf("\xC3\xA9x", 2).column, 2);
  EXPECT_EQ(internal::PositionOf("abc", 99).column, 4);  // clamped
  EXPECT_EQ(internal::DescribePosition("ab\ncd", 4), "line 2, column 2");
  EXPECT_EQ(internal::DescribePosition("abcd", 2), "column 3");
}

}  // namespace
}  // namespace docket::policies::expr
