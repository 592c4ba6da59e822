#include "policies/expr/evaluate.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <thread>
#include <vector>

#include "policies/expr/expression.h"

namespace docket::policies::expr {
namespace {

using ::testing::StartsWith;

MapEnvironment Env() {
  MapEnvironment env;
  env.Set("observed", Value::Number(12));
  env.Set("expected", Value::Number(4));
  env.Set("baseline", Value::Number(6));
  env.Set("share", Value::Number(0.2));
  env.Set("q", Value::Number(0.004));
  env.Set("rate_ratio", Value::Number(2.5));
  env.Set("zero", Value::Number(0));
  env.Set("neg", Value::Number(-4));
  env.Set("big", Value::Number(1e308));
  env.Set("severity", Value::String("high"));
  env.Set("count", Value::Number(3));
  env.Set("flag", Value::Bool(true));
  env.Set("signals.regression.failed", Value::Number(2));
  env.Set("allowed", Value::List({Value::String("low"), Value::String("high")}));
  env.Set("mixed", Value::List({Value::Number(1), Value::String("high")}));
  env.Set("null_value", Value::Missing());
  env.Set("not_a_number", Value::Number(std::nan("")));
  env.Set("infinite", Value::Number(std::numeric_limits<double>::infinity()));
  return env;
}

Value Eval(std::string_view source) {
  StatusOr<Expression> e = Compile(source);
  EXPECT_TRUE(e.ok()) << e.status().ToString();
  if (!e.ok()) return Value::String("<compile error>");
  StatusOr<Value> v = Evaluate(*e, Env());
  EXPECT_TRUE(v.ok()) << v.status().ToString();
  return v.ok() ? *v : Value::String("<evaluation error>");
}

double Num(std::string_view source) {
  const Value v = Eval(source);
  EXPECT_EQ(v.kind(), ValueKind::kNumber) << source;
  return v.kind() == ValueKind::kNumber ? v.number() : std::nan("");
}

Status EvalError(std::string_view source) {
  StatusOr<Expression> e = Compile(source);
  EXPECT_TRUE(e.ok()) << e.status().ToString();
  if (!e.ok()) return e.status();
  StatusOr<Value> v = Evaluate(*e, Env());
  EXPECT_FALSE(v.ok()) << source;
  return v.ok() ? Status() : v.status();
}

TEST(PolicyExprEvaluateTest, PolicyExamples) {
  EXPECT_EQ(Eval("rate_ratio >= 2 and q < 0.01 and observed >= 5"), Value::Bool(true));
  EXPECT_EQ(Eval("observed > baseline * 1.5 or share > 10%"), Value::Bool(true));
  EXPECT_EQ(Eval("signals.regression.failed > 0"), Value::Bool(true));
  EXPECT_EQ(Eval("severity in ['critical', 'high'] and count >= 3"), Value::Bool(true));
  EXPECT_EQ(Num("max(observed - expected, 0) / max(expected, 1)"), 2);
}

TEST(PolicyExprEvaluateTest, Arithmetic) {
  EXPECT_EQ(Num("1 + 2 * 3"), 7);
  EXPECT_EQ(Num("(1 + 2) * 3"), 9);
  EXPECT_EQ(Num("10 - 4 - 3"), 3);
  EXPECT_EQ(Num("8 / 4 / 2"), 1);
  EXPECT_EQ(Num("-observed + 2"), -10);
  EXPECT_EQ(Num("- -3"), 3);
  EXPECT_EQ(Num("0.1 + 0.2"), 0.1 + 0.2);
  EXPECT_EQ(Num("2h / 1m"), 120);
}

TEST(PolicyExprEvaluateTest, Comparisons) {
  EXPECT_EQ(Eval("1 < 2"), Value::Bool(true));
  EXPECT_EQ(Eval("2 <= 2"), Value::Bool(true));
  EXPECT_EQ(Eval("3 > 4"), Value::Bool(false));
  EXPECT_EQ(Eval("3 >= 4"), Value::Bool(false));
  EXPECT_EQ(Eval("0 == -0"), Value::Bool(true));
  EXPECT_EQ(Eval("severity == 'high'"), Value::Bool(true));
  EXPECT_EQ(Eval("severity != \"high\""), Value::Bool(false));
  EXPECT_EQ(Eval("'abc' < 'abd'"), Value::Bool(true));
  EXPECT_EQ(Eval("'Z' < 'a'"), Value::Bool(true));  // byte order
  EXPECT_EQ(Eval("flag == true"), Value::Bool(true));
  EXPECT_EQ(Eval("flag != (1 > 2)"), Value::Bool(true));
}

TEST(PolicyExprEvaluateTest, Membership) {
  EXPECT_EQ(Eval("severity in allowed"), Value::Bool(true));
  EXPECT_EQ(Eval("'medium' in allowed"), Value::Bool(false));
  EXPECT_EQ(Eval("'medium' not in allowed"), Value::Bool(true));
  EXPECT_EQ(Eval("count in [1, 2, 3]"), Value::Bool(true));
  EXPECT_EQ(Eval("-1 in [1, -1]"), Value::Bool(true));
  EXPECT_EQ(Eval("count in []"), Value::Bool(false));
  EXPECT_EQ(Eval("flag in [false]"), Value::Bool(false));
}

TEST(PolicyExprEvaluateTest, Functions) {
  EXPECT_EQ(Num("min(3, 1, 2)"), 1);
  EXPECT_EQ(Num("max(3, 1, 2)"), 3);
  EXPECT_EQ(Num("min(7)"), 7);
  EXPECT_EQ(Num("abs(neg)"), 4);
  EXPECT_EQ(Num("sqrt(16)"), 4);
  EXPECT_EQ(Num("log(1)"), 0);
  EXPECT_DOUBLE_EQ(Num("log(observed)"), std::log(12.0));
  EXPECT_EQ(Num("round(2.675, 2)"), 2.67);  // the double below 2.675
  EXPECT_EQ(Num("round(0.125, 2)"), 0.12);  // exact tie: to even
  EXPECT_EQ(Num("round(2.5, 0)"), 2);
  EXPECT_EQ(Num("round(-1.25, 1)"), -1.2);
  EXPECT_EQ(Num("round(1 / 3, 4)"), 0.3333);
  EXPECT_EQ(Num("round(1e300, 15)"), 1e300);
  EXPECT_EQ(Eval("exists(observed)"), Value::Bool(true));
  EXPECT_EQ(Eval("exists(nothing)"), Value::Bool(false));
  EXPECT_EQ(Eval("exists(null_value)"), Value::Bool(false));
  EXPECT_EQ(Num("coalesce(nothing, null_value, 5, 1 / 0)"), 5);  // lazy after 5
  EXPECT_TRUE(Eval("coalesce(nothing, null)").is_missing());
  EXPECT_EQ(Eval("coalesce(nothing, 'x')"), Value::String("x"));
}

TEST(PolicyExprEvaluateTest, RoundDigitsFromAName) {
  MapEnvironment env;
  env.Set("digits", Value::Number(1.5));
  StatusOr<Expression> e = Compile("round(1, digits)");
  ASSERT_TRUE(e.ok());
  StatusOr<Value> v = Evaluate(*e, env);
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(v.status().message(),
              StartsWith("round() digits must be a whole number from 0 to 15 at column 1"));
}

TEST(PolicyExprEvaluateTest, DomainErrorsCarryTheOperatorPosition) {
  Status s = EvalError("observed / zero > 1");
  EXPECT_EQ(s.code(), StatusCode::kOutOfRange);
  EXPECT_EQ(s.message(),
            "division by zero at column 10\n"
            "  observed / zero > 1\n"
            "           ^");
  EXPECT_THAT(EvalError("1 + sqrt(neg)").message(),
              StartsWith("sqrt() of a negative number at column 5"));
  EXPECT_THAT(EvalError("log(zero)").message(), StartsWith("log() of zero or a negative number"));
  EXPECT_THAT(EvalError("log(neg)").message(), StartsWith("log() of zero or a negative number"));
  EXPECT_THAT(EvalError("big * 10").message(),
              StartsWith("result of '*' is not a finite number at column 5"));
  EXPECT_THAT(EvalError("-big - big").message(), StartsWith("result of '-' is not a finite"));
  EXPECT_EQ(EvalError("big * 10").code(), StatusCode::kOutOfRange);
}

TEST(PolicyExprEvaluateTest, NonFiniteInputs) {
  // NaN in the evidence is "no estimate": missing.
  EXPECT_EQ(Eval("not_a_number > 1"), Value::Missing());
  EXPECT_EQ(Eval("not_a_number > 1 or true"), Value::Bool(true));
  EXPECT_EQ(Eval("exists(not_a_number)"), Value::Bool(false));
  // An infinite rate ratio compares like a number and stays infinite in arithmetic.
  EXPECT_EQ(Eval("1 < infinite"), Value::Bool(true));
  EXPECT_EQ(Eval("infinite * 2 > 1000"), Value::Bool(true));
  EXPECT_EQ(Eval("min(infinite, 3)"), Value::Number(3));
  // inf - inf is NaN: an error, never a silent NaN.
  EXPECT_THAT(EvalError("infinite - infinite").message(),
              StartsWith("result of '-' is not a finite number"));
}

TEST(PolicyExprEvaluateTest, TypeErrorsCarryThePosition) {
  Status s = EvalError("severity < 3");
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(s.message(), StartsWith("'<' cannot compare a string with a number at column 10"));
  EXPECT_THAT(EvalError("severity + 1").message(),
              StartsWith("'+' needs numbers, got a string at column 10"));
  EXPECT_THAT(EvalError("-severity").message(), StartsWith("'-' needs a number, got a string"));
  EXPECT_THAT(EvalError("not count").message(), StartsWith("'not' needs a bool, got a number"));
  EXPECT_THAT(EvalError("count and flag").message(),
              StartsWith("'and' needs bools, got a number at column 7"));
  EXPECT_THAT(EvalError("not flag or count").message(), StartsWith("'or' needs bools"));
  EXPECT_THAT(EvalError("flag < flag").message(), StartsWith("'<' cannot compare a bool"));
  EXPECT_THAT(EvalError("allowed == allowed").message(), StartsWith("'==' cannot compare a list"));
  EXPECT_THAT(EvalError("count in allowed").message(),
              StartsWith("'in' looks for a number in a list holding a string at column 7"));
  EXPECT_THAT(EvalError("severity in mixed").message(), StartsWith("'in' looks for a string"));
  EXPECT_THAT(EvalError("count in severity").message(),
              StartsWith("'in' needs a list on its right, got a string"));
  EXPECT_THAT(EvalError("allowed in allowed").message(), StartsWith("'in' cannot look for a list"));
  EXPECT_THAT(EvalError("max(count, severity)").message(),
              StartsWith("max() needs numbers, got a string at column 1"));
}

TEST(PolicyExprEvaluateTest, CriterionOutcomes) {
  const MapEnvironment env = Env();
  EXPECT_EQ(*EvaluateCriterion(*Compile("observed > 1"), env), Truth::kTrue);
  EXPECT_EQ(*EvaluateCriterion(*Compile("observed < 1"), env), Truth::kFalse);
  EXPECT_EQ(*EvaluateCriterion(*Compile("nothing < 1"), env), Truth::kMissing);
  StatusOr<Truth> metric = EvaluateCriterion(*Compile("observed * 2"), env);
  ASSERT_FALSE(metric.ok());
  EXPECT_EQ(metric.status().message(), "a criterion must be true or false, got a number");
  EXPECT_FALSE(EvaluateCriterion(*Compile("observed / zero > 1"), env).ok());
}

TEST(PolicyExprEvaluateTest, ConcurrentEvaluationOfOneExpression) {
  const StatusOr<Expression> e = Compile("max(observed - expected, 0) / max(expected, 1) > 1.5");
  ASSERT_TRUE(e.ok());
  const MapEnvironment env = Env();
  std::vector<std::thread> threads;
  std::vector<int> trues(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        StatusOr<Value> v = Evaluate(*e, env);
        if (v.ok() && *v == Value::Bool(true)) ++trues[t];
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const int count : trues) EXPECT_EQ(count, 200);
}

}  // namespace
}  // namespace docket::policies::expr
