// Three-valued logic and missing-data propagation.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "policies/expr/evaluate.h"
#include "policies/expr/expression.h"

namespace docket::policies::expr {
namespace {

MapEnvironment Env() {
  MapEnvironment env;
  env.Set("t", Value::Bool(true));
  env.Set("f", Value::Bool(false));
  env.Set("one", Value::Number(1));
  env.Set("zero", Value::Number(0));
  env.Set("s", Value::String("x"));
  env.Set("explicit_missing", Value::Missing());
  env.Set("list", Value::List({Value::Number(1)}));
  return env;
}

// "true", "false", "missing" or the error message.
std::string Eval(std::string_view source) {
  StatusOr<Expression> e = Compile(source);
  if (!e.ok()) return "compile: " + e.status().message();
  StatusOr<Value> v = Evaluate(*e, Env());
  if (!v.ok()) return "error: " + v.status().message();
  if (v->is_missing()) return "missing";
  return ToString(*v);
}

struct Case {
  const char* source;
  const char* want;
};

TEST(PolicyExprKleeneTest, AndTruthTable) {
  for (const Case& c :
       {Case{"t and t", "true"}, Case{"t and f", "false"}, Case{"f and t", "false"},
        Case{"f and f", "false"}, Case{"t and m", "missing"}, Case{"m and t", "missing"},
        Case{"f and m", "false"}, Case{"m and f", "false"}, Case{"m and m", "missing"}}) {
    EXPECT_EQ(Eval(c.source), c.want) << c.source;
  }
}

TEST(PolicyExprKleeneTest, OrTruthTable) {
  for (const Case& c :
       {Case{"t or t", "true"}, Case{"t or f", "true"}, Case{"f or t", "true"},
        Case{"f or f", "false"}, Case{"t or m", "true"}, Case{"m or t", "true"},
        Case{"f or m", "missing"}, Case{"m or f", "missing"}, Case{"m or m", "missing"}}) {
    EXPECT_EQ(Eval(c.source), c.want) << c.source;
  }
}

TEST(PolicyExprKleeneTest, NotOfMissingIsMissing) {
  EXPECT_EQ(Eval("not m"), "missing");
  EXPECT_EQ(Eval("not t"), "false");
  EXPECT_EQ(Eval("not explicit_missing"), "missing");
}

TEST(PolicyExprKleeneTest, ShortCircuitSkipsTheRightSide) {
  EXPECT_EQ(Eval("f and one / zero > 1"), "false");
  EXPECT_EQ(Eval("t or one / zero > 1"), "true");
  // A missing left side does not decide, so the right side runs.
  EXPECT_EQ(Eval("m and one / zero > 1").rfind("error: division by zero at column 11", 0), 0u);
  EXPECT_EQ(Eval("m or one / zero > 1").rfind("error: division by zero", 0), 0u);
}

TEST(PolicyExprKleeneTest, TypeOfAnOperandIsCheckedEvenWhenMissingDecidesNothing) {
  EXPECT_EQ(Eval("m and one").rfind("error: 'and' needs bools, got a number at column 3", 0), 0u);
  EXPECT_EQ(Eval("one or t").rfind("error: 'or' needs bools, got a number", 0), 0u);
}

TEST(PolicyExprKleeneTest, MissingPropagatesThroughArithmeticComparisonsAndFunctions) {
  for (const char* source : {"m + 1",
                             "1 - m",
                             "m * 0",
                             "m / 0",
                             "-m",
                             "m > 1",
                             "1 <= m",
                             "m == m",
                             "m != 1",
                             "s == m",
                             "m in [1]",
                             "one in m",
                             "m not in list",
                             "min(1, m)",
                             "max(m)",
                             "abs(m)",
                             "sqrt(m)",
                             "log(m)",
                             "round(m, 2)",
                             "round(1.5, m)",
                             "null + 1",
                             "null == null",
                             "m > 1 and t",
                             "coalesce(m, null)",
                             "explicit_missing * 2"}) {
    EXPECT_EQ(Eval(source), "missing") << source;
  }
}

TEST(PolicyExprKleeneTest, TypeErrorsWinOverMissing) {
  EXPECT_EQ(Eval("s + m").rfind("error: '+' needs numbers, got a string", 0), 0u);
  EXPECT_EQ(Eval("max(m, s)").rfind("error: max() needs numbers, got a string", 0), 0u);
  EXPECT_EQ(Eval("m in s").rfind("error: 'in' needs a list on its right", 0), 0u);
}

TEST(PolicyExprKleeneTest, ExistsAndCoalesceTurnMissingIntoAnswers) {
  EXPECT_EQ(Eval("exists(m)"), "false");
  EXPECT_EQ(Eval("not exists(m) or m > 1"), "true");
  EXPECT_EQ(Eval("coalesce(m, 0) > 1"), "false");
  EXPECT_EQ(Eval("coalesce(m, explicit_missing, one)"), "1");
}

}  // namespace
}  // namespace docket::policies::expr
